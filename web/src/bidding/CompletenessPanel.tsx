// What a bid still lacks before it can be submitted, as the server judges it; each point links to
// the field it is about and moves the focus there.
import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { forwardRef, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { Criterion, Requirement } from "../requirements/api.ts";
import { AppLink } from "../shell/links.tsx";
import type { BidContent, Completeness } from "./api.ts";
import { type MissingPart, missingPart, targetOf } from "./applicable.ts";

interface Props {
  completeness: Completeness;
  content: BidContent;
  requirements: Requirement[];
  criteria: Criterion[];
  /** Where the bidder's and the acting organisation's own details are kept. */
  partyPages: { bidder: string; organisation: string };
}

export const CompletenessPanel = forwardRef<HTMLHeadingElement, Props>(function CompletenessPanel(
  { completeness, content, requirements, criteria, partyPages },
  heading,
): ReactElement {
  const { t } = useTranslation();
  const count = completeness.missing.length;
  return (
    <section aria-labelledby="completeness-heading" className="zk-completeness">
      <Heading2 id="completeness-heading" ref={heading} tabIndex={-1}>
        {t("bid.completeness")}
      </Heading2>
      {completeness.complete ? (
        <Alert type="ok">
          <Paragraph>{t("bid.complete")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t("bid.missingCount", { count })}</Paragraph>
          <ul className="zk-missing">
            {completeness.missing.map((missing, index) => {
              const part = missingPart(missing.field, content);
              const target = targetOf(part);
              const text = missingText(part, missing.message, requirements, criteria, t);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: two points may name the same field.
                <li key={index}>
                  {part.part === "party" ? (
                    <AppLink to={partyPages[part.as]}>{text}</AppLink>
                  ) : target ? (
                    <a
                      href={`#${target}`}
                      className="utrecht-link"
                      onClick={(event) => {
                        event.preventDefault();
                        focusField(target);
                      }}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});

/** Moves the focus to a field, or to the first field inside a group. */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const focusable = element.matches("input, textarea, select, button")
    ? element
    : element.querySelector<HTMLElement>("input:not([disabled]), textarea, select, button");
  element.scrollIntoView({ block: "center" });
  (focusable ?? element).focus();
}

function missingText(
  part: MissingPart,
  message: string,
  requirements: Requirement[],
  criteria: Criterion[],
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  switch (part.part) {
    case "subsegments":
      return t("bid.missing.subsegments");
    case "municipalities":
      return t("bid.missing.municipalities");
    case "specialisms":
      return t("bid.missing.specialisms");
    case "references":
      return part.index === undefined
        ? t("bid.missing.references")
        : t("bid.missing.reference", { number: part.index + 1 });
    case "subcontractors":
      return t("bid.missing.subcontractor", { number: (part.index ?? 0) + 1 });
    case "requirement": {
      const requirement = requirements.find((r) => r.id === part.requirementId);
      if (!requirement) return t("bid.missing.requirements");
      return part.evidence
        ? t("bid.missing.evidence", { code: requirement.code })
        : t("bid.missing.requirement", { code: requirement.code });
    }
    case "referenceRequirement": {
      const requirement = requirements.find((r) => r.id === part.requirementId);
      return requirement
        ? t("bid.missing.referenceRequirement", { code: requirement.code, count: requirement.minClients ?? 1 })
        : t("bid.missing.references");
    }
    case "party": {
      // The server names the organisation: "<name> needs a KvK number".
      const name = /^(.*) needs a/.exec(message)?.[1] ?? "";
      return t(`bid.missing.${part.what}`, { name });
    }
    case "criterion": {
      const criterion = criteria.find((c) => c.id === part.criterionId);
      return criterion
        ? t("bid.missing.criterion", { letter: criterion.letter, title: criterion.title })
        : t("bid.missing.dossier");
    }
    default:
      return message;
  }
}
