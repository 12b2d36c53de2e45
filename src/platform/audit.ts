// The audit chain (audit trail). Every change of state appends one entry in the same transaction as
// the change; each entry's hash covers its content and the previous entry's hash, so that an entry
// altered or removed afterwards breaks the chain at that point.
import { createHash } from "node:crypto";
import type { Sql } from "./db.ts";

/** The kinds of change that are recorded; a new kind is added here first. */
export const AUDIT_ACTIONS = [
  "region.create",
  "municipality.create",
  "organisation.create",
  "user.create",
  "user.update",
  "user.login",
  "user.login_failed",
  "user.locked",
  "user.logout",
  "tender.create",
  "tender.update",
  "tender.copy",
  "lot.create",
  "lot.update",
  "lot.delete",
  "segment.create",
  "segment.update",
  "segment.delete",
  "subsegment.create",
  "subsegment.update",
  "subsegment.delete",
  "timeline.replace",
  // Bidding. Bid content never enters the audit chain: only ids, versions, statuses and SHA-256 hashes.
  "organisation.register",
  "organisation.update",
  "combination.create",
  "combination.update",
  "combination.member_add",
  "combination.member_update",
  "combination.member_remove",
  "requirement.create",
  "requirement.update",
  "requirement.delete",
  "criterion.create",
  "criterion.update",
  "criterion.delete",
  "tender.publish",
  "tender.closing_set",
  "tender.closing_extend",
  "registration.create",
  "bid.create",
  "bid.update",
  "bid.submit",
  "bid.withdraw",
  "file.upload",
  "file.delete",
  "opening.confirm",
  "opening.complete",
  "notification.read",
  // Dialogue and Q&A. The asker of a question is recorded in the entry, as every actor is; the audit
  // log is read by administrators and officers only.
  "dialogue.session_create",
  "dialogue.session_update",
  "dialogue.session_cancel",
  "dialogue.session_publish",
  "dialogue.register",
  "dialogue.unregister",
  "dialogue.document_upload",
  "dialogue.document_delete",
  "dialogue.questions_replace",
  "dialogue.statement_create",
  "dialogue.statement_update",
  "dialogue.statement_delete",
  "dialogue.statement_import",
  "tender.qa_settings",
  "qa.ask",
  "qa.triage",
  "qa.assign",
  "qa.draft",
  "qa.approve",
  "qa.reopen",
  "qa.answer_private",
  "qa.withdraw",
  "qa.round_create",
  "qa.round_update",
  "qa.round_publish",
  "qa.import",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const GENESIS_HASH = "0".repeat(64);

export interface Actor {
  id: string | null;
  /** A readable name: the user's e-mail, or "system" / "cli" for changes outside a session. */
  label: string;
}

export interface AuditInput {
  actor: Actor;
  regionId: string | null;
  entity: string;
  entityId: string | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export interface AuditEntry {
  seq: number;
  at: string;
  regionId: string | null;
  actorId: string | null;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: Omit<AuditEntry, "seq" | "hash">): string {
  const content = canonicalJson({
    at: entry.at,
    region_id: entry.regionId,
    actor_id: entry.actorId,
    actor: entry.actor,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
  });
  return createHash("sha256").update(entry.prevHash).update("\n").update(content).digest("hex");
}

// Plain JSON as stored in jsonb: Dates become strings, undefined disappears.
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Appends one entry; call it with the transaction that makes the change. */
export async function appendAudit(tx: Sql, input: AuditInput): Promise<void> {
  // One writer at a time, so that two transactions never chain onto the same previous entry.
  await tx.query("select pg_advisory_xact_lock(7312001)");
  const last = await tx.query<{ hash: string }>("select hash from audit_log order by seq desc limit 1");
  const entry = {
    at: input.at.toISOString(),
    regionId: input.regionId,
    actorId: input.actor.id,
    actor: input.actor.label,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    before: asJson(input.before),
    after: asJson(input.after),
    prevHash: last[0]?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(entry);
  await tx.query(
    `insert into audit_log (at, region_id, actor_id, actor, entity, entity_id, action, before, after, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.at,
      entry.regionId,
      entry.actorId,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.prevHash,
      hash,
    ],
  );
}

/**
 * Appends several entries in order, chained as appendAudit would chain them one by one, with one lock,
 * one read of the last hash and one insert: for changes made in bulk (loading a tender's requirements).
 */
export async function appendAuditEntries(tx: Sql, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.query("select pg_advisory_xact_lock(7312001)");
  const last = await tx.query<{ hash: string }>("select hash from audit_log order by seq desc limit 1");
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const input of inputs) {
    const entry = {
      at: input.at.toISOString(),
      regionId: input.regionId,
      actorId: input.actor.id,
      actor: input.actor.label,
      entity: input.entity,
      entityId: input.entityId,
      action: input.action,
      before: asJson(input.before),
      after: asJson(input.after),
      prevHash,
    };
    const hash = entryHash(entry);
    const base = params.length;
    rows.push(`(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}`).join(", ")})`);
    params.push(
      entry.at,
      entry.regionId,
      entry.actorId,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.prevHash,
      hash,
    );
    prevHash = hash;
  }
  // Rows of one multi-row insert take their identity values in the order listed, so seq follows the chain.
  await tx.query(
    `insert into audit_log (at, region_id, actor_id, actor, entity, entity_id, action, before, after, prev_hash, hash)
     values ${rows.join(", ")}`,
    params,
  );
}

interface AuditRow {
  seq: number;
  at: Date;
  region_id: string | null;
  actor_id: string | null;
  actor: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    regionId: row.region_id,
    actorId: row.actor_id,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and names the first entry that does not hold. */
export async function verifyChain(db: Sql, batch = 1000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db.query<AuditRow>("select * from audit_log where seq > $1 order by seq limit $2", [
      after,
      batch,
    ]);
    for (const row of rows) {
      const entry = fromRow(row);
      count += 1;
      if (entry.prevHash !== prev) {
        return {
          ok: false,
          entries: count,
          brokenAt: entry.seq,
          reason: "its prev_hash is not the hash of the entry before it",
        };
      }
      if (entryHash(entry) !== entry.hash) {
        return { ok: false, entries: count, brokenAt: entry.seq, reason: "its content does not match its hash" };
      }
      prev = entry.hash;
      after = entry.seq;
    }
    if (rows.length < batch) return { ok: true, entries: count, lastHash: prev };
  }
}

export async function listAudit(db: Sql, regionId: string, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `select * from audit_log where region_id = $1 and ($2::bigint is null or seq < $2) order by seq desc limit $3`,
    [regionId, beforeSeq ?? null, limit],
  );
  return rows.map(fromRow);
}
