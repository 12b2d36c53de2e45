// Which of a tender's minimum requirements a bid on a segment must answer, and where the bid form
// shows each part of the content. Pure: no React, no requests.
import { applicableRequirements as applicable } from "../../../src/requirements/applicable.ts";
import type { Segment, Tender } from "../api.ts";
import type { Criterion, Requirement } from "../requirements/api.ts";

export interface SegmentPlace {
  lotId: string;
  lotName: string;
  segment: Segment;
}

export function findSegment(tender: Tender, segmentId: string): SegmentPlace | null {
  for (const lot of tender.lots) {
    const segment = lot.segments.find((s) => s.id === segmentId);
    if (segment) return { lotId: lot.id, lotName: lot.name, segment };
  }
  return null;
}

/**
 * The requirements that apply to a bid on the segment, by the server's own rule
 * (src/requirements/applicable.ts): the tender's, the lot's, the segment's and those of the chosen
 * subsegments; shown from the widest level to the narrowest.
 */
export function applicableRequirements(
  requirements: readonly Requirement[],
  place: SegmentPlace,
  chosenSubsegmentIds: readonly string[],
): Requirement[] {
  return applicable(requirements, {
    lotId: place.lotId,
    segmentId: place.segment.id,
    subsegmentIds: chosenSubsegmentIds,
  }).sort((a, b) => levelOrder(a) - levelOrder(b) || a.position - b.position || a.code.localeCompare(b.code));
}

const LEVELS = ["tender", "lot", "segment", "subsegment"] as const;
const levelOrder = (r: Requirement) => LEVELS.indexOf(r.level);

export function segmentCriteria(criteria: readonly Criterion[], segmentId: string): Criterion[] {
  return criteria.filter((c) => c.segmentId === segmentId).sort((a, b) => a.letter.localeCompare(b.letter));
}

/** The element ids of the bid form's parts, so the completeness list can point at them. */
export const fieldIds = {
  subsegments: "bid-subsegments",
  municipalities: "bid-municipalities",
  specialisms: "bid-specialisms",
  requirements: "bid-requirements",
  requirement: (id: string) => `bid-req-${id}`,
  evidence: (id: string) => `bid-req-${id}-evidence`,
  dossier: "bid-dossier",
  criterion: (id: string) => `bid-dossier-${id}`,
  references: "bid-references",
  reference: (index: number, field: string) => `bid-reference-${index}-${field}`,
  subcontractors: "bid-subcontractors",
  subcontractor: (index: number, field: string) => `bid-subcontractor-${index}-${field}`,
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export type MissingPart =
  | { part: "subsegments" | "municipalities" | "specialisms" | "references" | "subcontractors"; index?: number }
  | { part: "requirement"; requirementId: string | null; evidence: boolean }
  | { part: "criterion"; criterionId: string | null }
  | { part: "referenceRequirement"; requirementId: string }
  | { part: "party"; as: "bidder" | "organisation"; what: "kvkNumber" | "legalForm" }
  | { part: "other" };

/**
 * What a completeness entry of the server is about, read from its field path (for example
 * "requirementAnswers.<id>.evidence", "dossier[2].text", "references.0.clientsServed").
 */
export function missingPart(field: string, content: BidContentRefs): MissingPart {
  const path = field.replace(/^body\.?/, "").replace(/\[(\d+)\]/g, ".$1");
  const [head = "", second, third] = path.split(".");
  const id = UUID.exec(path)?.[0] ?? null;
  const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined;
  switch (head) {
    case "subsegmentIds":
    case "subsegments":
      return { part: "subsegments" };
    case "municipalityIds":
    case "municipalities":
      return { part: "municipalities" };
    case "specialisms":
      return { part: "specialisms" };
    case "references":
      // "references.<requirementId>": a reference requirement that no reference meets yet.
      if (id) return { part: "referenceRequirement", requirementId: id };
      return index === undefined ? { part: "references" } : { part: "references", index };
    case "bidder":
    case "organisation":
      return second === "kvkNumber" || second === "legalForm"
        ? { part: "party", as: head, what: second }
        : { part: "other" };
    case "subcontractors":
      return index === undefined ? { part: "subcontractors" } : { part: "subcontractors", index };
    case "requirementAnswers":
    case "requirements": {
      const byIndex = index !== undefined ? (content.requirementAnswers[index]?.requirementId ?? null) : null;
      return {
        part: "requirement",
        requirementId: id ?? byIndex,
        evidence: third === "evidence" || path.endsWith("evidence"),
      };
    }
    case "dossier":
    case "criteria": {
      const byIndex = index !== undefined ? (content.dossier[index]?.criterionId ?? null) : null;
      return { part: "criterion", criterionId: id ?? byIndex };
    }
    default:
      return { part: "other" };
  }
}

/** The id of the element that a missing part points at. */
export function targetOf(missing: MissingPart): string | null {
  switch (missing.part) {
    case "subsegments":
    case "municipalities":
    case "specialisms":
      return fieldIds[missing.part];
    case "references":
      return missing.index === undefined ? fieldIds.references : fieldIds.reference(missing.index, "client");
    case "referenceRequirement":
      return fieldIds.references;
    case "subcontractors":
      return missing.index === undefined ? fieldIds.subcontractors : fieldIds.subcontractor(missing.index, "kvkNumber");
    case "requirement":
      if (!missing.requirementId) return fieldIds.requirements;
      return missing.evidence ? fieldIds.evidence(missing.requirementId) : fieldIds.requirement(missing.requirementId);
    case "criterion":
      return missing.criterionId ? fieldIds.criterion(missing.criterionId) : fieldIds.dossier;
    default:
      return null;
  }
}

/** The id of the field a server's validation error on a saved content points at (paths index the sent arrays). */
export function serverFieldTarget(path: string, content: BidContentRefs): string | null {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const [head, second, third] = parts;
  const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined;
  if (head === "references" && index !== undefined && third) return fieldIds.reference(index, third);
  if (head === "subcontractors" && index !== undefined && third) return fieldIds.subcontractor(index, third);
  if (head === "requirementAnswers" && index !== undefined) {
    const id = content.requirementAnswers[index]?.requirementId;
    if (id) return third === "evidence" ? fieldIds.evidence(id) : fieldIds.requirement(id);
  }
  if (head === "dossier" && index !== undefined) {
    const id = content.dossier[index]?.criterionId;
    if (id) return fieldIds.criterion(id);
  }
  return targetOf(missingPart(path, content));
}

interface BidContentRefs {
  requirementAnswers: { requirementId: string }[];
  dossier: { criterionId: string }[];
}
