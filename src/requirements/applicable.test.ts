import { describe, expect, it } from "vitest";
import { applicableRequirements, levelOf, type ScopedRequirement } from "./applicable.ts";

type Req = ScopedRequirement & { id: string };
const req = (id: string, scope: Partial<ScopedRequirement> = {}): Req => ({
  id,
  lotId: null,
  segmentId: null,
  subsegmentId: null,
  ...scope,
});

// Two lots; lot "jeugd" has segments "iaj" (subsegments "pv", "beh") and "gwv" (subsegment "pleeg").
const requirements = [
  req("tender-wide"),
  req("lot-jeugd", { lotId: "jeugd" }),
  req("lot-wmo", { lotId: "wmo" }),
  req("seg-iaj", { segmentId: "iaj" }),
  req("seg-gwv", { segmentId: "gwv" }),
  req("sub-pv", { subsegmentId: "pv" }),
  req("sub-beh", { subsegmentId: "beh" }),
  req("sub-pleeg", { subsegmentId: "pleeg" }),
];
const ids = (rs: Req[]) => rs.map((r) => r.id);

describe("the requirements a bid must answer", () => {
  it("are the tender's, the lot's, the segment's and the chosen subsegments'", () => {
    const applied = applicableRequirements(requirements, { lotId: "jeugd", segmentId: "iaj", subsegmentIds: ["pv"] });
    expect(ids(applied)).toEqual(["tender-wide", "lot-jeugd", "seg-iaj", "sub-pv"]);
  });

  it("leave out subsegments the bid does not choose, also those of the same segment", () => {
    const applied = applicableRequirements(requirements, { lotId: "jeugd", segmentId: "iaj", subsegmentIds: [] });
    expect(ids(applied)).toEqual(["tender-wide", "lot-jeugd", "seg-iaj"]);
  });

  it("leave out other lots and other segments of the same lot", () => {
    const applied = applicableRequirements(requirements, {
      lotId: "jeugd",
      segmentId: "gwv",
      subsegmentIds: ["pleeg"],
    });
    expect(ids(applied)).toEqual(["tender-wide", "lot-jeugd", "seg-gwv", "sub-pleeg"]);
  });

  it("keep the order given and the caller's own fields", () => {
    const withText = [
      { ...req("b", { segmentId: "iaj" }), text: "AGB-code" },
      { ...req("a"), text: "Verklaring" },
    ];
    const applied = applicableRequirements(withText, { lotId: "jeugd", segmentId: "iaj", subsegmentIds: [] });
    expect(applied.map((r) => r.text)).toEqual(["AGB-code", "Verklaring"]);
  });

  it("are only tender-wide ones for a tender without scoped requirements", () => {
    expect(
      ids(applicableRequirements([req("x")], { lotId: "wmo", segmentId: "logeren", subsegmentIds: ["y"] })),
    ).toEqual(["x"]);
    expect(applicableRequirements([], { lotId: "wmo", segmentId: "logeren", subsegmentIds: [] })).toEqual([]);
  });

  it("read the level from the scope id that is set", () => {
    expect(levelOf({ lotId: null, segmentId: null, subsegmentId: null })).toBe("tender");
    expect(levelOf({ lotId: "l", segmentId: null, subsegmentId: null })).toBe("lot");
    expect(levelOf({ lotId: null, segmentId: "s", subsegmentId: null })).toBe("segment");
    expect(levelOf({ lotId: null, segmentId: null, subsegmentId: "ss" })).toBe("subsegment");
  });
});
