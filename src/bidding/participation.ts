// Who takes part in a tender, read from the database for the who-may-bid rules (rules.ts).
//
// The current content of every bid sits sealed in bids.draft (AAD `bid:<id>:draft`, JSON with a
// `subcontractors: [{kvkNumber}]` list); the subcontractors named there count for the rules. Withdrawn
// bids do not take part.
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { open, type Vault } from "../platform/vault.ts";
import { type ActiveBid, addedViolations, type Party } from "./rules.ts";

export interface Participation {
  parties: Map<string, Party>;
  bids: ActiveBid[];
}

export const draftAad = (bidId: string) => `bid:${bidId}:draft`;

export async function loadParticipation(tx: Sql, vault: Vault, tenderId: string, now: Date): Promise<Participation> {
  const rows = await tx.query<{
    id: string;
    segment_id: string;
    segment_name: string;
    bidder_id: string;
    draft: Uint8Array | null;
  }>(
    `select b.id, b.segment_id, s.name as segment_name, b.bidder_id, b.draft
       from bids b join segments s on s.id = b.segment_id
      where b.tender_id = $1 and b.status <> 'withdrawn'
      order by b.created_at, b.id`,
    [tenderId],
  );
  const key = rows.some((r) => r.draft) ? await vault.tenderKey(tx, tenderId, now) : undefined;
  const bids: ActiveBid[] = rows.map((r) => {
    let subcontractorKvks: string[] = [];
    if (r.draft && key) {
      const content = JSON.parse(open(key, r.draft, draftAad(r.id)).toString("utf8")) as {
        subcontractors?: { kvkNumber?: string }[];
      };
      subcontractorKvks = (content.subcontractors ?? []).flatMap((s) => (s.kvkNumber ? [s.kvkNumber] : []));
    }
    return { id: r.id, segmentId: r.segment_id, segmentName: r.segment_name, bidderId: r.bidder_id, subcontractorKvks };
  });
  const parties = await loadParties(
    tx,
    bids.map((b) => b.bidderId),
  );
  return { parties, bids };
}

/** The organisations with these ids, and for combinations also their members. */
export async function loadParties(tx: Sql, ids: readonly string[]): Promise<Map<string, Party>> {
  const parties = new Map<string, Party>();
  if (ids.length === 0) return parties;
  const rows = await tx.query<{ id: string; name: string; kvk_number: string | null; member_ids: string[] | null }>(
    `select o.id, o.name, o.kvk_number,
            (select array_agg(m.member_id order by m.position, m.member_id)
               from combination_members m where m.combination_id = o.id) as member_ids
       from organisations o
      where o.id = any($1::uuid[])
         or o.id in (select member_id from combination_members where combination_id = any($1::uuid[]))`,
    [[...new Set(ids)]],
  );
  for (const r of rows) {
    parties.set(r.id, { id: r.id, name: r.name, kvkNumber: r.kvk_number, memberIds: r.member_ids ?? [] });
  }
  return parties;
}

/** Refuses (409, naming the rule) a change that would add a violation of the who-may-bid rules. */
export function assertAllowed(before: Participation, after: Participation): void {
  const [violation] = addedViolations(before, after);
  if (violation) throw new AppError("CONFLICT", violation.message, { rule: violation.rule });
}
