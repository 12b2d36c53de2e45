// The tabs of one tender: its structure, timeline and what it asks; for a provider its own bids,
// for staff the registrations and (after the opening) the bids.
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { allows } from "../../../src/platform/policy.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";

export function TenderNav({ tenderId }: { tenderId: string }): ReactElement {
  const { t } = useTranslation();
  const { user } = useMe();
  const tabs = [
    { to: `/tenders/${tenderId}`, label: t("nav.structure") },
    { to: `/tenders/${tenderId}/timeline`, label: t("nav.timeline") },
    ...(can.readRequirements(user.role)
      ? [{ to: `/tenders/${tenderId}/requirements`, label: t("nav.requirements") }]
      : []),
    { to: `/tenders/${tenderId}/sessions`, label: t("dialogue.nav") },
    ...(can.bid(user.role) ? [{ to: `/tenders/${tenderId}/my-bids`, label: t("nav.bid") }] : []),
    ...(can.seeRegistrations(user.role) ? [{ to: `/tenders/${tenderId}/bids`, label: t("nav.bids") }] : []),
    // Questions and answers (issue 5): everyone reads; staff also handle them.
    { to: `/tenders/${tenderId}/qa`, label: t("qa.nav.qa") },
    ...(allows(user.role, "qa:work") ? [{ to: `/tenders/${tenderId}/qa/work`, label: t("qa.nav.work") }] : []),
  ];
  return (
    <nav className="zk-tabs" aria-label={t("nav.tenderNav")}>
      <ul className="zk-tabs__list">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink end to={tab.to} className="zk-tabs__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
