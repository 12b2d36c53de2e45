// The timeline's Q&A warnings: the last Nota van Inlichtingen planned too close to the closing time,
// and questions still open while the closing time approaches. Pure: dates and `now` are arguments.
import { daysBetween, type IsoDate } from "../platform/dates.ts";

export interface QaPlan {
  /** The tender's closing time (sluitingstijd), and its date in Amsterdam. */
  closesAt: Date | null;
  closesOn: IsoDate | null;
  lastRoundMinDays: number;
  openWarningDays: number;
  /** Rounds with the date they were published on (Amsterdam) or are planned for; imported rounds left out. */
  rounds: { number: number; title: string; on: IsoDate | null; published: boolean }[];
  /** Questions not yet answered (new, assigned, drafted, approved). */
  openQuestions: number;
}

export interface QaWarning {
  code: "qa_last_round_late" | "qa_questions_open";
  severity: "warning" | "info";
  basis: string;
  subject: string[];
  days?: number;
  minimum?: number;
  message: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Aw 2012 art. 2.75: additional information at the latest six days (the setting) before the closing time. */
export function lastRoundLate(plan: QaPlan): QaWarning[] {
  if (!plan.closesOn) return [];
  const closesOn = plan.closesOn;
  return plan.rounds
    .filter((r): r is typeof r & { on: IsoDate } => r.on !== null)
    .map((r) => ({ round: r, days: daysBetween(r.on, closesOn) }))
    .filter(({ days }) => days < plan.lastRoundMinDays)
    .map(({ round, days }) => ({
      code: "qa_last_round_late" as const,
      severity: "warning" as const,
      basis: "Aw 2012 art. 2.75",
      subject: [round.title],
      days,
      minimum: plan.lastRoundMinDays,
      message: `${round.title} is ${round.published ? "published" : "planned"} ${days} days before the closing time; at least ${plan.lastRoundMinDays} are needed`,
    }));
}

/** From `openWarningDays` before the closing time until it, every unanswered question is a warning. */
export function questionsOpen(plan: QaPlan, now: Date): QaWarning[] {
  if (!plan.closesAt || plan.openQuestions === 0) return [];
  const closes = plan.closesAt.getTime();
  if (now.getTime() >= closes || now.getTime() < closes - plan.openWarningDays * DAY) return [];
  return [
    {
      code: "qa_questions_open",
      severity: "warning",
      basis: "qa_open_warning_days",
      subject: [],
      days: Math.ceil((closes - now.getTime()) / DAY),
      minimum: plan.openWarningDays,
      message: `${plan.openQuestions} question(s) are not yet answered and the closing time is ${plan.closesAt.toISOString()}`,
    },
  ];
}

export function qaWarnings(plan: QaPlan, now: Date): QaWarning[] {
  return [...lastRoundLate(plan), ...questionsOpen(plan, now)];
}
