import { describe, expect, it } from "vitest";
import {
  applicableRequirements,
  type CompletenessInput,
  completeness,
  type ScopedRequirement,
} from "./completeness.ts";
import { type BidContent, contentErrors, emptyContent } from "./content.ts";
import { biddingRefusal } from "./window.ts";

const req = (id: string, scope: Partial<ScopedRequirement> = {}): ScopedRequirement => ({
  id,
  code: id.toUpperCase(),
  kind: "yes_no",
  minClients: null,
  lotId: null,
  segmentId: null,
  subsegmentId: null,
  ...scope,
});

const requirements = [
  req("general"),
  req("lot", { lotId: "jeugd" }),
  req("other-lot", { lotId: "wmo" }),
  req("segment", { segmentId: "iaj" }),
  req("other-segment", { segmentId: "gwv" }),
  req("sub-behandeling", { subsegmentId: "behandeling" }),
  req("sub-spoed", { subsegmentId: "spoed" }),
  req("reference", { kind: "reference", minClients: 50, segmentId: "iaj" }),
];

const complete: BidContent = {
  ...emptyContent(),
  subsegmentIds: ["behandeling"],
  municipalityIds: ["doetinchem"],
  requirementAnswers: ["general", "lot", "segment", "sub-behandeling"].map((requirementId) => ({
    requirementId,
    met: true,
    evidence: "ISO 9001 en HKZ",
    fileIds: [],
  })),
  dossier: [
    { criterionId: "a", text: "Wij werken samen met het wijkteam.", fileIds: [] },
    { criterionId: "b", text: "Lokale binding in Doetinchem.", fileIds: [] },
  ],
  references: [{ client: "Gemeente Aalten", description: "Jeugdhulp", clientsServed: 60, period: "2019–2020" }],
};

const input = (content: BidContent, extra: Partial<CompletenessInput> = {}): CompletenessInput => ({
  content,
  place: { lotId: "jeugd", segmentId: "iaj" },
  subsegmentCount: 4,
  requirements,
  criteria: [
    { id: "a", letter: "A" },
    { id: "b", letter: "B" },
  ],
  parties: [{ as: "bidder", name: "Zorgpartners", kvkNumber: "12345678", legalForm: "stichting" }],
  ...extra,
});

const fields = (c: CompletenessInput) => completeness(c).missing.map((m) => m.field);

describe("which requirements apply", () => {
  it("takes the tender-wide ones, the bid's lot and segment, and only the chosen subsegments", () => {
    const applicable = applicableRequirements(requirements, {
      lotId: "jeugd",
      segmentId: "iaj",
      subsegmentIds: ["behandeling"],
    });
    expect(applicable.map((r) => r.id)).toEqual(["general", "lot", "segment", "sub-behandeling", "reference"]);
  });
});

describe("completeness", () => {
  it("finds nothing missing in a complete bid", () => {
    expect(completeness(input(complete))).toEqual({ complete: true, missing: [] });
  });

  it("lists everything an empty bid lacks", () => {
    expect(fields(input(emptyContent()))).toEqual([
      "subsegmentIds",
      "municipalityIds",
      "requirementAnswers.general",
      "requirementAnswers.lot",
      "requirementAnswers.segment",
      "references.reference",
      "dossier.a",
      "dossier.b",
    ]);
  });

  it("needs no subsegment in a segment that has none (Dyslexiezorg)", () => {
    expect(fields(input({ ...complete, subsegmentIds: [] }, { subsegmentCount: 0 }))).toEqual([]);
  });

  it("asks for the requirements of a newly chosen subsegment", () => {
    const content = { ...complete, subsegmentIds: ["behandeling", "spoed"] };
    expect(fields(input(content))).toEqual(["requirementAnswers.sub-spoed"]);
  });

  it("accepts 'not met' without evidence but asks evidence when met", () => {
    const answers = complete.requirementAnswers.map((a) =>
      a.requirementId === "general"
        ? { ...a, met: false, evidence: "" }
        : a.requirementId === "lot"
          ? { ...a, evidence: "  " }
          : a,
    );
    const missing = completeness(input({ ...complete, requirementAnswers: answers })).missing;
    expect(missing).toEqual([
      { field: "requirementAnswers.lot.evidence", message: "give the evidence that requirement LOT is met" },
    ]);
  });

  it("needs a reference with at least the minimum number of clients served", () => {
    const short = { ...complete, references: [{ ...complete.references[0]!, clientsServed: 49 }] };
    expect(completeness(input(short)).missing).toEqual([
      {
        field: "references.reference",
        message: "requirement REFERENCE asks for a reference with at least 50 clients served",
      },
    ]);
    const enough = {
      ...complete,
      references: [...short.references, { ...complete.references[0]!, clientsServed: 50 }],
    };
    expect(fields(input(enough))).toEqual([]);
  });

  it("needs a dossier text, not only whitespace, for every criterion", () => {
    const dossier = [{ criterionId: "a", text: " \n", fileIds: [] }];
    expect(fields(input({ ...complete, dossier }))).toEqual(["dossier.a", "dossier.b"]);
  });

  it("needs the KvK number and legal form of the bidder and of the organisation acting for it", () => {
    const parties = [
      { as: "bidder" as const, name: "Coöperatie Samen", kvkNumber: null, legalForm: "cooperatie_io" },
      { as: "organisation" as const, name: "Zorgpartners", kvkNumber: "12345678", legalForm: null },
    ];
    expect(completeness(input(complete, { parties })).missing).toEqual([
      { field: "bidder.kvkNumber", message: "Coöperatie Samen needs a KvK number" },
      { field: "organisation.legalForm", message: "Zorgpartners needs a legal form" },
    ]);
  });
});

describe("the ids a bid names", () => {
  const scope = {
    subsegmentIds: ["behandeling", "spoed"],
    municipalityIds: ["doetinchem", "aalten"],
    requirementIds: ["general", "segment"],
    criterionIds: ["a", "b"],
    fileIds: ["f1"],
    bidderKvk: "12345678",
  };

  it("accepts ids of the bid's own segment, tender and files", () => {
    const content: BidContent = {
      ...emptyContent(),
      subsegmentIds: ["spoed"],
      municipalityIds: ["aalten", "doetinchem"],
      requirementAnswers: [{ requirementId: "general", met: true, evidence: "x", fileIds: ["f1"] }],
      dossier: [{ criterionId: "b", text: "x", fileIds: ["f1"] }],
      subcontractors: [{ kvkNumber: "87654321", name: "Onderaannemer", role: "behandeling" }],
    };
    expect(contentErrors(content, scope)).toEqual([]);
  });

  it("names the field path of every foreign or repeated id", () => {
    const content: BidContent = {
      ...emptyContent(),
      subsegmentIds: ["spoed", "verblijf"],
      municipalityIds: ["aalten", "aalten"],
      requirementAnswers: [
        { requirementId: "general", met: true, evidence: "x", fileIds: ["f2"] },
        { requirementId: "other-segment", met: true, evidence: "x", fileIds: [] },
        { requirementId: "general", met: false, evidence: "", fileIds: [] },
      ],
      dossier: [
        { criterionId: "a", text: "x", fileIds: [] },
        { criterionId: "b", text: "x", fileIds: [] },
        { criterionId: "f", text: "x", fileIds: [] },
      ],
      subcontractors: [
        { kvkNumber: "12345678", name: "Zichzelf", role: "x" },
        { kvkNumber: "87654321", name: "A", role: "x" },
        { kvkNumber: "87654321", name: "A", role: "x" },
      ],
    };
    expect(contentErrors(content, scope).map((e) => e.field)).toEqual([
      "body.subsegmentIds.1",
      "body.municipalityIds.1",
      "body.requirementAnswers.0.fileIds.0",
      "body.requirementAnswers.1.requirementId",
      "body.requirementAnswers.2.requirementId",
      "body.dossier.2.criterionId",
      "body.subcontractors.0.kvkNumber",
      "body.subcontractors.2.kvkNumber",
    ]);
  });
});

describe("the bidding window", () => {
  const times = {
    publishedAt: new Date("2021-04-01T08:00:00Z"),
    closesAt: new Date("2021-06-30T10:00:00Z"),
    openedAt: null,
  };

  it("is open after publication until just before the closing time", () => {
    expect(biddingRefusal(times, new Date("2021-06-30T09:59:59.999Z"))).toBeNull();
  });

  it("is closed at the closing time itself and after it, naming the closing time", () => {
    for (const now of ["2021-06-30T10:00:00.000Z", "2021-06-30T10:00:00.001Z"]) {
      const refusal = biddingRefusal(times, new Date(now));
      expect(refusal?.rule).toBe("closed");
      expect(refusal?.message).toContain("2021-06-30T10:00:00.000Z");
    }
  });

  it("is not open before publication", () => {
    expect(biddingRefusal({ ...times, publishedAt: null }, new Date("2021-05-01T00:00:00Z"))?.rule).toBe(
      "not_published",
    );
  });
});
