// Brute force over all subsets as the oracle for select on small instances, including the
// published tie-break (lottery sums, round after round).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, highsRuntime } from "./highs-solver.ts";
import { lotteryNumber } from "./lottery.ts";
import type { MilpSolver } from "./milp.ts";
import type { SelectionInput } from "./schema.ts";
import { selectProviders } from "./select.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = createHighsSolver(await highsRuntime());
});

interface Oracle {
  status: "optimal" | "infeasible";
  selected: string[];
  objective: number;
  minNeeded: number;
}

/** Everything recomputed from the rules of ENGINES.md, by enumeration. */
function bruteForce(input: SelectionInput, lottery: (round: number, id: string) => number): Oracle {
  // Integer weights and scores with scale 10: total in hundredths = 10 × Σ w·s, no rounding needed.
  const total = (b: SelectionInput["bids"][number]) =>
    10 * input.criteria.reduce((s, c) => s + c.weight * (b.scores[c.id] ?? 0), 0);
  const eligible = input.bids.filter((b) => b.requirements_met && total(b) >= input.threshold * 100);
  const cells: { covers: (b: (typeof eligible)[number]) => boolean; need: number }[] = [];
  const pairKeys = new Set<string>();
  const specs = new Set<string>();
  for (const b of eligible) {
    for (const m of b.municipalities) for (const s of b.subsegments) pairKeys.add(`${m}|${s}`);
    for (const sp of b.specialisms) specs.add(sp);
  }
  for (const key of pairKeys) {
    const [m, s] = key.split("|") as [string, string];
    const covers = (b: (typeof eligible)[number]) => b.municipalities.includes(m) && b.subsegments.includes(s);
    cells.push({ covers, need: Math.min(input.k, eligible.filter(covers).length) });
  }
  for (const sp of specs) {
    const covers = (b: (typeof eligible)[number]) => b.specialisms.includes(sp);
    cells.push({ covers, need: Math.min(input.k, eligible.filter(covers).length) });
  }
  const n = eligible.length;
  const subsets: number[] = [];
  let minNeeded = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    const members = eligible.filter((_, j) => mask & (1 << j));
    if (!cells.every((c) => members.filter(c.covers).length >= c.need)) continue;
    minNeeded = Math.min(minNeeded, members.length);
    if (members.length <= input.max_selected) subsets.push(mask);
  }
  if (subsets.length === 0) return { status: "infeasible", selected: [], objective: 0, minNeeded };
  const sumOf = (mask: number, f: (b: (typeof eligible)[number]) => number) =>
    eligible.reduce((s, b, j) => s + (mask & (1 << j) ? f(b) : 0), 0);
  const best = Math.max(...subsets.map((m) => sumOf(m, total)));
  let qualifying = subsets.filter((m) => sumOf(m, total) === best);
  for (let round = 1; qualifying.length > 1; round++) {
    const top = Math.max(...qualifying.map((m) => sumOf(m, (b) => lottery(round, b.id))));
    qualifying = qualifying.filter((m) => sumOf(m, (b) => lottery(round, b.id)) === top);
    if (round > 50) throw new Error("no decision");
  }
  const mask = qualifying[0]!;
  return {
    status: "optimal",
    selected: eligible.filter((_, j) => mask & (1 << j)).map((b) => b.id),
    objective: best,
    minNeeded,
  };
}

const instance = fc.record({
  bids: fc.array(
    fc.record({
      a: fc.integer({ min: 4, max: 10 }),
      b: fc.integer({ min: 4, max: 10 }),
      req: fc.integer({ min: 0, max: 9 }),
      m: fc.subarray(["M1", "M2", "M3"], { minLength: 1 }),
      s: fc.subarray(["s1", "s2"], { minLength: 1 }),
      sp: fc.subarray(["X", "Y"]),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  max: fc.integer({ min: 0, max: 8 }),
  k: fc.integer({ min: 1, max: 3 }),
  seed: fc.string({ maxLength: 8 }),
  coarse: fc.boolean(),
});

describe("select against brute force", () => {
  it("finds the same optimum, the same tie-broken set and the same min_selected_needed", () => {
    fc.assert(
      fc.property(instance, ({ bids, max, k, seed, coarse }) => {
        const input: SelectionInput = {
          criteria: [
            { id: "A", weight: 40 },
            { id: "B", weight: 60 },
          ],
          scale_max: 10,
          threshold: 55,
          max_selected: max,
          k,
          lot_draw_seed: seed,
          bids: bids.map((r, i) => ({
            id: `B${(i * 7) % 10}${i}`,
            requirements_met: r.req > 0,
            scores: { A: r.a, B: r.b },
            subsegments: r.s,
            municipalities: r.m,
            specialisms: r.sp,
          })),
        };
        // With "coarse", lottery numbers are 1 or 2, so lottery sums tie and rounds must go on.
        const lottery = coarse
          ? (round: number, id: string) => 1 + (lotteryNumber(seed, round, id) % 2)
          : (round: number, id: string) => lotteryNumber(seed, round, id);
        const expected = bruteForce(input, lottery);
        const got = selectProviders(input, solver, { lottery });
        expect(got.status).toBe(expected.status);
        if (expected.status === "optimal") {
          expect([...got.selected].sort()).toEqual([...expected.selected].sort());
          expect(Math.round(got.objective! * 100)).toBe(expected.objective);
          expect(got.tie_break.certificate === "unique" || got.tie_break.certificate === "not_needed").toBe(true);
        } else {
          expect(got.min_selected_needed).toBe(expected.minNeeded);
          expect(got.unmet_cells!.length + got.unmet_specialisms!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
