// SQL for dialogue sessions, their registrations, report, documents, session Q&A and statements.
// Every change appends its audit entry in the same transaction; a session of another region is
// "not found". Providers see a session's report, documents, Q&A and statements only once published.

import { type Message, notifyOrganisations } from "../notifications/store.ts";
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Role } from "../platform/policy.ts";
import { hasTakenPlace, placesLeft, registrationOpen, registrationRefusal, type StatementSummary } from "./rules.ts";
import type { ParsedStatement } from "./statements-csv.ts";

export interface Caller {
  id: string;
  email: string;
  regionId: string;
  role: Role;
  organisationId: string | null;
}

export const SESSION_KINDS = ["gesprekstafel", "workshop", "kennissessie", "webinar", "marktconsultatie"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionInput {
  kind: SessionKind;
  title: string;
  description: string;
  segmentId: string | null;
  onDate: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  registrationClosesAt: string;
}

export interface Session {
  id: string;
  tenderId: string;
  kind: SessionKind;
  title: string;
  description: string;
  segmentId: string | null;
  segmentName: string | null;
  onDate: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  registrationClosesAt: string;
  placesLeft: number | null;
  /** The caller's own active registration (a provider user), or null. */
  registered: { attendees: number; registeredAt: string } | null;
  /** Whether the caller's organisation has registered (through any of its users). */
  organisationRegistered: boolean;
  registrationOpen: boolean;
  cancelledAt: string | null;
  publishedAt: string | null;
}

export interface SessionDocument {
  id: string;
  kind: "slides" | "report" | "other";
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface Statement extends StatementSummary {
  id: string;
  position: number;
  text: string;
  source: "manual" | "csv";
}

export interface SessionDetail extends Session {
  /** Null for a provider until the session is published. */
  report: string | null;
  documents: SessionDocument[];
  questions: { question: string; answer: string }[];
  statements: Statement[];
}

export interface Attendee {
  organisationName: string;
  userName: string;
  email: string;
  attendees: number;
  registeredAt: string;
}

const isStaff = (caller: Caller) => caller.role !== "provider";
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());
const hhmm = (time: string) => time.slice(0, 5);

interface SessionRow {
  id: string;
  tender_id: string;
  kind: SessionKind;
  title: string;
  description: string;
  segment_id: string | null;
  segment_name: string | null;
  on_date: string;
  starts_at: string;
  ends_at: string;
  location: string | null;
  online_url: string | null;
  capacity: number | null;
  registration_closes_at: Date;
  cancelled_at: Date | null;
  published_at: Date | null;
  report: string | null;
  taken: number;
  my_attendees: number | null;
  my_registered_at: Date | null;
  org_registered: boolean;
}

const SELECT_SESSION = `select s.*, seg.name as segment_name,
  coalesce((select sum(r.attendees) from dialogue_registrations r
            where r.session_id = s.id and r.cancelled_at is null), 0) as taken,
  (select r.attendees from dialogue_registrations r
    where r.session_id = s.id and r.user_id = $2 and r.cancelled_at is null) as my_attendees,
  (select r.registered_at from dialogue_registrations r
    where r.session_id = s.id and r.user_id = $2 and r.cancelled_at is null) as my_registered_at,
  exists (select 1 from dialogue_registrations r
    where r.session_id = s.id and r.organisation_id = $3 and r.cancelled_at is null) as org_registered
  from dialogue_sessions s
  join tenders t on t.id = s.tender_id and t.region_id = $1
  left join segments seg on seg.id = s.segment_id`;

function toSession(row: SessionRow, now: Date): Session {
  const state = {
    capacity: row.capacity,
    registrationClosesAt: new Date(row.registration_closes_at),
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
    taken: Number(row.taken),
  };
  return {
    id: row.id,
    tenderId: row.tender_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    segmentId: row.segment_id,
    segmentName: row.segment_name,
    onDate: row.on_date,
    startsAt: hhmm(row.starts_at),
    endsAt: hhmm(row.ends_at),
    location: row.location,
    onlineUrl: row.online_url,
    capacity: row.capacity,
    registrationClosesAt: iso(row.registration_closes_at)!,
    placesLeft: placesLeft(state),
    registered:
      row.my_attendees === null
        ? null
        : { attendees: Number(row.my_attendees), registeredAt: iso(row.my_registered_at)! },
    organisationRegistered: row.org_registered,
    registrationOpen: registrationOpen(state, now),
    cancelledAt: iso(row.cancelled_at),
    publishedAt: iso(row.published_at),
  };
}

const callerParams = (caller: Caller) => [caller.regionId, caller.id, caller.organisationId];

async function tenderOfRegion(db: Sql, caller: Caller, tenderId: string): Promise<{ id: string; name: string }> {
  const [row] = await db.query<{ id: string; name: string }>(
    "select id, name from tenders where id = $1 and region_id = $2",
    [tenderId, caller.regionId],
  );
  if (!row) throw notFound("tender");
  return row;
}

export async function listSessions(db: Sql, caller: Caller, tenderId: string, now: Date): Promise<Session[]> {
  await tenderOfRegion(db, caller, tenderId);
  const rows = await db.query<SessionRow>(`${SELECT_SESSION} where s.tender_id = $4 order by s.on_date, s.starts_at`, [
    ...callerParams(caller),
    tenderId,
  ]);
  return rows.map((row) => toSession(row, now));
}

async function sessionRow(db: Sql, caller: Caller, sessionId: string, lock = false): Promise<SessionRow> {
  if (lock) {
    // Registrations of one session queue behind each other here, so that they cannot overbook it.
    await db.query(
      `select s.id from dialogue_sessions s join tenders t on t.id = s.tender_id
       where s.id = $1 and t.region_id = $2 for update of s`,
      [sessionId, caller.regionId],
    );
  }
  const [row] = await db.query<SessionRow>(`${SELECT_SESSION} where s.id = $4`, [...callerParams(caller), sessionId]);
  if (!row) throw notFound("session");
  return row;
}

export async function getSession(db: Sql, caller: Caller, sessionId: string, now: Date): Promise<SessionDetail> {
  const row = await sessionRow(db, caller, sessionId);
  const session = toSession(row, now);
  const visible = isStaff(caller) || row.published_at !== null;
  if (!visible) return { ...session, report: null, documents: [], questions: [], statements: [] };
  const documents = await db.query<{
    id: string;
    kind: SessionDocument["kind"];
    name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: Date;
  }>(
    "select id, kind, name, media_type, size_bytes, sha256, uploaded_at from dialogue_documents where session_id = $1 order by uploaded_at, name",
    [sessionId],
  );
  const questions = await db.query<{ question: string; answer: string }>(
    "select question, answer from dialogue_session_questions where session_id = $1 order by position",
    [sessionId],
  );
  return {
    ...session,
    report: row.report,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      mediaType: d.media_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256,
      uploadedAt: iso(d.uploaded_at)!,
    })),
    questions,
    statements: await listStatements(db, sessionId),
  };
}

// Changes ----------------------------------------------------------------------------------------

const actorOf = (caller: Caller): Actor => ({ id: caller.id, label: caller.email });

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", `${field}: ${message}`, { errors: [{ field: `body.${field}`, message }] });
}

async function checkSession(db: Sql, tenderId: string, input: SessionInput): Promise<void> {
  if (input.endsAt <= input.startsAt) throw invalid("endsAt", "must be after startsAt");
  if (!input.location && !input.onlineUrl) throw invalid("location", "give a place or an online link (onlineUrl)");
  if (input.segmentId) {
    const [segment] = await db.query("select 1 from segments where id = $1 and tender_id = $2", [
      input.segmentId,
      tenderId,
    ]);
    if (!segment) throw invalid("segmentId", "is not a segment of this tender");
  }
}

const sessionParams = (input: SessionInput) => [
  input.kind,
  input.title,
  input.description,
  input.segmentId,
  input.onDate,
  input.startsAt,
  input.endsAt,
  input.location || null,
  input.onlineUrl || null,
  input.capacity,
  input.registrationClosesAt,
];

export async function createSession(
  tx: Sql,
  caller: Caller,
  tenderId: string,
  input: SessionInput,
  now: Date,
): Promise<string> {
  await tenderOfRegion(tx, caller, tenderId);
  await checkSession(tx, tenderId, input);
  const [row] = await tx.query<{ id: string }>(
    `insert into dialogue_sessions (tender_id, kind, title, description, segment_id, on_date, starts_at, ends_at,
       location, online_url, capacity, registration_closes_at, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [tenderId, ...sessionParams(input), caller.id, now],
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: row!.id,
    action: "dialogue.session_create",
    after: { tenderId, ...input },
    at: now,
  });
  return row!.id;
}

const inputOf = (s: Session): SessionInput => ({
  kind: s.kind,
  title: s.title,
  description: s.description,
  segmentId: s.segmentId,
  onDate: s.onDate,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  location: s.location,
  onlineUrl: s.onlineUrl,
  capacity: s.capacity,
  registrationClosesAt: s.registrationClosesAt,
});

export async function updateSession(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  patch: Partial<SessionInput>,
  now: Date,
): Promise<Told> {
  const before = inputOf(toSession(await sessionRow(tx, caller, sessionId, true), now));
  const row = await sessionRow(tx, caller, sessionId);
  const after = { ...before, ...patch };
  await checkSession(tx, row.tender_id, after);
  if (after.capacity !== null && after.capacity < Number(row.taken)) {
    throw invalid("capacity", `${Number(row.taken)} attendees are already registered`);
  }
  await tx.query(
    `update dialogue_sessions set kind = $2, title = $3, description = $4, segment_id = $5, on_date = $6,
       starts_at = $7, ends_at = $8, location = $9, online_url = $10, capacity = $11, registration_closes_at = $12
     where id = $1`,
    [sessionId, ...sessionParams(after)],
  );
  // Those who registered are told when the moment or the place changes: they planned around it.
  const moved = (["onDate", "startsAt", "endsAt", "location", "onlineUrl"] as const).filter(
    (key) => before[key] !== after[key],
  );
  let told: Told = NOBODY;
  if (moved.length > 0 && !row.cancelled_at) {
    const where = [after.location, after.onlineUrl].filter(Boolean).join(", ");
    told = await tell(
      tx,
      await registeredOrganisations(tx, sessionId),
      {
        regionId: caller.regionId,
        tenderId: row.tender_id,
        kind: "dialogue_session_changed",
        title: `Bijeenkomst gewijzigd: ${after.title}`,
        body: `De bijeenkomst '${after.title}' is nu op ${dutchDay(after.onDate)} van ${hhmm(after.startsAt)} tot ${hhmm(after.endsAt)}${where ? `, ${where}` : ""}. U blijft aangemeld.`,
        params: {
          sessionId,
          session: after.title,
          date: after.onDate,
          startsAt: hhmm(after.startsAt),
          endsAt: hhmm(after.endsAt),
          place: where,
        },
      },
      now,
    );
  }
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: sessionId,
    action: "dialogue.session_update",
    before,
    after: moved.length > 0 ? { ...after, organisationsTold: told.organisationIds.length } : after,
    at: now,
  });
  return told;
}

/** Who was told what: the organisations, and the message, to mail after the commit. */
export interface Told {
  organisationIds: string[];
  message: Message | null;
}

const NOBODY: Told = { organisationIds: [], message: null };

/** Notifies the organisations in-app, in the transaction, and says whom, for the e-mail after it. */
async function tell(tx: Sql, organisationIds: string[], message: Message, now: Date): Promise<Told> {
  if (organisationIds.length === 0) return NOBODY;
  await notifyOrganisations(tx, organisationIds, message, now);
  return { organisationIds, message };
}

/** The organisations with a registration for the session that they have not cancelled. */
async function registeredOrganisations(tx: Sql, sessionId: string): Promise<string[]> {
  const rows = await tx.query<{ organisation_id: string }>(
    "select distinct organisation_id from dialogue_registrations where session_id = $1 and cancelled_at is null",
    [sessionId],
  );
  return rows.map((r) => r.organisation_id);
}

async function providerOrganisations(tx: Sql, regionId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select distinct organisation_id as id from users
     where region_id = $1 and role = 'provider' and organisation_id is not null and not disabled`,
    [regionId],
  );
  return rows.map((r) => r.id);
}

/** 11 maart 2026: a session's date as the notices say it. */
const dutchDay = (onDate: string) =>
  new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${onDate}T00:00:00Z`),
  );

/** 11 maart 2026 om 13:00. */
const dutchDateTime = (onDate: string, startsAt: string) => `${dutchDay(onDate)} om ${hhmm(startsAt)}`;

export async function cancelSession(tx: Sql, caller: Caller, sessionId: string, now: Date): Promise<Told> {
  const row = await sessionRow(tx, caller, sessionId, true);
  if (row.cancelled_at) {
    throw new AppError("CONFLICT", "the session is already cancelled", { rule: "session_cancelled" });
  }
  await tx.query("update dialogue_sessions set cancelled_at = $2 where id = $1", [sessionId, now]);
  const told = await tell(
    tx,
    await registeredOrganisations(tx, sessionId),
    {
      regionId: caller.regionId,
      tenderId: row.tender_id,
      kind: "dialogue_session_cancelled",
      title: `Bijeenkomst geannuleerd: ${row.title}`,
      body: `De bijeenkomst '${row.title}' van ${dutchDateTime(row.on_date, row.starts_at)} gaat niet door.`,
      params: { sessionId, session: row.title, date: row.on_date, startsAt: hhmm(row.starts_at) },
    },
    now,
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: sessionId,
    action: "dialogue.session_cancel",
    after: { cancelledAt: now.toISOString(), organisationsTold: told.organisationIds.length },
    at: now,
  });
  return told;
}

/** Today's date and time in the Netherlands, 'YYYY-MM-DD' and 'HH:MM'. */
function dutchNow(now: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

export async function publishSession(tx: Sql, caller: Caller, sessionId: string, now: Date): Promise<void> {
  const row = await sessionRow(tx, caller, sessionId, true);
  if (row.published_at) {
    throw new AppError("CONFLICT", "the session's report is already published", { rule: "already_published" });
  }
  if (row.cancelled_at) {
    throw new AppError("CONFLICT", "a cancelled session has no report to publish", { rule: "session_cancelled" });
  }
  const local = dutchNow(now);
  if (!hasTakenPlace(row.on_date, row.ends_at, local.date, local.time)) {
    throw new AppError(
      "CONFLICT",
      `the session takes place on ${row.on_date} until ${hhmm(row.ends_at)}; publish its report afterwards`,
      { rule: "session_not_held" },
    );
  }
  await tx.query("update dialogue_sessions set published_at = $2 where id = $1", [sessionId, now]);
  const told = await notifyOrganisations(
    tx,
    await providerOrganisations(tx, caller.regionId),
    {
      regionId: caller.regionId,
      tenderId: row.tender_id,
      kind: "dialogue_report_published",
      title: `Verslag gepubliceerd: ${row.title}`,
      body: `Het verslag van '${row.title}' (${dutchDateTime(row.on_date, row.starts_at)}) staat klaar.`,
      params: { sessionId, session: row.title, date: row.on_date, startsAt: hhmm(row.starts_at) },
    },
    now,
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: sessionId,
    action: "dialogue.session_publish",
    after: { publishedAt: now.toISOString(), organisationsTold: told },
    at: now,
  });
}

export async function register(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  attendees: number,
  now: Date,
): Promise<void> {
  if (!caller.organisationId) throw new AppError("FORBIDDEN", "only a provider's users register for a session");
  const row = await sessionRow(tx, caller, sessionId, true);
  const refusal = registrationRefusal(
    {
      capacity: row.capacity,
      registrationClosesAt: new Date(row.registration_closes_at),
      cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
      taken: Number(row.taken),
    },
    attendees,
    row.my_attendees !== null,
    now,
  );
  if (refusal) {
    throw new AppError("CONFLICT", refusal.message, {
      rule: refusal.rule,
      errors: refusal.rule === "session_full" ? [{ field: "body.attendees", message: refusal.message }] : undefined,
    });
  }
  const [created] = await tx.query<{ id: string }>(
    `insert into dialogue_registrations (session_id, user_id, organisation_id, attendees, registered_at)
     values ($1, $2, $3, $4, $5) returning id`,
    [sessionId, caller.id, caller.organisationId, attendees, now],
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_registration",
    entityId: created!.id,
    action: "dialogue.register",
    after: { sessionId, organisationId: caller.organisationId, attendees },
    at: now,
  });
}

export async function unregister(tx: Sql, caller: Caller, sessionId: string, now: Date): Promise<void> {
  const row = await sessionRow(tx, caller, sessionId, true);
  // Sending word before the session that one will not come is fine, also after the deadline; afterwards
  // the registration is the attendance record and stays.
  const local = dutchNow(now);
  if (hasTakenPlace(row.on_date, row.ends_at, local.date, local.time)) {
    throw new AppError("CONFLICT", `the session took place on ${row.on_date}; its registrations no longer change`, {
      rule: "session_held",
    });
  }
  const [cancelled] = await tx.query<{ id: string }>(
    `update dialogue_registrations set cancelled_at = $3
     where session_id = $1 and user_id = $2 and cancelled_at is null returning id`,
    [row.id, caller.id, now],
  );
  if (!cancelled) throw notFound("registration");
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_registration",
    entityId: cancelled.id,
    action: "dialogue.unregister",
    after: { sessionId, cancelledAt: now.toISOString() },
    at: now,
  });
}

export async function attendance(db: Sql, caller: Caller, sessionId: string): Promise<Attendee[]> {
  await sessionRow(db, caller, sessionId);
  const rows = await db.query<{
    organisation_name: string;
    user_name: string;
    email: string;
    attendees: number;
    registered_at: Date;
  }>(
    `select o.name as organisation_name, u.name as user_name, u.email, r.attendees, r.registered_at
     from dialogue_registrations r join users u on u.id = r.user_id join organisations o on o.id = r.organisation_id
     where r.session_id = $1 and r.cancelled_at is null order by o.name, u.name`,
    [sessionId],
  );
  return rows.map((r) => ({
    organisationName: r.organisation_name,
    userName: r.user_name,
    email: r.email,
    attendees: Number(r.attendees),
    registeredAt: iso(r.registered_at)!,
  }));
}

/** The attendance list as CSV (';', as Dutch spreadsheets open it), with a header row. */
export function attendanceCsv(rows: readonly Attendee[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    // A cell starting with = + - @ is a formula to a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [["Organisatie", "Naam", "E-mail", "Aantal personen", "Aangemeld op"].join(";")];
  for (const r of rows) {
    lines.push([r.organisationName, r.userName, r.email, r.attendees, r.registeredAt].map(cell).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function replaceReport(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  report: string,
  questions: readonly { question: string; answer: string }[],
  now: Date,
): Promise<void> {
  await sessionRow(tx, caller, sessionId, true);
  await tx.query("update dialogue_sessions set report = $2 where id = $1", [sessionId, report === "" ? null : report]);
  await tx.query("delete from dialogue_session_questions where session_id = $1", [sessionId]);
  for (const [position, q] of questions.entries()) {
    await tx.query(
      "insert into dialogue_session_questions (session_id, position, question, answer) values ($1, $2, $3, $4)",
      [sessionId, position, q.question, q.answer],
    );
  }
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: sessionId,
    action: "dialogue.questions_replace",
    after: { reportLength: report.length, questions: questions.length },
    at: now,
  });
}

// Documents ----------------------------------------------------------------------------------------

export async function addDocument(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  file: { kind: SessionDocument["kind"]; name: string; mediaType: string; sha256: string; content: Buffer },
  now: Date,
): Promise<string> {
  await sessionRow(tx, caller, sessionId);
  const [row] = await tx.query<{ id: string }>(
    `insert into dialogue_documents (session_id, kind, name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [sessionId, file.kind, file.name, file.mediaType, file.content.length, file.sha256, file.content, caller.id, now],
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_document",
    entityId: row!.id,
    action: "dialogue.document_upload",
    after: { sessionId, kind: file.kind, name: file.name, sizeBytes: file.content.length, sha256: file.sha256 },
    at: now,
  });
  return row!.id;
}

interface DocumentRow {
  id: string;
  session_id: string;
  name: string;
  media_type: string;
  sha256: string;
  content: Uint8Array;
  published_at: Date | null;
}

/** One document with its content; a provider finds it only once its session is published. */
export async function getDocument(db: Sql, caller: Caller, documentId: string): Promise<DocumentRow> {
  const [row] = await db.query<DocumentRow>(
    `select d.id, d.session_id, d.name, d.media_type, d.sha256, d.content, s.published_at
     from dialogue_documents d join dialogue_sessions s on s.id = d.session_id
     join tenders t on t.id = s.tender_id and t.region_id = $2 where d.id = $1`,
    [documentId, caller.regionId],
  );
  if (!row || (!isStaff(caller) && row.published_at === null)) throw notFound("document");
  return row;
}

export async function deleteDocument(tx: Sql, caller: Caller, documentId: string, now: Date): Promise<void> {
  const row = await getDocument(tx, caller, documentId);
  await tx.query("delete from dialogue_documents where id = $1", [documentId]);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_document",
    entityId: documentId,
    action: "dialogue.document_delete",
    before: { sessionId: row.session_id, name: row.name, sha256: row.sha256 },
    at: now,
  });
}

// Statements ---------------------------------------------------------------------------------------

interface StatementRow {
  id: string;
  session_id: string;
  position: number;
  text: string;
  kind: "agree" | "scale";
  agree: number | null;
  disagree: number | null;
  scale_counts: number[] | null;
  scale_average: number | null;
  scale_count: number | null;
  source: "manual" | "csv";
}

function toStatement(r: StatementRow): Statement {
  const agree = r.agree === null ? null : Number(r.agree);
  const disagree = r.disagree === null ? null : Number(r.disagree);
  const total = (agree ?? 0) + (disagree ?? 0);
  return {
    id: r.id,
    position: r.position,
    text: r.text,
    kind: r.kind,
    agree,
    disagree,
    agreeShare: r.kind === "agree" && total > 0 ? Math.round((agree! / total) * 1000) / 1000 : null,
    scaleCounts: r.scale_counts ? r.scale_counts.map(Number) : null,
    scaleAverage: r.scale_average === null ? null : Number(r.scale_average),
    scaleCount: r.scale_count === null ? null : Number(r.scale_count),
    source: r.source,
  };
}

export async function listStatements(db: Sql, sessionId: string): Promise<Statement[]> {
  const rows = await db.query<StatementRow>(
    "select * from dialogue_statements where session_id = $1 order by position, id",
    [sessionId],
  );
  return rows.map(toStatement);
}

async function statementRow(db: Sql, caller: Caller, statementId: string): Promise<StatementRow> {
  const [row] = await db.query<StatementRow>(
    `select st.* from dialogue_statements st join dialogue_sessions s on s.id = st.session_id
     join tenders t on t.id = s.tender_id and t.region_id = $2 where st.id = $1`,
    [statementId, caller.regionId],
  );
  if (!row) throw notFound("statement");
  return row;
}

const statementValues = (s: { text: string } & StatementSummary) => [
  s.text,
  s.kind,
  s.agree,
  s.disagree,
  s.scaleCounts,
  s.scaleAverage,
  s.scaleCount,
];

async function insertStatement(
  tx: Sql,
  sessionId: string,
  statement: { text: string } & StatementSummary,
  source: "manual" | "csv",
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into dialogue_statements (session_id, position, text, kind, agree, disagree, scale_counts, scale_average,
       scale_count, source)
     values ($1, (select coalesce(max(position) + 1, 0) from dialogue_statements where session_id = $1),
       $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [sessionId, ...statementValues(statement), source],
  );
  return row!.id;
}

export async function createStatement(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  statement: { text: string } & StatementSummary,
  now: Date,
): Promise<Statement> {
  await sessionRow(tx, caller, sessionId, true);
  const id = await insertStatement(tx, sessionId, statement, "manual");
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_statement",
    entityId: id,
    action: "dialogue.statement_create",
    after: { sessionId, ...statement },
    at: now,
  });
  return toStatement(await statementRow(tx, caller, id));
}

export async function getStatement(db: Sql, caller: Caller, statementId: string): Promise<Statement> {
  return toStatement(await statementRow(db, caller, statementId));
}

export async function updateStatement(
  tx: Sql,
  caller: Caller,
  statementId: string,
  statement: { text: string } & StatementSummary,
  now: Date,
): Promise<Statement> {
  const before = toStatement(await statementRow(tx, caller, statementId));
  await tx.query(
    `update dialogue_statements set text = $2, kind = $3, agree = $4, disagree = $5, scale_counts = $6,
       scale_average = $7, scale_count = $8 where id = $1`,
    [statementId, ...statementValues(statement)],
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_statement",
    entityId: statementId,
    action: "dialogue.statement_update",
    before,
    after: statement,
    at: now,
  });
  return toStatement(await statementRow(tx, caller, statementId));
}

export async function deleteStatement(tx: Sql, caller: Caller, statementId: string, now: Date): Promise<void> {
  const before = toStatement(await statementRow(tx, caller, statementId));
  await tx.query("delete from dialogue_statements where id = $1", [statementId]);
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_statement",
    entityId: statementId,
    action: "dialogue.statement_delete",
    before,
    at: now,
  });
}

/**
 * Stores the statements read from a polling tool's CSV. They replace the statements an earlier CSV
 * brought (so importing the same export again changes nothing); statements entered by hand stay.
 */
export async function importStatements(
  tx: Sql,
  caller: Caller,
  sessionId: string,
  statements: readonly ParsedStatement[],
  file: { name: string; sha256: string },
  now: Date,
): Promise<Statement[]> {
  await sessionRow(tx, caller, sessionId, true);
  const replaced = await tx.query(
    "delete from dialogue_statements where session_id = $1 and source = 'csv' returning id",
    [sessionId],
  );
  for (const statement of statements) await insertStatement(tx, sessionId, statement, "csv");
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "dialogue_session",
    entityId: sessionId,
    action: "dialogue.statement_import",
    after: { fileName: file.name, sha256: file.sha256, statements: statements.length, replaced: replaced.length },
    at: now,
  });
  return listStatements(tx, sessionId);
}
