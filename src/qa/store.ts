// SQL of the Q&A workflow: settings, asking, triage, assignment, drafting, four-eyes approval,
// private answers, rounds and their publication. Every change appends its audit entry in the same
// transaction; every read of questions goes through read.ts.
import { type Actor, type AuditAction, appendAudit } from "../platform/audit.ts";
import { dutchDate } from "../platform/clock.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Role } from "../platform/policy.ts";
import { getQuestion, listQuestions, listRounds, type QaQuestion, type QaReference, type QaRound } from "./read.ts";
import {
  approveRefusal,
  askerStatus,
  askingRefusal,
  draftRefusal,
  OPEN_STATUSES,
  type Refusal,
  referenceAnswer,
  reopenedStatus,
  reopenRefusal,
  roundTitle,
  triageRefusal,
  type Workflow,
  withdrawRefusal,
} from "./rules.ts";
import { type QaWarning, qaWarnings } from "./warnings.ts";

export interface Caller {
  id: string;
  email: string;
  regionId: string;
  role: Role;
  organisationId: string | null;
}

const actorOf = (caller: Caller): Actor => ({ id: caller.id, label: caller.email });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function refused(refusal: Refusal, extra: Record<string, unknown> = {}): AppError {
  return new AppError("CONFLICT", refusal.message, { rule: refusal.rule, fields: extra });
}

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", `${field}: ${message}`, { errors: [{ field, message }] });

// The tender --------------------------------------------------------------------------------------

export interface QaTender {
  id: string;
  regionId: string;
  name: string;
  publishedAt: Date | null;
  closesAt: Date | null;
  questionsCloseAt: Date | null;
  lastRoundMinDays: number;
  openWarningDays: number;
}

/** The tender's Q&A settings and times; another region's tender is "not found". */
export async function qaTender(db: Sql, regionId: string, tenderId: string, lock = false): Promise<QaTender> {
  const [row] = await db.query<{
    id: string;
    region_id: string;
    name: string;
    published_at: Date | null;
    closes_at: Date | null;
    questions_close_at: Date | null;
    qa_last_round_min_days: number;
    qa_open_warning_days: number;
  }>(
    `select id, region_id, name, published_at, closes_at, questions_close_at, qa_last_round_min_days,
            qa_open_warning_days
       from tenders where id = $1 and region_id = $2 ${lock ? "for update" : ""}`,
    [tenderId, regionId],
  );
  if (!row) throw notFound("tender");
  const date = (d: Date | null) => (d ? new Date(d) : null);
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    publishedAt: date(row.published_at),
    closesAt: date(row.closes_at),
    questionsCloseAt: date(row.questions_close_at),
    lastRoundMinDays: Number(row.qa_last_round_min_days),
    openWarningDays: Number(row.qa_open_warning_days),
  };
}

export interface QaSettings {
  questionsCloseAt: string | null;
  lastRoundMinDays: number;
  openWarningDays: number;
}

export const settingsOf = (t: QaTender): QaSettings => ({
  questionsCloseAt: iso(t.questionsCloseAt),
  lastRoundMinDays: t.lastRoundMinDays,
  openWarningDays: t.openWarningDays,
});

export async function saveSettings(
  tx: Sql,
  caller: Caller,
  tenderId: string,
  input: QaSettings,
  now: Date,
): Promise<QaSettings> {
  const before = await qaTender(tx, caller.regionId, tenderId, true);
  // Questions are answered before bids close: a deadline after the closing time cannot hold.
  if (input.questionsCloseAt && before.closesAt && new Date(input.questionsCloseAt) >= before.closesAt) {
    const message = `must be before the closing time ${before.closesAt.toISOString()}`;
    throw new AppError("VALIDATION_FAILED", `body.questionsCloseAt: ${message}`, {
      errors: [{ field: "body.questionsCloseAt", message }],
      rule: "questions_after_closing",
      fields: { closesAt: before.closesAt.toISOString() },
    });
  }
  await tx.query(
    `update tenders set questions_close_at = $2, qa_last_round_min_days = $3, qa_open_warning_days = $4 where id = $1`,
    [tenderId, input.questionsCloseAt, input.lastRoundMinDays, input.openWarningDays],
  );
  const after = await qaTender(tx, caller.regionId, tenderId);
  await audit(tx, caller, "tender", tenderId, "tender.qa_settings", now, settingsOf(before), settingsOf(after));
  return settingsOf(after);
}

async function audit(
  tx: Sql,
  caller: Caller,
  entity: string,
  entityId: string,
  action: AuditAction,
  at: Date,
  before: unknown,
  after: unknown,
) {
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity,
    entityId,
    action,
    before,
    after,
    at,
  });
}

// Overview ----------------------------------------------------------------------------------------

export type StatusCounts = Record<"new" | "assigned" | "drafted" | "approved" | "published" | "answered", number>;

export async function statusCounts(db: Sql, tenderId: string): Promise<StatusCounts> {
  const rows = await db.query<{ status: string; n: number }>(
    "select status, count(*)::int as n from qa_questions where tender_id = $1 group by status",
    [tenderId],
  );
  const counts: StatusCounts = { new: 0, assigned: 0, drafted: 0, approved: 0, published: 0, answered: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as keyof StatusCounts] = Number(r.n);
  return counts;
}

/** The next free number among the tender's own (not imported) questions. */
export async function nextNumber(db: Sql, tenderId: string): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(
    "select max(number)::int as n from qa_questions where tender_id = $1 and import_id is null",
    [tenderId],
  );
  return Number(row?.n ?? 0) + 1;
}

export { listRounds };

// The asker's view --------------------------------------------------------------------------------

export interface MyQuestion {
  id: string;
  text: string;
  documentRef: string | null;
  lotId: string | null;
  askedAt: string;
  status: "open" | "published" | "answered" | "withdrawn";
  number: number | null;
  answer: string | null;
  reservation: boolean;
  references: QaReference[];
  roundNumber: number | null;
}

/** What the asking organisation reads of its own question: the answer only once it reached it. */
export function mine(q: QaQuestion): MyQuestion {
  const status = askerStatus(q.status);
  const published = status === "published";
  const answered = published || status === "answered";
  return {
    id: q.id,
    text: q.text,
    documentRef: q.documentRef,
    lotId: q.lotId,
    askedAt: q.askedAt,
    status,
    number: published ? q.number : null,
    answer: answered ? q.answer : null,
    reservation: answered ? q.reservation : false,
    references: answered ? q.references : [],
    roundNumber: published ? q.roundNumber : null,
  };
}

export async function myQuestions(db: Sql, caller: Caller, tenderId: string): Promise<MyQuestion[]> {
  await qaTender(db, caller.regionId, tenderId);
  if (!caller.organisationId) return [];
  const questions = await listQuestions(db, tenderId, { askerOrganisationId: caller.organisationId });
  return questions.sort((a, b) => (a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : 0)).map(mine);
}

// Asking ------------------------------------------------------------------------------------------

export interface AskInput {
  text: string;
  documentRef?: string | null | undefined;
  lotId?: string | null | undefined;
}

async function assertLot(db: Sql, tenderId: string, lotId: string | null | undefined, field: string) {
  if (!lotId) return;
  const [row] = await db.query("select 1 from lots where id = $1 and tender_id = $2", [lotId, tenderId]);
  if (!row) throw invalid(field, "is not a lot of this tender");
}

/** Refuses (409, naming the deadline) a question outside the asking window. */
export function assertAskingOpen(tender: QaTender, now: Date) {
  const refusal = askingRefusal(tender, now);
  if (refusal) throw refused(refusal, { questionsCloseAt: iso(tender.questionsCloseAt) });
}

/** Stores the caller's organisation's questions, all or none. Returns their ids in order. */
export async function ask(tx: Sql, caller: Caller, tenderId: string, inputs: AskInput[], now: Date): Promise<string[]> {
  if (!caller.organisationId) throw new AppError("FORBIDDEN", "only a provider's user asks questions");
  const tender = await qaTender(tx, caller.regionId, tenderId);
  assertAskingOpen(tender, now);
  const ids: string[] = [];
  for (const [index, input] of inputs.entries()) {
    await assertLot(tx, tenderId, input.lotId, inputs.length > 1 ? `row ${index + 2}: Perceel` : "body.lotId");
    const [row] = await tx.query<{ id: string }>(
      `insert into qa_questions (tender_id, asker_organisation_id, asker_user_id, text, document_ref, lot_id, asked_at,
                                 created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`,
      [tenderId, caller.organisationId, caller.id, input.text, input.documentRef || null, input.lotId || null, now],
    );
    ids.push(row!.id);
    await audit(tx, caller, "qa_question", row!.id, "qa.ask", now, null, {
      tenderId,
      documentRef: input.documentRef || null,
      lotId: input.lotId || null,
      bulk: inputs.length > 1,
    });
  }
  return ids;
}

// Staff reads -------------------------------------------------------------------------------------

/** One question of the caller's region, or "not found". */
export async function questionOf(db: Sql, regionId: string, questionId: string): Promise<QaQuestion> {
  const [row] = await db.query(
    "select 1 from qa_questions q join tenders t on t.id = q.tender_id where q.id = $1 and t.region_id = $2",
    [questionId, regionId],
  );
  if (!row) throw notFound("question");
  return (await getQuestion(db, questionId))!;
}

interface Locked extends Workflow {
  id: string;
  tenderId: string;
  askerOrganisationId: string | null;
  importId: string | null;
}

/** Locks the question for a change of its workflow; another region's question is "not found". */
async function lockQuestion(tx: Sql, regionId: string, questionId: string): Promise<Locked> {
  const [row] = await tx.query<{
    id: string;
    tender_id: string;
    status: Workflow["status"];
    visibility: Workflow["visibility"];
    number: number | null;
    assignee_id: string | null;
    drafted_by: string | null;
    asker_organisation_id: string | null;
    import_id: string | null;
  }>(
    `select q.id, q.tender_id, q.status, q.visibility, q.number, q.assignee_id, q.drafted_by, q.asker_organisation_id,
            q.import_id
       from qa_questions q join tenders t on t.id = q.tender_id
      where q.id = $1 and t.region_id = $2 for update of q`,
    [questionId, regionId],
  );
  if (!row) throw notFound("question");
  return {
    id: row.id,
    tenderId: row.tender_id,
    status: row.status,
    visibility: row.visibility,
    number: row.number,
    assigneeId: row.assignee_id,
    draftedBy: row.drafted_by,
    askerOrganisationId: row.asker_organisation_id,
    importId: row.import_id,
  };
}

function check(refusal: Refusal | null) {
  if (refusal) throw refused(refusal);
}

const snapshot = (q: QaQuestion) => ({
  status: q.status,
  number: q.number,
  category: q.category,
  subheading: q.subheading,
  visibility: q.visibility,
  assigneeId: q.assigneeId,
});

// Triage ------------------------------------------------------------------------------------------

export interface TriageInput {
  number?: number | null | undefined;
  category?: string | null | undefined;
  subheading?: string | null | undefined;
  documentRef?: string | null | undefined;
  lotId?: string | null | undefined;
  visibility?: "public" | "private" | undefined;
  privateReason?: string | null | undefined;
}

export async function triage(tx: Sql, caller: Caller, questionId: string, input: TriageInput, now: Date) {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(triageRefusal(q));
  const before = (await getQuestion(tx, questionId))!;
  const visibility = input.visibility ?? before.visibility;
  const privateReason = input.privateReason !== undefined ? input.privateReason : before.privateReason;
  let number = input.number !== undefined ? input.number : before.number;
  if (visibility === "private") {
    if (!privateReason?.trim()) throw invalid("body.privateReason", "a private answer needs its reason");
    if (input.number !== undefined && input.number !== null) {
      throw invalid("body.number", "a privately answered question has no number");
    }
    number = null;
  }
  if (number !== null && number !== before.number) {
    const [taken] = await tx.query(
      "select 1 from qa_questions where tender_id = $1 and number = $2 and import_id is null and id <> $3",
      [q.tenderId, number, questionId],
    );
    if (taken) throw refused({ rule: "number_taken", message: `number ${number} is already taken in this tender` });
  }
  await assertLot(tx, q.tenderId, input.lotId, "body.lotId");
  const pick = <T>(value: T | undefined, old: T) => (value !== undefined ? value : old);
  await tx.query(
    `update qa_questions set number = $2, category = $3, subheading = $4, document_ref = $5, lot_id = $6,
            visibility = $7, private_reason = $8
      where id = $1`,
    [
      questionId,
      number,
      pick(input.category, before.category) || null,
      pick(input.subheading, before.subheading) || null,
      pick(input.documentRef, before.documentRef) || null,
      pick(input.lotId, before.lotId) || null,
      visibility,
      visibility === "private" ? privateReason : null,
    ],
  );
  const after = (await getQuestion(tx, questionId))!;
  await audit(tx, caller, "qa_question", questionId, "qa.triage", now, snapshot(before), {
    ...snapshot(after),
    privateReason: after.privateReason,
  });
  return after;
}

// Assignment --------------------------------------------------------------------------------------

/** Roles that may be given a question to draft (qa:draft), as the policy says. */
export async function assign(
  tx: Sql,
  caller: Caller,
  questionId: string,
  assigneeId: string,
  mayDraft: (role: Role) => boolean,
  now: Date,
): Promise<{ question: QaQuestion; assignee: { id: string; email: string } }> {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(triageRefusal(q));
  const [user] = await tx.query<{ id: string; email: string; role: Role; disabled: boolean }>(
    "select id, email, role, disabled from users where id = $1 and region_id = $2",
    [assigneeId, caller.regionId],
  );
  if (!user || user.disabled || !mayDraft(user.role)) {
    throw invalid("body.assigneeId", "is not a colleague of this region who may draft answers");
  }
  await tx.query(
    `update qa_questions set assignee_id = $2, status = case when status = 'new' then 'assigned' else status end
      where id = $1`,
    [questionId, assigneeId],
  );
  await audit(tx, caller, "qa_question", questionId, "qa.assign", now, { assigneeId: q.assigneeId }, { assigneeId });
  return { question: (await getQuestion(tx, questionId))!, assignee: { id: user.id, email: user.email } };
}

// Drafting ----------------------------------------------------------------------------------------

export interface DraftInput {
  answer: string;
  reservation: boolean;
  references: string[];
}

/** A reference points at another numbered question of the same tender. */
async function assertReferences(tx: Sql, q: Locked, references: string[]) {
  for (const [index, id] of references.entries()) {
    const field = `body.references.${index}`;
    if (id === q.id) throw invalid(field, "an answer cannot refer to its own question");
    const [row] = await tx.query<{ number: number | null }>(
      "select number from qa_questions where id = $1 and tender_id = $2",
      [id, q.tenderId],
    );
    if (!row) throw invalid(field, "is not a question of this tender");
    if (row.number === null) throw invalid(field, "refers to a question without a number");
  }
}

export async function draft(
  tx: Sql,
  caller: Caller,
  isOfficer: boolean,
  questionId: string,
  input: DraftInput,
  now: Date,
): Promise<QaQuestion> {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(draftRefusal(q, { id: caller.id, isOfficer }));
  const references = [...new Set(input.references)];
  await assertReferences(tx, q, references);
  await tx.query(
    `update qa_questions set answer = $2, reservation = $3, drafted_by = $4, drafted_at = $5, status = 'drafted',
            approved_by = null, approved_at = null
      where id = $1`,
    [questionId, input.answer, input.reservation, caller.id, now],
  );
  await tx.query("delete from qa_references where question_id = $1", [questionId]);
  for (const [position, refersTo] of references.entries()) {
    await tx.query("insert into qa_references (question_id, refers_to, position) values ($1, $2, $3)", [
      questionId,
      refersTo,
      position,
    ]);
  }
  await audit(
    tx,
    caller,
    "qa_question",
    questionId,
    "qa.draft",
    now,
    { status: q.status },
    {
      status: "drafted",
      reservation: input.reservation,
      references,
      answerLength: input.answer.length,
    },
  );
  return (await getQuestion(tx, questionId))!;
}

/** Answer by reference in one action: "Wij verwijzen u naar het antwoord op vraag N." */
export async function refer(
  tx: Sql,
  caller: Caller,
  isOfficer: boolean,
  questionId: string,
  targetId: string,
  now: Date,
): Promise<QaQuestion> {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  const [target] = await tx.query<{ number: number | null }>(
    "select number from qa_questions where id = $1 and tender_id = $2",
    [targetId, q.tenderId],
  );
  if (!target || targetId === questionId) throw invalid("body.questionId", "is not another question of this tender");
  if (target.number === null) throw invalid("body.questionId", "refers to a question without a number");
  return draft(
    tx,
    caller,
    isOfficer,
    questionId,
    {
      answer: referenceAnswer(target.number),
      reservation: false,
      references: [targetId],
    },
    now,
  );
}

// Approval ----------------------------------------------------------------------------------------

/**
 * Four eyes. A public answer waits for a round; a private one reaches its asker at once.
 * Returns the organisation to tell when the answer was private.
 */
export async function approve(
  tx: Sql,
  caller: Caller,
  questionId: string,
  now: Date,
): Promise<{ question: QaQuestion; privateTo: string | null }> {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(approveRefusal(q, caller.id));
  const isPrivate = q.visibility === "private";
  await tx.query(
    `update qa_questions set approved_by = $2, approved_at = $3, status = $4, answered_at = $5 where id = $1`,
    [questionId, caller.id, now, isPrivate ? "answered" : "approved", isPrivate ? now : null],
  );
  await audit(
    tx,
    caller,
    "qa_question",
    questionId,
    "qa.approve",
    now,
    { status: q.status },
    {
      status: isPrivate ? "answered" : "approved",
    },
  );
  if (isPrivate) {
    await audit(tx, caller, "qa_question", questionId, "qa.answer_private", now, null, {
      askerOrganisationId: q.askerOrganisationId,
    });
  }
  return { question: (await getQuestion(tx, questionId))!, privateTo: isPrivate ? q.askerOrganisationId : null };
}

export async function reopen(tx: Sql, caller: Caller, questionId: string, reason: string, now: Date) {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(reopenRefusal(q));
  const status = reopenedStatus(q);
  await tx.query(
    "update qa_questions set status = $2, approved_by = null, approved_at = null, drafted_by = null where id = $1",
    [questionId, status],
  );
  await audit(tx, caller, "qa_question", questionId, "qa.reopen", now, { status: q.status }, { status, reason });
  return (await getQuestion(tx, questionId))!;
}

export async function withdraw(tx: Sql, caller: Caller, questionId: string, reason: string, now: Date) {
  const q = await lockQuestion(tx, caller.regionId, questionId);
  check(withdrawRefusal(q));
  await tx.query("update qa_questions set status = 'withdrawn', number = null where id = $1", [questionId]);
  await audit(
    tx,
    caller,
    "qa_question",
    questionId,
    "qa.withdraw",
    now,
    { status: q.status },
    {
      status: "withdrawn",
      reason,
    },
  );
  return (await getQuestion(tx, questionId))!;
}

// Rounds ------------------------------------------------------------------------------------------

/** One round of the caller's region, or "not found". */
export async function roundOf(db: Sql, regionId: string, roundId: string): Promise<QaRound> {
  const [row] = await db.query<{ tender_id: string }>(
    "select r.tender_id from qa_rounds r join tenders t on t.id = r.tender_id where r.id = $1 and t.region_id = $2",
    [roundId, regionId],
  );
  if (!row) throw notFound("round");
  return (await listRounds(db, row.tender_id)).find((r) => r.id === roundId)!;
}

export async function createRound(
  tx: Sql,
  caller: Caller,
  tenderId: string,
  input: { title?: string | undefined; plannedOn?: string | null | undefined },
  now: Date,
): Promise<QaRound> {
  await qaTender(tx, caller.regionId, tenderId, true);
  const [last] = await tx.query<{ n: number | null }>(
    "select max(number)::int as n from qa_rounds where tender_id = $1",
    [tenderId],
  );
  const number = Number(last?.n ?? 0) + 1;
  const title = input.title?.trim() || roundTitle(number);
  const [row] = await tx.query<{ id: string }>(
    `insert into qa_rounds (tender_id, number, title, planned_on, created_at) values ($1, $2, $3, $4, $5) returning id`,
    [tenderId, number, title, input.plannedOn ?? null, now],
  );
  await audit(tx, caller, "qa_round", row!.id, "qa.round_create", now, null, {
    tenderId,
    number,
    title,
    plannedOn: input.plannedOn ?? null,
  });
  return roundOf(tx, caller.regionId, row!.id);
}

async function lockRound(tx: Sql, regionId: string, roundId: string) {
  const [row] = await tx.query<{ id: string; tender_id: string; published_at: Date | null; import_id: string | null }>(
    `select r.id, r.tender_id, r.published_at, r.import_id from qa_rounds r join tenders t on t.id = r.tender_id
      where r.id = $1 and t.region_id = $2 for update of r`,
    [roundId, regionId],
  );
  if (!row) throw notFound("round");
  if (row.published_at) throw refused({ rule: "already_published", message: "the round has already been published" });
  return row;
}

export async function updateRound(
  tx: Sql,
  caller: Caller,
  roundId: string,
  input: { title?: string | undefined; plannedOn?: string | null | undefined },
  now: Date,
): Promise<QaRound> {
  await lockRound(tx, caller.regionId, roundId);
  const before = await roundOf(tx, caller.regionId, roundId);
  await tx.query("update qa_rounds set title = $2, planned_on = $3 where id = $1", [
    roundId,
    input.title?.trim() || before.title,
    input.plannedOn !== undefined ? input.plannedOn : before.plannedOn,
  ]);
  const after = await roundOf(tx, caller.regionId, roundId);
  await audit(tx, caller, "qa_round", roundId, "qa.round_update", now, before, after);
  return after;
}

/**
 * Publishes the round: every approved public question of the tender goes into it, all at the same
 * moment, and every provider organisation of the region is told with one created_at.
 */
export async function publishRound(
  tx: Sql,
  caller: Caller,
  roundId: string,
  now: Date,
  notify: (organisationIds: string[], round: QaRound, tenderName: string) => Promise<void>,
): Promise<{ round: QaRound; organisationIds: string[] }> {
  const round = await lockRound(tx, caller.regionId, roundId);
  // Serialise with approvals and reopenings: the tender's questions are locked for the move.
  const moved = await tx.query<{ id: string }>(
    `update qa_questions set status = 'published', round_id = $2, answered_at = $3
      where tender_id = $1 and status = 'approved' and visibility = 'public' returning id`,
    [round.tender_id, roundId, now],
  );
  if (moved.length === 0) {
    throw refused({ rule: "empty_round", message: "no approved public answers are waiting for a round" });
  }
  await tx.query("update qa_rounds set published_at = $2, published_by = $3 where id = $1", [roundId, now, caller.id]);
  const organisations = await tx.query<{ id: string }>(
    "select id from organisations where region_id = $1 and lead_member_id is null order by id",
    [caller.regionId],
  );
  const published = await roundOf(tx, caller.regionId, roundId);
  const [tender] = await tx.query<{ name: string }>("select name from tenders where id = $1", [round.tender_id]);
  const organisationIds = organisations.map((o) => o.id);
  await notify(organisationIds, published, tender!.name);
  await audit(tx, caller, "qa_round", roundId, "qa.round_publish", now, null, {
    tenderId: round.tender_id,
    number: published.number,
    questions: moved.map((m) => m.id),
    notified: organisationIds.length,
  });
  return { round: published, organisationIds };
}

/** Round with the published public questions in it, in reading order. */
export async function roundQuestions(db: Sql, round: QaRound) {
  return listQuestions(db, round.tenderId, { roundId: round.id, publishedOnly: true });
}

// The timeline's warnings -------------------------------------------------------------------------

/** The Q&A warnings of a tender's timeline (see warnings.ts), read for `now`. */
export async function timelineWarnings(db: Sql, regionId: string, tenderId: string, now: Date): Promise<QaWarning[]> {
  const tender = await qaTender(db, regionId, tenderId);
  const rounds = (await listRounds(db, tenderId)).filter((r) => r.importId === null);
  const [open] = await db.query<{ n: number }>(
    "select count(*)::int as n from qa_questions where tender_id = $1 and status = any($2::text[])",
    [tenderId, OPEN_STATUSES],
  );
  return qaWarnings(
    {
      closesAt: tender.closesAt,
      closesOn: tender.closesAt ? dutchDate(tender.closesAt) : null,
      lastRoundMinDays: tender.lastRoundMinDays,
      openWarningDays: tender.openWarningDays,
      rounds: rounds.map((r) => ({
        number: r.number,
        title: r.title,
        on: r.publishedAt ? dutchDate(new Date(r.publishedAt)) : r.plannedOn,
        published: r.publishedAt !== null,
      })),
      openQuestions: Number(open?.n ?? 0),
    },
    now,
  );
}
