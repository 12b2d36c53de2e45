// SQL for what a tender asks: minimum requirements, selection criteria, the bidding settings and the
// publication. Every change appends its audit entry in the same transaction and is refused after
// publication (lock.ts); a tender of another region is "not found".
import { randomUUID } from "node:crypto";
import { type Actor, appendAudit, appendAuditEntries } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, type FieldError, notFound } from "../platform/errors.ts";
import { levelOf } from "./applicable.ts";
import { assertMayChange } from "./lock.ts";
import { kindErrors, patchedRequirement, publicationRefusals, type RequirementFields, scopeErrors } from "./rules.ts";

import type { Criterion, CriterionLetter, Requirement, RequirementsOverview, SegmentScoringOverview } from "./types.ts";

export type { RequirementFields } from "./rules.ts";

export interface Change {
  actor: Actor;
  regionId: string;
  now: Date;
}

const audit = (change: Change) => ({ actor: change.actor, regionId: change.regionId, at: change.now });
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

interface TenderState {
  id: string;
  publishedAt: Date | null;
  closesAt: Date | null;
  bidValidDays: number;
}

/** The tender of the user's region; `forUpdate` locks its row until the transaction ends. */
async function tenderOf(db: Sql, regionId: string, tenderId: string, forUpdate = false): Promise<TenderState> {
  const [row] = await db.query<TenderState>(
    `select id, published_at as "publishedAt", closes_at as "closesAt", bid_valid_days as "bidValidDays"
       from tenders where region_id = $1 and id = $2${forUpdate ? " for update" : ""}`,
    [regionId, tenderId],
  );
  if (!row) throw notFound("tender");
  return row;
}

const SELECT_REQUIREMENT = `select id, code, text, kind, min_clients as "minClients", lot_id as "lotId",
  segment_id as "segmentId", subsegment_id as "subsegmentId", applies_to_members as "appliesToMembers",
  applies_to_subcontractors as "appliesToSubcontractors", position from requirements`;

type RequirementRow = Omit<Requirement, "level">;
const withLevel = (row: RequirementRow): Requirement => ({ ...row, level: levelOf(row) });

/** The tender's minimum requirements: the whole tender's first, then per lot, segment and subsegment. */
export async function listRequirements(db: Sql, tenderId: string): Promise<Requirement[]> {
  const rows = await db.query<RequirementRow>(
    `${SELECT_REQUIREMENT} where tender_id = $1
     order by case when subsegment_id is not null then 3 when segment_id is not null then 2
                   when lot_id is not null then 1 else 0 end, position, code`,
    [tenderId],
  );
  return rows.map(withLevel);
}

const SELECT_CRITERION = `select c.id, c.segment_id as "segmentId", c.letter, c.title, c.text, c.weight from criteria c`;

/** The tender's selection criteria, per segment in structure order, A to F. */
export async function listCriteria(db: Sql, tenderId: string): Promise<Criterion[]> {
  return db.query<Criterion>(
    `${SELECT_CRITERION} join segments s on s.id = c.segment_id join lots l on l.id = s.lot_id
     where c.tender_id = $1 order by l.position, l.code, s.position, s.code, c.letter`,
    [tenderId],
  );
}

interface SegmentScoringRow extends SegmentScoringOverview {
  name: string;
  criteria: number;
}

async function segmentScoring(db: Sql, tenderId: string): Promise<SegmentScoringRow[]> {
  const rows = await db.query<SegmentScoringRow>(
    `select s.id as "segmentId", s.name, s.threshold::float8 as threshold, s.scale_max as "scaleMax",
       coalesce(sum(c.weight), 0)::int as "weightTotal", count(c.id)::int as criteria
     from segments s join lots l on l.id = s.lot_id left join criteria c on c.segment_id = s.id
     where s.tender_id = $1
     group by s.id, s.name, s.threshold, s.scale_max, l.position, l.code, s.position, s.code
     order by l.position, l.code, s.position, s.code`,
    [tenderId],
  );
  return rows.map((r) => ({
    ...r,
    threshold: r.threshold === null ? null : Number(r.threshold),
    weightTotal: Number(r.weightTotal),
    criteria: Number(r.criteria),
  }));
}

export async function getOverview(db: Sql, regionId: string, tenderId: string): Promise<RequirementsOverview> {
  const tender = await tenderOf(db, regionId, tenderId);
  const segments = await segmentScoring(db, tenderId);
  return {
    publishedAt: iso(tender.publishedAt),
    closesAt: iso(tender.closesAt),
    bidValidDays: tender.bidValidDays,
    requirements: await listRequirements(db, tenderId),
    criteria: await listCriteria(db, tenderId),
    segments: segments.map(({ segmentId, threshold, scaleMax, weightTotal }) => ({
      segmentId,
      threshold,
      scaleMax,
      weightTotal,
    })),
  };
}

// Minimum requirements.

function refuseInvalid(errors: FieldError[]) {
  if (errors.length > 0) {
    throw new AppError("VALIDATION_FAILED", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
  }
}

const SCOPE_TABLE = { lot: "lots", segment: "segments", subsegment: "subsegments" } as const;

/** The scope named must be a lot, segment or subsegment of this very tender. */
async function checkScope(tx: Sql, tenderId: string, scope: RequirementFields) {
  refuseInvalid(scopeErrors(scope));
  if (scope.level === "tender") return;
  const field = `${scope.level}Id` as const;
  const [found] = await tx.query(`select 1 from ${SCOPE_TABLE[scope.level]} where id = $1 and tender_id = $2`, [
    scope[field],
    tenderId,
  ]);
  if (!found) refuseInvalid([{ field: `body.${field}`, message: `is not a ${scope.level} of this tender` }]);
}

async function ensureCodeFree(tx: Sql, tenderId: string, code: string, exceptId?: string) {
  const rows = await tx.query<{ id: string }>("select id from requirements where tender_id = $1 and code = $2", [
    tenderId,
    code,
  ]);
  if (rows.some((r) => r.id !== exceptId)) {
    throw new AppError("DUPLICATE", `requirement code '${code}' is already used in this tender`, {
      errors: [{ field: "body.code", message: "is already used in this tender" }],
    });
  }
}

const requirementParams = (f: RequirementFields) => [
  f.code,
  f.text.trim(),
  f.kind,
  f.minClients,
  f.lotId,
  f.segmentId,
  f.subsegmentId,
  f.appliesToMembers,
  f.appliesToSubcontractors,
  f.position,
];

export async function createRequirement(
  tx: Sql,
  tenderId: string,
  f: RequirementFields,
  change: Change,
): Promise<string> {
  return (await addAsks(tx, tenderId, { requirements: [f] }, change)).requirementIds[0]!;
}

async function requirementRow(tx: Sql, change: Change, tenderId: string, id: string): Promise<Requirement> {
  await tenderOf(tx, change.regionId, tenderId);
  const [row] = await tx.query<RequirementRow>(`${SELECT_REQUIREMENT} where tender_id = $1 and id = $2`, [
    tenderId,
    id,
  ]);
  if (!row) throw notFound("requirement");
  return withLevel(row);
}

export async function updateRequirement(
  tx: Sql,
  tenderId: string,
  id: string,
  patch: Partial<RequirementFields>,
  change: Change,
): Promise<void> {
  const before = await requirementRow(tx, change, tenderId, id);
  await assertMayChange(tx, tenderId, `requirement ${before.code}`);
  const after = patchedRequirement(before, patch);
  refuseInvalid(kindErrors(after.kind, after.minClients));
  await checkScope(tx, tenderId, after);
  if (patch.code) await ensureCodeFree(tx, tenderId, patch.code, id);
  await tx.query(
    `update requirements set code = $2, text = $3, kind = $4, min_clients = $5, lot_id = $6, segment_id = $7,
       subsegment_id = $8, applies_to_members = $9, applies_to_subcontractors = $10, position = $11 where id = $1`,
    [id, ...requirementParams(after)],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "requirement",
    entityId: id,
    action: "requirement.update",
    before,
    after,
  });
}

export async function deleteRequirement(tx: Sql, tenderId: string, id: string, change: Change): Promise<void> {
  const before = await requirementRow(tx, change, tenderId, id);
  await assertMayChange(tx, tenderId, `requirement ${before.code}`);
  await tx.query("delete from requirements where id = $1", [id]);
  await appendAudit(tx, {
    ...audit(change),
    entity: "requirement",
    entityId: id,
    action: "requirement.delete",
    before,
  });
}

// Selection criteria.

export interface CriterionFields {
  segmentId: string;
  letter: CriterionLetter;
  title: string;
  text: string;
  weight: number;
}

async function ensureLetterFree(tx: Sql, segmentId: string, letter: string, exceptId?: string) {
  const rows = await tx.query<{ id: string }>("select id from criteria where segment_id = $1 and letter = $2", [
    segmentId,
    letter,
  ]);
  if (rows.some((r) => r.id !== exceptId)) {
    throw new AppError("DUPLICATE", `the segment already has a criterion ${letter}`, {
      errors: [{ field: "body.letter", message: `criterion ${letter} already exists in this segment` }],
    });
  }
}

export async function createCriterion(tx: Sql, tenderId: string, f: CriterionFields, change: Change): Promise<string> {
  return (await addAsks(tx, tenderId, { criteria: [f] }, change)).criterionIds[0]!;
}

// Adding in bulk: one route adds one requirement or criterion; loading a whole tender's asks (the demo,
// later an import) adds them all with a handful of queries, checked the same way.

/** `insert … values` for several rows: the placeholders and the parameters in row order. */
function rowsOf(rows: unknown[][]): { values: string; params: unknown[] } {
  const params: unknown[] = [];
  const values = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(", ")})`).join(", ");
  return { values, params };
}

export async function addAsks(
  tx: Sql,
  tenderId: string,
  asks: { requirements?: readonly RequirementFields[]; criteria?: readonly CriterionFields[] },
  change: Change,
): Promise<{ requirementIds: string[]; criterionIds: string[] }> {
  const requirements = asks.requirements ?? [];
  const criteria = asks.criteria ?? [];
  await tenderOf(tx, change.regionId, tenderId);
  await assertMayChange(tx, tenderId, requirements.length > 0 ? "the requirements" : "the selection criteria");
  for (const f of requirements) refuseInvalid([...kindErrors(f.kind, f.minClients), ...scopeErrors(f)]);

  const parts = await tx.query<{ level: keyof typeof SCOPE_TABLE; id: string }>(
    `select 'lot' as level, id from lots where tender_id = $1
     union all select 'segment', id from segments where tender_id = $1
     union all select 'subsegment', id from subsegments where tender_id = $1`,
    [tenderId],
  );
  const ofTender = new Set(parts.map((p) => `${p.level}:${p.id}`));
  for (const f of requirements) {
    if (f.level === "tender") continue;
    const field = `${f.level}Id` as const;
    if (!ofTender.has(`${f.level}:${f[field]}`)) {
      refuseInvalid([{ field: `body.${field}`, message: `is not a ${f.level} of this tender` }]);
    }
  }
  const codes = new Set(
    (await tx.query<{ code: string }>("select code from requirements where tender_id = $1", [tenderId])).map(
      (r) => r.code,
    ),
  );
  for (const f of requirements) {
    if (codes.has(f.code)) {
      throw new AppError("DUPLICATE", `requirement code '${f.code}' is already used in this tender`, {
        errors: [{ field: "body.code", message: "is already used in this tender" }],
      });
    }
    codes.add(f.code);
  }
  const letters = new Set(
    (
      await tx.query<{ key: string }>("select segment_id || ':' || letter as key from criteria where tender_id = $1", [
        tenderId,
      ])
    ).map((r) => r.key),
  );
  for (const f of criteria) {
    if (!ofTender.has(`segment:${f.segmentId}`)) {
      refuseInvalid([{ field: "body.segmentId", message: "is not a segment of this tender" }]);
    }
    if (letters.has(`${f.segmentId}:${f.letter}`)) {
      throw new AppError("DUPLICATE", `the segment already has a criterion ${f.letter}`, {
        errors: [{ field: "body.letter", message: `criterion ${f.letter} already exists in this segment` }],
      });
    }
    letters.add(`${f.segmentId}:${f.letter}`);
  }

  const requirementIds = requirements.map(() => randomUUID());
  if (requirements.length > 0) {
    const { values, params } = rowsOf(
      requirements.map((f, i) => [requirementIds[i], tenderId, ...requirementParams(f)]),
    );
    await tx.query(
      `insert into requirements (id, tender_id, code, text, kind, min_clients, lot_id, segment_id, subsegment_id,
         applies_to_members, applies_to_subcontractors, position) values ${values}`,
      params,
    );
  }
  const criterionIds = criteria.map(() => randomUUID());
  if (criteria.length > 0) {
    const { values, params } = rowsOf(
      criteria.map((f, i) => [
        criterionIds[i],
        tenderId,
        f.segmentId,
        f.letter,
        f.title.trim(),
        f.text.trim(),
        f.weight,
      ]),
    );
    await tx.query(
      `insert into criteria (id, tender_id, segment_id, letter, title, text, weight) values ${values}`,
      params,
    );
  }
  await appendAuditEntries(tx, [
    ...requirements.map((f, i) => ({
      ...audit(change),
      entity: "requirement",
      entityId: requirementIds[i]!,
      action: "requirement.create" as const,
      after: { tenderId, ...f },
    })),
    ...criteria.map((f, i) => ({
      ...audit(change),
      entity: "criterion",
      entityId: criterionIds[i]!,
      action: "criterion.create" as const,
      after: { tenderId, ...f },
    })),
  ]);
  return { requirementIds, criterionIds };
}

async function criterionRow(tx: Sql, change: Change, tenderId: string, id: string): Promise<Criterion> {
  await tenderOf(tx, change.regionId, tenderId);
  const [row] = await tx.query<Criterion>(`${SELECT_CRITERION} where c.tender_id = $1 and c.id = $2`, [tenderId, id]);
  if (!row) throw notFound("criterion");
  return row;
}

export async function updateCriterion(
  tx: Sql,
  tenderId: string,
  id: string,
  patch: Partial<Omit<CriterionFields, "segmentId">>,
  change: Change,
): Promise<void> {
  const before = await criterionRow(tx, change, tenderId, id);
  await assertMayChange(tx, tenderId, `criterion ${before.letter}`);
  const after: Criterion = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  };
  if (patch.letter) await ensureLetterFree(tx, before.segmentId, patch.letter, id);
  await tx.query("update criteria set letter = $2, title = $3, text = $4, weight = $5 where id = $1", [
    id,
    after.letter,
    after.title.trim(),
    after.text.trim(),
    after.weight,
  ]);
  await appendAudit(tx, {
    ...audit(change),
    entity: "criterion",
    entityId: id,
    action: "criterion.update",
    before,
    after,
  });
}

export async function deleteCriterion(tx: Sql, tenderId: string, id: string, change: Change): Promise<void> {
  const before = await criterionRow(tx, change, tenderId, id);
  await assertMayChange(tx, tenderId, `criterion ${before.letter}`);
  await tx.query("delete from criteria where id = $1", [id]);
  await appendAudit(tx, { ...audit(change), entity: "criterion", entityId: id, action: "criterion.delete", before });
}

// Bidding settings and publication.

export interface BiddingSettings {
  closesAt: string;
  bidValidDays: number;
}

export async function setBiddingSettings(tx: Sql, tenderId: string, f: BiddingSettings, change: Change): Promise<void> {
  const tender = await tenderOf(tx, change.regionId, tenderId);
  await assertMayChange(tx, tenderId, "the closing time and bid validity");
  const closesAt = new Date(f.closesAt);
  await tx.query("update tenders set closes_at = $2, bid_valid_days = $3 where id = $1", [
    tenderId,
    closesAt,
    f.bidValidDays,
  ]);
  await appendAudit(tx, {
    ...audit(change),
    entity: "tender",
    entityId: tenderId,
    action: "tender.closing_set",
    before: { closesAt: iso(tender.closesAt), bidValidDays: tender.bidValidDays },
    after: { closesAt: closesAt.toISOString(), bidValidDays: f.bidValidDays },
  });
}

/** Publishes the tender: from now on what it asks is fixed (lock.ts) and providers may bid until closesAt. */
export async function publishTender(tx: Sql, tenderId: string, change: Change): Promise<void> {
  const tender = await tenderOf(tx, change.regionId, tenderId, true);
  const segments = await segmentScoring(tx, tenderId);
  const refusals = publicationRefusals(
    { publishedAt: tender.publishedAt, closesAt: tender.closesAt, segments },
    change.now,
  );
  if (refusals.length > 0) {
    throw new AppError("CONFLICT", refusals.map((r) => r.message).join("; "), {
      rule: refusals[0]!.rule,
      errors: refusals.map(({ field, message }) => ({ field, message })),
    });
  }
  await tx.query("update tenders set published_at = $2 where id = $1", [tenderId, change.now]);
  const [counts] = await tx.query<{ requirements: number; criteria: number }>(
    `select (select count(*) from requirements where tender_id = $1)::int as requirements,
            (select count(*) from criteria where tender_id = $1)::int as criteria`,
    [tenderId],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "tender",
    entityId: tenderId,
    action: "tender.publish",
    before: { publishedAt: null },
    after: {
      publishedAt: change.now.toISOString(),
      closesAt: iso(tender.closesAt),
      bidValidDays: tender.bidValidDays,
      requirements: Number(counts?.requirements),
      criteria: Number(counts?.criteria),
    },
  });
}
