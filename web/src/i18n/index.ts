// i18next with Dutch as the default and English as the switch; the choice is remembered and sets <html lang>.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { nl } from "./nl.ts";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "zorginkoop.language";

function stored(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still works for this visit.
  }
  void i18n.changeLanguage(language);
}

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored(),
  fallbackLng: "nl",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;

export { i18n };
