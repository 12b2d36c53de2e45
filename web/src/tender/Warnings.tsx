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

function text(warning: PlanningWarning, t: Translate, known: boolean): string {
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
        const known = i18n.exists(`warningCode.${warning.code}`);
        const basis = i18n.exists(`basis.${warning.basis}`) ? t(`basis.${warning.basis}`) : warning.basis;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity beyond their order.
          <li key={index}>
            <Alert type={warning.severity === "warning" ? "warning" : "info"}>
              <Heading3 className="zk-alert-title">{known ? t(`warningCode.${warning.code}`) : warning.code}</Heading3>
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
