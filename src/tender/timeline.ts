// Planning rules for a tender's timeline: pure functions of the plan and `now`. They warn; they
// never block, because the officer decides. Each rule cites the article or norm it encodes.
import { addMonths, daysBetween } from "../platform/dates.ts";
import type { AnnouncedPeriods, IsoDate, Milestone, MilestoneKind, Phase, Regime } from "./types.ts";

/** Art. 2.71 lid 1 Aw 2012: restricted procedure, at least 30 days to request participation. */
export const FULL_PARTICIPATION_DAYS = 30;
/** Art. 2.72 lid 1 Aw 2012: restricted procedure, at least 40 days for tenders after the invitation. */
export const FULL_TENDER_DAYS = 40;
/** Art. 2.74a Aw 2012: 5 days fewer when tenders are submitted electronically. */
export const ELECTRONIC_REDUCTION_DAYS = 5;
/** Art. 2.127 Aw 2012: the standstill (opschortende termijn) after the award decision. */
export const STANDSTILL_DAYS = 20;
/** Norm voor Opdrachtgeverschap (VNG): at least three months to implement new contracts. */
export const IMPLEMENTATION_MONTHS = 3;

export type WarningCode =
  | "PARTICIPATION_PERIOD_SHORT"
  | "TENDER_PERIOD_SHORT"
  | "SELECTION_STANDSTILL_SHORT"
  | "AWARD_STANDSTILL_SHORT"
  | "IMPLEMENTATION_SHORT"
  | "MILESTONES_OUT_OF_ORDER"
  | "PHASES_OVERLAP"
  | "CHECK_NOT_POSSIBLE";

export interface PlanningWarning {
  code: WarningCode;
  severity: "warning" | "info";
  /** The rule's source, e.g. "Aw 2012 art. 2.127". */
  basis: string;
  /** The milestones or phases the warning is about. */
  subject: string[];
  /** The planned and the required number of days, where the rule is a period. */
  days?: number;
  minimum?: number;
  message: string;
}

export interface TimelinePlan {
  regime: Regime;
  electronicSubmission: boolean;
  announced: AnnouncedPeriods;
  phases: Phase[];
  milestones: Milestone[];
}

type Dated = Milestone & { date: IsoDate };

function first(milestones: Milestone[], kind: MilestoneKind): Dated | undefined {
  return milestones
    .filter((m): m is Dated => m.kind === kind && m.date !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}

function period(from: Dated, to: Dated) {
  return daysBetween(from.date, to.date);
}

/** The minimum a period must have: the statutory one (full regime) or the announced one (both regimes). */
function minimumFor(
  regime: Regime,
  statutory: number,
  announced: number | null,
): { minimum: number; basis: string } | null {
  if (regime === "full") {
    return announced !== null && announced > statutory
      ? { minimum: announced, basis: "announced in the guide" }
      : { minimum: statutory, basis: "statutory" };
  }
  return announced === null
    ? null
    : { minimum: announced, basis: "announced in the guide (binding under Aw 2012 art. 2.39)" };
}

function periodRule(
  plan: TimelinePlan,
  from: MilestoneKind,
  to: MilestoneKind,
  rule: { code: WarningCode; statutory: number; announced: number | null; article: string; what: string },
): PlanningWarning[] {
  const start = first(plan.milestones, from);
  const end = first(plan.milestones, to);
  const required = minimumFor(plan.regime, rule.statutory, rule.announced);
  if (!start || !end) {
    return required
      ? [
          {
            code: "CHECK_NOT_POSSIBLE",
            severity: "info",
            basis: rule.article,
            subject: [from, to],
            message: `The ${rule.what} cannot be checked until both '${from}' and '${to}' have a date.`,
          },
        ]
      : [];
  }
  if (!required) return [];
  const days = period(start, end);
  if (days >= required.minimum) return [];
  return [
    {
      code: rule.code,
      severity: "warning",
      basis:
        plan.regime === "full" && required.basis === "statutory" ? rule.article : `Aw 2012 art. 2.39; ${rule.article}`,
      subject: [start.label, end.label],
      days,
      minimum: required.minimum,
      message: `The ${rule.what} is ${days} days (${start.date} to ${end.date}); the minimum ${required.basis} is ${required.minimum} days.`,
    },
  ];
}

function standstillRule(
  plan: TimelinePlan,
  decision: MilestoneKind,
  next: MilestoneKind,
  code: WarningCode,
  what: string,
): PlanningWarning[] {
  const start = first(plan.milestones, decision);
  if (!start) return [];
  const end = plan.milestones
    .filter((m): m is Dated => m.kind === next && m.date !== null && m.date >= start.date)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (!end) return [];
  const minimum = Math.max(STANDSTILL_DAYS, plan.announced.standstillDays ?? 0);
  const days = period(start, end);
  if (days >= minimum) return [];
  return [
    {
      code,
      severity: "warning",
      basis: "Aw 2012 art. 2.127",
      subject: [start.label, end.label],
      days,
      minimum,
      message: `The standstill after the ${what} is ${days} calendar days (${start.date} to ${end.date}); it must be at least ${minimum}.`,
    },
  ];
}

/** The participation period of a restricted procedure: publication → deadline for requests (art. 2.71). */
export function participationPeriod(plan: TimelinePlan): PlanningWarning[] {
  return periodRule(plan, "publication", "participation_deadline", {
    code: "PARTICIPATION_PERIOD_SHORT",
    statutory: FULL_PARTICIPATION_DAYS,
    announced: plan.announced.participationDays,
    article: "Aw 2012 art. 2.71",
    what: "period to request participation",
  });
}

/** The tender period: invitation → deadline for tenders (art. 2.72, shortened by art. 2.74a). */
export function tenderPeriod(plan: TimelinePlan): PlanningWarning[] {
  const statutory = FULL_TENDER_DAYS - (plan.electronicSubmission ? ELECTRONIC_REDUCTION_DAYS : 0);
  return periodRule(plan, "invitation", "tender_deadline", {
    code: "TENDER_PERIOD_SHORT",
    statutory,
    announced: plan.announced.tenderDays,
    article: plan.electronicSubmission ? "Aw 2012 art. 2.72 and 2.74a" : "Aw 2012 art. 2.72",
    what: "period to submit tenders",
  });
}

/** The standstill after the selection decision, granted by the region's guide in the manner of art. 2.127. */
export function selectionStandstill(plan: TimelinePlan): PlanningWarning[] {
  return standstillRule(plan, "selection_decision", "invitation", "SELECTION_STANDSTILL_SHORT", "selection decision");
}

/** The standstill after the (provisional) award decision before the final award (art. 2.127). */
export function awardStandstill(plan: TimelinePlan): PlanningWarning[] {
  return standstillRule(plan, "award_decision", "final_award", "AWARD_STANDSTILL_SHORT", "award decision");
}

/** At least three months between the final award and each contract start (Norm voor Opdrachtgeverschap). */
export function implementationPeriod(plan: TimelinePlan): PlanningWarning[] {
  const award = first(plan.milestones, "final_award") ?? first(plan.milestones, "award_decision");
  if (!award) return [];
  return plan.milestones
    .filter((m): m is Dated => m.kind === "contract_start" && m.date !== null)
    .filter((start) => start.date < addMonths(award.date, IMPLEMENTATION_MONTHS))
    .map((start) => ({
      code: "IMPLEMENTATION_SHORT" as const,
      severity: "warning" as const,
      basis: "Norm voor Opdrachtgeverschap (VNG)",
      subject: [award.label, start.label],
      days: daysBetween(award.date, start.date),
      message: `'${start.label}' (${start.date}) leaves less than ${IMPLEMENTATION_MONTHS} months after '${award.label}' (${award.date}) to implement.`,
    }));
}

/** The procedure's steps come in their legal order. */
const ORDER: MilestoneKind[] = [
  "publication",
  "participation_deadline",
  "selection_decision",
  "invitation",
  "tender_deadline",
  "award_decision",
  "final_award",
];

export function milestoneOrder(plan: TimelinePlan): PlanningWarning[] {
  const warnings: PlanningWarning[] = [];
  const present = ORDER.map((kind) => first(plan.milestones, kind)).filter((m): m is Dated => m !== undefined);
  for (let i = 1; i < present.length; i++) {
    const before = present[i - 1]!;
    const after = present[i]!;
    if (after.date < before.date) {
      warnings.push({
        code: "MILESTONES_OUT_OF_ORDER",
        severity: "warning",
        basis: "procedure order",
        subject: [before.label, after.label],
        message: `'${after.label}' (${after.date}) lies before '${before.label}' (${before.date}).`,
      });
    }
  }
  return warnings;
}

export function phaseOverlap(plan: TimelinePlan): PlanningWarning[] {
  const phases = [...plan.phases].sort((a, b) => a.number - b.number);
  const warnings: PlanningWarning[] = [];
  for (let i = 1; i < phases.length; i++) {
    const before = phases[i - 1]!;
    const after = phases[i]!;
    if (before.endsOn && after.startsOn && after.startsOn <= before.endsOn) {
      warnings.push({
        code: "PHASES_OVERLAP",
        severity: "warning",
        basis: "planning",
        subject: [`${before.number} ${before.name}`, `${after.number} ${after.name}`],
        message: `Phase ${after.number} starts (${after.startsOn}) before phase ${before.number} ends (${before.endsOn}).`,
      });
    }
  }
  return warnings;
}

/** Every planning warning for a timeline, in a stable order. */
export function planningWarnings(plan: TimelinePlan): PlanningWarning[] {
  return [
    ...participationPeriod(plan),
    ...tenderPeriod(plan),
    ...selectionStandstill(plan),
    ...awardStandstill(plan),
    ...implementationPeriod(plan),
    ...milestoneOrder(plan),
    ...phaseOverlap(plan),
  ];
}

export interface TimelineStatus {
  today: IsoDate;
  /** The phase whose dates contain today, if any. */
  currentPhase: number | null;
  /** The first milestone on or after today. */
  nextMilestone: Milestone | null;
}

/** Where the tender stands on `today` (a Dutch calendar date passed in by the caller). */
export function timelineStatus(plan: TimelinePlan, today: IsoDate): TimelineStatus {
  const current = plan.phases.find(
    (p) => p.startsOn !== null && p.startsOn <= today && (p.endsOn === null || today <= p.endsOn),
  );
  const next = plan.milestones
    .filter((m): m is Dated => m.date !== null && m.date >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  return { today, currentPhase: current?.number ?? null, nextMilestone: next ?? null };
}
