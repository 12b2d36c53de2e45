// What a tender asks, through the API: officers define requirements and criteria before publication,
// publication checks the closing time and the weights, and afterwards nothing changes without a Q&A round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/store.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { createRegion } from "../region/store.ts";
import type { Tender } from "../tender/types.ts";
import * as store from "./store.ts";
import type { RequirementsOverview } from "./types.ts";

const NOW = "2027-01-10T09:00:00.000Z";
const clock = testClock(NOW);
let t: TestContext;
let officer: string;
let provider: string;
let foreignOfficer: string;

beforeAll(async () => {
  t = await testContext({ clock });
  officer = await loginCookie(t.app, DEMO.procurement_officer);
  provider = await loginCookie(t.app, DEMO.provider);
  const system = { id: null, label: "test" };
  await t.db.transaction(async (tx) => {
    const regionId = await createRegion(
      tx,
      { slug: "twente", name: "Sociaal Domein Twente", municipalities: [{ cbsCode: "GM0153", name: "Enschede" }] },
      system,
      clock.now(),
    );
    await createUser(
      tx,
      regionId,
      {
        email: "inkoop@twente.example",
        name: "Inkoop Twente",
        role: "procurement_officer",
        password: "Twente-1234-ww",
      },
      system,
      clock.now(),
    );
  });
  foreignOfficer = await loginCookie(t.app, "inkoop@twente.example", "Twente-1234-ww");
});
afterAll(async () => t?.close());

type Method = "POST" | "PATCH" | "PUT" | "DELETE";
const get = (url: string, cookie = officer) => t.app.inject({ url, headers: { cookie } });
const send = (method: Method, url: string, payload?: object, cookie = officer) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const overviewOf = async (tenderId: string, cookie = officer) =>
  (await get(`/api/tenders/${tenderId}/requirements`, cookie)).json<RequirementsOverview>();
const fieldsOf = (response: { json(): { errors?: { field: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.field);

/** A fresh copy of Inkoop 2022's structure (2 lots, 7 segments, 17 subsegments), nothing asked yet. */
async function newTender(name: string) {
  const response = await send("POST", `/api/tenders/${t.demo!.tenderId}/copy`, { name });
  expect(response.statusCode).toBe(201);
  const tender = response.json<Tender>();
  const segments = tender.lots.flatMap((l) => l.segments);
  const byCode = (code: string) => {
    const found =
      tender.lots.find((l) => l.code === code) ??
      segments.find((s) => s.code === code) ??
      segments.flatMap((s) => s.subsegments).find((ss) => ss.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found.id;
  };
  return { id: tender.id, byCode };
}

/** The ids of Inkoop 2022's structure: another tender, for the scope checks. */
async function demoIds() {
  const tender = (await get(`/api/tenders/${t.demo!.tenderId}`)).json<Tender>();
  const segment = tender.lots[0]!.segments[0]!;
  return { lotId: tender.lots[0]!.id, segmentId: segment.id, subsegmentId: segment.subsegments[0]!.id };
}

async function auditActions(entityId: string): Promise<{ action: string; actor: string }[]> {
  return t.db.query("select action, actor from audit_log where entity_id = $1 order by seq", [entityId]);
}

async function lastSeq(): Promise<number> {
  const [row] = await t.db.query<{ seq: number | null }>("select max(seq) as seq from audit_log");
  return Number(row?.seq ?? 0);
}

describe("minimum requirements before publication", () => {
  let tender: Awaited<ReturnType<typeof newTender>>;
  beforeAll(async () => {
    tender = await newTender("Inkoop eisen");
  });

  it("are added at tender, lot, segment and subsegment level and read by everyone of the region", async () => {
    const url = `/api/tenders/${tender.id}/requirements`;
    const added = await send("POST", url, { code: "AM-1", text: "Voldoet aan de kwaliteitseisen.", level: "tender" });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await send("POST", url, {
          code: "JR-1",
          text: "Referentie jeugdhulp",
          kind: "reference",
          minClients: 10,
          level: "lot",
          lotId: tender.byCode("jeugd"),
          appliesToMembers: false,
        })
      ).statusCode,
    ).toBe(201);
    await send("POST", url, {
      code: "IAJ-1",
      text: "Werkt met een bewezen methodiek.",
      level: "segment",
      segmentId: tender.byCode("jeugd-iaj"),
      appliesToSubcontractors: true,
    });
    const last = await send("POST", url, {
      code: "GH-1",
      text: "Landelijke kwaliteitscriteria gezinshuizen.",
      level: "subsegment",
      subsegmentId: tender.byCode("gwv-gezinshuiszorg"),
      position: 1,
    });
    expect(last.statusCode).toBe(201);

    const read = await overviewOf(tender.id, provider);
    expect(read.requirements.map((r) => [r.code, r.level])).toEqual([
      ["AM-1", "tender"],
      ["JR-1", "lot"],
      ["IAJ-1", "segment"],
      ["GH-1", "subsegment"],
    ]);
    expect(read.requirements[0]).toMatchObject({
      kind: "yes_no",
      minClients: null,
      lotId: null,
      segmentId: null,
      subsegmentId: null,
      appliesToMembers: true,
      appliesToSubcontractors: false,
    });
    expect(read.requirements[1]).toMatchObject({
      kind: "reference",
      minClients: 10,
      lotId: tender.byCode("jeugd"),
      appliesToMembers: false,
    });
    expect(read.requirements[3]).toMatchObject({ subsegmentId: tender.byCode("gwv-gezinshuiszorg"), position: 1 });
    expect(read).toMatchObject({ publishedAt: null, closesAt: null, bidValidDays: 90 });
    expect(last.json<RequirementsOverview>()).toEqual(read);
  });

  it("change level, kind and text, and are removed, each recorded in the audit chain", async () => {
    const before = await overviewOf(tender.id);
    const id = before.requirements.find((r) => r.code === "JR-1")!.id;
    const url = `/api/tenders/${tender.id}/requirements/${id}`;
    const moved = await send("PATCH", url, { level: "segment", segmentId: tender.byCode("jeugd-gwv") });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<RequirementsOverview>().requirements.find((r) => r.id === id)).toMatchObject({
      level: "segment",
      lotId: null,
      segmentId: tender.byCode("jeugd-gwv"),
      kind: "reference",
      minClients: 10,
    });
    const yesNo = await send("PATCH", url, { kind: "yes_no", text: "Werkt samen met het onderwijs." });
    expect(yesNo.json<RequirementsOverview>().requirements.find((r) => r.id === id)).toMatchObject({
      kind: "yes_no",
      minClients: null,
      text: "Werkt samen met het onderwijs.",
    });
    const removed = await send("DELETE", url);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<RequirementsOverview>().requirements.map((r) => r.code)).not.toContain("JR-1");
    expect(await auditActions(id)).toEqual([
      { action: "requirement.create", actor: DEMO.procurement_officer },
      { action: "requirement.update", actor: DEMO.procurement_officer },
      { action: "requirement.update", actor: DEMO.procurement_officer },
      { action: "requirement.delete", actor: DEMO.procurement_officer },
    ]);
  });

  it("refuse a scope that does not match the level, naming the field, and write nothing", async () => {
    const url = `/api/tenders/${tender.id}/requirements`;
    const before = await overviewOf(tender.id);
    const seq = await lastSeq();
    const noLot = await send("POST", url, { code: "X-1", text: "x", level: "lot" });
    expect(noLot.statusCode).toBe(400);
    expect(fieldsOf(noLot)).toEqual(["body.lotId"]);
    const extra = await send("POST", url, {
      code: "X-1",
      text: "x",
      level: "tender",
      segmentId: tender.byCode("wmo-io"),
    });
    expect(fieldsOf(extra)).toEqual(["body.segmentId"]);
    const two = await send("POST", url, {
      code: "X-1",
      text: "x",
      level: "segment",
      segmentId: tender.byCode("wmo-io"),
      subsegmentId: tender.byCode("wio-ontwikkelen"),
    });
    expect(fieldsOf(two)).toEqual(["body.subsegmentId"]);
    const badLevel = await send("POST", url, { code: "X-1", text: "x", level: "perceel" });
    expect(fieldsOf(badLevel)).toEqual(["body.level"]);
    expect(await overviewOf(tender.id)).toEqual(before);
    expect(await lastSeq()).toBe(seq);
  });

  it("refuse a lot, segment or subsegment of another tender, naming the field", async () => {
    const other = await demoIds();
    const url = `/api/tenders/${tender.id}/requirements`;
    const before = await overviewOf(tender.id);
    for (const [level, field, id] of [
      ["lot", "lotId", other.lotId],
      ["segment", "segmentId", other.segmentId],
      ["subsegment", "subsegmentId", other.subsegmentId],
      ["segment", "segmentId", "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const response = await send("POST", url, { code: "X-2", text: "x", level, [field]: id });
      expect(response.statusCode, `${level} ${id}`).toBe(400);
      expect(response.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        errors: [{ field: `body.${field}`, message: `is not a ${level} of this tender` }],
      });
    }
    const id = before.requirements[0]!.id;
    const moved = await send("PATCH", `${url}/${id}`, { level: "lot", lotId: other.lotId });
    expect(fieldsOf(moved)).toEqual(["body.lotId"]);
    expect(await overviewOf(tender.id)).toEqual(before);
  });

  it("refuse a reference without its lower bound, a bound on yes/no, and a code used twice", async () => {
    const url = `/api/tenders/${tender.id}/requirements`;
    const noBound = await send("POST", url, { code: "R-9", text: "Referentie", kind: "reference", level: "tender" });
    expect(noBound.statusCode).toBe(400);
    expect(fieldsOf(noBound)).toEqual(["body.minClients"]);
    const zero = await send("POST", url, { code: "R-9", text: "x", kind: "reference", minClients: 0, level: "tender" });
    expect(fieldsOf(zero)).toEqual(["body.minClients"]);
    const bounded = await send("POST", url, { code: "R-9", text: "x", minClients: 5, level: "tender" });
    expect(fieldsOf(bounded)).toEqual(["body.minClients"]);
    const twice = await send("POST", url, { code: "AM-1", text: "Nog eens", level: "tender" });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice)).toEqual(["body.code"]);
    const badCode = await send("POST", url, { code: "AM 1", text: "x", level: "tender" });
    expect(fieldsOf(badCode)).toEqual(["body.code"]);
  });

  it("added in bulk are checked the same way, also against each other, and all or nothing is written", async () => {
    const seq = await lastSeq();
    const before = await overviewOf(tender.id);
    const requirement = {
      code: "B-1",
      text: "x",
      kind: "yes_no" as const,
      minClients: null,
      level: "tender" as const,
      lotId: null,
      segmentId: null,
      subsegmentId: null,
      appliesToMembers: true,
      appliesToSubcontractors: false,
      position: 0,
    };
    const change = { actor: { id: null, label: "test" }, regionId: t.demo!.regionId, now: clock.now() };
    const add = (asks: Parameters<typeof store.addAsks>[2]) =>
      t.db.transaction((tx) => store.addAsks(tx, tender.id, asks, change));
    await expect(add({ requirements: [requirement, requirement] })).rejects.toMatchObject({
      code: "DUPLICATE",
      errors: [{ field: "body.code" }],
    });
    const segmentId = tender.byCode("wmo-logeren");
    const criterion = { segmentId, letter: "E" as const, title: "x", text: "", weight: 10 };
    await expect(add({ requirements: [requirement], criteria: [criterion, criterion] })).rejects.toMatchObject({
      code: "DUPLICATE",
      errors: [{ field: "body.letter" }],
    });
    await expect(
      add({ requirements: [{ ...requirement, level: "lot", lotId: (await demoIds()).lotId }] }),
    ).rejects.toMatchObject({ errors: [{ field: "body.lotId", message: "is not a lot of this tender" }] });
    expect(await overviewOf(tender.id)).toEqual(before);
    expect(await lastSeq()).toBe(seq);
  });

  it("answer an unknown requirement or tender with 404", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await send("PATCH", `/api/tenders/${tender.id}/requirements/${missing}`, { text: "x" })).statusCode).toBe(
      404,
    );
    expect((await get(`/api/tenders/${missing}/requirements`)).statusCode).toBe(404);
    // A requirement of Inkoop 2022 named under this tender is not found either.
    const demoRequirement = (await overviewOf(t.demo!.tenderId)).requirements[0]!.id;
    expect((await send("DELETE", `/api/tenders/${tender.id}/requirements/${demoRequirement}`)).statusCode).toBe(404);
  });
});

describe("selection criteria and scoring before publication", () => {
  let tender: Awaited<ReturnType<typeof newTender>>;
  beforeAll(async () => {
    tender = await newTender("Inkoop criteria");
  });

  it("add letters A–F per segment with weights, and show each segment's total", async () => {
    const url = `/api/tenders/${tender.id}/criteria`;
    const segmentId = tender.byCode("wmo-logeren");
    const a = await send("POST", url, { segmentId, letter: "A", title: "Regionale samenwerking", weight: 60 });
    expect(a.statusCode).toBe(201);
    await send("POST", url, { segmentId, letter: "B", title: "Lokale binding", text: "Hoe?", weight: 30 });
    // The same letter in another segment is another criterion.
    expect(
      (await send("POST", url, { segmentId: tender.byCode("wmo-wonen"), letter: "A", title: "x", weight: 5 }))
        .statusCode,
    ).toBe(201);
    const read = await overviewOf(tender.id, provider);
    expect(read.criteria.map((c) => [c.letter, c.title, c.weight, c.text])).toEqual([
      ["A", "Regionale samenwerking", 60, ""],
      ["B", "Lokale binding", 30, "Hoe?"],
      ["A", "x", 5, ""],
    ]);
    expect(read.segments.find((s) => s.segmentId === segmentId)).toEqual({
      segmentId,
      threshold: null,
      scaleMax: 10,
      weightTotal: 90,
    });
    expect(read.segments).toHaveLength(7);
    expect(read.segments.find((s) => s.segmentId === tender.byCode("jeugd-iaj"))?.weightTotal).toBe(0);
  });

  it("refuse a letter twice in a segment, a letter beyond F, a weight outside 1–100 and another tender's segment", async () => {
    const url = `/api/tenders/${tender.id}/criteria`;
    const segmentId = tender.byCode("wmo-logeren");
    const before = await overviewOf(tender.id);
    const twice = await send("POST", url, { segmentId, letter: "A", title: "Nog eens", weight: 10 });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice)).toEqual(["body.letter"]);
    expect(fieldsOf(await send("POST", url, { segmentId, letter: "G", title: "x", weight: 10 }))).toEqual([
      "body.letter",
    ]);
    for (const weight of [0, 101, 12.5]) {
      expect(fieldsOf(await send("POST", url, { segmentId, letter: "C", title: "x", weight }))).toEqual([
        "body.weight",
      ]);
    }
    const foreign = await send("POST", url, {
      segmentId: (await demoIds()).segmentId,
      letter: "C",
      title: "x",
      weight: 10,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      errors: [{ field: "body.segmentId", message: "is not a segment of this tender" }],
    });
    expect(await overviewOf(tender.id)).toEqual(before);
  });

  it("change and remove a criterion, each recorded in the audit chain", async () => {
    const before = await overviewOf(tender.id);
    const b = before.criteria.find((c) => c.letter === "B" && c.title === "Lokale binding")!;
    const url = `/api/tenders/${tender.id}/criteria/${b.id}`;
    const clash = await send("PATCH", url, { letter: "A" });
    expect(clash.statusCode).toBe(409);
    expect(fieldsOf(clash)).toEqual(["body.letter"]);
    const changed = await send("PATCH", url, { letter: "C", weight: 40 });
    expect(changed.statusCode).toBe(200);
    const after = changed.json<RequirementsOverview>();
    expect(after.criteria.find((c) => c.id === b.id)).toMatchObject({
      letter: "C",
      weight: 40,
      title: "Lokale binding",
    });
    expect(after.segments.find((s) => s.segmentId === b.segmentId)?.weightTotal).toBe(100);
    const removed = await send("DELETE", url);
    expect(removed.json<RequirementsOverview>().criteria.map((c) => c.id)).not.toContain(b.id);
    expect((await auditActions(b.id)).map((e) => e.action)).toEqual([
      "criterion.create",
      "criterion.update",
      "criterion.delete",
    ]);
  });

  it("set a segment's threshold and scale through the segment, shown in the structure and the overview", async () => {
    const segmentId = tender.byCode("wmo-logeren");
    const url = `/api/tenders/${tender.id}/segments/${segmentId}`;
    const changed = await send("PATCH", url, { threshold: 62.5, scaleMax: 5 });
    expect(changed.statusCode).toBe(200);
    const segment = changed
      .json<Tender>()
      .lots.flatMap((l) => l.segments)
      .find((s) => s.id === segmentId);
    expect(segment).toMatchObject({ threshold: 62.5, scaleMax: 5 });
    expect((await overviewOf(tender.id)).segments.find((s) => s.segmentId === segmentId)).toMatchObject({
      threshold: 62.5,
      scaleMax: 5,
    });
    for (const [body, field] of [
      [{ threshold: 101 }, "body.threshold"],
      [{ threshold: -1 }, "body.threshold"],
      [{ threshold: 55.555 }, "body.threshold"],
      [{ scaleMax: 0 }, "body.scaleMax"],
      [{ scaleMax: 101 }, "body.scaleMax"],
    ] as const) {
      const refused = await send("PATCH", url, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(refused)).toEqual([field]);
    }
    const cleared = await send("PATCH", url, { threshold: null });
    expect(
      cleared
        .json<Tender>()
        .lots.flatMap((l) => l.segments)
        .find((s) => s.id === segmentId)?.threshold,
    ).toBeNull();
  });

  it("set the closing time with its offset and the bid validity, recorded as tender.closing_set", async () => {
    const url = `/api/tenders/${tender.id}/bidding-settings`;
    const set = await send("PUT", url, { closesAt: "2027-03-01T12:00:00+01:00" });
    expect(set.statusCode).toBe(200);
    expect(set.json<RequirementsOverview>()).toMatchObject({ closesAt: "2027-03-01T11:00:00.000Z", bidValidDays: 90 });
    const longer = await send("PUT", url, { closesAt: "2027-03-01T12:00:00Z", bidValidDays: 180 });
    expect(longer.json<RequirementsOverview>()).toMatchObject({
      closesAt: "2027-03-01T12:00:00.000Z",
      bidValidDays: 180,
    });
    for (const [body, field] of [
      [{ closesAt: "2027-03-01T12:00:00" }, "body.closesAt"],
      [{ closesAt: "2027-03-01" }, "body.closesAt"],
      [{ closesAt: "2027-02-29T12:00:00+01:00" }, "body.closesAt"],
      [{ closesAt: "morgen" }, "body.closesAt"],
      [{ closesAt: "2027-03-01T12:00:00Z", bidValidDays: 0 }, "body.bidValidDays"],
      [{ closesAt: "2027-03-01T12:00:00Z", bidValidDays: 731 }, "body.bidValidDays"],
      [{ bidValidDays: 90 }, "body.closesAt"],
    ] as const) {
      const refused = await send("PUT", url, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(refused)).toEqual([field]);
    }
    const entries = await t.db.query<{ action: string; after: { closesAt: string; bidValidDays: number } }>(
      "select action, after from audit_log where entity_id = $1 and action = 'tender.closing_set' order by seq",
      [tender.id],
    );
    expect(entries.map((e) => e.after)).toEqual([
      { closesAt: "2027-03-01T11:00:00.000Z", bidValidDays: 90 },
      { closesAt: "2027-03-01T12:00:00.000Z", bidValidDays: 180 },
    ]);
  });
});

describe("publication", () => {
  let tender: Awaited<ReturnType<typeof newTender>>;
  const publish = () => send("POST", `/api/tenders/${tender.id}/publish`);
  beforeAll(async () => {
    tender = await newTender("Inkoop publicatie");
  });

  it("needs a closing time", async () => {
    const refused = await publish();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: "closing_time_missing", errors: [{ field: "closesAt" }] });
  });

  it("needs the closing time to lie ahead by the server's clock", async () => {
    await send("PUT", `/api/tenders/${tender.id}/bidding-settings`, { closesAt: "2027-01-10T10:00:00+01:00" });
    // 09:00 UTC is the closing time itself: not ahead.
    expect((await publish()).json()).toMatchObject({ status: 409, rule: "closing_time_past" });
    clock.set("2027-01-10T08:59:00Z");
    try {
      const criteria = `/api/tenders/${tender.id}/criteria`;
      // With the clock before it, only the weights still stand in the way.
      await send("POST", criteria, { segmentId: tender.byCode("wmo-logeren"), letter: "A", title: "A", weight: 70 });
      expect((await publish()).json()).toMatchObject({ rule: "criteria_weights_not_100" });
    } finally {
      clock.set(NOW);
    }
  });

  it("needs the weights of every segment that has criteria to sum to 100, naming the segment", async () => {
    await send("PUT", `/api/tenders/${tender.id}/bidding-settings`, { closesAt: "2027-02-21T12:00:00+01:00" });
    const criteria = `/api/tenders/${tender.id}/criteria`;
    await send("POST", criteria, { segmentId: tender.byCode("wmo-wonen"), letter: "A", title: "A", weight: 100 });
    await send("POST", criteria, { segmentId: tender.byCode("wmo-logeren"), letter: "B", title: "B", weight: 20 });
    const seq = await lastSeq();
    const over = await publish();
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      rule: "criteria_weights_not_100",
      detail: "the criteria weights of segment 'Wmo Logeren' sum to 90, not 100",
    });
    expect(await lastSeq()).toBe(seq);
    expect((await overviewOf(tender.id)).publishedAt).toBeNull();
  });

  it("publishes when they do (segments without criteria may stay empty), recorded as tender.publish", async () => {
    const b = (await overviewOf(tender.id)).criteria.find((c) => c.letter === "B")!;
    await send("PATCH", `/api/tenders/${tender.id}/criteria/${b.id}`, { weight: 30 });
    const published = await publish();
    expect(published.statusCode).toBe(200);
    expect(published.json<RequirementsOverview>()).toMatchObject({
      publishedAt: NOW,
      closesAt: "2027-02-21T11:00:00.000Z",
    });
    const [entry] = await t.db.query<{ actor: string; after: unknown }>(
      "select actor, after from audit_log where entity_id = $1 and action = 'tender.publish'",
      [tender.id],
    );
    expect(entry).toEqual({
      actor: DEMO.procurement_officer,
      after: { publishedAt: NOW, closesAt: "2027-02-21T11:00:00.000Z", bidValidDays: 90, requirements: 0, criteria: 3 },
    });
  });

  it("refuses a tender that is already published", async () => {
    const again = await publish();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ rule: "already_published" });
  });

  it("is the procurement officer's: a provider is refused", async () => {
    const other = await newTender("Inkoop niet van de aanbieder");
    expect((await send("POST", `/api/tenders/${other.id}/publish`, undefined, provider)).statusCode).toBe(403);
  });
});

describe("after publication", () => {
  // Inkoop 2027 of the demo is published, with requirements and criteria in every segment.
  let tenderId: string;
  let overview: RequirementsOverview;
  beforeAll(async () => {
    const tenders = (await get("/api/tenders")).json<{ id: string; name: string }[]>();
    tenderId = tenders.find((x) => x.name === "Inkoop 2027")!.id;
    overview = await overviewOf(tenderId);
  });

  it("refuses every change to what the tender asks with rule published_requires_qa_round, writing nothing", async () => {
    const requirement = overview.requirements[0]!;
    const criterion = overview.criteria[0]!;
    const segmentId = criterion.segmentId;
    const base = `/api/tenders/${tenderId}`;
    const changes: [Method, string, object?][] = [
      ["POST", `${base}/requirements`, { code: "NA-1", text: "Later", level: "tender" }],
      ["PATCH", `${base}/requirements/${requirement.id}`, { text: "Anders" }],
      ["DELETE", `${base}/requirements/${requirement.id}`],
      ["POST", `${base}/criteria`, { segmentId, letter: "A", title: "x", weight: 1 }],
      ["PATCH", `${base}/criteria/${criterion.id}`, { weight: 99 }],
      ["DELETE", `${base}/criteria/${criterion.id}`],
      ["PUT", `${base}/bidding-settings`, { closesAt: "2027-06-01T12:00:00+02:00", bidValidDays: 90 }],
      ["PATCH", `${base}/segments/${segmentId}`, { threshold: 70 }],
      ["PATCH", `${base}/segments/${segmentId}`, { scaleMax: 5 }],
    ];
    const seq = await lastSeq();
    const structure = (await get(base)).body;
    for (const [method, url, payload] of changes) {
      const refused = await send(method, url, payload);
      expect(refused.statusCode, `${method} ${url}`).toBe(409);
      expect(refused.json()).toMatchObject({ code: "CONFLICT", rule: "published_requires_qa_round" });
      expect(refused.json().detail).toContain("Nota van Inlichtingen");
    }
    expect(await lastSeq()).toBe(seq);
    expect(await overviewOf(tenderId)).toEqual(overview);
    expect((await get(base)).body).toBe(structure);
  });

  it("still lets the segment's other settings change, and its scoring be sent unchanged", async () => {
    const segmentId = overview.segments[0]!.segmentId;
    const url = `/api/tenders/${tenderId}/segments/${segmentId}`;
    const { threshold, scaleMax } = overview.segments[0]!;
    const same = await send("PATCH", url, { threshold, scaleMax, selectMin: 4 });
    expect(same.statusCode).toBe(200);
  });

  it("is read by providers as published, with the closing time", async () => {
    const read = await overviewOf(tenderId, provider);
    expect(read.publishedAt).not.toBeNull();
    expect(read.closesAt).not.toBeNull();
  });
});

describe("another tenant", () => {
  it("finds neither the tender's requirements nor its criteria (404), nor may change them", async () => {
    const tenderId = t.demo!.tenderId;
    const overview = await overviewOf(tenderId);
    const base = `/api/tenders/${tenderId}`;
    const seq = await lastSeq();
    expect((await get(`${base}/requirements`, foreignOfficer)).statusCode).toBe(404);
    const attempts: [Method, string, object?][] = [
      ["POST", `${base}/requirements`, { code: "TW-1", text: "x", level: "tender" }],
      ["PATCH", `${base}/requirements/${overview.requirements[0]!.id}`, { text: "Overgenomen" }],
      ["DELETE", `${base}/requirements/${overview.requirements[0]!.id}`],
      ["POST", `${base}/criteria`, { segmentId: overview.segments[0]!.segmentId, letter: "A", title: "x", weight: 1 }],
      ["PATCH", `${base}/criteria/${overview.criteria[0]!.id}`, { weight: 1 }],
      ["DELETE", `${base}/criteria/${overview.criteria[0]!.id}`],
      ["PUT", `${base}/bidding-settings`, { closesAt: "2027-06-01T12:00:00+02:00" }],
      ["POST", `${base}/publish`],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await send(method, url, payload, foreignOfficer);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await lastSeq()).toBe(seq);
    expect(await overviewOf(tenderId)).toEqual(overview);
  });
});
