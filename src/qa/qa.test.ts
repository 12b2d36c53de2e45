// The Q&A workflow through the API, on the server's clock: the deadline, asking one or many, triage,
// assignment, drafting with references, four-eyes approval, a private answer, and a round published
// to every provider at the same moment (in-app and by e-mail), without ever showing the asker.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemo } from "../demo/load.ts";
import { multipart } from "../files/testing.ts";
import { type ReceivedMail, type SmtpCapture, startSmtpCapture } from "../notifications/testing.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";

const clock = testClock("2021-04-01T08:00:00Z");
const DEADLINE = "2021-04-01T10:00:00.000Z";
const CLOSES = "2021-05-01T10:00:00.000Z";

let t: TestContext;
let smtp: SmtpCapture;
let mails: ReceivedMail[] = [];
const cookie: Record<string, string> = {};
let tenderId: string;
let lotId: string;
const q: Record<string, string> = {};
const names = { own: "Zorgpartners Achterhoek", other: "Jeugdhulp Oost B.V." };

async function call(who: string, method: string, url: string, payload?: unknown) {
  const response = await t.app.inject({
    method: method as "GET",
    url,
    headers: { cookie: cookie[who]! },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

async function userId(email: string) {
  const [row] = await t.db.query<{ id: string }>("select id from users where email = $1", [email]);
  return row!.id;
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  mails = smtp.mails;
  t = await testContext({ clock, config: { smtpUrl: smtp.url } });
  for (const [who, email] of Object.entries(DEMO)) cookie[who] = await loginCookie(t.app, email);
  tenderId = t.demo!.tenderId;
  [{ id: lotId }] = (await t.db.query<{ id: string }>("select id from lots where tender_id = $1 and code = 'jeugd'", [
    tenderId,
  ])) as [{ id: string }];
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe("asking until the question deadline", () => {
  it("refuses questions while the tender is not published or has no deadline", async () => {
    const r = await call("provider", "POST", `/api/tenders/${tenderId}/qa/questions`, { text: "Mag ik iets vragen?" });
    expect(r.status).toBe(409);
    expect(r.body.rule).toBe("questions_not_open");
  });

  it("lets an officer set the deadline; providers then ask, each seeing only their own", async () => {
    await t.db.query("update tenders set published_at = $2, closes_at = $3 where id = $1", [
      tenderId,
      "2021-03-01T08:00:00Z",
      CLOSES,
    ]);
    const settings = await call("procurement_officer", "PUT", `/api/tenders/${tenderId}/qa/settings`, {
      questionsCloseAt: DEADLINE,
      lastRoundMinDays: 6,
      openWarningDays: 14,
    });
    expect(settings.status).toBe(200);
    expect(settings.body.questionsCloseAt).toBe(DEADLINE);
    expect((await call("provider", "PUT", `/api/tenders/${tenderId}/qa/settings`, settings.body)).status).toBe(403);
    const late = await call("procurement_officer", "PUT", `/api/tenders/${tenderId}/qa/settings`, {
      ...settings.body,
      questionsCloseAt: CLOSES,
    });
    expect(late.status).toBe(400);
    expect(late.body.errors[0].field).toBe("body.questionsCloseAt");
    expect(late.body).toMatchObject({ rule: "questions_after_closing", closesAt: new Date(CLOSES).toISOString() });

    const asked = await call("provider", "POST", `/api/tenders/${tenderId}/qa/questions`, {
      text: "Hoe wordt het lumpsumbudget per segment bepaald?",
      documentRef: "Selectieleidraad §4.2",
      lotId,
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: "open", number: null, answer: null, lotId });
    q.lumpsum = asked.body.id;
    for (const [key, text] of [
      ["second", "Wanneer start de implementatiefase?"],
      ["own", "Is ons KvK-nummer goed geregistreerd?"],
    ] as const) {
      q[key] = (await call("provider", "POST", `/api/tenders/${tenderId}/qa/questions`, { text })).body.id;
    }
    q.other = (
      await call("provider_other", "POST", `/api/tenders/${tenderId}/qa/questions`, {
        text: "Moeten wij in alle acht gemeenten leveren?",
      })
    ).body.id;

    const mine = await call("provider_other", "GET", `/api/tenders/${tenderId}/qa/mine`);
    expect(mine.body.questions.map((x: { id: string }) => x.id)).toEqual([q.other]);
    expect((await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions).toHaveLength(3);
    expect((await call("provider", "GET", `/api/tenders/${tenderId}/qa/questions`)).status).toBe(403);
    expect((await call("provider", "GET", `/api/qa/questions/${q.other}`)).status).toBe(403);
  });

  it("refuses a lot of another tender, naming the field", async () => {
    const r = await call("provider", "POST", `/api/tenders/${tenderId}/qa/questions`, {
      text: "Vraag",
      lotId: "00000000-0000-4000-8000-000000000000",
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe("body.lotId");
  });

  it("shows the overview: staff see counts and the next number, providers neither", async () => {
    const staff = await call("assessor", "GET", `/api/tenders/${tenderId}/qa`);
    expect(staff.body).toMatchObject({
      askingOpen: true,
      nextNumber: 1,
      counts: { new: 4 },
      questionsCloseAt: DEADLINE,
    });
    const provider = await call("provider", "GET", `/api/tenders/${tenderId}/qa`);
    expect(provider.body).toMatchObject({ askingOpen: true, nextNumber: null, counts: null, closesAt: CLOSES });
  });
});

describe("many questions at once from the spreadsheet template", () => {
  async function sheet(rows: string[][]): Promise<Buffer> {
    const template = await t.app.inject({
      url: `/api/tenders/${tenderId}/qa/template.xlsx`,
      headers: { cookie: cookie.provider! },
    });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "Vraag", "Documentverwijzing", "Perceel"]);
    for (const row of rows) ws.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const upload = async (bytes: Buffer) => {
    const { payload, headers } = multipart("vragen.xlsx", bytes);
    const r = await t.app.inject({
      method: "POST",
      url: `/api/tenders/${tenderId}/qa/questions/bulk`,
      payload,
      headers: { ...headers, cookie: cookie.provider! },
    });
    return { status: r.statusCode, body: r.json() };
  };

  it("stores every row of a good file", async () => {
    const r = await upload(
      await sheet([
        ["Hoe lang is de implementatiefase?", "Informatieblad §2", "Jeugd"],
        ["Wat is de bandbreedte?", "", "wmo"],
      ]),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.questions.map((x: { text: string }) => x.text)).toEqual([
      "Hoe lang is de implementatiefase?",
      "Wat is de bandbreedte?",
    ]);
    expect(r.body.questions[0].lotId).toBe(lotId);
  });

  it("refuses the whole file over one bad row, naming the row, and stores nothing", async () => {
    const before = (await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions.length;
    const r = await upload(
      await sheet([
        ["Een goede vraag", "", ""],
        ["Nog een", "", "Huishoudelijke hulp"],
      ]),
    );
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^row 3: Perceel/);
    expect((await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions).toHaveLength(before);
  });
});

describe("triage, drafting and the four-eyes rule", () => {
  it("numbers and categorises; a taken number is refused", async () => {
    const r = await call("procurement_officer", "PATCH", `/api/qa/questions/${q.lumpsum}`, {
      number: 1,
      category: "Bekostiging",
      subheading: "Lumpsum",
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ number: 1, category: "Bekostiging", askerOrganisationName: names.own });
    await call("procurement_officer", "PATCH", `/api/qa/questions/${q.second}`, { number: 2, category: "Planning" });
    await call("procurement_officer", "PATCH", `/api/qa/questions/${q.other}`, { number: 3, category: "Overige" });
    const taken = await call("procurement_officer", "PATCH", `/api/qa/questions/${q.other}`, { number: 1 });
    expect(taken.status).toBe(409);
    expect(taken.body.rule).toBe("number_taken");
    expect((await call("assessor", "PATCH", `/api/qa/questions/${q.other}`, { number: 9 })).status).toBe(403);
  });

  it("makes a question private only with its reason, and takes its number away", async () => {
    const missing = await call("procurement_officer", "PATCH", `/api/qa/questions/${q.own}`, { visibility: "private" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe("body.privateReason");
    const r = await call("procurement_officer", "PATCH", `/api/qa/questions/${q.own}`, {
      visibility: "private",
      privateReason: "Betreft alleen de eigen registratie van de vrager",
    });
    expect(r.body).toMatchObject({ visibility: "private", number: null });
  });

  it("assigns to a content expert, who is told, and only the assignee (or an officer) drafts", async () => {
    const assessorId = await userId(DEMO.assessor);
    const refused = await call("procurement_officer", "POST", `/api/qa/questions/${q.lumpsum}/assign`, {
      assigneeId: await userId(DEMO.provider),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe("body.assigneeId");
    const r = await call("procurement_officer", "POST", `/api/qa/questions/${q.lumpsum}/assign`, {
      assigneeId: assessorId,
    });
    expect(r.body).toMatchObject({ status: "assigned", assigneeId: assessorId });
    const told = await call("assessor", "GET", "/api/notifications");
    expect(told.body.notifications.map((n: { kind: string }) => n.kind)).toContain("qa_assigned");

    const notMine = await call("contract_manager", "PUT", `/api/qa/questions/${q.lumpsum}/answer`, {
      answer: "x",
      reservation: false,
      references: [],
    });
    expect(notMine.status).toBe(409);
    expect(notMine.body.rule).toBe("not_assignee");
  });

  it("refuses a reference to a question that does not exist, is unnumbered, or is itself", async () => {
    for (const [ref, index] of [
      ["00000000-0000-4000-8000-000000000000", 0],
      [q.own, 1],
      [q.lumpsum, 1],
    ] as const) {
      const r = await call("assessor", "PUT", `/api/qa/questions/${q.lumpsum}/answer`, {
        answer: "Zie daar.",
        reservation: false,
        references: index === 0 ? [ref] : [q.second, ref],
      });
      expect(r.status, String(ref)).toBe(400);
      expect(r.body.errors[0].field).toBe(`body.references.${index}`);
    }
  });

  it("drafts with a reservation and a reference; the drafter cannot approve it, a second officer can", async () => {
    const drafted = await call("procurement_officer", "PUT", `/api/qa/questions/${q.lumpsum}/answer`, {
      answer: "Het budget volgt uit historische cijfers en doelen; zie ook vraag 2.",
      reservation: true,
      references: [q.second],
    });
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ status: "drafted", reservation: true, references: [{ number: 2 }] });
    const own = await call("procurement_officer", "POST", `/api/qa/questions/${q.lumpsum}/approve`);
    expect(own.status).toBe(409);
    expect(own.body.rule).toBe("four_eyes");
    const second = await call("procurement_officer_2", "POST", `/api/qa/questions/${q.lumpsum}/approve`);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe("approved");
    const again = await call("procurement_officer", "PUT", `/api/qa/questions/${q.lumpsum}/answer`, {
      answer: "Anders",
      reservation: false,
      references: [],
    });
    expect(again.body.rule).toBe("already_approved");
  });

  it("answers by reference in one action, and refuses approval of what is not drafted", async () => {
    const notDrafted = await call("procurement_officer", "POST", `/api/qa/questions/${q.second}/approve`);
    expect(notDrafted.body.rule).toBe("not_drafted");
    const r = await call("procurement_officer_2", "POST", `/api/qa/questions/${q.second}/refer`, {
      questionId: q.lumpsum,
    });
    expect(r.body).toMatchObject({
      status: "drafted",
      answer: "Wij verwijzen u naar het antwoord op vraag 1.",
      references: [{ questionId: q.lumpsum, number: 1 }],
    });
    expect((await call("procurement_officer", "POST", `/api/qa/questions/${q.second}/approve`)).status).toBe(200);
  });

  it("reopens an approved answer and sends it back to drafting", async () => {
    await call("procurement_officer", "PUT", `/api/qa/questions/${q.other}/answer`, {
      answer: "Nee, regionale samenwerking telt mee.",
      reservation: false,
      references: [],
    });
    await call("procurement_officer_2", "POST", `/api/qa/questions/${q.other}/approve`);
    const r = await call("procurement_officer_2", "POST", `/api/qa/questions/${q.other}/reopen`, {
      reason: "Verwijs naar de selectiecriteria",
    });
    expect(r.body).toMatchObject({ status: "new", approvedBy: null });
  });

  it("requires a number before a public answer is approved", async () => {
    const bulk = (await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions.find(
      (x: { text: string }) => x.text === "Wat is de bandbreedte?",
    );
    await call("procurement_officer", "PUT", `/api/qa/questions/${bulk.id}/answer`, {
      answer: "3%.",
      reservation: false,
      references: [],
    });
    const r = await call("procurement_officer_2", "POST", `/api/qa/questions/${bulk.id}/approve`);
    expect(r.body.rule).toBe("number_required");
    expect(
      (await call("procurement_officer", "POST", `/api/qa/questions/${bulk.id}/withdraw`, { reason: "Dubbel" })).body
        .status,
    ).toBe("withdrawn");
  });
});

describe("a private answer reaches the asker alone, at once", () => {
  it("answers privately on approval, without a number, to the asker's organisation only", async () => {
    await call("procurement_officer", "PUT", `/api/qa/questions/${q.own}/answer`, {
      answer: "Ja, uw registratie is compleet.",
      reservation: false,
      references: [],
    });
    const r = await call("procurement_officer_2", "POST", `/api/qa/questions/${q.own}/approve`);
    expect(r.body).toMatchObject({ status: "answered", number: null });
    const mine = (await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions;
    expect(mine.find((x: { id: string }) => x.id === q.own)).toMatchObject({
      status: "answered",
      answer: "Ja, uw registratie is compleet.",
    });
    const kinds = (who: string) =>
      call(who, "GET", "/api/notifications").then((n) => n.body.notifications.map((x: { kind: string }) => x.kind));
    expect(await kinds("provider")).toContain("qa_private_answer");
    expect(await kinds("provider_other")).not.toContain("qa_private_answer");
    expect((await call("provider_other", "GET", `/api/tenders/${tenderId}/qa/published`)).body.questions).toEqual([]);
  });
});

describe("rounds: published to every provider at the same moment", () => {
  let roundId: string;

  it("shows no answer to any provider before publication", async () => {
    const round = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/qa/rounds`, {
      plannedOn: "2021-04-20",
    });
    expect(round.status).toBe(201);
    expect(round.body).toMatchObject({ number: 1, title: "Nota van Inlichtingen 1", plannedOn: "2021-04-20" });
    roundId = round.body.id;
    for (const who of ["provider", "provider_other"]) {
      expect((await call(who, "GET", `/api/tenders/${tenderId}/qa/published`)).body.questions).toEqual([]);
      expect((await call(who, "GET", `/api/qa/rounds/${roundId}`)).status).toBe(404);
      expect((await call(who, "GET", `/api/tenders/${tenderId}/qa`)).body.rounds).toEqual([]);
    }
    const mine = (await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions;
    expect(mine.find((x: { id: string }) => x.id === q.lumpsum)).toMatchObject({
      status: "open",
      answer: null,
      number: null,
    });
  });

  it("publishes every approved public answer at once, telling every provider organisation with one created_at", async () => {
    expect(
      (await call("procurement_officer", "PATCH", `/api/qa/rounds/${roundId}`, { title: "NvI 1" })).body.title,
    ).toBe("NvI 1");
    const r = await call("procurement_officer_2", "POST", `/api/qa/rounds/${roundId}/publish`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ questionCount: 2, publishedAt: clock.now().toISOString() });
    const rows = await t.db.query<{ organisation_id: string; created_at: Date }>(
      "select organisation_id, created_at from notifications where kind = 'qa_round_published' and tender_id = $1",
      [tenderId],
    );
    const orgs = await t.db.query<{ id: string }>(
      "select id from organisations where region_id = $1 and lead_member_id is null",
      [t.demo!.regionId],
    );
    expect(rows.map((x) => x.organisation_id).sort()).toEqual(orgs.map((o) => o.id).sort());
    expect(new Set(rows.map((x) => new Date(x.created_at).toISOString())).size).toBe(1);
    const notices = await call("provider_other", "GET", "/api/notifications");
    expect(notices.body.notifications.find((n: { kind: string }) => n.kind === "qa_round_published")).toMatchObject({
      title: "NvI 1 gepubliceerd – Inkoop 2022",
      params: { round: "NvI 1", tender: "Inkoop 2022", count: 2 },
    });
    // The e-mails go out in the background after the answer: wait for them.
    await vi.waitFor(() =>
      expect(mails.flatMap((m) => m.to)).toEqual(expect.arrayContaining([DEMO.provider, DEMO.provider_other])),
    );
    expect(mails.find((m) => m.to.includes(DEMO.provider_other))?.body).toContain("NvI 1");

    const again = await call("procurement_officer", "POST", `/api/qa/rounds/${roundId}/publish`);
    expect(again.body.rule).toBe("already_published");
  });

  it("refuses to publish an empty round", async () => {
    const round = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/qa/rounds`, {});
    expect(round.body.number).toBe(2);
    const r = await call("procurement_officer_2", "POST", `/api/qa/rounds/${round.body.id}/publish`);
    expect(r.status).toBe(409);
    expect(r.body.rule).toBe("empty_round");
  });

  it("shows every provider the answers, never the asker", async () => {
    for (const who of ["provider", "provider_other"]) {
      const published = await call(who, "GET", `/api/tenders/${tenderId}/qa/published`);
      expect(published.body.questions.map((x: { number: number }) => x.number)).toEqual([1, 2]);
      expect(published.body.questions[0]).toMatchObject({
        reservation: true,
        references: [{ number: 2, roundNumber: 1 }],
      });
      const round = await call(who, "GET", `/api/qa/rounds/${roundId}`);
      for (const raw of [published.raw, round.raw]) {
        expect(raw).not.toContain(names.own);
        expect(raw).not.toMatch(/asker|draftedBy|approvedBy|assignee|privateReason/);
      }
      expect(published.raw).not.toContain("registratie");
    }
    const mine = (await call("provider", "GET", `/api/tenders/${tenderId}/qa/mine`)).body.questions;
    expect(mine.find((x: { id: string }) => x.id === q.lumpsum)).toMatchObject({
      status: "published",
      number: 1,
      roundNumber: 1,
    });
  });

  it("refuses a question at the deadline itself, naming it", async () => {
    clock.set(DEADLINE);
    cookie.provider = await loginCookie(t.app, DEMO.provider);
    const r = await call("provider", "POST", `/api/tenders/${tenderId}/qa/questions`, { text: "Te laat?" });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ rule: "questions_closed", questionsCloseAt: DEADLINE });
    expect(r.body.detail).toContain(DEADLINE);
    expect((await call("provider", "GET", `/api/tenders/${tenderId}/qa`)).body.askingOpen).toBe(false);
  });
});

describe("the timeline's Q&A warnings", () => {
  it("warns about a last round planned too close to the closing time, and about open questions", async () => {
    clock.set("2021-04-20T08:00:00Z");
    cookie.procurement_officer = await loginCookie(t.app, DEMO.procurement_officer);
    const rounds = (await call("procurement_officer", "GET", `/api/tenders/${tenderId}/qa`)).body.rounds;
    const unpublished = rounds.find((r: { publishedAt: string | null }) => r.publishedAt === null);
    await call("procurement_officer", "PATCH", `/api/qa/rounds/${unpublished.id}`, { plannedOn: "2021-04-28" });
    const timeline = await call("procurement_officer", "GET", `/api/tenders/${tenderId}/timeline`);
    expect(timeline.status).toBe(200);
    const qa = timeline.body.warnings.filter((w: { code: string }) => w.code.startsWith("qa_"));
    expect(qa).toEqual([
      expect.objectContaining({ code: "qa_last_round_late", days: 3, minimum: 6 }),
      expect.objectContaining({ code: "qa_questions_open" }),
    ]);
  });
});

describe("the demo Q&A of Inkoop 2027", () => {
  it("has round 1 published with six answers, work in progress and one private answer; loading again adds nothing", async () => {
    cookie.provider = await loginCookie(t.app, DEMO.provider);
    cookie.provider_other = await loginCookie(t.app, DEMO.provider_other);
    cookie.procurement_officer = await loginCookie(t.app, DEMO.procurement_officer);
    const [open] = await t.db.query<{ id: string }>("select id from tenders where name = 'Inkoop 2027'");
    const published = (await call("provider_other", "GET", `/api/tenders/${open!.id}/qa/published`)).body.questions;
    expect(published.map((x: { number: number }) => x.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(published[3]).toMatchObject({
      answer: "Wij verwijzen u naar het antwoord op vraag 3.",
      references: [{ number: 3 }],
    });
    const overview = (await call("procurement_officer", "GET", `/api/tenders/${open!.id}/qa`)).body;
    expect(overview.counts).toMatchObject({ new: 1, assigned: 1, drafted: 1, published: 6, answered: 1 });
    expect(overview.rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const mine = (await call("provider", "GET", `/api/tenders/${open!.id}/qa/mine`)).body.questions;
    expect(mine.filter((x: { status: string }) => x.status === "answered")).toHaveLength(1);
    const others = (await call("provider_other", "GET", `/api/tenders/${open!.id}/qa/mine`)).body.questions;
    expect(others.filter((x: { status: string }) => x.status === "answered")).toHaveLength(0);

    const before = await t.db.query("select id from qa_questions");
    await loadDemo(t.db, clock.now());
    expect(await t.db.query("select id from qa_questions")).toHaveLength(before.length);
  });
});

describe("publishing at the same moment twice", () => {
  it("lets one of two simultaneous publications through: the answer lands in one round, told once", async () => {
    cookie.procurement_officer_2 = await loginCookie(t.app, DEMO.procurement_officer_2);
    const [open] = await t.db.query<{ id: string }>("select id from tenders where name = 'Inkoop 2027'");
    const questions = (await call("procurement_officer", "GET", `/api/tenders/${open!.id}/qa/questions`)).body;
    const drafted = questions.questions.find((x: { status: string }) => x.status === "drafted");
    const approved = await call("procurement_officer_2", "POST", `/api/qa/questions/${drafted.id}/approve`);
    expect(approved.status, approved.raw).toBe(200);
    const two = (await call("procurement_officer", "GET", `/api/tenders/${open!.id}/qa`)).body.rounds.find(
      (r: { number: number }) => r.number === 2,
    );
    const three = await call("procurement_officer", "POST", `/api/tenders/${open!.id}/qa/rounds`, {});
    expect(three.body.number).toBe(3);

    const toldCount = async () =>
      (
        await t.db.query<{ organisation_id: string }>(
          "select organisation_id from notifications where kind = 'qa_round_published' and tender_id = $1",
          [open!.id],
        )
      ).length;
    const toldBefore = await toldCount();
    const [organisations] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from organisations where region_id = $1 and lead_member_id is null",
      [t.demo!.regionId],
    );

    // The same round by two officers, and another round, all at once.
    const results = await Promise.all([
      call("procurement_officer", "POST", `/api/qa/rounds/${two.id}/publish`),
      call("procurement_officer_2", "POST", `/api/qa/rounds/${two.id}/publish`),
      call("procurement_officer_2", "POST", `/api/qa/rounds/${three.body.id}/publish`),
    ]);
    const through = results.filter((r) => r.status === 200);
    expect(through, JSON.stringify(results.map((r) => r.body))).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 409)
        .map((r) => r.body.rule)
        .sort(),
    ).toEqual(through[0]!.body.id === two.id ? ["already_published", "empty_round"] : ["empty_round", "empty_round"]);
    const [row] = await t.db.query<{ round_id: string; status: string }>(
      "select round_id, status from qa_questions where id = $1",
      [drafted.id],
    );
    expect(row).toEqual({ round_id: through[0]!.body.id, status: "published" });
    expect(await toldCount()).toBe(toldBefore + organisations!.n);
  });
});
