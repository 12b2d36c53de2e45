import { Heading1, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "./links.tsx";
import { usePageTitle } from "./usePageTitle.ts";

/** An unknown address, or a page the user's role may not see (which is "not found" too). */
export function NotFound(): ReactElement {
  const { t } = useTranslation();
  usePageTitle(t("app.notFound"));
  return (
    <>
      <Heading1>{t("app.notFound")}</Heading1>
      <Paragraph>{t("app.notFoundText")}</Paragraph>
      <Paragraph>
        <AppLink to="/tenders">{t("app.backToOverview")}</AppLink>
      </Paragraph>
    </>
  );
}
