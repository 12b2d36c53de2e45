// The checks the browser makes before sending an organisation's identity: the server's own rules
// (src/organisations/rules.ts), so a typing error is shown at once, in the user's language.
import { agbProblem, kvkProblem } from "../../../src/organisations/rules.ts";

type Translate = (key: string) => string;

export function kvkError(value: string, t: Translate): string | null {
  if (!value) return t("validation.required");
  return kvkProblem(value) ? t("validation.kvk") : null;
}

/** A combination's own details, new or changed: the KvK number may wait (a coöperatie i.o. has none yet). */
export function combinationErrors(
  values: { name: string; legalForm: string; kvkNumber: string },
  t: Translate,
): Partial<Record<"name" | "legalForm" | "kvkNumber", string>> {
  const found: Partial<Record<"name" | "legalForm" | "kvkNumber", string>> = {};
  if (!values.name.trim()) found.name = t("validation.required");
  if (!values.legalForm) found.legalForm = t("validation.choose");
  const kvk = values.kvkNumber.trim() ? kvkError(values.kvkNumber.trim(), t) : null;
  if (kvk) found.kvkNumber = kvk;
  return found;
}

export function agbError(value: string, t: Translate): string | null {
  return agbProblem(value) ? t("validation.agb") : null;
}
