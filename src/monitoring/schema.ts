// The kpi config format and the indications CSV columns of ENGINES.md: the single source of
// validation and of docs/schemas/kpi-config.json.
import { z } from "zod";
import { isIsoDate } from "../platform/dates.ts";

const isoDate = z.string().refine(isIsoDate, { message: "expected an ISO date YYYY-MM-DD" });

export const GROUP_COLUMNS = ["municipality", "provider", "segment", "subsegment", "lot"] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

export const kpiConfigSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    granularity: z.enum(["quarter", "year"]),
    group_by: z
      .array(z.enum(GROUP_COLUMNS))
      .describe("columns whose distinct values form the groups; lot comes from the segment list"),
    as_of: isoDate.describe("the date the figures are taken; a relapse window must have ended by then"),
    relapse_months: z.int().min(0).max(1200).default(6),
    segments: z
      .array(z.object({ code: z.string().min(1), lot: z.string().min(1), intensity: z.number() }))
      .describe("every segment in the file, with its lot and intensity (a lower number is lighter care)"),
    suppress_below: z.int().min(0).default(0),
  })
  .superRefine((config, ctx) => {
    if (isIsoDate(config.from) && isIsoDate(config.to) && config.to < config.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    }
    const seen = new Set<string>();
    config.group_by.forEach((column, i) => {
      if (seen.has(column))
        ctx.addIssue({ code: "custom", path: ["group_by", i], message: `duplicate column ${column}` });
      seen.add(column);
    });
    const codes = new Set<string>();
    config.segments.forEach((segment, i) => {
      if (codes.has(segment.code)) {
        ctx.addIssue({ code: "custom", path: ["segments", i, "code"], message: `duplicate segment ${segment.code}` });
      }
      codes.add(segment.code);
    });
  });

export type KpiConfig = z.output<typeof kpiConfigSchema>;

/** The columns of the indications CSV, in the order of ENGINES.md (the header may order them otherwise). */
export const INDICATION_COLUMNS = [
  "id",
  "client",
  "municipality",
  "provider",
  "segment",
  "subsegment",
  "requested_on",
  "start_date",
  "end_date",
  "end_reason",
  "goal_realised",
  "satisfaction",
  "zrm_start",
  "zrm_end",
] as const;
export type IndicationColumn = (typeof INDICATION_COLUMNS)[number];

export const END_REASONS = [
  "planned",
  "early_agreed",
  "early_client",
  "early_provider",
  "moved",
  "deceased",
  "other",
] as const;
export const GOAL_VALUES = ["full", "partial", "none"] as const;
