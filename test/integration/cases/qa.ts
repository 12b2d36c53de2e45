// Access-matrix rows for the Q&A workflow routes (issue 5).
//
// The world runs on the real clock; each row that needs questions in a given state makes them
// itself, straight in the database, in a small tender of its own that is open for questions.
import ExcelJS from "exceljs";
import { smallTender } from "../../../src/bidding/test-support.ts";
import { multipart } from "../../../src/files/testing.ts";
import { DEMO } from "../../../src/platform/testing.ts";
import { all, officerOnly, type RouteCase, signedIn, unique } from "../expect.ts";
import type { World } from "../world.ts";

const DAY = 24 * 60 * 60 * 1000;
const at = (offset: number) => new Date(Date.now() + offset);

/** A published tender of its own, open for questions for a day more. */
async function qaTender(w: World) {
  const small = await smallTender(w.ctx.db, w.ctx.demo!.regionId, `Inkoop ${unique()}`, new Date());
  await w.ctx.db.query("update tenders set published_at = $2, closes_at = $3, questions_close_at = $4 where id = $1", [
    small.tenderId,
    at(-3 * DAY),
    at(30 * DAY),
    at(DAY),
  ]);
  return small.tenderId;
}

async function ids(w: World) {
  const [provider] = await w.ctx.db.query<{ id: string; organisation_id: string }>(
    "select id, organisation_id from users where email = $1",
    [DEMO.provider],
  );
  return {
    providerId: provider!.id,
    organisationId: provider!.organisation_id,
    assessorId: await w.userId(DEMO.assessor),
    officer2Id: await w.userId(DEMO.procurement_officer_2),
  };
}

/** A question of provider_own in a tender of its own, in the state asked for. */
async function question(
  w: World,
  state: { status?: string; number?: number | null; assigned?: boolean; drafted?: boolean; tenderId?: string } = {},
) {
  const tenderId = state.tenderId ?? (await qaTender(w));
  const u = await ids(w);
  const drafted = state.drafted || state.status === "drafted" || state.status === "approved";
  const [row] = await w.ctx.db.query<{ id: string }>(
    `insert into qa_questions (tender_id, asker_organisation_id, asker_user_id, text, asked_at, created_at, status,
                               number, category, assignee_id, answer, drafted_by, drafted_at, approved_by, approved_at)
     values ($1, $2, $3, $4, $5, $5, $6, $7, 'Planning', $8, $9, $10, $11, $12, $13) returning id`,
    [
      tenderId,
      u.organisationId,
      u.providerId,
      `Vraag ${unique()}`,
      new Date(),
      state.status ?? "new",
      state.number === undefined ? 1 : state.number,
      state.assigned ? u.assessorId : null,
      drafted ? "Het antwoord." : null,
      drafted ? u.officer2Id : null,
      drafted ? new Date() : null,
      state.status === "approved" ? await w.userId(DEMO.procurement_officer) : null,
      state.status === "approved" ? new Date() : null,
    ],
  );
  return { tenderId, questionId: row!.id };
}

async function round(w: World, tenderId: string, published = false) {
  const [row] = await w.ctx.db.query<{ id: string }>(
    `insert into qa_rounds (tender_id, number, title, created_at, published_at)
     values ($1, (select coalesce(max(number), 0) + 1 from qa_rounds where tender_id = $1), 'Nota van Inlichtingen', $2, $3)
     returning id`,
    [tenderId, new Date(), published ? new Date() : null],
  );
  return row!.id;
}

/** A published round with one published answer, shared by the read-only rows. */
const shared = new WeakMap<World, Promise<{ tenderId: string; questionId: string; roundId: string }>>();
function publishedRound(w: World) {
  let made = shared.get(w);
  if (!made) {
    made = (async () => {
      const { tenderId, questionId } = await question(w, { status: "approved" });
      const roundId = await round(w, tenderId, true);
      await w.ctx.db.query(
        "update qa_questions set status = 'published', round_id = $2, answered_at = $3 where id = $1",
        [questionId, roundId, new Date()],
      );
      return { tenderId, questionId, roundId };
    })();
    shared.set(w, made);
  }
  return made;
}

async function filledTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Vragen");
  sheet.addRow(["Vraag", "Documentverwijzing", "Perceel"]);
  sheet.addRow(["Hoe lang duurt de implementatiefase?", "Informatieblad §2", "jeugd"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const providers = (ok: number) => all(403, { anonymous: 401, provider_own: ok, provider_other: ok });
const staff = (ok: number) => all(ok, { anonymous: 401, provider_own: 403, provider_other: 403, other_tenant: 404 });
// Drafting: policy qa:draft, then the rule: the assignee (the assessor here) or a procurement officer.
const drafters = (ok: number) =>
  all(403, { anonymous: 401, procurement_officer: ok, assessor: ok, contract_manager: 409, other_tenant: 404 });

export const QA_CASES: Record<string, RouteCase> = {
  "PUT /api/tenders/:tenderId/qa/settings": {
    request: async (w) => ({
      url: `/api/tenders/${await qaTender(w)}/qa/settings`,
      payload: { questionsCloseAt: at(2 * DAY).toISOString(), lastRoundMinDays: 6, openWarningDays: 14 },
    }),
    expect: officerOnly(200, 404),
    audit: "tender.qa_settings",
  },
  "GET /api/tenders/:tenderId/qa": {
    request: async (w) => ({ url: `/api/tenders/${(await publishedRound(w)).tenderId}/qa` }),
    expect: signedIn(200, 404),
  },
  "GET /api/tenders/:tenderId/qa/published": {
    request: async (w) => ({ url: `/api/tenders/${(await publishedRound(w)).tenderId}/qa/published` }),
    expect: signedIn(200, 404),
  },
  "GET /api/tenders/:tenderId/qa/mine": {
    request: async (w) => ({ url: `/api/tenders/${(await publishedRound(w)).tenderId}/qa/mine` }),
    expect: providers(200),
  },
  "POST /api/tenders/:tenderId/qa/questions": {
    request: async (w) => ({
      url: `/api/tenders/${await qaTender(w)}/qa/questions`,
      payload: { text: "Wanneer wordt de Nota van Inlichtingen gepubliceerd?" },
    }),
    expect: providers(201),
    audit: "qa.ask",
  },
  "GET /api/tenders/:tenderId/qa/template.xlsx": {
    request: async (w) => ({ url: `/api/tenders/${(await publishedRound(w)).tenderId}/qa/template.xlsx` }),
    expect: providers(200),
  },
  "POST /api/tenders/:tenderId/qa/questions/bulk": {
    async request(w) {
      const { payload, headers } = multipart("vragen.xlsx", await filledTemplate());
      return { url: `/api/tenders/${await qaTender(w)}/qa/questions/bulk`, payload, headers };
    },
    expect: providers(201),
    audit: "qa.ask",
  },
  "GET /api/tenders/:tenderId/qa/questions": {
    request: async (w) => ({ url: `/api/tenders/${(await publishedRound(w)).tenderId}/qa/questions` }),
    expect: staff(200),
  },
  "GET /api/qa/questions/:questionId": {
    request: async (w) => ({ url: `/api/qa/questions/${(await publishedRound(w)).questionId}` }),
    expect: staff(200),
  },
  "PATCH /api/qa/questions/:questionId": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w)).questionId}`,
      payload: { category: "Bekostiging", subheading: "Lumpsum" },
    }),
    expect: officerOnly(200, 404),
    audit: "qa.triage",
  },
  "POST /api/qa/questions/:questionId/assign": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w)).questionId}/assign`,
      payload: { assigneeId: await w.userId(DEMO.assessor) },
    }),
    expect: officerOnly(200, 404),
    audit: "qa.assign",
  },
  "PUT /api/qa/questions/:questionId/answer": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w, { status: "assigned", assigned: true })).questionId}/answer`,
      payload: { answer: "Het antwoord volgt uit de selectieleidraad.", reservation: true, references: [] },
    }),
    expect: drafters(200),
    audit: "qa.draft",
  },
  "POST /api/qa/questions/:questionId/refer": {
    async request(w) {
      const target = await question(w, { number: 1 });
      const { questionId } = await question(w, {
        status: "assigned",
        assigned: true,
        number: 2,
        tenderId: target.tenderId,
      });
      return { url: `/api/qa/questions/${questionId}/refer`, payload: { questionId: target.questionId } };
    },
    expect: drafters(200),
    audit: "qa.draft",
  },
  "POST /api/qa/questions/:questionId/approve": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w, { status: "drafted" })).questionId}/approve`,
    }),
    expect: officerOnly(200, 404),
    audit: "qa.approve",
  },
  "POST /api/qa/questions/:questionId/reopen": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w, { status: "drafted" })).questionId}/reopen`,
      payload: { reason: "Scherper formuleren" },
    }),
    expect: officerOnly(200, 404),
    audit: "qa.reopen",
  },
  "POST /api/qa/questions/:questionId/withdraw": {
    request: async (w) => ({
      url: `/api/qa/questions/${(await question(w)).questionId}/withdraw`,
      payload: { reason: "Dubbel gesteld" },
    }),
    expect: officerOnly(200, 404),
    audit: "qa.withdraw",
  },
  "POST /api/tenders/:tenderId/qa/rounds": {
    request: async (w) => ({
      url: `/api/tenders/${await qaTender(w)}/qa/rounds`,
      payload: { plannedOn: "2030-01-15" },
    }),
    expect: officerOnly(201, 404),
    audit: "qa.round_create",
  },
  "PATCH /api/qa/rounds/:roundId": {
    request: async (w) => ({
      url: `/api/qa/rounds/${await round(w, await qaTender(w))}`,
      payload: { title: "Nota van Inlichtingen 1 (definitief)" },
    }),
    expect: officerOnly(200, 404),
    audit: "qa.round_update",
  },
  "POST /api/qa/rounds/:roundId/publish": {
    async request(w) {
      const { tenderId } = await question(w, { status: "approved" });
      return { url: `/api/qa/rounds/${await round(w, tenderId)}/publish` };
    },
    expect: officerOnly(200, 404),
    audit: "qa.round_publish",
  },
  "GET /api/qa/rounds/:roundId": {
    request: async (w) => ({ url: `/api/qa/rounds/${(await publishedRound(w)).roundId}` }),
    expect: signedIn(200, 404),
  },
};
