// SQL for uploaded files: a bid's files (sealed under the tender's key) and a combination's covenant
// (sealed under the master key). Names are sealed too: a file name can give a bid away. The audit
// entries carry ids, sizes, media types and SHA-256 hashes, never a name or a byte of content.
import type { Actor } from "../platform/audit.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { open, seal, type Vault } from "../platform/vault.ts";
import type { BidState, CombinationMembers } from "./access.ts";
import type { ReceivedFile } from "./upload.ts";

export interface Change {
  actor: Actor;
  regionId: string;
  now: Date;
}

/** A stored file as the API shows it. */
export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export const fileAad = (fileId: string) => `file:${fileId}`;
export const fileMetaAad = (fileId: string) => `file-meta:${fileId}`;
export const covenantAad = (fileId: string) => `covenant:${fileId}`;
export const covenantMetaAad = (fileId: string) => `covenant-meta:${fileId}`;

export interface BidOfFiles extends BidState {
  id: string;
  tenderId: string;
}

/** The bid with what decides who may see and change its files; null when it is not in the region. */
export async function findBid(tx: Sql, regionId: string, bidId: string, lock = false): Promise<BidOfFiles | null> {
  const [row] = await tx.query<{
    id: string;
    tender_id: string;
    segment_id: string;
    bidder_id: string;
    lead_member_id: string | null;
    status: BidState["status"];
    closes_at: Date | null;
    opened_at: Date | null;
  }>(
    `select b.id, b.tender_id, b.segment_id, b.bidder_id, o.lead_member_id, b.status, t.closes_at, t.opened_at
       from bids b
       join tenders t on t.id = b.tender_id
       join organisations o on o.id = b.bidder_id
      where b.id = $1 and t.region_id = $2
      ${lock ? "for update of b" : ""}`,
    [bidId, regionId],
  );
  if (!row) return null;
  return {
    id: row.id,
    tenderId: row.tender_id,
    segmentId: row.segment_id,
    bidderId: row.bidder_id,
    leadMemberId: row.lead_member_id,
    status: row.status,
    closesAt: row.closes_at,
    openedAt: row.opened_at,
  };
}

export interface CombinationOfFiles extends CombinationMembers {
  id: string;
  covenantFileId: string | null;
}

/** A combination of the region (an organisation with a lead member) with its members; null when none. */
export async function findCombination(
  tx: Sql,
  regionId: string,
  combinationId: string,
  lock = false,
): Promise<CombinationOfFiles | null> {
  const [row] = await tx.query<{
    id: string;
    lead_member_id: string;
    covenant_file_id: string | null;
    member_ids: string[] | null;
  }>(
    `select o.id, o.lead_member_id, o.covenant_file_id,
            (select array_agg(m.member_id::text) from combination_members m where m.combination_id = o.id) as member_ids
       from organisations o
      where o.id = $1 and o.region_id = $2 and o.lead_member_id is not null
      ${lock ? "for update" : ""}`,
    [combinationId, regionId],
  );
  if (!row) return null;
  return {
    id: row.id,
    leadMemberId: row.lead_member_id,
    memberIds: row.member_ids ?? [],
    covenantFileId: row.covenant_file_id,
  };
}

interface FileRow {
  id: string;
  purpose: "bid" | "covenant";
  tender_id: string | null;
  bid_id: string | null;
  organisation_id: string;
  meta: Uint8Array;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

const FILE_COLUMNS =
  "f.id, f.purpose, f.tender_id, f.bid_id, f.organisation_id, f.meta, f.media_type, f.size_bytes, f.sha256, f.uploaded_at";

/** Opens a file's sealed metadata: bid files under the tender's key, covenants under the master key. */
async function describe(tx: Sql, vault: Vault, row: FileRow, now: Date): Promise<StoredFile> {
  const meta =
    row.purpose === "bid"
      ? open(await vault.tenderKey(tx, row.tender_id!, now), row.meta, fileMetaAad(row.id))
      : vault.openDirect(row.meta, covenantMetaAad(row.id));
  return {
    id: row.id,
    name: (JSON.parse(meta.toString("utf8")) as { name: string }).name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

export interface FileToStore {
  id: string;
  received: ReceivedFile;
}

/** Stores a bid's file (content already sealed with `fileAad(id)` under the tender's key). */
export async function insertBidFile(
  tx: Sql,
  vault: Vault,
  bid: BidOfFiles,
  file: FileToStore,
  change: Change,
): Promise<StoredFile> {
  const key = await vault.tenderKey(tx, bid.tenderId, change.now);
  const meta = seal(key, Buffer.from(JSON.stringify({ name: file.received.name })), fileMetaAad(file.id));
  return insertFile(tx, vault, file, meta, change, {
    purpose: "bid",
    tenderId: bid.tenderId,
    bidId: bid.id,
    organisationId: bid.bidderId,
  });
}

/** Stores a combination's covenant (content sealed with `covenantAad(id)` under the master key) and
 * makes it the combination's covenant; the one it replaces is removed. */
export async function replaceCovenant(
  tx: Sql,
  vault: Vault,
  combination: CombinationOfFiles,
  file: FileToStore,
  change: Change,
): Promise<StoredFile> {
  const meta = vault.sealDirect(Buffer.from(JSON.stringify({ name: file.received.name })), covenantMetaAad(file.id));
  const stored = await insertFile(tx, vault, file, meta, change, {
    purpose: "covenant",
    tenderId: null,
    bidId: null,
    organisationId: combination.id,
  });
  await tx.query("update organisations set covenant_file_id = $2, updated_at = $3 where id = $1", [
    combination.id,
    file.id,
    change.now,
  ]);
  if (combination.covenantFileId) await deleteFile(tx, combination.covenantFileId, change);
  return stored;
}

async function insertFile(
  tx: Sql,
  vault: Vault,
  file: FileToStore,
  meta: Buffer,
  change: Change,
  owner: { purpose: "bid" | "covenant"; tenderId: string | null; bidId: string | null; organisationId: string },
): Promise<StoredFile> {
  const { received } = file;
  await tx.query(
    `insert into files (id, region_id, tender_id, organisation_id, purpose, bid_id, meta, media_type, size_bytes,
                        sha256, content, uploaded_by, uploaded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      file.id,
      change.regionId,
      owner.tenderId,
      owner.organisationId,
      owner.purpose,
      owner.bidId,
      meta,
      received.mediaType,
      received.sizeBytes,
      received.sha256,
      received.sealed,
      change.actor.id,
      change.now,
    ],
  );
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "file",
    entityId: file.id,
    action: "file.upload",
    after: {
      id: file.id,
      purpose: owner.purpose,
      ...(owner.bidId ? { bidId: owner.bidId } : { combinationId: owner.organisationId }),
      sha256: received.sha256,
      sizeBytes: received.sizeBytes,
      mediaType: received.mediaType,
    },
    at: change.now,
  });
  const [row] = await tx.query<FileRow>(`select ${FILE_COLUMNS} from files f where f.id = $1`, [file.id]);
  return describe(tx, vault, row!, change.now);
}

export async function listBidFiles(tx: Sql, vault: Vault, bidId: string, now: Date): Promise<StoredFile[]> {
  const rows = await tx.query<FileRow>(
    `select ${FILE_COLUMNS} from files f where f.bid_id = $1 order by f.uploaded_at, f.id`,
    [bidId],
  );
  const files: StoredFile[] = [];
  for (const row of rows) files.push(await describe(tx, vault, row, now));
  return files;
}

export interface FileOwner {
  id: string;
  purpose: "bid" | "covenant";
  bidId: string | null;
  /** The combination a covenant belongs to. */
  organisationId: string;
}

/** Who a file of the region belongs to; null when it is not in the region. */
export async function findFileOwner(tx: Sql, regionId: string, fileId: string): Promise<FileOwner | null> {
  const [row] = await tx.query<{
    id: string;
    purpose: "bid" | "covenant";
    bid_id: string | null;
    organisation_id: string;
  }>("select id, purpose, bid_id, organisation_id from files where id = $1 and region_id = $2", [fileId, regionId]);
  return row ? { id: row.id, purpose: row.purpose, bidId: row.bid_id, organisationId: row.organisation_id } : null;
}

/** A file's name, type and exact bytes, opened from the vault. */
export async function readFile(
  tx: Sql,
  vault: Vault,
  fileId: string,
  now: Date,
): Promise<{ file: StoredFile; content: Buffer }> {
  const [row] = await tx.query<FileRow & { content: Uint8Array }>(
    `select ${FILE_COLUMNS}, f.content from files f where f.id = $1`,
    [fileId],
  );
  if (!row) throw new Error(`file ${fileId} vanished`);
  const content =
    row.purpose === "bid"
      ? open(await vault.tenderKey(tx, row.tender_id!, now), row.content, fileAad(row.id))
      : vault.openDirect(row.content, covenantAad(row.id));
  return { file: await describe(tx, vault, row, now), content };
}

/** Whether a submission names the file (it then stays as long as the submission does). */
export async function inSubmission(tx: Sql, fileId: string): Promise<boolean> {
  const rows = await tx.query("select 1 from submission_files where file_id = $1 limit 1", [fileId]);
  return rows.length > 0;
}

export async function deleteFile(tx: Sql, fileId: string, change: Change): Promise<void> {
  const [row] = await tx.query<{ sha256: string; purpose: string; bid_id: string | null; organisation_id: string }>(
    "delete from files where id = $1 returning sha256, purpose, bid_id, organisation_id",
    [fileId],
  );
  if (!row) return;
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "file",
    entityId: fileId,
    action: "file.delete",
    before: {
      id: fileId,
      purpose: row.purpose,
      ...(row.bid_id ? { bidId: row.bid_id } : { combinationId: row.organisation_id }),
      sha256: row.sha256,
    },
    at: change.now,
  });
}

/** Clears a combination's covenant when it is the given file. */
export async function clearCovenant(tx: Sql, combinationId: string, fileId: string, now: Date): Promise<void> {
  await tx.query(
    "update organisations set covenant_file_id = null, updated_at = $3 where id = $1 and covenant_file_id = $2",
    [combinationId, fileId, now],
  );
}

/**
 * A combination's covenant as the API shows it ({id, name, mediaType, sizeBytes, sha256, uploadedAt}),
 * or null when it has none: for the combination's own view (organisations), which cannot open the
 * sealed name itself.
 */
export async function covenantOf(tx: Sql, vault: Vault, combinationId: string, now: Date): Promise<StoredFile | null> {
  const [row] = await tx.query<FileRow>(
    `select ${FILE_COLUMNS} from organisations o join files f on f.id = o.covenant_file_id where o.id = $1`,
    [combinationId],
  );
  return row ? describe(tx, vault, row, now) : null;
}
