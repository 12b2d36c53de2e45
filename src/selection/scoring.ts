// Weighted totals, eligibility and the coverage cells of a selection (dekkend aanbod). Pure.
import { compareRatio, decimalRatio, divRoundHalfAway, type Ratio } from "../platform/money.ts";
import type { Bid, SelectionInput } from "./schema.ts";

/** total(b) = Σ weight × score / scale_max, in hundredths (cents of a point), rounded half away from zero. */
export function totalHundredths(bid: Bid, criteria: SelectionInput["criteria"], scaleMax: number): number {
  let sum: Ratio = { num: 0n, den: 1n };
  for (const c of criteria) {
    const w = decimalRatio(c.weight);
    const s = decimalRatio(bid.scores[c.id] ?? 0);
    const termNum = w.num * s.num;
    const termDen = w.den * s.den;
    sum = { num: sum.num * termDen + termNum * sum.den, den: sum.den * termDen };
  }
  const scale = decimalRatio(scaleMax);
  return Number(divRoundHalfAway(sum.num * 100n * scale.den, sum.den * scale.num));
}

/** total ≥ threshold, compared exactly (the total in hundredths against 100 × threshold). */
export function meetsThreshold(hundredths: number, threshold: number): boolean {
  const t = decimalRatio(threshold);
  return compareRatio({ num: BigInt(hundredths), den: 1n }, { num: t.num * 100n, den: t.den }) >= 0;
}

export interface Cell {
  /** "m\u0000s" for a municipality × subsegment pair, "\u0001specialism" for a specialism */
  key: string;
  municipality?: string;
  subsegment?: string;
  specialism?: string;
  /** columns (eligible bids in canonical order) that cover this cell */
  columns: number[];
  need: number;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every (municipality × subsegment) pair and every specialism named by an eligible bid, sorted
 * by key; need(c) = min(k, number of eligible bids covering c). A repeated name counts once.
 */
export function coverageCells(eligible: readonly Bid[], k: number): { pairs: Cell[]; specialisms: Cell[] } {
  const pairs = new Map<string, Cell>();
  const specialisms = new Map<string, Cell>();
  eligible.forEach((bid, column) => {
    const municipalities = [...new Set(bid.municipalities)];
    const subsegments = [...new Set(bid.subsegments)];
    for (const municipality of municipalities) {
      for (const subsegment of subsegments) {
        const key = `${municipality}\u0000${subsegment}`;
        let cell = pairs.get(key);
        if (!cell) {
          cell = { key, municipality, subsegment, columns: [], need: 0 };
          pairs.set(key, cell);
        }
        cell.columns.push(column);
      }
    }
    for (const specialism of new Set(bid.specialisms)) {
      let cell = specialisms.get(specialism);
      if (!cell) {
        cell = { key: `\u0001${specialism}`, specialism, columns: [], need: 0 };
        specialisms.set(specialism, cell);
      }
      cell.columns.push(column);
    }
  });
  const finish = (cells: Map<string, Cell>) =>
    [...cells.values()]
      .sort((a, b) => byCodeUnit(a.key, b.key))
      .map((cell) => ({ ...cell, need: Math.min(k, cell.columns.length) }));
  return { pairs: finish(pairs), specialisms: finish(specialisms) };
}

export { byCodeUnit };
