// What a tender asks, as the API and the other modules see it.
import type { RequirementLevel } from "./applicable.ts";

export type { RequirementLevel } from "./applicable.ts";

export const REQUIREMENT_KINDS = ["yes_no", "reference"] as const;
/** yes_no: met or not, with evidence; reference: a reference with at least minClients clients served (referentie-eis). */
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const REQUIREMENT_LEVELS = ["tender", "lot", "segment", "subsegment"] as const satisfies RequirementLevel[];
export const CRITERION_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;
export type CriterionLetter = (typeof CRITERION_LETTERS)[number];

/** A minimum requirement (minimumeis): exactly the scope id that matches its level is set. */
export interface Requirement {
  id: string;
  code: string;
  text: string;
  kind: RequirementKind;
  minClients: number | null;
  level: RequirementLevel;
  lotId: string | null;
  segmentId: string | null;
  subsegmentId: string | null;
  /** Every member of a combination must meet it too, not only the combination as a whole. */
  appliesToMembers: boolean;
  /** Every subcontractor (onderaannemer) must meet it too. */
  appliesToSubcontractors: boolean;
  position: number;
}

/** A selection criterion (selectiecriterium) of a segment, scored from the competence dossier. */
export interface Criterion {
  id: string;
  segmentId: string;
  letter: CriterionLetter;
  title: string;
  text: string;
  weight: number;
}

export interface SegmentScoringOverview {
  segmentId: string;
  threshold: number | null;
  scaleMax: number;
  /** The sum of the segment's criteria weights: 100 at publication, when it has criteria. */
  weightTotal: number;
}

export interface RequirementsOverview {
  publishedAt: string | null;
  closesAt: string | null;
  bidValidDays: number;
  requirements: Requirement[];
  criteria: Criterion[];
  segments: SegmentScoringOverview[];
}
