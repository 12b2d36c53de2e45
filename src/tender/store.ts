// SQL for tenders, their structure (lots → segments → subsegments) and their timeline. Every
// change appends its audit entry in the same transaction; a row of another region is "not found".
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { assertMayChange } from "../requirements/lock.ts";
import type {
  AnnouncedPeriods,
  Financing,
  Lot,
  Milestone,
  MilestoneKind,
  Phase,
  Procedure,
  Regime,
  Segment,
  Subsegment,
  Tender,
  TenderSummary,
} from "./types.ts";

export interface Change {
  actor: Actor;
  regionId: string;
  now: Date;
}

interface TenderRow {
  id: string;
  name: string;
  reference: string | null;
  procedure: Procedure;
  regime: Regime;
  electronic_submission: boolean;
  announced_participation_days: number | null;
  announced_tender_days: number | null;
  announced_standstill_days: number | null;
  contract_initial_years: number;
  contract_extensions: number;
  contract_extension_years: number;
  copied_from: string | null;
  created_at: Date;
  lots: number;
  segments: number;
  subsegments: number;
}

const SELECT_TENDER = `select t.*,
  (select count(*) from lots l where l.tender_id = t.id) as lots,
  (select count(*) from segments s where s.tender_id = t.id) as segments,
  (select count(*) from subsegments ss where ss.tender_id = t.id) as subsegments
  from tenders t`;

function toSummary(row: TenderRow): TenderSummary {
  return {
    id: row.id,
    name: row.name,
    reference: row.reference,
    procedure: row.procedure,
    regime: row.regime,
    copiedFrom: row.copied_from,
    createdAt: new Date(row.created_at).toISOString(),
    counts: { lots: Number(row.lots), segments: Number(row.segments), subsegments: Number(row.subsegments) },
  };
}

export async function listTenders(db: Sql, regionId: string): Promise<TenderSummary[]> {
  const rows = await db.query<TenderRow>(`${SELECT_TENDER} where t.region_id = $1 order by t.created_at, t.name`, [
    regionId,
  ]);
  return rows.map(toSummary);
}

async function tenderRow(db: Sql, regionId: string, id: string): Promise<TenderRow> {
  const [row] = await db.query<TenderRow>(`${SELECT_TENDER} where t.region_id = $1 and t.id = $2`, [regionId, id]);
  if (!row) throw notFound("tender");
  return row;
}

export async function findTenderByName(db: Sql, regionId: string, name: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>("select id from tenders where region_id = $1 and name = $2", [
    regionId,
    name,
  ]);
  return row?.id;
}

export async function getTender(db: Sql, regionId: string, id: string): Promise<Tender> {
  const row = await tenderRow(db, regionId, id);
  const lots = await db.query<{ id: string; code: string; name: string; position: number }>(
    "select id, code, name, position from lots where tender_id = $1 order by position, code",
    [id],
  );
  const segments = await db.query<{
    id: string;
    lot_id: string;
    code: string;
    name: string;
    former_name: string | null;
    financing: Financing;
    contract_start: string | null;
    select_min: number | null;
    select_max: number | null;
    threshold: number | null;
    scale_max: number;
    position: number;
  }>("select * from segments where tender_id = $1 order by position, code", [id]);
  const subsegments = await db.query<{
    id: string;
    segment_id: string;
    code: string;
    name: string;
    description: string | null;
    financing: Financing | null;
    position: number;
  }>("select * from subsegments where tender_id = $1 order by position, code", [id]);

  const toSegment = (s: (typeof segments)[number]): Segment => {
    const numberToSelect = { min: s.select_min, max: s.select_max };
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      formerName: s.former_name,
      financing: s.financing,
      contractStart: s.contract_start,
      numberToSelect,
      threshold: s.threshold === null ? null : Number(s.threshold),
      scaleMax: s.scale_max,
      position: s.position,
      subsegments: subsegments
        .filter((ss) => ss.segment_id === s.id)
        .map(
          (ss): Subsegment => ({
            id: ss.id,
            code: ss.code,
            name: ss.name,
            description: ss.description,
            financing: ss.financing ?? s.financing,
            financingOverride: ss.financing,
            contractStart: s.contract_start,
            numberToSelect,
            position: ss.position,
          }),
        ),
    };
  };
  const municipalities = await db.query<{ id: string; cbsCode: string; name: string }>(
    `select m.id, m.cbs_code as "cbsCode", m.name from tender_municipalities tm
       join municipalities m on m.id = tm.municipality_id where tm.tender_id = $1 order by m.name`,
    [id],
  );
  return {
    ...toSummary(row),
    municipalities,
    electronicSubmission: row.electronic_submission,
    announced: {
      participationDays: row.announced_participation_days,
      tenderDays: row.announced_tender_days,
      standstillDays: row.announced_standstill_days,
    },
    contract: {
      initialYears: row.contract_initial_years,
      extensions: row.contract_extensions,
      extensionYears: row.contract_extension_years,
      maxYears: row.contract_initial_years + row.contract_extensions * row.contract_extension_years,
    },
    lots: lots.map((l): Lot => ({ ...l, segments: segments.filter((s) => s.lot_id === l.id).map(toSegment) })),
  };
}

export interface TenderFields {
  name: string;
  reference: string | null;
  procedure: Procedure;
  regime: Regime;
  electronicSubmission: boolean;
  announced: AnnouncedPeriods;
  contract: { initialYears: number; extensions: number; extensionYears: number };
  /** CBS codes of the participating municipalities; undefined on create means all of the region's. */
  municipalities?: string[] | undefined;
}

async function setMunicipalities(tx: Sql, regionId: string, tenderId: string, cbsCodes: string[] | undefined) {
  const known = await tx.query<{ id: string; cbs_code: string }>(
    "select id, cbs_code from municipalities where region_id = $1",
    [regionId],
  );
  const codes = cbsCodes ?? known.map((m) => m.cbs_code);
  const unknown = codes.filter((c) => !known.some((m) => m.cbs_code === c));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION_FAILED", `not a municipality of this region: ${unknown.join(", ")}`, {
      errors: [{ field: "body.municipalities", message: `unknown CBS code ${unknown.join(", ")}` }],
    });
  }
  if (codes.length === 0) {
    throw new AppError("VALIDATION_FAILED", "a tender needs at least one municipality", {
      errors: [{ field: "body.municipalities", message: "must name at least one municipality" }],
    });
  }
  await tx.query("delete from tender_municipalities where tender_id = $1", [tenderId]);
  for (const m of known.filter((k) => codes.includes(k.cbs_code))) {
    await tx.query("insert into tender_municipalities (tender_id, municipality_id) values ($1, $2)", [tenderId, m.id]);
  }
}

function tenderParams(f: TenderFields) {
  return [
    f.name.trim(),
    f.reference,
    f.procedure,
    f.regime,
    f.electronicSubmission,
    f.announced.participationDays,
    f.announced.tenderDays,
    f.announced.standstillDays,
    f.contract.initialYears,
    f.contract.extensions,
    f.contract.extensionYears,
  ];
}

async function ensureUniqueName(tx: Sql, regionId: string, name: string, exceptId?: string) {
  const clash = await tx.query<{ id: string }>("select id from tenders where region_id = $1 and name = $2", [
    regionId,
    name.trim(),
  ]);
  if (clash.some((r) => r.id !== exceptId))
    throw new AppError("DUPLICATE", `a tender named '${name.trim()}' already exists`);
}

export async function createTender(
  tx: Sql,
  fields: TenderFields,
  change: Change,
  copiedFrom: string | null = null,
): Promise<string> {
  await ensureUniqueName(tx, change.regionId, fields.name);
  const [row] = await tx.query<{ id: string }>(
    `insert into tenders (region_id, copied_from, name, reference, procedure, regime, electronic_submission,
       announced_participation_days, announced_tender_days, announced_standstill_days,
       contract_initial_years, contract_extensions, contract_extension_years)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [change.regionId, copiedFrom, ...tenderParams(fields)],
  );
  const id = row!.id;
  await setMunicipalities(tx, change.regionId, id, fields.municipalities);
  await appendAudit(tx, {
    ...audit(change),
    entity: "tender",
    entityId: id,
    action: copiedFrom ? "tender.copy" : "tender.create",
    after: { ...fields, copiedFrom },
  });
  return id;
}

const audit = (change: Change) => ({ actor: change.actor, regionId: change.regionId, at: change.now });

export type TenderPatch = Partial<Omit<TenderFields, "announced" | "contract">> & {
  announced?: Partial<AnnouncedPeriods> | undefined;
  contract?: Partial<TenderFields["contract"]> | undefined;
};

export async function updateTender(tx: Sql, id: string, patch: TenderPatch, change: Change): Promise<void> {
  const before = await getTender(tx, change.regionId, id);
  const fields: TenderFields = {
    name: patch.name ?? before.name,
    reference: patch.reference !== undefined ? patch.reference : before.reference,
    procedure: patch.procedure ?? before.procedure,
    regime: patch.regime ?? before.regime,
    electronicSubmission: patch.electronicSubmission ?? before.electronicSubmission,
    announced: { ...before.announced, ...patch.announced },
    contract: { ...before.contract, ...patch.contract },
    municipalities: patch.municipalities ?? before.municipalities.map((m) => m.cbsCode),
  };
  if (patch.name) await ensureUniqueName(tx, change.regionId, patch.name, id);
  await tx.query(
    `update tenders set name = $2, reference = $3, procedure = $4, regime = $5, electronic_submission = $6,
       announced_participation_days = $7, announced_tender_days = $8, announced_standstill_days = $9,
       contract_initial_years = $10, contract_extensions = $11, contract_extension_years = $12
     where id = $1`,
    [id, ...tenderParams(fields)],
  );
  if (patch.municipalities) await setMunicipalities(tx, change.regionId, id, patch.municipalities);
  const { lots: _lots, ...beforeFields } = before;
  await appendAudit(tx, {
    ...audit(change),
    entity: "tender",
    entityId: id,
    action: "tender.update",
    before: beforeFields,
    after: fields,
  });
}

// Structure: lots, segments, subsegments.

/** The row with the patch's defined fields applied: undefined leaves a field as it is, null clears it. */
function applyPatch<T extends object>(row: T, patch: Partial<T>): T {
  return { ...row, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
}

export interface LotFields {
  code: string;
  name: string;
  position: number;
}

export interface SegmentFields {
  code: string;
  name: string;
  formerName: string | null;
  financing: Financing;
  contractStart: string | null;
  selectMin: number | null;
  selectMax: number | null;
  position: number;
}

export interface SubsegmentFields {
  code: string;
  name: string;
  description: string | null;
  financing: Financing | null;
  position: number;
}

async function ensureCodeFree(
  tx: Sql,
  table: "lots" | "segments" | "subsegments",
  tenderId: string,
  code: string,
  exceptId?: string,
) {
  const rows = await tx.query<{ id: string }>(`select id from ${table} where tender_id = $1 and code = $2`, [
    tenderId,
    code,
  ]);
  if (rows.some((r) => r.id !== exceptId))
    throw new AppError("DUPLICATE", `code '${code}' is already used in this tender`);
}

function checkNumberToSelect(f: { selectMin: number | null; selectMax: number | null }) {
  if (f.selectMin !== null && f.selectMax !== null && f.selectMin > f.selectMax) {
    throw new AppError("VALIDATION_FAILED", "selectMin must not exceed selectMax", {
      errors: [{ field: "body.selectMin", message: "must not exceed selectMax" }],
    });
  }
}

export async function createLot(tx: Sql, tenderId: string, f: LotFields, change: Change): Promise<string> {
  await tenderRow(tx, change.regionId, tenderId);
  await ensureCodeFree(tx, "lots", tenderId, f.code);
  const [row] = await tx.query<{ id: string }>(
    "insert into lots (tender_id, code, name, position) values ($1, $2, $3, $4) returning id",
    [tenderId, f.code, f.name.trim(), f.position],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "lot",
    entityId: row!.id,
    action: "lot.create",
    after: { tenderId, ...f },
  });
  return row!.id;
}

async function lotRow(tx: Sql, change: Change, tenderId: string, lotId: string): Promise<LotFields & { id: string }> {
  await tenderRow(tx, change.regionId, tenderId);
  const [row] = await tx.query<LotFields & { id: string }>(
    "select id, code, name, position from lots where tender_id = $1 and id = $2",
    [tenderId, lotId],
  );
  if (!row) throw notFound("lot");
  return row;
}

export async function updateLot(tx: Sql, tenderId: string, lotId: string, patch: Partial<LotFields>, change: Change) {
  const before = await lotRow(tx, change, tenderId, lotId);
  const after = applyPatch(before, patch);
  if (patch.code) await ensureCodeFree(tx, "lots", tenderId, patch.code, lotId);
  await tx.query("update lots set code = $2, name = $3, position = $4 where id = $1", [
    lotId,
    after.code,
    after.name.trim(),
    after.position,
  ]);
  await appendAudit(tx, { ...audit(change), entity: "lot", entityId: lotId, action: "lot.update", before, after });
}

export async function deleteLot(tx: Sql, tenderId: string, lotId: string, change: Change) {
  const before = await lotRow(tx, change, tenderId, lotId);
  const [count] = await tx.query<{ n: number }>("select count(*) as n from segments where lot_id = $1", [lotId]);
  if (Number(count?.n) > 0) throw new AppError("CONFLICT", "the lot still has segments; remove or move them first");
  await tx.query("delete from lots where id = $1", [lotId]);
  await appendAudit(tx, { ...audit(change), entity: "lot", entityId: lotId, action: "lot.delete", before });
}

/** How a segment's criteria are scored; fixed at publication (see assertMayChange). */
export interface SegmentScoring {
  threshold: number | null;
  scaleMax: number;
}

interface SegmentRow extends SegmentFields, SegmentScoring {
  id: string;
  lotId: string;
}

const SELECT_SEGMENT = `select id, lot_id as "lotId", code, name, former_name as "formerName", financing,
  contract_start as "contractStart", select_min as "selectMin", select_max as "selectMax",
  threshold::float8 as threshold, scale_max as "scaleMax", position from segments`;

async function segmentRow(tx: Sql, change: Change, tenderId: string, segmentId: string): Promise<SegmentRow> {
  await tenderRow(tx, change.regionId, tenderId);
  const [row] = await tx.query<SegmentRow>(`${SELECT_SEGMENT} where tender_id = $1 and id = $2`, [tenderId, segmentId]);
  if (!row) throw notFound("segment");
  return row;
}

export async function createSegment(
  tx: Sql,
  tenderId: string,
  lotId: string,
  f: SegmentFields,
  change: Change,
): Promise<string> {
  await lotRow(tx, change, tenderId, lotId);
  await ensureCodeFree(tx, "segments", tenderId, f.code);
  checkNumberToSelect(f);
  const [row] = await tx.query<{ id: string }>(
    `insert into segments (lot_id, tender_id, code, name, former_name, financing, contract_start, select_min, select_max, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      lotId,
      tenderId,
      f.code,
      f.name.trim(),
      f.formerName,
      f.financing,
      f.contractStart,
      f.selectMin,
      f.selectMax,
      f.position,
    ],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "segment",
    entityId: row!.id,
    action: "segment.create",
    after: { tenderId, lotId, ...f },
  });
  return row!.id;
}

export async function updateSegment(
  tx: Sql,
  tenderId: string,
  segmentId: string,
  patch: Partial<SegmentFields & SegmentScoring> & { lotId?: string },
  change: Change,
) {
  const before = await segmentRow(tx, change, tenderId, segmentId);
  const rescored =
    (patch.threshold !== undefined && patch.threshold !== before.threshold) ||
    (patch.scaleMax !== undefined && patch.scaleMax !== before.scaleMax);
  if (rescored) {
    await assertMayChange(tx, tenderId, "the segment's threshold and scale");
  }
  const after = applyPatch(before, patch);
  if (patch.lotId) await lotRow(tx, change, tenderId, patch.lotId);
  if (patch.code) await ensureCodeFree(tx, "segments", tenderId, patch.code, segmentId);
  checkNumberToSelect(after);
  await tx.query(
    `update segments set lot_id = $2, code = $3, name = $4, former_name = $5, financing = $6, contract_start = $7,
       select_min = $8, select_max = $9, position = $10, threshold = $11, scale_max = $12 where id = $1`,
    [
      segmentId,
      after.lotId,
      after.code,
      after.name.trim(),
      after.formerName,
      after.financing,
      after.contractStart,
      after.selectMin,
      after.selectMax,
      after.position,
      after.threshold,
      after.scaleMax,
    ],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "segment",
    entityId: segmentId,
    action: "segment.update",
    before,
    after,
  });
}

export async function deleteSegment(tx: Sql, tenderId: string, segmentId: string, change: Change) {
  const before = await segmentRow(tx, change, tenderId, segmentId);
  const [count] = await tx.query<{ n: number }>("select count(*) as n from subsegments where segment_id = $1", [
    segmentId,
  ]);
  if (Number(count?.n) > 0) throw new AppError("CONFLICT", "the segment still has subsegments; remove them first");
  await tx.query("delete from segments where id = $1", [segmentId]);
  await appendAudit(tx, { ...audit(change), entity: "segment", entityId: segmentId, action: "segment.delete", before });
}

interface SubsegmentRow extends SubsegmentFields {
  id: string;
  segmentId: string;
}

async function subsegmentRow(tx: Sql, change: Change, tenderId: string, id: string): Promise<SubsegmentRow> {
  await tenderRow(tx, change.regionId, tenderId);
  const [row] = await tx.query<SubsegmentRow>(
    `select id, segment_id as "segmentId", code, name, description, financing, position from subsegments where tender_id = $1 and id = $2`,
    [tenderId, id],
  );
  if (!row) throw notFound("subsegment");
  return row;
}

export async function createSubsegment(
  tx: Sql,
  tenderId: string,
  segmentId: string,
  f: SubsegmentFields,
  change: Change,
): Promise<string> {
  await segmentRow(tx, change, tenderId, segmentId);
  await ensureCodeFree(tx, "subsegments", tenderId, f.code);
  const [row] = await tx.query<{ id: string }>(
    `insert into subsegments (segment_id, tender_id, code, name, description, financing, position)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [segmentId, tenderId, f.code, f.name.trim(), f.description, f.financing, f.position],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "subsegment",
    entityId: row!.id,
    action: "subsegment.create",
    after: { tenderId, segmentId, ...f },
  });
  return row!.id;
}

export async function updateSubsegment(
  tx: Sql,
  tenderId: string,
  id: string,
  patch: Partial<SubsegmentFields> & { segmentId?: string },
  change: Change,
) {
  const before = await subsegmentRow(tx, change, tenderId, id);
  const after = applyPatch(before, patch);
  if (patch.segmentId) await segmentRow(tx, change, tenderId, patch.segmentId);
  if (patch.code) await ensureCodeFree(tx, "subsegments", tenderId, patch.code, id);
  await tx.query(
    "update subsegments set segment_id = $2, code = $3, name = $4, description = $5, financing = $6, position = $7 where id = $1",
    [id, after.segmentId, after.code, after.name.trim(), after.description, after.financing, after.position],
  );
  await appendAudit(tx, {
    ...audit(change),
    entity: "subsegment",
    entityId: id,
    action: "subsegment.update",
    before,
    after,
  });
}

export async function deleteSubsegment(tx: Sql, tenderId: string, id: string, change: Change) {
  const before = await subsegmentRow(tx, change, tenderId, id);
  await tx.query("delete from subsegments where id = $1", [id]);
  await appendAudit(tx, { ...audit(change), entity: "subsegment", entityId: id, action: "subsegment.delete", before });
}

// Timeline.

export interface Timeline {
  phases: Phase[];
  milestones: Milestone[];
}

export async function getTimeline(db: Sql, regionId: string, tenderId: string): Promise<Timeline> {
  await tenderRow(db, regionId, tenderId);
  const phases = await db.query<Phase>(
    `select number, name, starts_on as "startsOn", ends_on as "endsOn", description from phases where tender_id = $1 order by number`,
    [tenderId],
  );
  const milestones = await db.query<{ kind: MilestoneKind; label: string; date: string | null }>(
    `select kind, label, on_date as date from milestones where tender_id = $1 order by position, on_date nulls last`,
    [tenderId],
  );
  return { phases, milestones };
}

/** Replaces the whole timeline: the officer edits it as one plan. */
export async function replaceTimeline(tx: Sql, tenderId: string, timeline: Timeline, change: Change): Promise<void> {
  const before = await getTimeline(tx, change.regionId, tenderId);
  const numbers = timeline.phases.map((p) => p.number);
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate !== undefined) {
    throw new AppError("VALIDATION_FAILED", `phase number ${duplicate} appears twice`, {
      errors: [{ field: `body.phases.${numbers.lastIndexOf(duplicate)}.number`, message: "appears twice" }],
    });
  }
  timeline.phases.forEach((p, i) => {
    if (p.startsOn && p.endsOn && p.startsOn > p.endsOn) {
      throw new AppError("VALIDATION_FAILED", `phase ${p.number} ends before it starts`, {
        errors: [{ field: `body.phases.${i}.endsOn`, message: "is before startsOn" }],
      });
    }
  });
  await tx.query("delete from phases where tender_id = $1", [tenderId]);
  await tx.query("delete from milestones where tender_id = $1", [tenderId]);
  for (const p of timeline.phases) {
    await tx.query(
      "insert into phases (tender_id, number, name, starts_on, ends_on, description) values ($1, $2, $3, $4, $5, $6)",
      [tenderId, p.number, p.name.trim(), p.startsOn, p.endsOn, p.description],
    );
  }
  for (const [position, m] of timeline.milestones.entries()) {
    await tx.query("insert into milestones (tender_id, kind, label, on_date, position) values ($1, $2, $3, $4, $5)", [
      tenderId,
      m.kind,
      m.label.trim(),
      m.date,
      position,
    ]);
  }
  await appendAudit(tx, {
    ...audit(change),
    entity: "tender",
    entityId: tenderId,
    action: "timeline.replace",
    before,
    after: timeline,
  });
}

/**
 * Copies a tender for the next procurement (Inkoop 2022 → Inkoop 2029): the same lots, segments,
 * subsegments, financing and numbers to select, and the same phases and milestones with every date cleared.
 */
export async function copyTender(tx: Sql, sourceId: string, name: string, change: Change): Promise<string> {
  const source = await getTender(tx, change.regionId, sourceId);
  const timeline = await getTimeline(tx, change.regionId, sourceId);
  const id = await createTender(
    tx,
    {
      name,
      reference: null,
      procedure: source.procedure,
      regime: source.regime,
      electronicSubmission: source.electronicSubmission,
      announced: source.announced,
      contract: source.contract,
      municipalities: source.municipalities.map((m) => m.cbsCode),
    },
    change,
    sourceId,
  );
  for (const lot of source.lots) {
    const lotId = await createLot(tx, id, { code: lot.code, name: lot.name, position: lot.position }, change);
    for (const s of lot.segments) {
      const segmentId = await createSegment(
        tx,
        id,
        lotId,
        {
          code: s.code,
          name: s.name,
          formerName: s.formerName,
          financing: s.financing,
          contractStart: null,
          selectMin: s.numberToSelect.min,
          selectMax: s.numberToSelect.max,
          position: s.position,
        },
        change,
      );
      for (const ss of s.subsegments) {
        await createSubsegment(
          tx,
          id,
          segmentId,
          {
            code: ss.code,
            name: ss.name,
            description: ss.description,
            financing: ss.financingOverride,
            position: ss.position,
          },
          change,
        );
      }
    }
  }
  await replaceTimeline(
    tx,
    id,
    {
      phases: timeline.phases.map((p) => ({ ...p, startsOn: null, endsOn: null })),
      milestones: timeline.milestones.map((m) => ({ ...m, date: null })),
    },
    change,
  );
  return id;
}
