import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../platform/http.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import type { Tender } from "./types.ts";

let t: TestContext;
let officer: string;
const clock = testClock("2021-09-15T10:00:00Z");
beforeAll(async () => {
  t = await testContext({ clock });
  officer = await loginCookie(t.app, DEMO.procurement_officer);
});
afterAll(async () => t?.close());

const get = (url: string, cookie = officer) => t.app.inject({ url, headers: { cookie } });
const send = (method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object, cookie = officer) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const flat = (tender: Tender) => tender.lots.flatMap((l) => l.segments.map((s) => ({ lot: l.code, ...s })));

describe("the reference tender Inkoop 2022", () => {
  it("has 2 lots, 7 segments, 17 subsegments and the 8 municipalities with their CBS codes", async () => {
    const tender = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
    expect(tender.lots.map((l) => l.name)).toEqual(["Jeugd", "Wmo"]);
    expect(flat(tender)).toHaveLength(7);
    expect(flat(tender).flatMap((s) => s.subsegments)).toHaveLength(17);
    expect(Object.fromEntries(tender.municipalities.map((m) => [m.name, m.cbsCode]))).toEqual({
      Aalten: "GM0197",
      Berkelland: "GM1859",
      Bronckhorst: "GM1876",
      Doetinchem: "GM0222",
      Montferland: "GM1955",
      "Oost Gelre": "GM1586",
      "Oude IJsselstreek": "GM1509",
      Winterswijk: "GM0294",
    });
    expect(tender.contract.maxYears).toBe(7);
  });

  it("carries financing and contract start per segment, with the PxQ exception inside Wmo Integrale Ondersteuning", async () => {
    const tender = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
    const byName = Object.fromEntries(flat(tender).map((s) => [s.name, s]));
    expect(byName.Dyslexiezorg).toMatchObject({
      financing: "population_budget",
      contractStart: "2021-08-01",
      subsegments: [],
    });
    expect(byName["Wmo Logeren"]).toMatchObject({ financing: "pxq", contractStart: "2022-01-01" });
    expect(byName["Hoog Complex Weinig Voorkomend Met Verblijf"]?.formerName).toBe("Hoog Specialistische Jeugdhulp");
    const wio = byName["Wmo Integrale Ondersteuning"]!;
    expect(wio.financing).toBe("lumpsum");
    expect(wio.subsegments.map((s) => [s.name, s.financing])).toEqual([
      ["Ontwikkelen", "lumpsum"],
      ["Stabiliseren", "lumpsum"],
      ["Beschermd Thuis", "lumpsum"],
      ["Persoonlijke Verzorging", "pxq"],
    ]);
  });

  it("has the six phases and warns about the dyslexia contracts starting before the award", async () => {
    const timeline = (await get(`/api/tenders/${t.demo!.tenderId}/timeline`)).json();
    expect(timeline.phases.map((p: { number: number }) => p.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(timeline.regime).toBe("light");
    expect(timeline.status).toMatchObject({
      today: "2021-09-15",
      currentPhase: 3,
      nextMilestone: { kind: "final_award" },
    });
    expect(timeline.warnings.map((w: { code: string }) => w.code)).toContain("IMPLEMENTATION_SHORT");
  });
});

describe("editing the structure and the timeline", () => {
  it("adds a lot, a segment and a subsegment and shows them nested", async () => {
    const tenderId = (
      await send("POST", "/api/tenders", {
        name: "Inkoop HbH 2027",
        municipalities: ["GM0197", "GM1859", "GM1876", "GM1586", "GM0294"],
      })
    ).json<Tender>().id;
    let tender = (
      await send("POST", `/api/tenders/${tenderId}/lots`, { code: "hbh", name: "Hulp bij het Huishouden" })
    ).json<Tender>();
    expect(tender.municipalities).toHaveLength(5);
    const lotId = tender.lots[0]!.id;
    tender = (
      await send("POST", `/api/tenders/${tenderId}/lots/${lotId}/segments`, {
        code: "hbh-basis",
        name: "Huishoudelijke Ondersteuning",
        financing: "lumpsum",
        contractStart: "2027-01-01",
        selectMin: 4,
        selectMax: 6,
      })
    ).json<Tender>();
    const segmentId = tender.lots[0]!.segments[0]!.id;
    const response = await send("POST", `/api/tenders/${tenderId}/segments/${segmentId}/subsegments`, {
      code: "hbh-plus",
      name: "Plus",
      financing: "pxq",
    });
    expect(response.statusCode).toBe(201);
    const subsegment = response.json<Tender>().lots[0]!.segments[0]!.subsegments[0]!;
    expect(subsegment).toMatchObject({
      financing: "pxq",
      contractStart: "2027-01-01",
      numberToSelect: { min: 4, max: 6 },
    });
  });

  it("refuses a bad body with 400 naming the field, and changes nothing", async () => {
    const segmentId = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>().lots[0]!.segments[0]!.id;
    const before = await get(`/api/tenders/${t.demo!.tenderId}`);
    const bad = await send("PATCH", `/api/tenders/${t.demo!.tenderId}/segments/${segmentId}`, {
      contractStart: "2022-02-30",
      financing: "gratis",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.contractStart", "body.financing"]));
    const inverted = await send("PATCH", `/api/tenders/${t.demo!.tenderId}/segments/${segmentId}`, {
      selectMin: 9,
      selectMax: 3,
    });
    expect(inverted.json()).toMatchObject({ status: 400, errors: [{ field: "body.selectMin" }] });
    expect((await get(`/api/tenders/${t.demo!.tenderId}`)).body).toBe(before.body);
  });

  it("refuses a duplicate code with 409 and an unknown id with 404", async () => {
    const tender = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
    const dup = await send("POST", `/api/tenders/${tender.id}/lots`, { code: "jeugd", name: "Nog eens Jeugd" });
    expect(dup.statusCode).toBe(409);
    const missing = await send("PATCH", `/api/tenders/${tender.id}/segments/00000000-0000-4000-8000-000000000000`, {
      name: "x",
    });
    expect(missing.statusCode).toBe(404);
    const notUuid = await get("/api/tenders/inkoop-2022");
    expect(notUuid.json()).toMatchObject({ status: 400, errors: [{ field: "params.tenderId" }] });
  });

  it("refuses to remove a lot that still has segments", async () => {
    const tender = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
    const response = await send("DELETE", `/api/tenders/${tender.id}/lots/${tender.lots[0]!.id}`);
    expect(response.statusCode).toBe(409);
  });

  it("replaces the timeline and answers with the standstill warning (Aw 2012 art. 2.127)", async () => {
    const tenderId = (await send("POST", "/api/tenders", { name: "Inkoop planning" })).json<Tender>().id;
    const response = await send("PUT", `/api/tenders/${tenderId}/timeline`, {
      phases: [{ number: 3, name: "Aanbesteding", startsOn: "2028-04-01", endsOn: "2028-09-30" }],
      milestones: [
        { kind: "award_decision", label: "Voorlopige gunning", date: "2028-09-01" },
        { kind: "final_award", label: "Definitieve gunning", date: "2028-09-15" },
      ],
    });
    expect(response.statusCode).toBe(200);
    const warning = response.json().warnings.find((w: { code: string }) => w.code === "AWARD_STANDSTILL_SHORT");
    expect(warning).toMatchObject({ days: 14, minimum: 20, basis: "Aw 2012 art. 2.127" });
  });

  it("copies the tender for Inkoop 2029 with the same structure and every date cleared", async () => {
    const response = await send("POST", `/api/tenders/${t.demo!.tenderId}/copy`, { name: "Inkoop 2029" });
    expect(response.statusCode).toBe(201);
    const copy = response.json<Tender>();
    const source = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
    const shape = (x: Tender) =>
      x.lots.map((l) => [
        l.code,
        l.segments.map((s) => [s.code, s.financing, s.subsegments.map((ss) => [ss.code, ss.financing])]),
      ]);
    expect(shape(copy)).toEqual(shape(source));
    expect(copy.copiedFrom).toBe(source.id);
    expect(flat(copy).every((s) => s.contractStart === null)).toBe(true);
    const timeline = (await get(`/api/tenders/${copy.id}/timeline`)).json();
    expect(timeline.phases).toHaveLength(6);
    expect(
      timeline.phases.every(
        (p: { startsOn: string | null; endsOn: string | null }) => p.startsOn === null && p.endsOn === null,
      ),
    ).toBe(true);
    expect(timeline.milestones.every((m: { date: string | null }) => m.date === null)).toBe(true);
    expect((await send("POST", `/api/tenders/${t.demo!.tenderId}/copy`, { name: "Inkoop 2029" })).statusCode).toBe(409);
  });
});

describe("errors", () => {
  it("answers an unknown API path with problem+json 404", async () => {
    const response = await get("/api/bestaat-niet");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("answers malformed JSON with 400 and a body that is not JSON with 415", async () => {
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/tenders",
      headers: { cookie: officer, "content-type": "application/json" },
      payload: "{nope",
    });
    expect(malformed.json()).toMatchObject({ status: 400, code: "MALFORMED_REQUEST" });
    const form = await t.app.inject({
      method: "POST",
      url: "/api/tenders",
      headers: { cookie: officer, "content-type": "application/x-www-form-urlencoded" },
      payload: "name=x",
    });
    expect(form.statusCode).toBe(415);
    const text = await t.app.inject({
      method: "POST",
      url: "/api/tenders",
      headers: { cookie: officer, "content-type": "text/plain" },
      payload: '{"name":"Via een formulier"}',
    });
    expect(text.statusCode).toBe(415);
    expect(text.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers an unexpected failure with a 500 that leaks nothing", async () => {
    const app = await buildServer({
      ctx: t,
      authenticate: async () => null,
      modules: [
        (server) => {
          server.get("/api/kapot", { config: { action: "public" } }, async () => {
            throw new Error("secret connection string postgres://user:pw@host");
          });
        },
      ],
    });
    const response = await app.inject({ url: "/api/kapot" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("secret");
    expect(response.json()).toMatchObject({ code: "INTERNAL", status: 500 });
    await app.close();
  });
});
