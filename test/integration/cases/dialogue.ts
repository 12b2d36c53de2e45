// Access-matrix rows for dialogue routes (issue 5): sessions, registrations, attendance, report,
// documents and statements. The world runs on the real clock, so each row that changes state makes a
// session of its own in the demo tender, with its dates set around now.
import { multipart, samplePdf } from "../../../src/files/testing.ts";
import { DEMO } from "../../../src/platform/testing.ts";
import { all, officerOnly, type RouteCase, signedIn, unique } from "../expect.ts";
import type { World } from "../world.ts";

const DAY = 24 * 3600_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function one<R>(w: World, sql: string, params: unknown[]): Promise<R> {
  const [row] = await w.ctx.db.query<R>(sql, params);
  return row!;
}

/** A session of the demo tender: upcoming (open for registration) or held two days ago and published. */
async function session(w: World, options: { held?: boolean; published?: boolean } = {}): Promise<string> {
  const row = await one<{ id: string }>(
    w,
    `insert into dialogue_sessions (tender_id, kind, title, on_date, starts_at, ends_at, location, capacity,
       registration_closes_at, published_at, created_at)
     values ($1, 'gesprekstafel', $2, $3, '13:00', '15:00', 'Doetinchem', 50, $4, $5, now()) returning id`,
    [
      w.tenderId,
      `Gesprekstafel ${unique()}`,
      dateIn(options.held ? -2 : 14),
      new Date(Date.now() + (options.held ? -3 : 7) * DAY),
      options.published ? new Date(Date.now() - DAY) : null,
    ],
  );
  return row.id;
}

/** A session both providers registered for. */
async function registered(w: World): Promise<string> {
  const id = await session(w);
  for (const email of [DEMO.provider, DEMO.provider_other]) {
    const user = await one<{ id: string; organisation_id: string }>(
      w,
      "select id, organisation_id from users where email = $1",
      [email],
    );
    await w.ctx.db.query(
      "insert into dialogue_registrations (session_id, user_id, organisation_id, attendees, registered_at) values ($1, $2, $3, 1, now())",
      [id, user.id, user.organisation_id],
    );
  }
  return id;
}

async function document(w: World, published: boolean): Promise<string> {
  const sessionId = await session(w, { held: true, published });
  const pdf = samplePdf("Slides");
  const row = await one<{ id: string }>(
    w,
    `insert into dialogue_documents (session_id, kind, name, media_type, size_bytes, sha256, content, uploaded_at)
     values ($1, 'slides', 'slides.pdf', 'application/pdf', $2, $3, $4, now()) returning id`,
    [sessionId, pdf.length, "0".repeat(64), pdf],
  );
  return row.id;
}

async function statement(w: World): Promise<string> {
  const sessionId = await session(w, { held: true });
  const row = await one<{ id: string }>(
    w,
    `insert into dialogue_statements (session_id, position, text, kind, agree, disagree)
     values ($1, 0, 'Lumpsum werkt', 'agree', 3, 1) returning id`,
    [sessionId],
  );
  return row.id;
}

const shared = new WeakMap<World, Promise<string>>();
/** One published, held session shared by the read-only rows. */
function sharedSession(w: World): Promise<string> {
  let made = shared.get(w);
  if (!made) {
    made = session(w, { held: true, published: true });
    shared.set(w, made);
  }
  return made;
}

const providersOnly = (ok: number) => all(403, { anonymous: 401, provider_own: ok, provider_other: ok });

export const DIALOGUE_CASES: Record<string, RouteCase> = {
  "GET /api/tenders/:tenderId/sessions": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/sessions` }),
    expect: signedIn(200, 404),
  },
  "POST /api/tenders/:tenderId/sessions": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/sessions`,
      payload: {
        kind: "webinar",
        title: `Webinar ${unique()}`,
        onDate: dateIn(20),
        startsAt: "10:00",
        endsAt: "11:00",
        onlineUrl: "https://teams.example/webinar",
        capacity: 100,
        registrationClosesAt: new Date(Date.now() + 19 * DAY).toISOString(),
      },
    }),
    expect: officerOnly(201, 404),
    audit: "dialogue.session_create",
  },
  "GET /api/sessions/:sessionId": {
    request: async (w) => ({ url: `/api/sessions/${await sharedSession(w)}` }),
    expect: signedIn(200, 404),
  },
  "PATCH /api/sessions/:sessionId": {
    request: async (w) => ({ url: `/api/sessions/${await session(w)}`, payload: { title: "Gesprekstafel Wmo" } }),
    expect: officerOnly(200, 404),
    audit: "dialogue.session_update",
  },
  "POST /api/sessions/:sessionId/cancel": {
    request: async (w) => ({ url: `/api/sessions/${await registered(w)}/cancel` }),
    expect: officerOnly(200, 404),
    audit: "dialogue.session_cancel",
  },
  "POST /api/sessions/:sessionId/publish": {
    request: async (w) => ({ url: `/api/sessions/${await session(w, { held: true })}/publish` }),
    expect: officerOnly(200, 404),
    audit: "dialogue.session_publish",
  },
  "POST /api/sessions/:sessionId/registrations": {
    request: async (w) => ({ url: `/api/sessions/${await session(w)}/registrations`, payload: { attendees: 2 } }),
    expect: providersOnly(201),
    audit: "dialogue.register",
  },
  "DELETE /api/sessions/:sessionId/registrations/mine": {
    request: async (w) => ({ url: `/api/sessions/${await registered(w)}/registrations/mine` }),
    expect: providersOnly(200),
    audit: "dialogue.unregister",
  },
  "GET /api/sessions/:sessionId/attendance": {
    request: async (w) => ({ url: `/api/sessions/${await registered(w)}/attendance` }),
    expect: officerOnly(200, 404),
  },
  "PUT /api/sessions/:sessionId/report": {
    request: async (w) => ({
      url: `/api/sessions/${await session(w, { held: true })}/report`,
      payload: { report: "Verslag", questions: [{ question: "Vraag?", answer: "Antwoord." }] },
    }),
    expect: officerOnly(200, 404),
    audit: "dialogue.questions_replace",
  },
  "POST /api/sessions/:sessionId/documents": {
    request: async (w) => {
      const { payload, headers } = multipart("slides.pdf", samplePdf("Slides"));
      return { url: `/api/sessions/${await session(w, { held: true })}/documents?kind=slides`, payload, headers };
    },
    expect: officerOnly(201, 404),
    audit: "dialogue.document_upload",
  },
  "GET /api/session-documents/:documentId": {
    request: async (w) => ({ url: `/api/session-documents/${await document(w, true)}` }),
    expect: signedIn(200, 404),
  },
  "DELETE /api/session-documents/:documentId": {
    request: async (w) => ({ url: `/api/session-documents/${await document(w, false)}` }),
    expect: officerOnly(204, 404),
    audit: "dialogue.document_delete",
  },
  "POST /api/sessions/:sessionId/statements": {
    request: async (w) => ({
      url: `/api/sessions/${await session(w, { held: true })}/statements`,
      payload: { text: "Het tarief is toereikend", kind: "scale", scaleAverage: 3.2, scaleCount: 18 },
    }),
    expect: officerOnly(201, 404),
    audit: "dialogue.statement_create",
  },
  "PATCH /api/statements/:statementId": {
    request: async (w) => ({ url: `/api/statements/${await statement(w)}`, payload: { agree: 5 } }),
    expect: officerOnly(200, 404),
    audit: "dialogue.statement_update",
  },
  "DELETE /api/statements/:statementId": {
    request: async (w) => ({ url: `/api/statements/${await statement(w)}` }),
    expect: officerOnly(204, 404),
    audit: "dialogue.statement_delete",
  },
  "POST /api/sessions/:sessionId/statements/import": {
    request: async (w) => {
      const { payload, headers } = multipart("stellingen.csv", Buffer.from("Stelling;Eens;Oneens\nA;1;2\n"), {
        contentType: "text/csv",
      });
      return { url: `/api/sessions/${await session(w, { held: true })}/statements/import`, payload, headers };
    },
    expect: officerOnly(201, 404),
    audit: "dialogue.statement_import",
  },
};
