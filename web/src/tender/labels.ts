// How tender values read in the UI.
import type { Financing } from "../api.ts";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function financingLabel(financing: Financing, t: Translate): string {
  return t(`financing.${financing}`);
}

/** "3", "2 tot en met 4", "ten minste 2", or "nog niet vastgesteld". */
export function numberToSelectLabel(n: { min: number | null; max: number | null }, t: Translate): string {
  if (n.min === null && n.max === null) return t("structure.notSet");
  if (n.min !== null && n.max !== null) {
    return n.min === n.max
      ? t("structure.exactly", { count: n.min })
      : t("structure.range", { min: n.min, max: n.max });
  }
  return n.min !== null ? t("structure.atLeast", { min: n.min }) : t("structure.atMost", { max: n.max });
}
