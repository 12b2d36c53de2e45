// The one read model of a tender's questions, shared by the routes, the CLI, the export and the
// similarity search. Who may see which question, and which fields, is decided by the callers
// (see `publicView`): this module reads, it does not filter for a viewer.
import type { Sql } from "../platform/db.ts";

export const QUESTION_STATUSES = [
  "new",
  "assigned",
  "drafted",
  "approved",
  "published",
  "answered",
  "withdrawn",
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface QaReference {
  questionId: string;
  /** The referred question's number (null only if it has none, which a stored reference cannot have). */
  number: number | null;
  /** The round the referred question was published in, when it was. */
  roundNumber: number | null;
}

export interface QaQuestion {
  id: string;
  tenderId: string;
  number: number | null;
  category: string | null;
  subheading: string | null;
  text: string;
  documentRef: string | null;
  lotId: string | null;
  visibility: "public" | "private";
  privateReason: string | null;
  status: QuestionStatus;
  answer: string | null;
  reservation: boolean;
  references: QaReference[];
  roundId: string | null;
  roundNumber: number | null;
  importId: string | null;
  askedAt: string;
  answeredAt: string | null;
  // Staff-only fields: never in a provider's view nor in an export.
  askerOrganisationId: string | null;
  askerOrganisationName: string | null;
  assigneeId: string | null;
  draftedBy: string | null;
  draftedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

interface Row {
  id: string;
  tender_id: string;
  number: number | null;
  category: string | null;
  subheading: string | null;
  text: string;
  document_ref: string | null;
  lot_id: string | null;
  visibility: "public" | "private";
  private_reason: string | null;
  status: QuestionStatus;
  answer: string | null;
  reservation: boolean;
  round_id: string | null;
  round_number: number | null;
  import_id: string | null;
  asked_at: Date;
  answered_at: Date | null;
  asker_organisation_id: string | null;
  asker_organisation_name: string | null;
  assignee_id: string | null;
  drafted_by: string | null;
  drafted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  refs: { questionId: string; number: number | null; roundNumber: number | null }[] | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const SELECT = `
  select q.id, q.tender_id, q.number, q.category, q.subheading, q.text, q.document_ref, q.lot_id, q.visibility,
         q.private_reason, q.status, q.answer, q.reservation, q.round_id, r.number as round_number, q.import_id,
         q.asked_at, q.answered_at, q.asker_organisation_id, o.name as asker_organisation_name, q.assignee_id,
         q.drafted_by, q.drafted_at, q.approved_by, q.approved_at,
         (select coalesce(jsonb_agg(jsonb_build_object('questionId', t.id, 'number', t.number,
                   'roundNumber', tr.number) order by x.position), '[]'::jsonb)
            from qa_references x join qa_questions t on t.id = x.refers_to
            left join qa_rounds tr on tr.id = t.round_id
           where x.question_id = q.id) as refs
    from qa_questions q
    left join qa_rounds r on r.id = q.round_id
    left join organisations o on o.id = q.asker_organisation_id`;

const toQuestion = (r: Row): QaQuestion => ({
  id: r.id,
  tenderId: r.tender_id,
  number: r.number,
  category: r.category,
  subheading: r.subheading,
  text: r.text,
  documentRef: r.document_ref,
  lotId: r.lot_id,
  visibility: r.visibility,
  privateReason: r.private_reason,
  status: r.status,
  answer: r.answer,
  reservation: r.reservation,
  references: r.refs ?? [],
  roundId: r.round_id,
  roundNumber: r.round_number,
  importId: r.import_id,
  askedAt: new Date(r.asked_at).toISOString(),
  answeredAt: iso(r.answered_at),
  askerOrganisationId: r.asker_organisation_id,
  askerOrganisationName: r.asker_organisation_name,
  assigneeId: r.assignee_id,
  draftedBy: r.drafted_by,
  draftedAt: iso(r.drafted_at),
  approvedBy: r.approved_by,
  approvedAt: iso(r.approved_at),
});

// Rounds first (in order; unpublished last), then by number, then by the moment asked.
const ORDER = "order by r.number nulls last, q.number nulls last, q.asked_at, q.id";

export interface QuestionFilter {
  /** Only the questions published in this round. */
  roundId?: string;
  /** Only published public questions (what every provider may read). */
  publishedOnly?: boolean;
  /** Only this organisation's own questions. */
  askerOrganisationId?: string;
}

/** A tender's questions, in reading order. The caller has checked that the tender is the viewer's region's. */
export async function listQuestions(db: Sql, tenderId: string, filter: QuestionFilter = {}): Promise<QaQuestion[]> {
  const where = ["q.tender_id = $1"];
  const params: unknown[] = [tenderId];
  if (filter.roundId) {
    params.push(filter.roundId);
    where.push(`q.round_id = $${params.length}`);
  }
  if (filter.publishedOnly) where.push("q.status = 'published' and r.published_at is not null");
  if (filter.askerOrganisationId) {
    params.push(filter.askerOrganisationId);
    where.push(`q.asker_organisation_id = $${params.length}`);
  }
  const rows = await db.query<Row>(`${SELECT} where ${where.join(" and ")} ${ORDER}`, params);
  return rows.map(toQuestion);
}

export async function getQuestion(db: Sql, questionId: string): Promise<QaQuestion | null> {
  const [row] = await db.query<Row>(`${SELECT} where q.id = $1`, [questionId]);
  return row ? toQuestion(row) : null;
}

/** What anyone may read of a published public question: no asker, no workflow. */
export interface PublicQuestion {
  id: string;
  number: number | null;
  category: string | null;
  subheading: string | null;
  text: string;
  documentRef: string | null;
  lotId: string | null;
  answer: string | null;
  reservation: boolean;
  references: QaReference[];
  roundNumber: number | null;
}

export function publicView(q: QaQuestion): PublicQuestion {
  return {
    id: q.id,
    number: q.number,
    category: q.category,
    subheading: q.subheading,
    text: q.text,
    documentRef: q.documentRef,
    lotId: q.lotId,
    answer: q.answer,
    reservation: q.reservation,
    references: q.references,
    roundNumber: q.roundNumber,
  };
}

export interface QaRound {
  id: string;
  tenderId: string;
  number: number;
  title: string;
  plannedOn: string | null;
  publishedAt: string | null;
  importId: string | null;
  questionCount: number;
}

export async function listRounds(db: Sql, tenderId: string): Promise<QaRound[]> {
  const rows = await db.query<{
    id: string;
    tender_id: string;
    number: number;
    title: string;
    planned_on: string | null;
    published_at: Date | null;
    import_id: string | null;
    question_count: number;
  }>(
    `select r.id, r.tender_id, r.number, r.title, to_char(r.planned_on, 'YYYY-MM-DD') as planned_on, r.published_at,
            r.import_id, (select count(*)::int from qa_questions q where q.round_id = r.id) as question_count
       from qa_rounds r where r.tender_id = $1 order by r.number`,
    [tenderId],
  );
  return rows.map((r) => ({
    id: r.id,
    tenderId: r.tender_id,
    number: r.number,
    title: r.title,
    plannedOn: r.planned_on,
    publishedAt: iso(r.published_at),
    importId: r.import_id,
    questionCount: Number(r.question_count),
  }));
}
