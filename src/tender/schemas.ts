// The tender's request and response schemas: the validators, the types and the OpenAPI document at once.
import { z } from "zod";
import { IsoDate } from "../platform/schemas.ts";
import { FINANCING, MILESTONE_KINDS, PROCEDURES, REGIMES } from "./types.ts";

const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: "must be lower-case letters, digits and dashes" });
const Name = z.string().trim().min(1).max(200);
const Days = z.number().int().min(1).max(3650).nullable();
const Financing = z.enum(FINANCING);
const Position = z.number().int().min(0).max(10_000);
const Count = z.number().int().min(1).max(10_000).nullable();
/** The selection threshold on the weighted total (numeric(5,2) in the database). */
const Threshold = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: "must have at most two decimals" });

export const NumberToSelect = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export const SubsegmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    financing: Financing,
    financingOverride: Financing.nullable(),
    contractStart: z.string().nullable(),
    numberToSelect: NumberToSelect,
    position: z.number(),
  })
  .meta({ id: "Subsegment" });

export const SegmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    formerName: z.string().nullable(),
    financing: Financing,
    contractStart: z.string().nullable(),
    numberToSelect: NumberToSelect,
    threshold: z.number().nullable(),
    scaleMax: z.number(),
    position: z.number(),
    subsegments: z.array(SubsegmentSchema),
  })
  .meta({ id: "Segment" });

export const LotSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    position: z.number(),
    segments: z.array(SegmentSchema),
  })
  .meta({ id: "Lot" });

export const TenderSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    reference: z.string().nullable(),
    procedure: z.enum(PROCEDURES),
    regime: z.enum(REGIMES),
    copiedFrom: z.string().nullable(),
    createdAt: z.string(),
    counts: z.object({ lots: z.number(), segments: z.number(), subsegments: z.number() }),
  })
  .meta({ id: "TenderSummary" });

const Announced = z.object({ participationDays: Days, tenderDays: Days, standstillDays: Days });
const ContractTerm = z.object({
  initialYears: z.number().int().min(1).max(20),
  extensions: z.number().int().min(0).max(10),
  extensionYears: z.number().int().min(0).max(10),
});

const CbsCodes = z
  .array(z.string().regex(/^GM[0-9]{4}$/, { error: "must be a CBS code like GM0222" }))
  .min(1)
  .max(500);

export const TenderSchema = TenderSummarySchema.extend({
  municipalities: z.array(z.object({ id: z.string(), cbsCode: z.string(), name: z.string() })),
  electronicSubmission: z.boolean(),
  announced: Announced,
  contract: ContractTerm.extend({ maxYears: z.number() }),
  lots: z.array(LotSchema),
}).meta({ id: "Tender" });

export const TenderBody = z.object({
  name: Name,
  reference: z.string().trim().max(100).nullable().default(null),
  procedure: z.enum(PROCEDURES).default("restricted"),
  regime: z.enum(REGIMES).default("light"),
  electronicSubmission: z.boolean().default(true),
  announced: Announced.default({ participationDays: null, tenderDays: null, standstillDays: null }),
  contract: ContractTerm.default({ initialYears: 3, extensions: 2, extensionYears: 2 }),
  municipalities: CbsCodes.optional(),
});

export const TenderPatch = z
  .object({
    name: Name,
    reference: z.string().trim().max(100).nullable(),
    procedure: z.enum(PROCEDURES),
    regime: z.enum(REGIMES),
    electronicSubmission: z.boolean(),
    announced: Announced.partial(),
    contract: ContractTerm.partial(),
    municipalities: CbsCodes,
  })
  .partial();

export const LotBody = z.object({ code: Code, name: Name, position: Position.default(0) });

export const SegmentBody = z.object({
  code: Code,
  name: Name,
  formerName: z.string().trim().max(200).nullable().default(null),
  financing: Financing,
  contractStart: IsoDate.nullable().default(null),
  selectMin: Count.default(null),
  selectMax: Count.default(null),
  position: Position.default(0),
});

export const SegmentPatch = z
  .object({
    lotId: z.uuid(),
    code: Code,
    name: Name,
    formerName: z.string().trim().max(200).nullable(),
    financing: Financing,
    contractStart: IsoDate.nullable(),
    selectMin: Count,
    selectMax: Count,
    position: Position,
    // Fixed at publication: after it they change only with a published Q&A round.
    threshold: Threshold.nullable(),
    scaleMax: z.number().int().min(1).max(100),
  })
  .partial();

export const SubsegmentBody = z.object({
  code: Code,
  name: Name,
  description: z.string().trim().max(2000).nullable().default(null),
  financing: Financing.nullable().default(null),
  position: Position.default(0),
});

export const SubsegmentPatch = z
  .object({
    segmentId: z.uuid(),
    code: Code,
    name: Name,
    description: z.string().trim().max(2000).nullable(),
    financing: Financing.nullable(),
    position: Position,
  })
  .partial();

export const PhaseSchema = z.object({
  number: z.number().int().min(0).max(99),
  name: z.string().trim().min(1).max(300),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  description: z.string().trim().max(2000).nullable().default(null),
});

export const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  label: z.string().trim().min(1).max(300),
  date: IsoDate.nullable(),
});

export const TimelineBody = z.object({
  phases: z.array(PhaseSchema).max(50),
  milestones: z.array(MilestoneSchema).max(200),
});

export const WarningSchema = z.object({
  code: z.string(),
  severity: z.enum(["warning", "info"]),
  basis: z.string(),
  subject: z.array(z.string()),
  days: z.number().optional(),
  minimum: z.number().optional(),
  message: z.string(),
});

export const TimelineSchema = z
  .object({
    tenderId: z.string(),
    regime: z.enum(REGIMES),
    electronicSubmission: z.boolean(),
    announced: Announced,
    phases: z.array(PhaseSchema.extend({ description: z.string().nullable() })),
    milestones: z.array(MilestoneSchema),
    warnings: z.array(WarningSchema),
    status: z.object({
      today: z.string(),
      currentPhase: z.number().nullable(),
      nextMilestone: MilestoneSchema.nullable(),
    }),
  })
  .meta({ id: "Timeline" });
