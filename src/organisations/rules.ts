// What makes an organisation's identity valid (DOMAIN.md, "Who may bid"): its legal form, its KvK
// number (Kamer van Koophandel, the trade register) and its AGB code (Vektis' register of care
// providers). Pure: each check returns the problem as a short English sentence, or undefined.

export const SINGLE_LEGAL_FORMS = ["stichting", "bv", "zzp", "vof"] as const;
export const COMBINATION_LEGAL_FORMS = ["cooperatie", "cooperatie_io", "consortium"] as const;
export const LEGAL_FORMS = [...SINGLE_LEGAL_FORMS, ...COMBINATION_LEGAL_FORMS] as const;

export type SingleLegalForm = (typeof SINGLE_LEGAL_FORMS)[number];
export type CombinationLegalForm = (typeof COMBINATION_LEGAL_FORMS)[number];
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** A coöperatie (also one still being formed, "i.o.") or a consortium bids as a combination of members. */
export function isCombinationForm(form: LegalForm): form is CombinationLegalForm {
  return (COMBINATION_LEGAL_FORMS as readonly string[]).includes(form);
}

/** Whether the legal form fits what the organisation is: a single provider or a combination. */
export function legalFormProblem(kind: "single" | "combination", form: LegalForm): string | undefined {
  if (kind === "combination" && !isCombinationForm(form)) {
    return `a combination is a ${COMBINATION_LEGAL_FORMS.join(", ")}; ${form} is the form of a single provider`;
  }
  if (kind === "single" && isCombinationForm(form)) {
    return `a single provider is a ${SINGLE_LEGAL_FORMS.join(", ")}; ${form} is the form of a combination, formed by its lead member`;
  }
  return undefined;
}

/**
 * A KvK number has exactly 8 digits. The register publishes no check digit, so nothing more can be
 * checked offline; all zeros is never issued.
 */
export function kvkProblem(value: string): string | undefined {
  if (!/^[0-9]{8}$/.test(value)) return "a KvK number is exactly 8 digits";
  if (value === "00000000") return "00000000 is not a KvK number";
  return undefined;
}

/** An AGB code (Vektis) has exactly 8 digits: 2 for the kind of care, 6 for the provider. */
export function agbProblem(value: string): string | undefined {
  if (!/^[0-9]{8}$/.test(value)) return "an AGB code is exactly 8 digits";
  if (value === "00000000") return "00000000 is not an AGB code";
  return undefined;
}
