// Demo dialogue data for the open tender (issue 5). Idempotent: returns whether it added anything.
// Inkoop 2027 gets a gesprekstafel held last week with its published report, session Q&A and three
// statements; an upcoming webinar with capacity and a registration deadline; and a workshop for one
// segment.
import { appendAudit } from "../platform/audit.ts";
import { dutchDate } from "../platform/clock.ts";
import type { Sql } from "../platform/db.ts";

export interface DemoTenders {
  regionId: string;
  /** Inkoop 2022: the historical tender. */
  tenderId: string;
  /** Inkoop 2027: published, open for bids. */
  openTenderId: string;
  now: Date;
}

const DAY = 24 * 3600_000;
const SYSTEM = { id: null, label: "system" };

const REPORT = `Op de gesprekstafel spraken twaalf aanbieders met de inkopers van de acht gemeenten over de opzet van Inkoop 2027.

- De segmenten blijven gelijk aan Inkoop 2022; Jeugd Ambulant wordt opgesplitst in regulier en specialistisch.
- Aanbieders vragen om een langere implementatieperiode; de regio neemt dit mee in de planning.
- Over lumpsum voor de segmenten met weinig aanbieders waren de meningen verdeeld (zie de stellingen).`;

const SESSION_QA = [
  {
    question: "Blijft de reistijdvergoeding bestaan?",
    answer: "Ja, in de huidige vorm; de hoogte wordt jaarlijks geïndexeerd.",
  },
  {
    question: "Hoeveel aanbieders worden per segment gecontracteerd?",
    answer: "Dat staat per segment in de selectieleidraad, die bij de publicatie verschijnt.",
  },
];

interface DemoSession {
  kind: string;
  title: string;
  description: string;
  segmentCode: string | null;
  inDays: number;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  closesInDays: number;
  published: boolean;
}

const SESSIONS: DemoSession[] = [
  {
    kind: "gesprekstafel",
    title: "Gesprekstafel Inkoop 2027",
    description: "Een gesprek met aanbieders over de segmenten, de bekostiging en de planning van Inkoop 2027.",
    segmentCode: null,
    inDays: -7,
    startsAt: "13:30",
    endsAt: "16:00",
    location: "Gemeentehuis Doetinchem, Raadhuisstraat 2",
    onlineUrl: null,
    capacity: 40,
    closesInDays: -9,
    published: true,
  },
  {
    kind: "webinar",
    title: "Webinar: zo schrijft u in op Inkoop 2027",
    description: "Een toelichting op de inschrijving in Zorginkoop, met ruimte voor vragen.",
    segmentCode: null,
    inDays: 10,
    startsAt: "10:00",
    endsAt: "11:00",
    location: null,
    onlineUrl: "https://teams.example/sociaal-domein-achterhoek/webinar-inkoop-2027",
    capacity: 60,
    closesInDays: 8,
    published: false,
  },
  {
    kind: "workshop",
    title: "Workshop Jeugd: resultaatgericht werken",
    description: "Voor aanbieders van het segment: de resultaatgebieden en hun indicatoren.",
    segmentCode: "first",
    inDays: 14,
    startsAt: "09:30",
    endsAt: "12:00",
    location: "Het Assink, Haaksbergen",
    onlineUrl: null,
    capacity: 12,
    closesInDays: 12,
    published: false,
  },
];

export async function loadDialogueDemo(tx: Sql, demo: DemoTenders): Promise<boolean> {
  const existing = await tx.query("select 1 from dialogue_sessions where tender_id = $1 limit 1", [demo.openTenderId]);
  if (existing.length > 0) return false;
  const [segment] = await tx.query<{ id: string }>(
    `select s.id from segments s join lots l on l.id = s.lot_id where s.tender_id = $1
     order by (l.code like 'jeugd%') desc, l.position, s.position, s.code limit 1`,
    [demo.openTenderId],
  );
  const at = (days: number) => new Date(demo.now.getTime() + days * DAY);
  for (const s of SESSIONS) {
    const [row] = await tx.query<{ id: string }>(
      `insert into dialogue_sessions (tender_id, kind, title, description, segment_id, on_date, starts_at, ends_at,
         location, online_url, capacity, registration_closes_at, report, published_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [
        demo.openTenderId,
        s.kind,
        s.title,
        s.description,
        s.segmentCode && segment ? segment.id : null,
        dutchDate(at(s.inDays)),
        s.startsAt,
        s.endsAt,
        s.location,
        s.onlineUrl,
        s.capacity,
        at(s.closesInDays),
        s.published ? REPORT : null,
        s.published ? at(s.inDays + 2) : null,
        demo.now,
      ],
    );
    const id = row!.id;
    await appendAudit(tx, {
      actor: SYSTEM,
      regionId: demo.regionId,
      entity: "dialogue_session",
      entityId: id,
      action: "dialogue.session_create",
      after: { tenderId: demo.openTenderId, title: s.title, demo: true },
      at: demo.now,
    });
    if (!s.published) continue;
    for (const [position, q] of SESSION_QA.entries()) {
      await tx.query(
        "insert into dialogue_session_questions (session_id, position, question, answer) values ($1, $2, $3, $4)",
        [id, position, q.question, q.answer],
      );
    }
    await tx.query(
      `insert into dialogue_statements (session_id, position, text, kind, agree, disagree, scale_counts, scale_average,
         scale_count, source)
       values ($1, 0, 'Lumpsum past bij segmenten met weinig aanbieders', 'agree', 14, 9, null, null, null, 'csv'),
              ($1, 1, 'Een contractduur van 3 jaar met 2 verlengingen is passend', 'agree', 19, 4, null, null, null, 'csv'),
              ($1, 2, 'De administratieve last in het huidige contract is hoog (1 = laag, 5 = hoog)', 'scale', null, null,
                '{0,2,5,9,7}', 3.913, 23, 'csv')`,
      [id],
    );
    const registrants = await tx.query<{ id: string; organisation_id: string }>(
      "select id, organisation_id from users where region_id = $1 and role = 'provider' and organisation_id is not null order by email",
      [demo.regionId],
    );
    for (const [i, user] of registrants.entries()) {
      await tx.query(
        `insert into dialogue_registrations (session_id, user_id, organisation_id, attendees, registered_at)
         values ($1, $2, $3, $4, $5)`,
        [id, user.id, user.organisation_id, i + 1, at(s.closesInDays - 3)],
      );
    }
  }
  return true;
}
