// The planning warnings as NL Design System alerts, each with its legal basis.
import { Alert, Heading3, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { PlanningWarning } from "../api.ts";

type Translate = ReturnType<typeof useTranslation>["t"];

const PERIOD_CODES = new Set([
  "PARTICIPATION_PERIOD_SHORT",
  "TENDER_PERIOD_SHORT",
  "SELECTION_STANDSTILL_SHORT",
  "AWARD_STANDSTILL_SHORT",
]);

/** The Q&A module's warnings carry their own texts (qa/timeline-i18n.ts). */
const isQa = (code: string) => code.startsWith("qa_");

function text(warning: PlanningWarning, t: Translate, known: boolean): string {
  if (isQa(warning.code)) {
    return t(`qaTimeline.text.${warning.code}`, { days: warning.days, minimum: warning.minimum });
  }
  if (!known) return warning.message;
  const [first = "", second = ""] = warning.subject;
  if (PERIOD_CODES.has(warning.code) && warning.days !== undefined && warning.minimum !== undefined) {
    return t("warningText.period", { days: warning.days, minimum: warning.minimum });
  }
  switch (warning.code) {
    case "IMPLEMENTATION_SHORT":
      return t("warningText.implementation");
    case "MILESTONES_OUT_OF_ORDER":
      return t("warningText.order", { first, second });
    case "PHASES_OVERLAP":
      return t("warningText.overlap", { first, second });
    case "CHECK_NOT_POSSIBLE":
      return t("warningText.unchecked");
    default:
      return warning.message;
  }
}

function subjects(warning: PlanningWarning, t: Translate, i18n: { exists(key: string): boolean }): string {
  return warning.subject.map((s) => (i18n.exists(`milestoneKind.${s}`) ? t(`milestoneKind.${s}`) : s)).join(" – ");
}

export function Warnings({ warnings }: { warnings: PlanningWarning[] }): ReactElement {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) {
    return (
      <Alert type="ok">
        <Paragraph>{t("timeline.noWarnings")}</Paragraph>
      </Alert>
    );
  }
  return (
    <ul className="zk-warnings">
      {warnings.map((warning, index) => {
        const qa = isQa(warning.code) && i18n.exists(`qaTimeline.code.${warning.code}`);
        const known = qa || i18n.exists(`warningCode.${warning.code}`);
        const basisKey = qa ? `qaTimeline.basis.${warning.basis}` : `basis.${warning.basis}`;
        const basis = i18n.exists(basisKey) ? t(basisKey) : warning.basis;
        const title = qa ? t(`qaTimeline.code.${warning.code}`) : t(`warningCode.${warning.code}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity beyond their order.
          <li key={index}>
            <Alert type={warning.severity === "warning" ? "warning" : "info"}>
              <Heading3 className="zk-alert-title">{known ? title : warning.code}</Heading3>
              <Paragraph>{text(warning, t, known)}</Paragraph>
              {warning.subject.length > 0 ? (
                <Paragraph small>{t("timeline.between", { subjects: subjects(warning, t, i18n) })}</Paragraph>
              ) : null}
              <Paragraph small>
                <strong>{t("timeline.basis")}:</strong> {basis}
              </Paragraph>
            </Alert>
          </li>
        );
      })}
    </ul>
  );
}
