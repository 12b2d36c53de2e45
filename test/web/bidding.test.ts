// The bid form's pure parts: which requirements apply, where a missing point or a server error
// points, the form state's round trip to the API's content, and the Amsterdam times of the closing time.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../web/src/api.ts";
import type { BidContent } from "../../web/src/bidding/api.ts";
import {
  applicableRequirements,
  fieldIds,
  missingPart,
  type SegmentPlace,
  serverFieldTarget,
  targetOf,
} from "../../web/src/bidding/applicable.ts";
import { formProblems, fromContent, toContent } from "../../web/src/bidding/formState.ts";
import { amsterdamToIso, durationParts, isoToAmsterdam } from "../../web/src/dates.ts";
import { refusalText } from "../../web/src/forms.tsx";
import type { Requirement } from "../../web/src/requirements/api.ts";

const R1 = "11111111-1111-4111-8111-111111111111";
const R2 = "22222222-2222-4222-8222-222222222222";
const C1 = "33333333-3333-4333-8333-333333333333";

const requirement = (id: string, scope: Partial<Requirement>): Requirement => ({
  id,
  code: id.slice(0, 4),
  text: "",
  kind: "yes_no",
  minClients: null,
  level: "tender",
  lotId: null,
  segmentId: null,
  subsegmentId: null,
  appliesToMembers: true,
  appliesToSubcontractors: false,
  position: 0,
  ...scope,
});

const place: SegmentPlace = {
  lotId: "lot-jeugd",
  lotName: "Jeugd",
  segment: {
    id: "seg-gwv",
    code: "gwv",
    name: "Gezins- en Woonvormen",
    formerName: null,
    financing: "lumpsum",
    contractStart: null,
    numberToSelect: { min: null, max: null },
    position: 0,
    threshold: null,
    scaleMax: 10,
    subsegments: [
      {
        id: "sub-gezinshuis",
        code: "gh",
        name: "Gezinshuiszorg",
        description: null,
        financing: "lumpsum",
        financingOverride: null,
        contractStart: null,
        numberToSelect: { min: null, max: null },
        position: 0,
      },
    ],
  },
};

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe("the requirements a bid answers", () => {
  const all = [
    requirement("tender", {}),
    requirement("lot", { level: "lot", lotId: "lot-jeugd" }),
    requirement("other-lot", { level: "lot", lotId: "lot-wmo" }),
    requirement("segment", { level: "segment", segmentId: "seg-gwv" }),
    requirement("other-segment", { level: "segment", segmentId: "seg-dys" }),
    requirement("subsegment", { level: "subsegment", subsegmentId: "sub-gezinshuis" }),
  ];

  it("are the tender's, the lot's and the segment's, in that order", () => {
    expect(applicableRequirements(all, place, []).map((r) => r.id)).toEqual(["tender", "lot", "segment"]);
  });

  it("include a subsegment's only once the bid chooses that subsegment", () => {
    expect(applicableRequirements(all, place, ["sub-gezinshuis"]).map((r) => r.id)).toContain("subsegment");
  });
});

describe("where a missing point of the completeness leads", () => {
  const content = { requirementAnswers: [{ requirementId: R2 }], dossier: [{ criterionId: C1 }] };

  it("leads an unanswered requirement to its yes/no group and missing evidence to the evidence", () => {
    expect(targetOf(missingPart(`requirementAnswers.${R1}`, content))).toBe(fieldIds.requirement(R1));
    expect(targetOf(missingPart(`requirementAnswers.${R1}.evidence`, content))).toBe(fieldIds.evidence(R1));
  });

  it("leads a reference requirement to the references and a criterion to its dossier text", () => {
    expect(missingPart(`references.${R1}`, content)).toEqual({ part: "referenceRequirement", requirementId: R1 });
    expect(targetOf(missingPart(`references.${R1}`, content))).toBe(fieldIds.references);
    expect(targetOf(missingPart(`dossier.${C1}`, content))).toBe(fieldIds.criterion(C1));
  });

  it("names the bidder's own details, which live on another page", () => {
    expect(missingPart("bidder.kvkNumber", content)).toEqual({ part: "party", as: "bidder", what: "kvkNumber" });
    expect(targetOf(missingPart("bidder.kvkNumber", content))).toBeNull();
  });

  it("reads the server's validation paths by the index into the content it was sent", () => {
    expect(serverFieldTarget("requirementAnswers.0.evidence", content)).toBe(fieldIds.evidence(R2));
    expect(serverFieldTarget("dossier.0.text", content)).toBe(fieldIds.criterion(C1));
    expect(serverFieldTarget("references.2.clientsServed", content)).toBe(fieldIds.reference(2, "clientsServed"));
  });
});

describe("the bid form's state", () => {
  const content: BidContent = {
    subsegmentIds: ["sub-gezinshuis"],
    municipalityIds: ["m1"],
    specialisms: ["autisme", "LVB"],
    requirementAnswers: [{ requirementId: R1, met: true, evidence: "VOG's in het dossier", fileIds: ["f1"] }],
    dossier: [{ criterionId: C1, text: "Aanpak", fileIds: [] }],
    references: [{ client: "Gemeente Aalten", description: "", clientsServed: 12, period: "2024" }],
    subcontractors: [{ kvkNumber: "27182818", name: "Praktijk Noord", role: "behandeling" }],
  };

  it("gives back exactly the content it was made from", () => {
    expect(toContent(fromContent(content))).toEqual(content);
  });

  it("leaves out an answer without yes or no, and refuses one that has evidence already", () => {
    const state = fromContent(content);
    state.answers[R2] = { met: null, evidence: "", fileIds: [] };
    expect(toContent(state).requirementAnswers.map((a) => a.requirementId)).toEqual([R1]);
    state.answers[R2] = { met: null, evidence: "Zie bijlage", fileIds: [] };
    expect(formProblems(state, t)).toEqual({ [fieldIds.requirement(R2)]: "bid.chooseYesNo" });
  });

  it("refuses a number of clients that is not a whole number and a KvK number that is not 8 digits", () => {
    const state = fromContent(content);
    state.references[0]!.clientsServed = "twaalf";
    state.subcontractors[0]!.kvkNumber = "1234";
    expect(Object.keys(formProblems(state, t))).toEqual([
      fieldIds.reference(0, "clientsServed"),
      fieldIds.subcontractor(0, "kvkNumber"),
    ]);
  });
});

describe("tender times in Amsterdam", () => {
  it("reads a wall-clock time in winter (CET) and in summer (CEST)", () => {
    expect(amsterdamToIso("2027-01-04T12:00")).toBe("2027-01-04T11:00:00.000Z");
    expect(amsterdamToIso("2027-07-01T12:00")).toBe("2027-07-01T10:00:00.000Z");
    expect(amsterdamToIso("4 januari")).toBeNull();
  });

  it("shows an instant as the wall-clock time a datetime field holds", () => {
    expect(isoToAmsterdam("2027-01-04T11:00:00.000Z")).toBe("2027-01-04T12:00");
  });

  it("splits the time left into days, hours, minutes and seconds, never below zero", () => {
    expect(durationParts(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
    expect(durationParts(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe("a refusal in the user's words", () => {
  it("names the bidding rule the server gives, and falls back to the server's detail", () => {
    const refusal = (rule?: string) =>
      new ApiError(
        { type: "", title: "", status: 409, code: "CONFLICT", detail: "x already bids", ...(rule ? { rule } : {}) },
        null,
      );
    expect(refusalText(refusal("alone_and_in_combination"), t)).toBe("rules.alone_and_in_combination");
    expect(refusalText(refusal("four_eyes"), t)).toBe("rules.four_eyes");
    expect(refusalText(refusal(), t)).toBe('validation.server {"detail":"x already bids"}');
  });
});
