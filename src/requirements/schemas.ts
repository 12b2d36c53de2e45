// Request and response schemas of what a tender asks: validators, types and the OpenAPI document at once.
import { z } from "zod";
import { CRITERION_LETTERS, REQUIREMENT_KINDS, REQUIREMENT_LEVELS } from "./types.ts";

const RequirementCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,30}$/, { error: "must be letters, digits, dots and dashes (at most 31)" });
const ScopeId = z.uuid({ error: "must be a UUID" }).nullable();
const Position = z.number().int().min(0).max(10_000);
const MinClients = z.number().int().min(1).max(1_000_000).nullable();

export const RequirementSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    text: z.string(),
    kind: z.enum(REQUIREMENT_KINDS),
    minClients: z.number().nullable(),
    level: z.enum(REQUIREMENT_LEVELS),
    lotId: z.string().nullable(),
    segmentId: z.string().nullable(),
    subsegmentId: z.string().nullable(),
    appliesToMembers: z.boolean(),
    appliesToSubcontractors: z.boolean(),
    position: z.number(),
  })
  .meta({ id: "Requirement" });

export const CriterionSchema = z
  .object({
    id: z.string(),
    segmentId: z.string(),
    letter: z.enum(CRITERION_LETTERS),
    title: z.string(),
    text: z.string(),
    weight: z.number(),
  })
  .meta({ id: "Criterion" });

export const RequirementsOverviewSchema = z
  .object({
    publishedAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    bidValidDays: z.number(),
    requirements: z.array(RequirementSchema),
    criteria: z.array(CriterionSchema),
    segments: z.array(
      z.object({
        segmentId: z.string(),
        threshold: z.number().nullable(),
        scaleMax: z.number(),
        weightTotal: z.number(),
      }),
    ),
  })
  .meta({ id: "RequirementsOverview" });

export const RequirementBody = z.object({
  code: RequirementCode,
  text: z.string().trim().min(1).max(5000),
  kind: z.enum(REQUIREMENT_KINDS).default("yes_no"),
  minClients: MinClients.default(null),
  level: z.enum(REQUIREMENT_LEVELS),
  lotId: ScopeId.default(null),
  segmentId: ScopeId.default(null),
  subsegmentId: ScopeId.default(null),
  appliesToMembers: z.boolean().default(true),
  appliesToSubcontractors: z.boolean().default(false),
  position: Position.default(0),
});

export const RequirementPatch = z
  .object({
    code: RequirementCode,
    text: z.string().trim().min(1).max(5000),
    kind: z.enum(REQUIREMENT_KINDS),
    minClients: MinClients,
    level: z.enum(REQUIREMENT_LEVELS),
    lotId: ScopeId,
    segmentId: ScopeId,
    subsegmentId: ScopeId,
    appliesToMembers: z.boolean(),
    appliesToSubcontractors: z.boolean(),
    position: Position,
  })
  .partial();

const Letter = z.enum(CRITERION_LETTERS, { error: "must be one of the letters A–F" });
const Weight = z.number().int().min(1).max(100);

export const CriterionBody = z.object({
  segmentId: z.uuid({ error: "must be a UUID" }),
  letter: Letter,
  title: z.string().trim().min(1).max(300),
  text: z.string().trim().max(10_000).default(""),
  weight: Weight,
});

export const CriterionPatch = z
  .object({
    letter: Letter,
    title: z.string().trim().min(1).max(300),
    text: z.string().trim().max(10_000),
    weight: Weight,
  })
  .partial();

export const BiddingSettingsBody = z.object({
  // The closing time (sluitingstijd) with its offset, e.g. 2027-03-01T12:00:00+01:00.
  // z.iso.datetime also refuses days a month does not have (2027-02-29).
  closesAt: z.iso.datetime({
    offset: true,
    error: "must be a real date and time with offset, e.g. 2027-03-01T12:00:00+01:00",
  }),
  // How long a submitted bid stays valid (gestanddoeningstermijn).
  bidValidDays: z.number().int().min(1).max(730).default(90),
});
