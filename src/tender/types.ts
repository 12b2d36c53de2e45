// The tender's structure and timeline as the domain sees them.

export const FINANCING = ["lumpsum", "population_budget", "pxq"] as const;
/** bekostiging: lumpsum, populatiebekostiging, or PxQ (price × quantity per indication). */
export type Financing = (typeof FINANCING)[number];

export const REGIMES = ["full", "light"] as const;
/** The full regime, or the light regime for social and other specific services (Aw 2012 art. 2.38/2.39). */
export type Regime = (typeof REGIMES)[number];

export const PROCEDURES = ["restricted", "open", "open_house"] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const MILESTONE_KINDS = [
  "decision",
  "publication",
  "participation_deadline",
  "selection_decision",
  "invitation",
  "tender_deadline",
  "award_decision",
  "final_award",
  "implementation_start",
  "contract_start",
  "other",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export interface NumberToSelect {
  min: number | null;
  max: number | null;
}

export interface Subsegment {
  id: string;
  code: string;
  name: string;
  description: string | null;
  /** The financing that applies: the subsegment's own, or else its segment's. */
  financing: Financing;
  financingOverride: Financing | null;
  contractStart: IsoDate | null;
  numberToSelect: NumberToSelect;
  position: number;
}

export interface Segment {
  id: string;
  code: string;
  name: string;
  formerName: string | null;
  financing: Financing;
  contractStart: IsoDate | null;
  numberToSelect: NumberToSelect;
  /** The selection threshold (drempel) on the weighted total, 0–100; null while not set. */
  threshold: number | null;
  /** The top of the scale each selection criterion is scored on (1–scaleMax). */
  scaleMax: number;
  position: number;
  subsegments: Subsegment[];
}

export interface Lot {
  id: string;
  code: string;
  name: string;
  position: number;
  segments: Segment[];
}

export interface ContractTerm {
  initialYears: number;
  extensions: number;
  extensionYears: number;
  /** initial + extensions × extension years: 3 + 2 × 2 = 7 in the reference case. */
  maxYears: number;
}

export interface TenderSummary {
  id: string;
  name: string;
  reference: string | null;
  procedure: Procedure;
  regime: Regime;
  copiedFrom: string | null;
  createdAt: string;
  counts: { lots: number; segments: number; subsegments: number };
}

export interface AnnouncedPeriods {
  participationDays: number | null;
  tenderDays: number | null;
  standstillDays: number | null;
}

export interface TenderMunicipality {
  id: string;
  cbsCode: string;
  name: string;
}

export interface Tender extends TenderSummary {
  /** The municipalities that buy together in this tender. */
  municipalities: TenderMunicipality[];
  electronicSubmission: boolean;
  announced: AnnouncedPeriods;
  contract: ContractTerm;
  lots: Lot[];
}

export interface Phase {
  number: number;
  name: string;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  description: string | null;
}

export interface Milestone {
  kind: MilestoneKind;
  label: string;
  date: IsoDate | null;
}
