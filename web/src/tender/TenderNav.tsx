// The tabs of one tender: its structure and its timeline.
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export function TenderNav({ tenderId }: { tenderId: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <nav className="zk-tabs" aria-label={t("nav.tenderNav")}>
      <ul className="zk-tabs__list">
        <li>
          <NavLink end to={`/tenders/${tenderId}`} className="zk-tabs__link">
            {t("nav.structure")}
          </NavLink>
        </li>
        <li>
          <NavLink end to={`/tenders/${tenderId}/timeline`} className="zk-tabs__link">
            {t("nav.timeline")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
