// The demo: Inkoop 2022 asks what the seeds support and stays unpublished; Inkoop 2027 is a published
// copy that closes six weeks after loading at noon Dutch time; loading twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../platform/audit.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import type { RequirementsOverview } from "../requirements/types.ts";
import type { Tender } from "../tender/types.ts";
import { dutchTimeAfter, loadDemo } from "./load.ts";

// Loaded in winter (CET): Inkoop 2027 closes on 21 February 2027 at 12:00 CET.
const clock = testClock("2027-01-10T09:00:00Z");
let t: TestContext;
let provider: string;
beforeAll(async () => {
  t = await testContext({ clock });
  provider = await loginCookie(t.app, DEMO.provider);
});
afterAll(async () => t?.close());

const read = async <T>(url: string) => (await t.app.inject({ url, headers: { cookie: provider } })).json<T>();

async function tenderNamed(name: string) {
  const id = (await read<{ id: string; name: string }[]>("/api/tenders")).find((x) => x.name === name)!.id;
  return {
    tender: await read<Tender>(`/api/tenders/${id}`),
    asks: await read<RequirementsOverview>(`/api/tenders/${id}/requirements`),
  };
}

describe("the demo tenders", () => {
  it("lists Inkoop 2022 and Inkoop 2027", async () => {
    expect((await read<{ name: string }[]>("/api/tenders")).map((x) => x.name)).toEqual(["Inkoop 2022", "Inkoop 2027"]);
  });

  it("Inkoop 2022 asks general, lot, segment and subsegment requirements and criteria A–F weighing 100 per segment, unpublished", async () => {
    const { tender, asks } = await tenderNamed("Inkoop 2022");
    expect(asks).toMatchObject({ publishedAt: null, closesAt: null, bidValidDays: 90 });
    expect(asks.requirements.map((r) => [r.code, r.level])).toEqual([
      ["AM-1", "tender"],
      ["AM-2", "tender"],
      ["JR-1", "lot"],
      ["J-2", "lot"],
      ["WR-1", "lot"],
      ["DYS-1", "segment"],
      ["GWV-GH-1", "subsegment"],
    ]);
    // Quality requirements bind members and subcontractors; the references the bid as a whole.
    expect(asks.requirements.find((r) => r.code === "AM-1")).toMatchObject({
      appliesToMembers: true,
      appliesToSubcontractors: true,
    });
    expect(asks.requirements.find((r) => r.code === "JR-1")).toMatchObject({
      kind: "reference",
      minClients: 10,
      lotId: tender.lots.find((l) => l.code === "jeugd")!.id,
      appliesToMembers: false,
    });
    const segments = tender.lots.flatMap((l) => l.segments);
    expect(asks.requirements.find((r) => r.code === "GWV-GH-1")?.subsegmentId).toBe(
      segments.flatMap((s) => s.subsegments).find((ss) => ss.name === "Gezinshuiszorg")!.id,
    );
    expect(asks.criteria).toHaveLength(6 * 7);
    expect(asks.criteria.slice(0, 6).map((c) => `${c.letter} ${c.title}`)).toEqual([
      "A Integraliteit",
      "B Regionale samenwerking",
      "C Lokale binding",
      "D Behaalde resultaten",
      "E Kennis en deskundigheid",
      "F Kwaliteit",
    ]);
    expect(asks.segments.map((s) => [s.weightTotal, s.threshold, s.scaleMax])).toEqual(
      segments.map(() => [100, 60, 10]),
    );
  });

  it("Inkoop 2027 has the same structure and asks, published at loading, closing six weeks later at noon", async () => {
    const old = await tenderNamed("Inkoop 2022");
    const { tender, asks } = await tenderNamed("Inkoop 2027");
    const shape = (x: Tender) =>
      x.lots.map((l) => [l.code, l.segments.map((s) => [s.code, s.subsegments.map((ss) => ss.code)])]);
    expect(shape(tender)).toEqual(shape(old.tender));
    expect(tender.copiedFrom).toBe(old.tender.id);
    expect(asks).toMatchObject({
      publishedAt: "2027-01-10T09:00:00.000Z",
      closesAt: "2027-02-21T11:00:00.000Z",
      bidValidDays: 90,
    });
    expect(asks.requirements.map((r) => r.code)).toEqual(old.asks.requirements.map((r) => r.code));
    expect(asks.criteria).toHaveLength(42);
    expect(asks.segments.every((s) => s.weightTotal === 100)).toBe(true);
  });

  it("changes nothing when loaded again", async () => {
    const [before] = await t.db.query<{ n: number }>("select count(*) as n from audit_log");
    clock.set("2027-03-01T09:00:00Z");
    try {
      const again = await loadDemo(t.db, clock.now());
      expect(again).toMatchObject({ loaded: false, usersAdded: 0 });
    } finally {
      clock.set("2027-01-10T09:00:00Z");
    }
    const [after] = await t.db.query<{ n: number }>("select count(*) as n from audit_log");
    expect(Number(after!.n)).toBe(Number(before!.n));
    expect((await tenderNamed("Inkoop 2027")).asks.closesAt).toBe("2027-02-21T11:00:00.000Z");
  });

  it("leaves an audit chain that verifies, the entries added in bulk included", async () => {
    const [bulk] = await t.db.query<{ n: number }>(
      "select count(*) as n from audit_log where action in ('requirement.create', 'criterion.create')",
    );
    expect(Number(bulk!.n)).toBe(2 * (7 + 42));
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});

describe("noon in the Netherlands, some days on", () => {
  it("is 11:00 UTC in winter and 10:00 UTC in summer", () => {
    expect(dutchTimeAfter(new Date("2027-01-10T09:00:00Z"), 42, "12:00").toISOString()).toBe(
      "2027-02-21T11:00:00.000Z",
    );
    expect(dutchTimeAfter(new Date("2026-03-20T10:00:00Z"), 42, "12:00").toISOString()).toBe(
      "2026-05-01T10:00:00.000Z",
    );
  });

  it("counts from the Dutch date, also just before midnight UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in the Netherlands.
    expect(dutchTimeAfter(new Date("2026-06-30T23:30:00Z"), 1, "12:00").toISOString()).toBe("2026-07-02T10:00:00.000Z");
  });
});
