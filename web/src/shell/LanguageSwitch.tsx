import { Button } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { setLanguage } from "../i18n/index.ts";

/** Switches between Dutch and English; the button speaks the language it switches to. */
export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  const target = i18n.language === "en" ? "nl" : "en";
  return (
    <Button appearance="subtle-button" className="zk-language-switch" lang={target} onClick={() => setLanguage(target)}>
      {t("app.languageSwitch")}
    </Button>
  );
}
