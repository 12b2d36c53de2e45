import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the document title: "<page> — Zorginkoop". */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} — ${t("app.name")}` : t("app.name");
  }, [title, t]);
}
