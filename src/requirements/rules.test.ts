import { describe, expect, it } from "vitest";
import { kindErrors, patchedRequirement, publicationRefusals, scopeErrors } from "./rules.ts";
import type { Requirement } from "./types.ts";

const none = { lotId: null, segmentId: null, subsegmentId: null };
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe("a requirement's scope", () => {
  it("names exactly the id its level asks for", () => {
    expect(scopeErrors({ level: "tender", ...none })).toEqual([]);
    expect(scopeErrors({ level: "lot", ...none, lotId: "l" })).toEqual([]);
    expect(scopeErrors({ level: "segment", ...none, segmentId: "s" })).toEqual([]);
    expect(scopeErrors({ level: "subsegment", ...none, subsegmentId: "ss" })).toEqual([]);
  });

  it("refuses a missing id naming the field the level needs", () => {
    expect(scopeErrors({ level: "segment", ...none })).toEqual([
      { field: "body.segmentId", message: "is required for level segment" },
    ]);
  });

  it("refuses ids of other levels, also for the whole tender", () => {
    expect(fields(scopeErrors({ level: "tender", ...none, segmentId: "s" }))).toEqual(["body.segmentId"]);
    expect(fields(scopeErrors({ level: "lot", lotId: "l", segmentId: "s", subsegmentId: "ss" }))).toEqual([
      "body.segmentId",
      "body.subsegmentId",
    ]);
  });
});

describe("a requirement's kind", () => {
  it("needs a lower bound on clients served for a reference, and none for yes/no", () => {
    expect(kindErrors("reference", 10)).toEqual([]);
    expect(kindErrors("yes_no", null)).toEqual([]);
    expect(fields(kindErrors("reference", null))).toEqual(["body.minClients"]);
    expect(fields(kindErrors("yes_no", 5))).toEqual(["body.minClients"]);
  });
});

describe("a patched requirement", () => {
  const before: Requirement = {
    id: "r",
    code: "JR-1",
    text: "Referentie",
    kind: "reference",
    minClients: 10,
    level: "lot",
    lotId: "jeugd",
    segmentId: null,
    subsegmentId: null,
    appliesToMembers: false,
    appliesToSubcontractors: false,
    position: 2,
  };

  it("keeps what the patch leaves out", () => {
    expect(patchedRequirement(before, { text: "Nieuw" })).toMatchObject({
      text: "Nieuw",
      kind: "reference",
      minClients: 10,
      level: "lot",
      lotId: "jeugd",
      position: 2,
    });
  });

  it("clears the old level's id when the level changes", () => {
    expect(patchedRequirement(before, { level: "segment", segmentId: "iaj" })).toMatchObject({
      level: "segment",
      lotId: null,
      segmentId: "iaj",
    });
    // Without the new level's id the scope check refuses it, naming the field.
    const noId = patchedRequirement(before, { level: "segment" });
    expect(fields(scopeErrors(noId))).toEqual(["body.segmentId"]);
  });

  it("drops the lower bound when a reference becomes yes/no, and keeps one given", () => {
    expect(patchedRequirement(before, { kind: "yes_no" }).minClients).toBeNull();
    expect(patchedRequirement(before, { minClients: 25 }).minClients).toBe(25);
  });
});

describe("publication", () => {
  const now = new Date("2027-01-10T09:00:00Z");
  const closesAt = new Date("2027-02-21T11:00:00Z");
  const segments = [
    { name: "Wmo Logeren", criteria: 6, weightTotal: 100 },
    { name: "Dyslexiezorg", criteria: 0, weightTotal: 0 },
  ];

  it("passes with a future closing time and 100 in every segment that has criteria", () => {
    expect(publicationRefusals({ publishedAt: null, closesAt, segments }, now)).toEqual([]);
  });

  it("needs a closing time, and one after now", () => {
    expect(publicationRefusals({ publishedAt: null, closesAt: null, segments }, now)).toMatchObject([
      { rule: "closing_time_missing", field: "closesAt" },
    ]);
    expect(publicationRefusals({ publishedAt: null, closesAt: now, segments }, now)).toMatchObject([
      { rule: "closing_time_past" },
    ]);
  });

  it("names each segment whose weights do not sum to 100", () => {
    const refusals = publicationRefusals(
      {
        publishedAt: null,
        closesAt,
        segments: [
          { name: "Wmo Logeren", criteria: 2, weightTotal: 90 },
          { name: "Wmo Wonen", criteria: 3, weightTotal: 110 },
          { name: "Dyslexiezorg", criteria: 0, weightTotal: 0 },
        ],
      },
      now,
    );
    expect(refusals.map((r) => [r.rule, r.message])).toEqual([
      ["criteria_weights_not_100", "the criteria weights of segment 'Wmo Logeren' sum to 90, not 100"],
      ["criteria_weights_not_100", "the criteria weights of segment 'Wmo Wonen' sum to 110, not 100"],
    ]);
  });

  it("refuses a tender that is already published, whatever else holds", () => {
    expect(publicationRefusals({ publishedAt: now, closesAt, segments }, now)).toMatchObject([
      { rule: "already_published" },
    ]);
  });
});
