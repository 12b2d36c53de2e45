// Small parts the Q&A pages share: refusals in the user's language, the categories, status badges and
// the question deadline counting down by the server's clock.
import { StatusBadge } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { useServerNow } from "../bidding/Countdown.tsx";
import { durationParts, formatMoment } from "../dates.ts";
import { type Refusal, refusalText } from "../forms.tsx";
import type { QuestionStatus } from "./api.ts";

/** DOMAIN.md's categories of a Nota van Inlichtingen; an officer may also type another. */
export const CATEGORIES = [
  "Planning",
  "Proces van aanbesteden",
  "Inschrijven",
  "Selectiefase",
  "Gunningsfase",
  "Segmentering",
  "Bekostiging",
  "KPI's en resultaatsturing",
  "Implementatie en uitvoering",
  "Kwaliteit",
  "Overige",
] as const;

/** The Q&A rules the server names (problem.rule), each with a text in qa.rules.*. */
const QA_RULES = [
  "questions_closed",
  "questions_not_open",
  "number_taken",
  "already_approved",
  "four_eyes",
  "number_required",
  "not_drafted",
  "empty_round",
  "already_published",
  "withdrawn",
  "not_assignee",
] as const;

type T = (key: string, options?: Record<string, unknown>) => string;

/** A refusal in the user's language: a Q&A rule when named (the deadline with its moment), else the shared texts. */
export function qaRefusal(error: unknown, t: T, language: string): string {
  if (error instanceof ApiError && error.rule && (QA_RULES as readonly string[]).includes(error.rule)) {
    const closeAt = (error.problem as { questionsCloseAt?: string | null }).questionsCloseAt;
    return t(`qa.rules.${error.rule}`, { moment: closeAt ? formatMoment(closeAt, language) : "" });
  }
  return refusalText(error, t as (key: string, options?: { detail: string }) => string);
}

/**
 * For a Q&A form's useFormAction (onRefused): a refusal that names none of the form's fields is said
 * in the Q&A's own words (a closed question period with its moment, say).
 */
export function qaRefused<F extends string>(t: T, language: string): (refusal: Refusal<F>, error: unknown) => void {
  return (refusal, error) => {
    if (Object.keys(refusal.errors).length === 0) refusal.formError = qaRefusal(error, t, language);
  };
}

const BADGE: Record<QuestionStatus, "active" | "inactive" | "warning" | "neutral"> = {
  new: "warning",
  assigned: "warning",
  drafted: "warning",
  approved: "active",
  published: "active",
  answered: "active",
  withdrawn: "inactive",
};

export function StatusLabel({ status }: { status: QuestionStatus }): ReactElement {
  const { t } = useTranslation();
  return <StatusBadge status={BADGE[status]}>{t(`qa.status.${status}`)}</StatusBadge>;
}

/** The question deadline and, while it is open, the time left by the server's clock. */
export function QuestionDeadline(props: { closeAt: string | null; serverTime: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useServerNow(props.serverTime);
  if (!props.closeAt) return <p className="zk-closing">{t("qa.deadline.none")}</p>;
  const left = Date.parse(props.closeAt) - now;
  const moment = formatMoment(props.closeAt, i18n.language);
  if (left <= 0) {
    return (
      <div className="zk-closing zk-closing--closed">
        <p className="zk-closing__time">{t("qa.deadline.closed", { moment })}</p>
      </div>
    );
  }
  const parts = durationParts(left);
  return (
    <div className="zk-closing">
      <p className="zk-closing__time">
        {t("qa.deadline.until")} <strong>{moment}</strong>
      </p>
      <p className="zk-closing__left">
        {t("bidding.timeLeft")}{" "}
        <span role="timer" aria-live="off" className="zk-countdown">
          {parts.days > 0 ? `${t("bidding.days", { count: parts.days })} ` : ""}
          {t("bidding.clock", {
            hours: String(parts.hours).padStart(2, "0"),
            minutes: String(parts.minutes).padStart(2, "0"),
            seconds: String(parts.seconds).padStart(2, "0"),
          })}
        </span>
      </p>
      <p className="zk-hint">{t("bidding.serverClock")}</p>
    </div>
  );
}

/** A live region for the outcome of an action; styled only while it says something. */
export function Notice({ message }: { message: string }): ReactElement {
  return (
    <p role="status" className={message ? "zk-saved" : undefined}>
      {message}
    </p>
  );
}
