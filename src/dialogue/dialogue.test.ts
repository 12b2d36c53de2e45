// Dialogue sessions through the API: planning, registering (capacity, deadline, concurrency),
// attendance, the report with its Q&A, documents and statements, and publishing afterwards.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemo } from "../demo/load.ts";
import { multipart, samplePdf, samplePptx, sampleZip } from "../files/testing.ts";
import { type SmtpCapture, startSmtpCapture } from "../notifications/testing.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";

const clock = testClock("2026-03-02T09:00:00Z");

let t: TestContext;
let smtp: SmtpCapture;
let provider: string;
let providerOther: string;
let officer: string;
let assessor: string;
let tenderId: string;
let segmentId: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await testContext({ clock, config: { smtpUrl: smtp.url } });
  await login();
  tenderId = t.demo!.tenderId;
  const [segment] = await t.db.query<{ id: string }>("select id from segments where tender_id = $1 limit 1", [
    tenderId,
  ]);
  segmentId = segment!.id;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function login() {
  provider = await loginCookie(t.app, DEMO.provider);
  providerOther = await loginCookie(t.app, DEMO.provider_other);
  officer = await loginCookie(t.app, DEMO.procurement_officer);
  assessor = await loginCookie(t.app, DEMO.assessor);
}

/** Moves the server's clock and logs in again (sessions last an hour of that clock). */
async function moveTo(iso: string) {
  clock.set(iso);
  await login();
}

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const send = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const plan = (over: Record<string, unknown> = {}) => ({
  kind: "gesprekstafel",
  title: "Gesprekstafel Jeugd",
  description: "Over de nieuwe segmenten",
  onDate: "2026-03-10",
  startsAt: "13:00",
  endsAt: "15:00",
  location: "Stadhuis Doetinchem",
  capacity: 3,
  registrationClosesAt: "2026-03-09T12:00:00+01:00",
  ...over,
});

async function planned(over: Record<string, unknown> = {}): Promise<string> {
  const response = await send("POST", `/api/tenders/${tenderId}/sessions`, officer, plan(over));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>("select action from audit_log where entity_id = $1 order by seq", [
    entityId,
  ]);
  return rows.map((r) => r.action);
}

describe("planning a session", () => {
  it("creates a session with its audience and lists it to providers with places left", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned({ segmentId });
    const list = await get(`/api/tenders/${tenderId}/sessions`, provider);
    expect(list.statusCode).toBe(200);
    const session = list.json<{ sessions: Record<string, unknown>[] }>().sessions.find((s) => s.id === id);
    expect(session).toMatchObject({
      kind: "gesprekstafel",
      segmentId,
      startsAt: "13:00",
      endsAt: "15:00",
      capacity: 3,
      placesLeft: 3,
      registered: null,
      registrationOpen: true,
      registrationClosesAt: "2026-03-09T11:00:00.000Z",
      cancelledAt: null,
    });
    expect(session!.segmentName).toEqual(expect.any(String));
    expect(await auditActions(id)).toEqual(["dialogue.session_create"]);
  });

  it("refuses an end before the start, no place nor link, and a segment of another tender, naming the field", async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const response = await send("POST", `/api/tenders/${tenderId}/sessions`, officer, plan(over));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    };
    await bad({ endsAt: "12:00" }, "body.endsAt");
    await bad({ location: null }, "body.location");
    await bad({ onlineUrl: "ftp://x" }, "body.onlineUrl");
    await bad({ startsAt: "25:00" }, "body.startsAt");
    const [foreign] = await t.db.query<{ id: string }>("select id from segments where tender_id <> $1 limit 1", [
      tenderId,
    ]);
    if (foreign) await bad({ segmentId: foreign.id }, "body.segmentId");
  });

  it("lets only the procurement officer plan and change sessions", async () => {
    const id = await planned();
    expect((await send("POST", `/api/tenders/${tenderId}/sessions`, provider, plan())).statusCode).toBe(403);
    expect((await send("PATCH", `/api/sessions/${id}`, assessor, { title: "x" })).statusCode).toBe(403);
    const changed = await send("PATCH", `/api/sessions/${id}`, officer, {
      title: "Webinar",
      onlineUrl: "https://x.nl",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      title: "Webinar",
      onlineUrl: "https://x.nl",
      location: "Stadhuis Doetinchem",
    });
    const bad = await send("PATCH", `/api/sessions/${id}`, officer, { endsAt: "10:00" });
    expect(bad.statusCode).toBe(400);
    expect(await auditActions(id)).toEqual(["dialogue.session_create", "dialogue.session_update"]);
  });
});

describe("registering", () => {
  it("counts attendees against the capacity and refuses a full session clearly", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    const first = await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 2 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ placesLeft: 1, registered: { attendees: 2 }, organisationRegistered: true });

    const again = await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ rule: "already_registered" });

    const tooMany = await send("POST", `/api/sessions/${id}/registrations`, providerOther, { attendees: 2 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ rule: "session_full", detail: "only 1 place left; 2 attendees asked" });

    expect((await send("POST", `/api/sessions/${id}/registrations`, providerOther, { attendees: 1 })).statusCode).toBe(
      201,
    );
    const full = await send("POST", `/api/sessions/${id}/registrations`, providerOther, { attendees: 1 });
    expect(full.json()).toMatchObject({ rule: "already_registered" });

    const view = await get(`/api/sessions/${id}`, provider);
    expect(view.json()).toMatchObject({ placesLeft: 0, registrationOpen: false });

    // Cancelling frees the places; registering again works.
    const cancelled = await send("DELETE", `/api/sessions/${id}/registrations/mine`, provider);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ placesLeft: 2, registered: null });
    expect((await send("DELETE", `/api/sessions/${id}/registrations/mine`, provider)).statusCode).toBe(404);
    expect((await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 2 })).statusCode).toBe(201);

    const actions = await t.db.query<{ action: string }>(
      `select action from audit_log where action like 'dialogue.%register' and after->>'sessionId' = $1 order by seq`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      "dialogue.register",
      "dialogue.register",
      "dialogue.unregister",
      "dialogue.register",
    ]);
  });

  it("never overbooks under concurrent registrations", async () => {
    const id = await planned({ capacity: 1 });
    const responses = await Promise.all([
      send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 1 }),
      send("POST", `/api/sessions/${id}/registrations`, providerOther, { attendees: 1 }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [row] = await t.db.query<{ n: number }>(
      "select coalesce(sum(attendees), 0) as n from dialogue_registrations where session_id = $1 and cancelled_at is null",
      [id],
    );
    expect(Number(row!.n)).toBe(1);
  });

  it("refuses after the registration deadline, naming it, and a cancelled session", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    const other = await planned();
    expect(
      (await send("POST", `/api/sessions/${other}/registrations`, providerOther, { attendees: 1 })).statusCode,
    ).toBe(201);
    await moveTo("2026-03-09T11:00:00Z");
    const late = await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      rule: "registration_closed",
      detail: "registration closed at 2026-03-09T11:00:00.000Z",
    });

    // After the deadline one may still send word of not coming; after the session, not any more.
    const lastMinute = await send("DELETE", `/api/sessions/${other}/registrations/mine`, providerOther);
    expect(lastMinute.statusCode, lastMinute.body).toBe(200);
    expect(
      (await send("POST", `/api/sessions/${other}/registrations`, providerOther, { attendees: 1 })).statusCode,
    ).toBe(409);
    await moveTo("2026-03-02T09:00:00Z");
    expect(
      (await send("POST", `/api/sessions/${other}/registrations`, providerOther, { attendees: 1 })).statusCode,
    ).toBe(201);
    const held = await planned();
    expect((await send("POST", `/api/sessions/${held}/registrations`, provider, { attendees: 1 })).statusCode).toBe(
      201,
    );
    await moveTo("2026-03-10T14:00:00Z"); // 15:00 in Doetinchem: the session has ended
    const tooLate = await send("DELETE", `/api/sessions/${held}/registrations/mine`, provider);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json()).toMatchObject({ rule: "session_held" });
    await moveTo("2026-03-09T11:00:00Z");

    const cancel = await send("POST", `/api/sessions/${other}/cancel`, officer);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().cancelledAt).toBe("2026-03-09T11:00:00.000Z");
    expect((await send("POST", `/api/sessions/${other}/cancel`, officer)).json()).toMatchObject({
      rule: "session_cancelled",
    });
    // The registered organisation is told; the other is not.
    const told = await t.db.query<{ name: string }>(
      `select o.name from notifications n join organisations o on o.id = n.organisation_id
       where n.kind = 'dialogue_session_cancelled' and n.created_at = $1`,
      [new Date("2026-03-09T11:00:00Z")],
    );
    expect(told.map((r) => r.name)).toEqual(["Jeugdhulp Oost B.V."]);
  });

  it("keeps registration to provider users", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    expect((await send("POST", `/api/sessions/${id}/registrations`, officer, { attendees: 1 })).statusCode).toBe(403);
    const bad = await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 21 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.attendees");
  });

  it("tells those registered when the moment or place moves, not when only the text changes", async () => {
    await moveTo("2026-03-02T10:00:00Z");
    const id = await planned({ capacity: 10 });
    expect((await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 2 })).statusCode).toBe(201);
    const told = async () =>
      t.db.query<{ name: string; title: string; body: string }>(
        `select o.name, n.title, n.body from notifications n join organisations o on o.id = n.organisation_id
         where n.kind = 'dialogue_session_changed' and n.body like $1`,
        ["%Gesprekstafel Jeugd%"],
      );
    expect((await send("PATCH", `/api/sessions/${id}`, officer, { description: "Andere tekst" })).statusCode).toBe(200);
    expect(await told()).toEqual([]);

    const tooSmall = await send("PATCH", `/api/sessions/${id}`, officer, { capacity: 1 });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().errors[0]).toMatchObject({ field: "body.capacity" });

    const moved = await send("PATCH", `/api/sessions/${id}`, officer, {
      onDate: "2026-03-11",
      startsAt: "14:00",
      endsAt: "16:30",
      location: "Gemeentehuis Winterswijk",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await told()).toEqual([
      {
        name: "Zorgpartners Achterhoek",
        title: "Bijeenkomst gewijzigd: Gesprekstafel Jeugd",
        body: "De bijeenkomst 'Gesprekstafel Jeugd' is nu op 11 maart 2026 van 14:00 tot 16:30, Gemeentehuis Winterswijk. U blijft aangemeld.",
      },
    ]);
    // The facts behind the Dutch text, for the page to word it in the reader's language.
    const notices = await get("/api/notifications", provider);
    expect(
      notices.json().notifications.find((n: { kind: string }) => n.kind === "dialogue_session_changed"),
    ).toMatchObject({
      params: {
        sessionId: id,
        session: "Gesprekstafel Jeugd",
        date: "2026-03-11",
        startsAt: "14:00",
        endsAt: "16:30",
        place: "Gemeentehuis Winterswijk",
      },
    });
    // And by e-mail, after the commit, to the provider users of the organisation that registered.
    // The e-mail goes out in the background after the answer: wait for it.
    const mail = await vi.waitFor(() => {
      const found = smtp.mails.find((m) => m.body.includes("Gemeentehuis Winterswijk"));
      if (!found) throw new Error("no e-mail yet");
      return found;
    });
    expect(mail.to).toEqual([DEMO.provider]);
    expect(mail.body).toContain("Bijeenkomst gewijzigd: Gesprekstafel Jeugd");
    expect(smtp.mails.filter((m) => m.body.includes("Andere tekst"))).toEqual([]);
    const [last] = await t.db.query<{ after: { organisationsTold: number } }>(
      "select after from audit_log where entity_id = $1 order by seq desc limit 1",
      [id],
    );
    expect(last!.after.organisationsTold).toBe(1);
  });
});

describe("attendance", () => {
  it("lists who registered, as JSON and as CSV, to the officer only", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    await send("POST", `/api/sessions/${id}/registrations`, provider, { attendees: 2 });
    await send("POST", `/api/sessions/${id}/registrations`, providerOther, { attendees: 1 });
    const list = await get(`/api/sessions/${id}/attendance`, officer);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 3,
      attendees: [
        { organisationName: "Jeugdhulp Oost B.V.", email: DEMO.provider_other, attendees: 1 },
        { organisationName: "Zorgpartners Achterhoek", email: DEMO.provider, attendees: 2 },
      ],
    });
    const csv = await get(`/api/sessions/${id}/attendance?format=csv`, officer);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/attachment/);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Organisatie;Naam;E-mail;Aantal personen;Aangemeld op");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`Zorgpartners Achterhoek;`);
    expect((await get(`/api/sessions/${id}/attendance`, provider)).statusCode).toBe(403);
    expect((await get(`/api/sessions/${id}/attendance`, assessor)).statusCode).toBe(403);
  });
});

describe("report, documents and statements", () => {
  it("keeps everything from providers until published after the session, then shows it and tells them", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    const report = await send("PUT", `/api/sessions/${id}/report`, officer, {
      report: "Wij bespraken de segmenten.",
      questions: [{ question: "Komt er een lumpsum?", answer: "Ja, voor segment A." }],
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().questions).toEqual([{ question: "Komt er een lumpsum?", answer: "Ja, voor segment A." }]);

    const statement = await send("POST", `/api/sessions/${id}/statements`, officer, {
      text: "Lumpsum werkt",
      kind: "agree",
      agree: 7,
      disagree: 3,
    });
    expect(statement.statusCode, statement.body).toBe(201);
    expect(statement.json()).toMatchObject({ agreeShare: 0.7, source: "manual", position: 0 });

    const { payload, headers } = multipart("slides.pdf", samplePdf("Slides gesprekstafel"));
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/sessions/${id}/documents?kind=slides`,
      payload,
      headers: { ...headers, cookie: officer },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const documentId = upload.json().id;

    // Before publication a provider sees the session but none of its content.
    const hidden = await get(`/api/sessions/${id}`, provider);
    expect(hidden.json()).toMatchObject({ report: null, questions: [], statements: [], documents: [] });
    expect((await get(`/api/session-documents/${documentId}`, provider)).statusCode).toBe(404);
    expect((await get(`/api/session-documents/${documentId}`, officer)).statusCode).toBe(200);

    const early = await send("POST", `/api/sessions/${id}/publish`, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ rule: "session_not_held" });
    expect(early.json().detail).toContain("2026-03-10 until 15:00");

    // 15:00 in Amsterdam is 14:00 UTC in March.
    await moveTo("2026-03-10T13:59:00Z");
    expect((await send("POST", `/api/sessions/${id}/publish`, officer)).statusCode).toBe(409);
    await moveTo("2026-03-10T14:00:00Z");
    const published = await send("POST", `/api/sessions/${id}/publish`, officer);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).toBe("2026-03-10T14:00:00.000Z");
    expect((await send("POST", `/api/sessions/${id}/publish`, officer)).json()).toMatchObject({
      rule: "already_published",
    });

    const shown = await get(`/api/sessions/${id}`, providerOther);
    expect(shown.json()).toMatchObject({
      report: "Wij bespraken de segmenten.",
      questions: [{ question: "Komt er een lumpsum?" }],
      statements: [{ text: "Lumpsum werkt", agree: 7, disagree: 3 }],
      documents: [{ id: documentId, kind: "slides", name: "slides.pdf", mediaType: "application/pdf" }],
    });
    const download = await get(`/api/session-documents/${documentId}`, provider);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const told = await t.db.query<{ organisation_id: string; created_at: Date }>(
      "select organisation_id, created_at from notifications where kind = 'dialogue_report_published'",
    );
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(new Set(told.map((n) => new Date(n.created_at).toISOString()))).toEqual(
      new Set(["2026-03-10T14:00:00.000Z"]),
    );

    // Slides as they are made: a PowerPoint is taken as what it is; a ZIP is not, and leaves nothing.
    const pptx = multipart("Gesprekstafel 10 maart.pptx", samplePptx("Segmenten"));
    const slides = await t.app.inject({
      method: "POST",
      url: `/api/sessions/${id}/documents?kind=slides`,
      payload: pptx.payload,
      headers: { ...pptx.headers, cookie: officer },
    });
    expect(slides.statusCode, slides.body).toBe(201);
    expect(slides.json()).toMatchObject({
      name: "Gesprekstafel 10 maart.pptx",
      mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    });
    const zip = multipart("slides.zip", sampleZip());
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/sessions/${id}/documents?kind=slides`,
      payload: zip.payload,
      headers: { ...zip.headers, cookie: officer },
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().detail).toContain("PPTX, ODP");
    expect((await get(`/api/sessions/${id}`, provider)).json().documents).toHaveLength(2);
    expect((await send("DELETE", `/api/session-documents/${slides.json().id}`, officer)).statusCode).toBe(204);

    const del = await send("DELETE", `/api/session-documents/${documentId}`, officer);
    expect(del.statusCode).toBe(204);
    expect(await auditActions(documentId)).toEqual(["dialogue.document_upload", "dialogue.document_delete"]);
    expect(await auditActions(slides.json().id)).toEqual(["dialogue.document_upload", "dialogue.document_delete"]);
    expect(await auditActions(id)).toEqual([
      "dialogue.session_create",
      "dialogue.questions_replace",
      "dialogue.session_publish",
    ]);
  });

  it("enters, changes and removes statements, refusing figures that do not fit", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const id = await planned();
    const scale = await send("POST", `/api/sessions/${id}/statements`, officer, {
      text: "Het tarief is toereikend",
      kind: "scale",
      scaleCounts: [1, 2, 3, 4, 0],
    });
    expect(scale.statusCode, scale.body).toBe(201);
    expect(scale.json()).toMatchObject({ scaleAverage: 3, scaleCount: 10 });
    const statementId = scale.json().id;

    const missing = await send("POST", `/api/sessions/${id}/statements`, officer, {
      text: "x",
      kind: "agree",
      agree: 3,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe("body.disagree");
    const wrongAverage = await send("POST", `/api/sessions/${id}/statements`, officer, {
      text: "x",
      kind: "scale",
      scaleCounts: [0, 0, 0, 0, 2],
      scaleAverage: 2,
    });
    expect(wrongAverage.json().errors[0].field).toBe("body.scaleAverage");

    const changed = await send("PATCH", `/api/statements/${statementId}`, officer, { scaleCounts: [0, 0, 0, 0, 4] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ text: "Het tarief is toereikend", scaleAverage: 5, scaleCount: 4 });
    const toAgree = await send("PATCH", `/api/statements/${statementId}`, officer, {
      kind: "agree",
      agree: 1,
      disagree: 1,
    });
    expect(toAgree.json()).toMatchObject({ kind: "agree", scaleCounts: null, scaleCount: null, agreeShare: 0.5 });
    expect((await send("PATCH", `/api/statements/${statementId}`, provider, { text: "y" })).statusCode).toBe(403);
    expect((await send("DELETE", `/api/statements/${statementId}`, officer)).statusCode).toBe(204);
    expect((await send("DELETE", `/api/statements/${statementId}`, officer)).statusCode).toBe(404);
    expect(await auditActions(statementId)).toEqual([
      "dialogue.statement_create",
      "dialogue.statement_update",
      "dialogue.statement_update",
      "dialogue.statement_delete",
    ]);
  });

  it("imports statements from a CSV: a preview stores nothing, a second import replaces the first", async () => {
    const id = await planned();
    await send("POST", `/api/sessions/${id}/statements`, officer, {
      text: "Met de hand",
      kind: "agree",
      agree: 1,
      disagree: 0,
    });
    const csv = Buffer.from("Stelling;Eens;Oneens;Gemiddelde;Aantal\nA;4;6;;\nB;;;3,5;8\n");
    const importCsv = (query: string, content = csv) => {
      const { payload, headers } = multipart("mentimeter.csv", content, { contentType: "text/csv" });
      return t.app.inject({
        method: "POST",
        url: `/api/sessions/${id}/statements/import${query}`,
        payload,
        headers: { ...headers, cookie: officer },
      });
    };
    // A CSV past 1 MB is refused at the field, as soon as the upload passes the limit.
    const huge = await importCsv("", Buffer.alloc(1024 * 1024 + 1, "x"));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({
      rule: "file_too_large",
      errors: [{ field: "body.file", message: "larger than 1 MB" }],
    });
    const preview = await importCsv("?preview=1");
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().statements).toEqual([
      expect.objectContaining({ text: "A", kind: "agree", agree: 4, disagree: 6 }),
      expect.objectContaining({ text: "B", kind: "scale", scaleAverage: 3.5, scaleCount: 8 }),
    ]);
    const count = async () =>
      Number(
        (
          await t.db.query<{ n: number }>("select count(*) as n from dialogue_statements where session_id = $1", [id])
        )[0]!.n,
      );
    expect(await count()).toBe(1);

    const stored = await importCsv("");
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().statements.map((s: { text: string }) => s.text)).toEqual(["Met de hand", "A", "B"]);
    expect((await importCsv("")).statusCode).toBe(201);
    expect(await count()).toBe(3);

    const bad = await importCsv("", Buffer.from("Stelling;Eens;Oneens\nA;veel;1\n"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ rule: "statements_csv", detail: "row 2: 'Eens' is not a whole number: 'veel'" });
    expect(bad.json().errors[0].field).toBe("body.file");
    expect(await count()).toBe(3);
    expect(await auditActions(id)).toEqual([
      "dialogue.session_create",
      "dialogue.statement_import",
      "dialogue.statement_import",
    ]);
  });
});

describe("demo sessions", () => {
  it("gives Inkoop 2027 a held gesprekstafel with its report and statements, a webinar and a segment workshop, once", async () => {
    await moveTo("2026-03-02T09:00:00Z");
    const [open] = await t.db.query<{ id: string }>("select id from tenders where name = 'Inkoop 2027'");
    const list = await get(`/api/tenders/${open!.id}/sessions`, provider);
    const sessions = list.json<{
      sessions: { id: string; kind: string; segmentId: string | null; publishedAt: string | null }[];
    }>().sessions;
    expect(sessions.map((s) => s.kind)).toEqual(["gesprekstafel", "webinar", "workshop"]);
    expect(sessions[2]!.segmentId).not.toBeNull();
    const held = await get(`/api/sessions/${sessions[0]!.id}`, provider);
    expect(held.json().report).toContain("gesprekstafel");
    expect(held.json().statements.map((s: { kind: string }) => s.kind)).toEqual(["agree", "agree", "scale"]);
    await loadDemo(t.db, clock.now());
    const [count] = await t.db.query<{ n: number }>(
      "select count(*) as n from dialogue_sessions where tender_id = $1",
      [open!.id],
    );
    expect(Number(count!.n)).toBe(3);
  });
});
