// The closing time and after: what staff see before the opening, an extension that tells every
// registered provider at the same moment, and the opening by two different procurement officers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import type { Receipt } from "./submission.ts";
import { clearAsks, identify, openForBids } from "./test-support.ts";

const clock = testClock("2021-06-01T10:00:00Z");
const CLOSES = "2021-06-30T10:00:00.000Z";
const EXTENDED = "2021-07-07T10:00:00.000Z";
let t: TestContext;
let tenderId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

async function moveTo(iso: string) {
  clock.set(iso);
  for (const [who, email] of Object.entries(DEMO)) cookies[who] = await loginCookie(t.app, email);
}

beforeAll(async () => {
  t = await testContext({ clock });
  tenderId = t.demo!.tenderId;
  await clearAsks(t.db, tenderId);
  await openForBids(t.db, tenderId, { publishedAt: "2021-04-01T08:00:00Z", closesAt: CLOSES });
  ids.logeren = (
    await t.db.query<{ id: string }>("select id from segments where code = 'wmo-logeren' and tender_id = $1", [
      tenderId,
    ])
  )[0]!.id;
  ids.a = await identify(t.db, t.demo!.regionId, "Zorgpartners Achterhoek", "11111111");
  ids.b = await identify(t.db, t.demo!.regionId, "Jeugdhulp Oost B.V.", "22222222", "bv");
  await moveTo("2021-06-01T10:00:00Z");
});
afterAll(async () => t?.close());

const call = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe("before the closing time", () => {
  it("shows staff who registered and how many bids exist, and nothing of a bid", async () => {
    expect((await call("provider", "POST", `/api/tenders/${tenderId}/registrations`)).statusCode).toBe(201);
    await moveTo("2021-06-02T09:00:00Z");
    // Starting a bid registers the organisation too.
    const bid = await call("provider_other", "POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.logeren });
    expect(bid.statusCode).toBe(201);
    ids.bid = bid.json().id;
    for (const role of [
      "administrator",
      "procurement_officer",
      "assessor",
      "contract_manager",
      "municipality_viewer",
    ]) {
      const response = await call(role, "GET", `/api/tenders/${tenderId}/registrations`);
      expect(response.statusCode, role).toBe(200);
      expect(response.json()).toEqual({
        closesAt: CLOSES,
        openedAt: null,
        registrations: [
          { organisationId: ids.a, name: "Zorgpartners Achterhoek", registeredAt: "2021-06-01T10:00:00.000Z" },
          { organisationId: ids.b, name: "Jeugdhulp Oost B.V.", registeredAt: "2021-06-02T09:00:00.000Z" },
        ],
        bidCount: 1,
        submittedCount: 0,
        extensions: [],
        opening: {
          closesAt: CLOSES,
          serverTime: "2021-06-02T09:00:00.000Z",
          closed: false,
          openedAt: null,
          firstOfficer: null,
          firstConfirmedAt: null,
          secondOfficer: null,
          secondConfirmedAt: null,
        },
      });
    }
    expect((await call("provider", "GET", `/api/tenders/${tenderId}/registrations`)).statusCode).toBe(403);
  });

  it("does not open before the closing time", async () => {
    const response = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "not_closed" });
  });
});

describe("extending the closing time", () => {
  it("refuses a time not later than the current one, a missing reason and any role but the officer", async () => {
    const early = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/closing-time/extensions`, {
      closesAt: CLOSES,
      reason: "Storing",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ field: "body.closesAt", message: expect.stringContaining(CLOSES) }]);
    const reasonless = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/closing-time/extensions`, {
      closesAt: EXTENDED,
      reason: " ",
    });
    expect(reasonless.json().errors[0].field).toBe("body.reason");
    for (const role of ["administrator", "assessor", "provider"]) {
      const response = await call(role, "POST", `/api/tenders/${tenderId}/closing-time/extensions`, {
        closesAt: EXTENDED,
        reason: "Storing",
      });
      expect(response.statusCode, role).toBe(403);
    }
    expect(await t.db.query("select 1 from closing_extensions")).toHaveLength(0);
  });

  it("extends and tells every registered provider at the same moment", async () => {
    await moveTo("2021-06-30T09:30:00Z");
    const response = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/closing-time/extensions`, {
      closesAt: "2021-07-07T12:00:00+02:00",
      reason: "Storing van het platform op 30 juni",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      closesAt: EXTENDED,
      previousClosesAt: CLOSES,
      reason: "Storing van het platform op 30 juni",
      extendedAt: "2021-06-30T09:30:00.000Z",
      notified: 2,
    });
    const rows = await t.db.query<{ organisation_id: string; created_at: Date }>(
      "select organisation_id, created_at from notifications where tender_id = $1 order by organisation_id",
      [tenderId],
    );
    expect(rows.map((r) => r.organisation_id).sort()).toEqual([ids.a, ids.b].sort());
    expect(new Set(rows.map((r) => new Date(r.created_at).toISOString()))).toEqual(
      new Set(["2021-06-30T09:30:00.000Z"]),
    );
    for (const who of ["provider", "provider_other"]) {
      const mine = (await call(who, "GET", "/api/notifications")).json();
      expect(mine.unread).toBe(1);
      expect(mine.notifications[0]).toMatchObject({
        kind: "closing_extended",
        tenderId,
        title: "Sluitingstijd verlengd: Inkoop 2022",
        createdAt: "2021-06-30T09:30:00.000Z",
        readAt: null,
      });
      expect(mine.notifications[0].body).toContain("30 juni 2021 om 12:00");
      expect(mine.notifications[0].body).toContain("7 juli 2021 om 12:00");
    }
    expect((await call("procurement_officer", "GET", "/api/notifications")).json()).toEqual({
      unread: 0,
      notifications: [],
    });
    const [audit] = await t.db.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where action = 'tender.closing_extend'",
    );
    expect(audit).toEqual({
      before: { closesAt: CLOSES },
      after: { closesAt: EXTENDED, reason: "Storing van het platform op 30 juni", notified: 2 },
    });
    const overview = (await call("contract_manager", "GET", `/api/tenders/${tenderId}/registrations`)).json();
    expect(overview.closesAt).toBe(EXTENDED);
    expect(overview.extensions).toEqual([
      {
        closesAt: EXTENDED,
        previousClosesAt: CLOSES,
        reason: "Storing van het platform op 30 juni",
        extendedAt: "2021-06-30T09:30:00.000Z",
      },
    ]);
  });

  it("marks a notification read for its own reader only", async () => {
    const mine = (await call("provider", "GET", "/api/notifications")).json();
    const id = mine.notifications[0].id;
    expect((await call("provider_other", "POST", `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call("procurement_officer", "POST", `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await call("provider", "POST", `/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe("2021-06-30T09:30:00.000Z");
    const again = await call("provider", "POST", `/api/notifications/${id}/read`);
    expect(again.json().readAt).toBe("2021-06-30T09:30:00.000Z");
    const audits = await t.db.query("select 1 from audit_log where action = 'notification.read'");
    expect(audits).toHaveLength(1);
    expect((await call("provider", "GET", "/api/notifications")).json().unread).toBe(0);
  });

  it("accepts a bid after the old closing time and before the new one", async () => {
    await moveTo("2021-06-30T11:00:00Z");
    const [m] = await t.db.query<{ id: string }>("select id from municipalities where cbs_code = 'GM0294'");
    const saved = await call("provider_other", "PUT", `/api/bids/${ids.bid}/content`, { municipalityIds: [m!.id] });
    expect(saved.json().completeness).toEqual({ complete: true, missing: [] });
    const submitted = await call("provider_other", "POST", `/api/bids/${ids.bid}/submit`);
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json<Receipt>().submittedAt).toBe("2021-06-30T11:00:00.000Z");
  });
});

describe("the opening", () => {
  it("is refused before the new closing time, and the closing time is no longer extendable after it", async () => {
    await moveTo("2021-07-07T09:59:59Z");
    expect((await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`)).json()).toMatchObject({
      rule: "not_closed",
    });
    await moveTo(EXTENDED);
    const late = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/closing-time/extensions`, {
      closesAt: "2021-07-14T10:00:00Z",
      reason: "Te laat",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ rule: "closed" });
  });

  it("needs two different procurement officers", async () => {
    const first = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      closed: true,
      openedAt: null,
      firstOfficer: { name: "Inkoopspecialist" },
      firstConfirmedAt: EXTENDED,
      secondOfficer: null,
    });
    const same = await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`);
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ rule: "four_eyes" });
    expect((await call("procurement_officer", "GET", `/api/tenders/${tenderId}/bids`)).json()).toMatchObject({
      rule: "not_opened",
    });
    expect((await call("assessor", "POST", `/api/tenders/${tenderId}/opening`)).statusCode).toBe(403);

    await moveTo("2021-07-07T10:05:00Z");
    const second = await call("procurement_officer_2", "POST", `/api/tenders/${tenderId}/opening`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      openedAt: "2021-07-07T10:05:00.000Z",
      secondOfficer: { name: "Tweede inkoopspecialist" },
      secondConfirmedAt: "2021-07-07T10:05:00.000Z",
    });
    expect((await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`)).json()).toMatchObject({
      rule: "already_opened",
    });
    const actions = await t.db.query<{ action: string; actor: string }>(
      "select action, actor from audit_log where action like 'opening.%' order by seq",
    );
    expect(actions).toEqual([
      { action: "opening.confirm", actor: DEMO.procurement_officer },
      { action: "opening.complete", actor: DEMO.procurement_officer_2 },
    ]);
    const list = (await call("procurement_officer", "GET", `/api/tenders/${tenderId}/bids`)).json();
    expect(list.bids.map((b: { bidderName: string }) => b.bidderName)).toEqual(["Jeugdhulp Oost B.V."]);
  });
});
