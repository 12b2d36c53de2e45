// Sealed until the opening: every staff role tries every bid-reading route before the closing time,
// after it but before the opening, and after the opening. Before the opening no staff answer holds
// anything of a bid; after it only procurement officers and assessors (their segments) read, and
// only the version that counts of submitted bids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { addBidFile, clearAsks, identify, openForBids } from "./test-support.ts";

const clock = testClock("2021-06-01T10:00:00Z");
const CLOSES = "2021-06-30T10:00:00.000Z";
const SECRET = "Verzegeld-dossier-K9Z4";
const STAFF = ["administrator", "procurement_officer", "assessor", "contract_manager", "municipality_viewer"] as const;
type Staff = (typeof STAFF)[number];

let t: TestContext;
let tenderId: string;
const cookies: Record<string, string> = {};
// iaj: the assessor's segment, submitted by A. logeren: not the assessor's, submitted by B.
// gwv: A's draft, never submitted. hcwv: B's bid, submitted and then withdrawn.
const bids: Record<"iaj" | "logeren" | "gwv" | "hcwv", string> = { iaj: "", logeren: "", gwv: "", hcwv: "" };

async function moveTo(iso: string) {
  clock.set(iso);
  for (const [who, email] of Object.entries(DEMO)) cookies[who] = await loginCookie(t.app, email);
}
const call = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await testContext({ clock });
  tenderId = t.demo!.tenderId;
  await clearAsks(t.db, tenderId);
  await openForBids(t.db, tenderId, { publishedAt: "2021-04-01T08:00:00Z", closesAt: CLOSES });
  const region = t.demo!.regionId;
  const a = await identify(t.db, region, "Zorgpartners Achterhoek", "11111111");
  await identify(t.db, region, "Jeugdhulp Oost B.V.", "22222222", "bv");
  const id = async (sql: string) => (await t.db.query<{ id: string }>(sql))[0]!.id;
  const segment = (code: string) => id(`select id from segments where code = '${code}' and tender_id = '${tenderId}'`);
  const sub = (code: string) => id(`select id from subsegments where code = '${code}' and tender_id = '${tenderId}'`);
  const municipality = await id("select id from municipalities where cbs_code = 'GM0222'");
  await moveTo("2021-06-01T10:00:00Z");

  const start = async (who: string, code: string, subsegment: string | null) => {
    const response = await call(who, "POST", `/api/tenders/${tenderId}/bids`, { segmentId: await segment(code) });
    const bidId = response.json().id as string;
    const content = {
      subsegmentIds: subsegment ? [await sub(subsegment)] : [],
      municipalityIds: [municipality],
      references: [{ client: "Gemeente Doetinchem", description: SECRET, clientsServed: 40, period: "2020" }],
    };
    const saved = await call(who, "PUT", `/api/bids/${bidId}/content`, content);
    if (saved.statusCode !== 200) throw new Error(saved.body);
    return bidId;
  };
  bids.iaj = await start("provider", "jeugd-iaj", "iaj-behandeling");
  await addBidFile(
    t.db,
    t.vault,
    { id: bids.iaj, tenderId, organisationId: a, regionId: region },
    `${SECRET}.pdf`,
    Buffer.from(`%PDF-1.4 ${SECRET}`),
    clock.now(),
  );
  bids.gwv = await start("provider", "jeugd-gwv", "gwv-pleegzorg");
  bids.logeren = await start("provider_other", "wmo-logeren", null);
  bids.hcwv = await start("provider_other", "jeugd-hcwv", "hcwv-jeugdzorgplus");
  for (const [who, bidId] of [
    ["provider", bids.iaj],
    ["provider_other", bids.logeren],
    ["provider_other", bids.hcwv],
  ] as const) {
    const response = await call(who, "POST", `/api/bids/${bidId}/submit`);
    if (response.statusCode !== 201) throw new Error(response.body);
  }
  await call("provider_other", "POST", `/api/bids/${bids.hcwv}/withdraw`);
});
afterAll(async () => t?.close());

/** Every route that can return anything of a bid, for one bid. */
const bidRoutes = (bidId: string) => [
  `/api/bids/${bidId}`,
  `/api/bids/${bidId}/submissions/1`,
  `/api/bids/${bidId}/submissions/1/receipt.pdf`,
];

async function expectSealed(phase: string) {
  for (const role of STAFF) {
    for (const bidId of Object.values(bids)) {
      for (const url of bidRoutes(bidId)) {
        const response = await call(role, "GET", url);
        // Roles outside bid:read are refused by the policy; officers and assessors find nothing.
        const expected = role === "procurement_officer" || role === "assessor" ? 404 : 403;
        expect(response.statusCode, `${phase}: ${role} GET ${url}`).toBe(expected);
        expect(response.body).not.toContain(SECRET);
      }
    }
    const list = await call(role, "GET", `/api/tenders/${tenderId}/bids`);
    const expected = role === "procurement_officer" || role === "assessor" ? 409 : 403;
    expect(list.statusCode, `${phase}: ${role} GET bids`).toBe(expected);
    if (expected === 409) expect(list.json()).toMatchObject({ rule: "not_opened" });
    for (const url of [`/api/tenders/${tenderId}/registrations`, "/api/audit?limit=500", "/api/organisations"]) {
      const response = await call(role, "GET", url);
      expect(response.body, `${phase}: ${role} GET ${url}`).not.toContain(SECRET);
    }
    expect((await call(role, "GET", `/api/tenders/${tenderId}/my-bids`)).statusCode).toBe(403);
  }
}

describe("every staff role, every bid read", () => {
  it("is refused before the closing time", async () => {
    await moveTo("2021-06-30T09:59:00Z");
    await expectSealed("before the closing time");
  });

  it("is refused after the closing time and before the opening, also halfway through it", async () => {
    await moveTo("2021-06-30T10:00:00Z");
    await expectSealed("after the closing time");
    expect((await call("procurement_officer", "POST", `/api/tenders/${tenderId}/opening`)).statusCode).toBe(200);
    await expectSealed("after the first officer's confirmation");
  });

  it("after the opening gives officers every submitted bid and assessors those of their segments", async () => {
    await moveTo("2021-06-30T10:15:00Z");
    expect((await call("procurement_officer_2", "POST", `/api/tenders/${tenderId}/opening`)).statusCode).toBe(200);
    const allowed: Record<Staff, string[]> = {
      administrator: [],
      procurement_officer: [bids.iaj, bids.logeren],
      assessor: [bids.iaj],
      contract_manager: [],
      municipality_viewer: [],
    };
    for (const role of STAFF) {
      const reads = role === "procurement_officer" || role === "assessor";
      for (const [name, bidId] of Object.entries(bids)) {
        for (const url of bidRoutes(bidId)) {
          const response = await call(role, "GET", url);
          const expected = allowed[role].includes(bidId) ? 200 : reads ? 404 : 403;
          expect(response.statusCode, `${role} GET ${url} (${name})`).toBe(expected);
        }
      }
      const list = await call(role, "GET", `/api/tenders/${tenderId}/bids`);
      expect(list.statusCode, role).toBe(reads ? 200 : 403);
      if (reads) {
        expect(
          list
            .json()
            .bids.map((b: { id: string }) => b.id)
            .sort(),
        ).toEqual([...allowed[role]].sort());
      }
    }
    const view = (await call("assessor", "GET", `/api/bids/${bids.iaj}`)).json();
    expect(view.content.references[0].description).toBe(SECRET);
    expect(view.submissions).toHaveLength(1);
  });
});
