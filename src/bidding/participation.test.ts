// The who-may-bid rules as the API enforces them: each refusal names its rule, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import type { BidView } from "./submission.ts";
import { clearAsks, combination, identify, openForBids } from "./test-support.ts";

const clock = testClock("2021-05-01T10:00:00Z");
let t: TestContext;
let own: string;
let other: string;
let tenderId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testContext({ clock });
  own = await loginCookie(t.app, DEMO.provider);
  other = await loginCookie(t.app, DEMO.provider_other);
  tenderId = t.demo!.tenderId;
  await clearAsks(t.db, tenderId);
  await openForBids(t.db, tenderId, { publishedAt: "2021-04-01T08:00:00Z", closesAt: "2021-06-30T10:00:00Z" });
  const segment = async (code: string) =>
    (
      await t.db.query<{ id: string }>("select id from segments where code = $1 and tender_id = $2", [code, tenderId])
    )[0]!.id;
  ids.iaj = await segment("jeugd-iaj");
  ids.gwv = await segment("jeugd-gwv");
  ids.logeren = await segment("wmo-logeren");
  ids.dyslexie = await segment("jeugd-dyslexie");
  const region = t.demo!.regionId;
  ids.a = await identify(t.db, region, "Zorgpartners Achterhoek", "11111111", "stichting");
  ids.b = await identify(t.db, region, "Jeugdhulp Oost B.V.", "22222222", "bv");
  // The tests name these KvK numbers; the demo gives the organisations numbers of their own.
  await t.db.query("update organisations set kvk_number = '11111111' where id = $1", [ids.a]);
  await t.db.query("update organisations set kvk_number = '22222222' where id = $1", [ids.b]);
  const [x] = await t.db.query<{ id: string }>(
    "insert into organisations (region_id, name, kvk_number, legal_form) values ($1, 'Kind en Gezin', '33333333', 'zzp') returning id",
    [region],
  );
  ids.x = x!.id;
  // C: led by A (penvoerder) with X; C2: led by B with A.
  ids.c = await combination(t.db, region, {
    name: "Coöperatie Samen Jeugd",
    leadId: ids.a,
    memberIds: [ids.x],
    legalForm: "cooperatie_io",
  });
  ids.c2 = await combination(t.db, region, {
    name: "Consortium Oost",
    leadId: ids.b,
    memberIds: [ids.a],
    legalForm: "consortium",
  });
});
afterAll(async () => t?.close());

const bid = (cookie: string, segmentId: string, bidderId?: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/tenders/${tenderId}/bids`,
    headers: { cookie },
    payload: { segmentId, ...(bidderId ? { bidderId } : {}) },
  });
const bidCount = async () => Number((await t.db.query<{ n: number }>("select count(*) as n from bids"))[0]!.n);

describe("who may bid", () => {
  let combinationBid: string;

  it("lets a provider act for a combination it leads, and lists it among its bidders", async () => {
    const response = await bid(own, ids.iaj!, ids.c);
    expect(response.statusCode).toBe(201);
    const view = response.json<BidView>();
    combinationBid = view.id;
    expect(view.bidderName).toBe("Coöperatie Samen Jeugd");
    // The combination has no KvK number yet; its lead has one and a legal form.
    const fields = view.completeness.missing.map((m) => m.field);
    expect(fields).toContain("bidder.kvkNumber");
    expect(fields.filter((f) => f.startsWith("organisation."))).toEqual([]);
    const mine = (await t.app.inject({ url: `/api/tenders/${tenderId}/my-bids`, headers: { cookie: own } })).json();
    expect(mine.actingAs.map((a: { name: string }) => a.name)).toEqual([
      "Zorgpartners Achterhoek",
      "Coöperatie Samen Jeugd",
    ]);
  });

  it("does not let a member that is not the lead act for the combination", async () => {
    const response = await bid(other, ids.gwv!, ids.c);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("body.bidderId");
  });

  it("refuses a provider bidding alone when it already bids in a combination", async () => {
    const before = await bidCount();
    const response = await bid(own, ids.gwv!);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "CONFLICT", rule: "alone_and_in_combination" });
    expect(await bidCount()).toBe(before);
  });

  it("refuses a second combination with the same member", async () => {
    const response = await bid(other, ids.gwv!, ids.c2);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "two_combinations" });
    expect(response.json().detail).toContain("Zorgpartners Achterhoek");
  });

  it("refuses naming as subcontractor a provider that bids as main contractor", async () => {
    expect((await bid(other, ids.logeren!)).statusCode).toBe(201);
    const response = await t.app.inject({
      method: "PUT",
      url: `/api/bids/${combinationBid}/content`,
      headers: { cookie: own },
      payload: { subcontractors: [{ kvkNumber: "22222222", name: "Jeugdhulp Oost B.V.", role: "behandeling" }] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "subcontractor_as_main" });
  });

  it("lets a subcontractor serve several main contractors", async () => {
    const sub = { kvkNumber: "44444444", name: "Dyslexiepraktijk Zutphen", role: "diagnostiek" };
    const [bBid] = await t.db.query<{ id: string }>("select id from bids where segment_id = $1", [ids.logeren]);
    for (const [cookie, bidId] of [
      [own, combinationBid],
      [other, bBid!.id],
    ] as const) {
      const response = await t.app.inject({
        method: "PUT",
        url: `/api/bids/${bidId}/content`,
        headers: { cookie },
        payload: { subcontractors: [sub] },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it("counts a withdrawn bid against one bid per segment (it can be resubmitted instead)", async () => {
    const [bBid] = await t.db.query<{ id: string }>("select id from bids where segment_id = $1", [ids.logeren]);
    await t.db.query("update bids set status = 'withdrawn' where id = $1", [bBid!.id]);
    const response = await bid(other, ids.logeren!);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "one_bid_per_segment" });
  });

  it("lets only one of two simultaneous first bids on a segment through", async () => {
    const responses = await Promise.all([bid(other, ids.dyslexie!), bid(other, ids.dyslexie!)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json()).toMatchObject({ rule: "one_bid_per_segment" });
  });

  it("answers another provider's bid as not found", async () => {
    for (const [method, url] of [
      ["GET", `/api/bids/${combinationBid}`],
      ["PUT", `/api/bids/${combinationBid}/content`],
      ["POST", `/api/bids/${combinationBid}/submit`],
      ["POST", `/api/bids/${combinationBid}/withdraw`],
      ["GET", `/api/bids/${combinationBid}/submissions/1`],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: { cookie: other },
        ...(method === "PUT" ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
