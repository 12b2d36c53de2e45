// SQL for registrations and bids: who acts for which bidder, the bid's sealed draft, its content
// checked against its tender, and what the owner sees. Submissions, receipts and the staff's reads
// after the opening are in submission.ts; the closing time and the opening in opening.ts.
//
// Bid content exists in the database only sealed (AES-256-GCM under the tender's key); nothing here
// writes content, file names or bytes to the audit chain.
import { randomUUID } from "node:crypto";
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Role } from "../platform/policy.ts";
import { open, seal, type Vault } from "../platform/vault.ts";
import { type CompletenessInput, completeness, type Party, type ScopedRequirement } from "./completeness.ts";
import { type BidContent, contentErrors, emptyContent } from "./content.ts";
import { assertAllowed, draftAad, loadParticipation, loadParties, type Participation } from "./participation.ts";
import { biddingRefusal, type TenderTimes } from "./window.ts";

/** The user behind a request, as far as bids care. */
export interface Caller {
  id: string;
  email: string;
  regionId: string;
  role: Role;
  organisationId: string | null;
  segmentIds: readonly string[];
}

export const actorOf = (caller: Caller): Actor => ({ id: caller.id, label: caller.email });

export type BidStatus = "draft" | "submitted" | "withdrawn";

// Tenders ------------------------------------------------------------------------------------------

export interface TenderState extends TenderTimes {
  id: string;
  regionId: string;
  name: string;
  bidValidDays: number;
}

interface TenderStateRow {
  id: string;
  region_id: string;
  name: string;
  published_at: Date | null;
  closes_at: Date | null;
  opened_at: Date | null;
  bid_valid_days: number;
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** The tender's bidding times; another region's tender is "not found". */
export async function tenderState(db: Sql, regionId: string, tenderId: string): Promise<TenderState> {
  const [row] = await db.query<TenderStateRow>(
    `select id, region_id, name, published_at, closes_at, opened_at, bid_valid_days
       from tenders where id = $1 and region_id = $2`,
    [tenderId, regionId],
  );
  if (!row) throw notFound("tender");
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    publishedAt: date(row.published_at),
    closesAt: date(row.closes_at),
    openedAt: date(row.opened_at),
    bidValidDays: row.bid_valid_days,
  };
}

/**
 * Serialises the changes to one tender's bids (and its closing time): two concurrent changes cannot
 * both pass the who-may-bid rules, and no submission slips past an extension or the opening.
 */
export async function lockTender(tx: Sql, tenderId: string): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('bids:' || $1))", [tenderId]);
}

/** Refuses (409, naming the rule and the closing time) a change to bids outside the bidding window. */
export function assertBiddingOpen(tender: TenderTimes, now: Date): void {
  const refusal = biddingRefusal(tender, now);
  if (refusal) throw new AppError("CONFLICT", refusal.message, { rule: refusal.rule });
}

// Who acts for which bidder -----------------------------------------------------------------------

export interface ActingAs {
  organisationId: string;
  name: string;
  isCombination: boolean;
}

/** The caller's organisation and the combinations it leads (penvoerder): the bidders it may act for. */
export async function actingAs(db: Sql, caller: Caller): Promise<ActingAs[]> {
  if (!caller.organisationId) return [];
  return db.query<ActingAs>(
    `select id as "organisationId", name, lead_member_id is not null as "isCombination"
       from organisations
      where region_id = $1 and (id = $2 or lead_member_id = $2)
      order by lead_member_id is not null, name`,
    [caller.regionId, caller.organisationId],
  );
}

// Registrations -----------------------------------------------------------------------------------

/** Registers the caller's organisation for the tender (aanmelding); registering twice changes nothing. */
export async function register(
  tx: Sql,
  caller: Caller,
  tenderId: string,
  now: Date,
): Promise<{ tenderId: string; organisationId: string; registeredAt: string; created: boolean }> {
  const organisationId = caller.organisationId;
  if (!organisationId) throw new AppError("FORBIDDEN", "only a provider's user registers its organisation");
  const inserted = await tx.query<{ registered_at: Date }>(
    `insert into registrations (tender_id, organisation_id, registered_by, registered_at) values ($1, $2, $3, $4)
     on conflict (tender_id, organisation_id) do nothing returning registered_at`,
    [tenderId, organisationId, caller.id, now],
  );
  if (inserted.length > 0) {
    await appendAudit(tx, {
      actor: actorOf(caller),
      regionId: caller.regionId,
      entity: "tender",
      entityId: tenderId,
      action: "registration.create",
      after: { organisationId },
      at: now,
    });
    return { tenderId, organisationId, registeredAt: now.toISOString(), created: true };
  }
  const [row] = await tx.query<{ registered_at: Date }>(
    "select registered_at from registrations where tender_id = $1 and organisation_id = $2",
    [tenderId, organisationId],
  );
  return { tenderId, organisationId, registeredAt: iso(row!.registered_at)!, created: false };
}

// Bids --------------------------------------------------------------------------------------------

export interface BidRow {
  id: string;
  tender_id: string;
  segment_id: string;
  segment_name: string;
  lot_id: string;
  bidder_id: string;
  bidder_name: string;
  bidder_kvk: string | null;
  bidder_legal_form: string | null;
  status: BidStatus;
  draft: Uint8Array | null;
  updated_at: Date;
}

const SELECT_BID = `select b.id, b.tender_id, b.segment_id, s.name as segment_name, s.lot_id, b.bidder_id,
       o.name as bidder_name, o.kvk_number as bidder_kvk, o.legal_form as bidder_legal_form,
       b.status, b.draft, b.updated_at
  from bids b
  join tenders t on t.id = b.tender_id
  join segments s on s.id = b.segment_id
  join organisations o on o.id = b.bidder_id`;

/**
 * A bid the caller owns: its bidder is the caller's organisation or a combination it leads. Any
 * other bid, and every bid of another region, is "not found" (not even its existence is told).
 */
export async function ownBid(db: Sql, caller: Caller, bidId: string, forUpdate = false): Promise<BidRow> {
  const [row] = await db.query<BidRow>(
    `${SELECT_BID}
      where b.id = $1 and t.region_id = $2 and (o.id = $3 or o.lead_member_id = $3)${forUpdate ? " for update of b" : ""}`,
    [bidId, caller.regionId, caller.organisationId],
  );
  if (!row) throw notFound("bid");
  return row;
}

/** Any bid of the region (for the staff's reads after the opening; the caller checks the opening). */
export async function regionBid(db: Sql, regionId: string, bidId: string): Promise<BidRow> {
  const [row] = await db.query<BidRow>(`${SELECT_BID} where b.id = $1 and t.region_id = $2`, [bidId, regionId]);
  if (!row) throw notFound("bid");
  return row;
}

export async function readDraft(tx: Sql, vault: Vault, bid: BidRow, now: Date): Promise<BidContent> {
  if (!bid.draft) return emptyContent();
  const key = await vault.tenderKey(tx, bid.tender_id, now);
  return { ...emptyContent(), ...(JSON.parse(open(key, bid.draft, draftAad(bid.id)).toString("utf8")) as BidContent) };
}

async function sealDraft(tx: Sql, vault: Vault, bidId: string, tenderId: string, content: BidContent, now: Date) {
  const key = await vault.tenderKey(tx, tenderId, now);
  return seal(key, Buffer.from(JSON.stringify(content), "utf8"), draftAad(bidId));
}

/** The participation with one bid added or replaced (its subcontractors as in `content`). */
async function withBid(tx: Sql, before: Participation, bid: BidRow, content: BidContent): Promise<Participation> {
  const parties = new Map(before.parties);
  if (!parties.has(bid.bidder_id)) {
    for (const [id, party] of await loadParties(tx, [bid.bidder_id])) parties.set(id, party);
  }
  const active = {
    id: bid.id,
    segmentId: bid.segment_id,
    segmentName: bid.segment_name,
    bidderId: bid.bidder_id,
    subcontractorKvks: content.subcontractors.map((s) => s.kvkNumber),
  };
  return { parties, bids: [...before.bids.filter((b) => b.id !== bid.id), active] };
}

/** Refuses (409 with the rule) when making `bid` active with `content` adds a who-may-bid violation. */
export async function assertMayBid(tx: Sql, vault: Vault, bid: BidRow, content: BidContent, now: Date) {
  const before = await loadParticipation(tx, vault, bid.tender_id, now);
  assertAllowed(before, await withBid(tx, before, bid, content));
}

const oneBidPerSegment = (segmentName: string) =>
  new AppError(
    "CONFLICT",
    `this bidder already has a bid for segment ${segmentName}; a main contractor makes at most one bid per segment`,
    { rule: "one_bid_per_segment" },
  );

/** Creates an empty draft bid on a segment, registering the caller's organisation when it was not. */
export async function createBid(
  tx: Sql,
  vault: Vault,
  caller: Caller,
  tenderId: string,
  input: { segmentId: string; bidderId?: string | undefined },
  now: Date,
): Promise<string> {
  const tender = await tenderState(tx, caller.regionId, tenderId);
  await lockTender(tx, tenderId);
  assertBiddingOpen(tender, now);
  const [segment] = await tx.query<{ id: string; name: string; lot_id: string }>(
    "select id, name, lot_id from segments where id = $1 and tender_id = $2",
    [input.segmentId, tenderId],
  );
  if (!segment) {
    throw new AppError("VALIDATION_FAILED", "body.segmentId: not a segment of this tender", {
      errors: [{ field: "body.segmentId", message: "is not a segment of this tender" }],
    });
  }
  const bidderId = input.bidderId ?? caller.organisationId!;
  const bidder = (await actingAs(tx, caller)).find((a) => a.organisationId === bidderId);
  if (!bidder) {
    throw new AppError("VALIDATION_FAILED", "body.bidderId: not your organisation or a combination you lead", {
      errors: [{ field: "body.bidderId", message: "must be your organisation or a combination you lead" }],
    });
  }
  await register(tx, caller, tenderId, now);

  const [existing] = await tx.query<{ id: string }>("select id from bids where segment_id = $1 and bidder_id = $2", [
    segment.id,
    bidderId,
  ]);
  if (existing) throw oneBidPerSegment(segment.name);
  const id = randomUUID();
  const content = emptyContent();
  const row: BidRow = {
    id,
    tender_id: tenderId,
    segment_id: segment.id,
    segment_name: segment.name,
    lot_id: segment.lot_id,
    bidder_id: bidderId,
    bidder_name: bidder.name,
    bidder_kvk: null,
    bidder_legal_form: null,
    status: "draft",
    draft: null,
    updated_at: now,
  };
  await assertMayBid(tx, vault, row, content, now);
  const inserted = await tx.query<{ id: string }>(
    `insert into bids (id, tender_id, segment_id, bidder_id, status, draft, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, 'draft', $5, $6, $7, $7)
     on conflict (segment_id, bidder_id) do nothing returning id`,
    [id, tenderId, segment.id, bidderId, await sealDraft(tx, vault, id, tenderId, content, now), caller.id, now],
  );
  if (inserted.length === 0) throw oneBidPerSegment(segment.name);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "bid",
    entityId: id,
    action: "bid.create",
    after: { tenderId, segmentId: segment.id, bidderId, status: "draft" },
    at: now,
  });
  return id;
}

// What a bid is checked against ------------------------------------------------------------------

export interface BidContext {
  subsegmentIds: string[];
  municipalityIds: string[];
  requirements: ScopedRequirement[];
  criteria: { id: string; letter: string }[];
  fileIds: string[];
}

export async function bidContext(db: Sql, bid: BidRow): Promise<BidContext> {
  const subsegments = await db.query<{ id: string }>(
    "select id from subsegments where segment_id = $1 order by position, code",
    [bid.segment_id],
  );
  const municipalities = await db.query<{ id: string }>(
    "select municipality_id as id from tender_municipalities where tender_id = $1",
    [bid.tender_id],
  );
  const requirements = await db.query<ScopedRequirement>(
    `select id, code, kind, min_clients as "minClients", lot_id as "lotId", segment_id as "segmentId",
            subsegment_id as "subsegmentId"
       from requirements where tender_id = $1 order by position, code`,
    [bid.tender_id],
  );
  const criteria = await db.query<{ id: string; letter: string }>(
    "select id, letter from criteria where segment_id = $1 order by letter",
    [bid.segment_id],
  );
  const files = await db.query<{ id: string }>("select id from files where bid_id = $1", [bid.id]);
  return {
    subsegmentIds: subsegments.map((s) => s.id),
    municipalityIds: municipalities.map((m) => m.id),
    requirements,
    criteria,
    fileIds: files.map((f) => f.id),
  };
}

/** Requirements that can apply to a bid on this segment (for any choice of its subsegments). */
const requirementsInScope = (bid: BidRow, context: BidContext) =>
  context.requirements.filter((r) =>
    r.subsegmentId
      ? context.subsegmentIds.includes(r.subsegmentId)
      : r.segmentId
        ? r.segmentId === bid.segment_id
        : r.lotId
          ? r.lotId === bid.lot_id
          : true,
  );

/** The bidder, and the caller's own organisation when it acts for a combination it leads. */
export async function partiesOf(db: Sql, bid: BidRow, caller: Caller | null): Promise<Party[]> {
  const parties: Party[] = [
    { as: "bidder", name: bid.bidder_name, kvkNumber: bid.bidder_kvk, legalForm: bid.bidder_legal_form },
  ];
  if (caller?.organisationId && caller.organisationId !== bid.bidder_id) {
    const [org] = await db.query<{ name: string; kvk_number: string | null; legal_form: string | null }>(
      "select name, kvk_number, legal_form from organisations where id = $1",
      [caller.organisationId],
    );
    if (org) parties.push({ as: "organisation", name: org.name, kvkNumber: org.kvk_number, legalForm: org.legal_form });
  }
  return parties;
}

export function completenessOf(bid: BidRow, context: BidContext, content: BidContent, parties: Party[]) {
  const input: CompletenessInput = {
    content,
    place: { lotId: bid.lot_id, segmentId: bid.segment_id },
    subsegmentCount: context.subsegmentIds.length,
    requirements: context.requirements,
    criteria: context.criteria,
    parties,
  };
  return completeness(input);
}

/** Saves the bid's content (sealed), after checking every id it names and the who-may-bid rules. */
export async function saveContent(
  tx: Sql,
  vault: Vault,
  caller: Caller,
  bidId: string,
  content: BidContent,
  now: Date,
): Promise<void> {
  const bid = await ownBid(tx, caller, bidId);
  const tender = await tenderState(tx, caller.regionId, bid.tender_id);
  await lockTender(tx, bid.tender_id);
  const locked = await ownBid(tx, caller, bidId, true);
  assertBiddingOpen(tender, now);
  if (locked.status === "submitted") {
    throw new AppError("CONFLICT", "the bid is submitted; withdraw it first to change it", { rule: "submitted" });
  }
  const context = await bidContext(tx, locked);
  const errors = contentErrors(content, {
    subsegmentIds: context.subsegmentIds,
    municipalityIds: context.municipalityIds,
    requirementIds: requirementsInScope(locked, context).map((r) => r.id),
    criterionIds: context.criteria.map((c) => c.id),
    fileIds: context.fileIds,
    bidderKvk: locked.bidder_kvk,
  });
  if (errors.length > 0) {
    throw new AppError("VALIDATION_FAILED", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
  }
  // Subcontractors count for the rules while the bid takes part (a withdrawn one is checked again on resubmission).
  if (locked.status === "draft") await assertMayBid(tx, vault, locked, content, now);
  await tx.query("update bids set draft = $2, updated_at = $3 where id = $1", [
    bidId,
    await sealDraft(tx, vault, bidId, locked.tender_id, content, now),
    now,
  ]);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "bid",
    entityId: bidId,
    action: "bid.update",
    after: { status: locked.status },
    at: now,
  });
}
