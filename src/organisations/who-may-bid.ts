// A change to who an organisation is (a combination's members, a KvK number) can break the
// who-may-bid rules (bidding/rules.ts) in the tenders where it already bids. Such a change is judged
// in every one of those tenders, under the same per-tender locks that bid changes take, so that a
// bid and a membership change made at the same moment cannot both pass.
import { assertAllowed, loadParticipation, type Participation } from "../bidding/participation.ts";
import type { Sql } from "../platform/db.ts";
import type { Vault } from "../platform/vault.ts";

/**
 * Takes the bidding lock of every tender of the region, in a fixed order. Call it first in the
 * transaction, before anything appends to the audit chain (whose lock bid changes take after theirs).
 * Which tenders a change touches is only known after reading memberships, so all are locked: a
 * region has a handful of tenders.
 */
export async function lockBidding(tx: Sql, regionId: string): Promise<void> {
  const tenders = await tx.query<{ id: string }>("select id from tenders where region_id = $1 order by id", [regionId]);
  for (const t of tenders) await tx.query("select pg_advisory_xact_lock(hashtext('bids:' || $1))", [t.id]);
}

/** The tenders with an active bid by one of these organisations, alone or through a combination. */
async function tendersOf(tx: Sql, organisationIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ tender_id: string }>(
    `select distinct b.tender_id from bids b
      where b.status <> 'withdrawn'
        and (b.bidder_id = any($1::uuid[])
             or b.bidder_id in (select combination_id from combination_members where member_id = any($1::uuid[])))
      order by b.tender_id`,
    [[...new Set(organisationIds)]],
  );
  return rows.map((r) => r.tender_id);
}

const copy = (p: Participation): Participation => ({
  parties: new Map([...p.parties].map(([id, party]) => [id, { ...party }])),
  bids: [...p.bids],
});

/**
 * Refuses (409, naming the rule) a change to these organisations that adds a violation of the
 * who-may-bid rules in a tender where one of them bids. `change` gets a copy of a tender's
 * participation and returns it as it would be after the change. Call `lockBidding` first.
 */
export async function assertBiddingStillAllowed(
  tx: Sql,
  vault: Vault,
  now: Date,
  organisationIds: readonly string[],
  change: (participation: Participation) => Participation | Promise<Participation>,
): Promise<void> {
  for (const tenderId of await tendersOf(tx, organisationIds)) {
    const before = await loadParticipation(tx, vault, tenderId, now);
    assertAllowed(before, await change(copy(before)));
  }
}
