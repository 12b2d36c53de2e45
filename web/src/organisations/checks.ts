// The checks the browser makes before sending an organisation's identity: the server's own rules
// (src/organisations/rules.ts), so a typing error is shown at once, in the user's language.
import { agbProblem, kvkProblem } from "../../../src/organisations/rules.ts";

type Translate = (key: string) => string;

export function kvkError(value: string, t: Translate): string | null {
  if (!value) return t("validation.required");
  return kvkProblem(value) ? t("validation.kvk") : null;
}

export function agbError(value: string, t: Translate): string | null {
  return agbProblem(value) ? t("validation.agb") : null;
}
