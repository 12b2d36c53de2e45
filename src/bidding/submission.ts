// Submitting a bid: the exact bytes (canonical JSON of the content and the files it includes) are
// sealed into bid_submissions in one transaction with the bid's status and the audit entry, and the
// receipt (server time, SHA-256 of those bytes, valid until) is answered only after that commit.
// Withdrawal keeps every submission; the last submitted version counts.
//
// Also the reads of submitted bids: the owner's (always) and the staff's (only after the opening,
// only the version that counts, assessors only for their segments).
import { createHash } from "node:crypto";
import { appendAudit } from "../platform/audit.ts";
import { dutchDate } from "../platform/clock.ts";
import { fromDayNumber, toDayNumber } from "../platform/dates.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { SEGMENT_SCOPED_ROLES } from "../platform/policy.ts";
import { open, seal, type Vault } from "../platform/vault.ts";
import { canonicalJson } from "./canonical.ts";
import type { BidContent } from "./content.ts";
import {
  actorOf,
  assertBiddingOpen,
  assertMayBid,
  type BidRow,
  type BidStatus,
  bidContext,
  type Caller,
  completenessOf,
  iso,
  lockTender,
  ownBid,
  partiesOf,
  readDraft,
  regionBid,
  tenderState,
} from "./store.ts";

export const submissionAad = (bidId: string, version: number) => `bid:${bidId}:v${version}`;
const fileMetaAad = (fileId: string) => `file-meta:${fileId}`;

/** Exactly what a submission is; its canonical JSON is the submitted bytes. */
export interface SubmissionDocument {
  tenderId: string;
  segmentId: string;
  bidderId: string;
  version: number;
  submittedAt: string;
  content: BidContent;
  files: { id: string; sha256: string; sizeBytes: number; mediaType: string }[];
}

export interface Receipt {
  bidId: string;
  version: number;
  submittedAt: string;
  sha256: string;
  validUntil: string;
  tenderName: string;
  segmentName: string;
  bidderName: string;
  files: { id: string; name: string; sha256: string }[];
}

export interface SubmissionSummary {
  version: number;
  sha256: string;
  submittedAt: string;
  validUntil: string;
  withdrawnAt: string | null;
}

export interface BidView {
  id: string;
  tenderId: string;
  segmentId: string;
  bidderId: string;
  bidderName: string;
  status: BidStatus;
  content: BidContent;
  updatedAt: string;
  submissions: SubmissionSummary[];
  completeness: { complete: boolean; missing: { field: string; message: string }[] };
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The last day a bid submitted at `at` stays valid (gestanddoeningstermijn): its Dutch date + days. */
export const validUntil = (at: Date, days: number) => fromDayNumber(toDayNumber(dutchDate(at)) + days);

interface FileRow {
  id: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  meta: Uint8Array;
}

async function fileNames(tx: Sql, vault: Vault, tenderId: string, files: FileRow[], now: Date) {
  if (files.length === 0) return [];
  const key = await vault.tenderKey(tx, tenderId, now);
  return files.map((f) => ({
    id: f.id,
    name: (JSON.parse(open(key, f.meta, fileMetaAad(f.id)).toString("utf8")) as { name: string }).name,
    sha256: f.sha256,
  }));
}

/** Submits the bid's current content as a new version; the receipt is the caller's to answer after commit. */
export async function submitBid(tx: Sql, vault: Vault, caller: Caller, bidId: string, now: Date): Promise<Receipt> {
  const first = await ownBid(tx, caller, bidId);
  await lockTender(tx, first.tender_id);
  // Read after the lock: an extension or another submission may have just committed.
  const tender = await tenderState(tx, caller.regionId, first.tender_id);
  const bid = await ownBid(tx, caller, bidId, true);
  assertBiddingOpen(tender, now);
  if (bid.status === "submitted") {
    throw new AppError("CONFLICT", "the bid is already submitted; withdraw it first to submit a new version", {
      rule: "already_submitted",
    });
  }
  const content = await readDraft(tx, vault, bid, now);
  const status = completenessOf(bid, await bidContext(tx, bid), content, await partiesOf(tx, bid, caller));
  if (!status.complete) {
    throw new AppError("CONFLICT", `the bid is not complete: ${status.missing.map((m) => m.message).join("; ")}`, {
      rule: "incomplete",
      errors: status.missing,
    });
  }
  await assertMayBid(tx, vault, bid, content, now);

  const [last] = await tx.query<{ version: number | null }>(
    "select max(version) as version from bid_submissions where bid_id = $1",
    [bidId],
  );
  const version = Number(last?.version ?? 0) + 1;
  const files = await tx.query<FileRow>(
    "select id, sha256, size_bytes, media_type, meta from files where bid_id = $1 order by uploaded_at, id",
    [bidId],
  );
  const document: SubmissionDocument = {
    tenderId: bid.tender_id,
    segmentId: bid.segment_id,
    bidderId: bid.bidder_id,
    version,
    submittedAt: now.toISOString(),
    content,
    files: files.map((f) => ({ id: f.id, sha256: f.sha256, sizeBytes: Number(f.size_bytes), mediaType: f.media_type })),
  };
  const bytes = Buffer.from(canonicalJson(document), "utf8");
  const sha256 = sha256Hex(bytes);
  const until = validUntil(now, tender.bidValidDays);
  const key = await vault.tenderKey(tx, bid.tender_id, now);
  const [submission] = await tx.query<{ id: string }>(
    `insert into bid_submissions (bid_id, tender_id, version, content, sha256, submitted_at, submitted_by, valid_until)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [bidId, bid.tender_id, version, seal(key, bytes, submissionAad(bidId, version)), sha256, now, caller.id, until],
  );
  for (const f of files) {
    await tx.query("insert into submission_files (submission_id, file_id, sha256) values ($1, $2, $3)", [
      submission!.id,
      f.id,
      f.sha256,
    ]);
  }
  await tx.query("update bids set status = 'submitted', updated_at = $2 where id = $1", [bidId, now]);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "bid",
    entityId: bidId,
    action: "bid.submit",
    after: { version, sha256 },
    at: now,
  });
  return {
    bidId,
    version,
    submittedAt: document.submittedAt,
    sha256,
    validUntil: until,
    tenderName: tender.name,
    segmentName: bid.segment_name,
    bidderName: bid.bidder_name,
    files: await fileNames(tx, vault, bid.tender_id, files, now),
  };
}

/** Withdraws a submitted bid before the closing time; its submissions stay, the last one marked withdrawn. */
export async function withdrawBid(tx: Sql, caller: Caller, bidId: string, now: Date): Promise<void> {
  const first = await ownBid(tx, caller, bidId);
  await lockTender(tx, first.tender_id);
  const tender = await tenderState(tx, caller.regionId, first.tender_id);
  const bid = await ownBid(tx, caller, bidId, true);
  assertBiddingOpen(tender, now);
  if (bid.status !== "submitted") {
    throw new AppError("CONFLICT", `the bid is ${bid.status}, not submitted; there is nothing to withdraw`, {
      rule: "not_submitted",
    });
  }
  const [last] = await tx.query<{ version: number }>(
    `update bid_submissions set withdrawn_at = $2
      where bid_id = $1 and version = (select max(version) from bid_submissions where bid_id = $1)
      returning version`,
    [bidId, now],
  );
  await tx.query("update bids set status = 'withdrawn', updated_at = $2 where id = $1", [bidId, now]);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "bid",
    entityId: bidId,
    action: "bid.withdraw",
    before: { status: "submitted" },
    after: { status: "withdrawn", version: last?.version ?? null },
    at: now,
  });
}

// Reading submissions ----------------------------------------------------------------------------

interface SubmissionRow {
  id: string;
  version: number;
  content: Uint8Array;
  sha256: string;
  submitted_at: Date;
  valid_until: string;
  withdrawn_at: Date | null;
}

const toSummary = (r: SubmissionRow): SubmissionSummary => ({
  version: r.version,
  sha256: r.sha256,
  submittedAt: iso(r.submitted_at)!,
  validUntil: r.valid_until,
  withdrawnAt: iso(r.withdrawn_at),
});

async function submissionRows(db: Sql, bidId: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(
    `select id, version, content, sha256, submitted_at, valid_until, withdrawn_at
       from bid_submissions where bid_id = $1 order by version`,
    [bidId],
  );
}

async function openSubmission(db: Sql, vault: Vault, bid: BidRow, row: SubmissionRow, now: Date): Promise<Buffer> {
  const key = await vault.tenderKey(db, bid.tender_id, now);
  return open(key, row.content, submissionAad(bid.id, row.version));
}

/** Who reads a bid and which of its submissions: the owner all, staff only the one that counts. */
export interface BidAccess {
  bid: BidRow;
  /** The versions the caller may read; null means all. */
  versions: number[] | null;
  owner: boolean;
}

/** The owner's access to a bid. */
export async function ownerAccess(db: Sql, caller: Caller, bidId: string): Promise<BidAccess> {
  return { bid: await ownBid(db, caller, bidId), versions: null, owner: true };
}

/**
 * Staff access to a bid: only after the tender's opening, only a submitted (not withdrawn) bid, only
 * its last version, and for segment-scoped roles (assessors) only in their segments. Anything else is
 * "not found": before the opening not even a bid's existence is told.
 */
export async function staffAccess(db: Sql, caller: Caller, bidId: string): Promise<BidAccess> {
  const bid = await regionBid(db, caller.regionId, bidId);
  const [tender] = await db.query<{ opened_at: Date | null }>("select opened_at from tenders where id = $1", [
    bid.tender_id,
  ]);
  const scoped = SEGMENT_SCOPED_ROLES.includes(caller.role) && !caller.segmentIds.includes(bid.segment_id);
  if (!tender?.opened_at || bid.status !== "submitted" || scoped) throw notFound("bid");
  const [last] = await db.query<{ version: number }>(
    "select max(version) as version from bid_submissions where bid_id = $1",
    [bidId],
  );
  if (!last?.version) throw notFound("bid");
  return { bid, versions: [last.version], owner: false };
}

async function readableSubmission(db: Sql, access: BidAccess, version: number): Promise<SubmissionRow> {
  if (access.versions && !access.versions.includes(version)) throw notFound("submission");
  const row = (await submissionRows(db, access.bid.id)).find((r) => r.version === version);
  if (!row) throw notFound("submission");
  return row;
}

/** Exactly the submitted bytes of one version: their SHA-256 is the receipt's. */
export async function submissionBytes(
  db: Sql,
  vault: Vault,
  access: BidAccess,
  version: number,
  now: Date,
): Promise<Buffer> {
  return openSubmission(db, vault, access.bid, await readableSubmission(db, access, version), now);
}

/** The receipt of a stored submission, as it was answered at submission. */
export async function storedReceipt(
  db: Sql,
  vault: Vault,
  access: BidAccess,
  version: number,
  now: Date,
): Promise<Receipt> {
  const row = await readableSubmission(db, access, version);
  const [tender] = await db.query<{ name: string }>("select name from tenders where id = $1", [access.bid.tender_id]);
  const files = await db.query<FileRow>(
    `select f.id, sf.sha256, f.size_bytes, f.media_type, f.meta
       from submission_files sf join files f on f.id = sf.file_id
      where sf.submission_id = $1 order by f.uploaded_at, f.id`,
    [row.id],
  );
  return {
    bidId: access.bid.id,
    version: row.version,
    submittedAt: iso(row.submitted_at)!,
    sha256: row.sha256,
    validUntil: row.valid_until,
    tenderName: tender!.name,
    segmentName: access.bid.segment_name,
    bidderName: access.bid.bidder_name,
    files: await fileNames(db, vault, access.bid.tender_id, files, now),
  };
}

/**
 * One bid as its reader may see it: the owner sees the current (draft) content and every submission;
 * staff see the content of the version that counts and that submission only.
 */
export async function bidView(db: Sql, vault: Vault, caller: Caller, access: BidAccess, now: Date): Promise<BidView> {
  const { bid } = access;
  const rows = (await submissionRows(db, bid.id)).filter(
    (r) => !access.versions || access.versions.includes(r.version),
  );
  let content: BidContent;
  if (access.owner) content = await readDraft(db, vault, bid, now);
  else {
    const bytes = await openSubmission(db, vault, bid, rows.at(-1)!, now);
    content = (JSON.parse(bytes.toString("utf8")) as SubmissionDocument).content;
  }
  const parties = await partiesOf(db, bid, access.owner ? caller : null);
  return {
    id: bid.id,
    tenderId: bid.tender_id,
    segmentId: bid.segment_id,
    bidderId: bid.bidder_id,
    bidderName: bid.bidder_name,
    status: bid.status,
    content,
    updatedAt: iso(bid.updated_at)!,
    submissions: rows.map(toSummary),
    completeness: completenessOf(bid, await bidContext(db, bid), content, parties),
  };
}

// Lists ------------------------------------------------------------------------------------------

export interface OpenedBid {
  id: string;
  segmentId: string;
  segmentName: string;
  bidderId: string;
  bidderName: string;
  version: number;
  sha256: string;
  submittedAt: string;
  validUntil: string;
  content: BidContent;
  files: { id: string; sha256: string; sizeBytes: number; mediaType: string }[];
}

/**
 * The bids of an opened tender: the last submitted version of every submitted (not withdrawn) bid,
 * decrypted; segment-scoped roles see their segments only. Drafts never submitted are never shown.
 */
export async function openedBids(
  db: Sql,
  vault: Vault,
  caller: Caller,
  tenderId: string,
  now: Date,
): Promise<{ openedAt: string; bids: OpenedBid[] }> {
  const tender = await tenderState(db, caller.regionId, tenderId);
  if (!tender.openedAt) {
    throw new AppError("CONFLICT", "the bids are sealed until two procurement officers have opened them", {
      rule: "not_opened",
    });
  }
  const scoped = SEGMENT_SCOPED_ROLES.includes(caller.role);
  const rows = await db.query<
    SubmissionRow & { bid_id: string; segment_id: string; segment_name: string; bidder_id: string; bidder_name: string }
  >(
    `select b.id as bid_id, b.segment_id, s.name as segment_name, b.bidder_id, o.name as bidder_name,
            bs.id, bs.version, bs.content, bs.sha256, bs.submitted_at, bs.valid_until, bs.withdrawn_at
       from bids b
       join segments s on s.id = b.segment_id
       join lots l on l.id = s.lot_id
       join organisations o on o.id = b.bidder_id
       join bid_submissions bs on bs.bid_id = b.id
        and bs.version = (select max(version) from bid_submissions where bid_id = b.id)
      where b.tender_id = $1 and b.status = 'submitted' and ($2::boolean = false or b.segment_id = any($3::uuid[]))
      order by l.position, s.position, o.name`,
    [tenderId, scoped, [...caller.segmentIds]],
  );
  const key = rows.length > 0 ? await vault.tenderKey(db, tenderId, now) : null;
  return {
    openedAt: tender.openedAt.toISOString(),
    bids: rows.map((r) => {
      const document = JSON.parse(
        open(key!, r.content, submissionAad(r.bid_id, r.version)).toString("utf8"),
      ) as SubmissionDocument;
      return {
        id: r.bid_id,
        segmentId: r.segment_id,
        segmentName: r.segment_name,
        bidderId: r.bidder_id,
        bidderName: r.bidder_name,
        version: r.version,
        sha256: r.sha256,
        submittedAt: iso(r.submitted_at)!,
        validUntil: r.valid_until,
        content: document.content,
        files: document.files,
      };
    }),
  };
}
