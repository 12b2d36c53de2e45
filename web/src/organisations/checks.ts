// The checks the browser makes before sending an organisation's identity: the same rules as the
// server's (src/organisations), so a typing error is shown at once, in the user's language.

type Translate = (key: string) => string;

/** A KvK number has exactly 8 digits; 00000000 is never issued. */
export function kvkError(value: string, t: Translate): string | null {
  if (!value) return t("validation.required");
  return /^[0-9]{8}$/.test(value) && value !== "00000000" ? null : t("validation.kvk");
}

/** An AGB code (Vektis) has exactly 8 digits. */
export function agbError(value: string, t: Translate): string | null {
  return /^[0-9]{8}$/.test(value) && value !== "00000000" ? null : t("validation.agb");
}
