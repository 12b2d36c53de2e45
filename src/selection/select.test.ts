import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, highsRuntime } from "./highs-solver.ts";
import { lotteryNumber } from "./lottery.ts";
import type { MilpSolver } from "./milp.ts";
import { type Bid, type SelectionInput, selectionInputSchema } from "./schema.ts";
import { selectProviders } from "./select.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = createHighsSolver(await highsRuntime());
});

const bid = (id: string, a: number, b: number, municipalities: string[], over: Partial<Bid> = {}): Bid => ({
  id,
  requirements_met: true,
  scores: { A: a, B: b },
  subsegments: ["ondersteuning"],
  municipalities,
  specialisms: [],
  ...over,
});
const input = (bids: Bid[], over: Partial<SelectionInput> = {}): SelectionInput => ({
  criteria: [
    { id: "A", weight: 30 },
    { id: "B", weight: 70 },
  ],
  scale_max: 10,
  threshold: 55,
  max_selected: 12,
  k: 2,
  bids,
  lot_draw_seed: "notaris-2021-06-01",
  ...over,
});

describe("select: scoring and eligibility", () => {
  it("computes the total exactly, rounded half away from zero to 2 decimals", () => {
    // 30 × 7.25 / 10 + 70 × 6.05 / 10 = 21.75 + 42.35 = 64.1
    const r = selectProviders(input([bid("B1", 7.25, 6.05, ["GM0197"])]), solver);
    expect(r.bids[0]!.total).toBe(64.1);
    // weights 1/3 style: 100 × 1 × 2/3 → 66.666… → 66.67; 100 × 1/3… use scale 3
    const third = selectProviders(input([bid("B1", 1, 1, ["GM0197"])], { scale_max: 3, threshold: 0 }), solver);
    expect(third.bids[0]!.total).toBe(33.33);
    // exactly half a hundredth: 30 × 0.0005 / 10 … use weight 50/50 with scores giving x.xx5
    const half = selectProviders(
      input([bid("B1", 0.01, 0, ["GM0197"])], {
        criteria: [
          { id: "A", weight: 50 },
          { id: "B", weight: 50 },
        ],
        threshold: 0,
      }),
      solver,
    );
    expect(half.bids[0]!.total).toBe(0.05); // 50 × 0.01 / 10 = 0.05
    const halfUp = selectProviders(
      input([bid("B1", 0.001, 0, ["GM0197"])], {
        criteria: [
          { id: "A", weight: 50 },
          { id: "B", weight: 50 },
        ],
        threshold: 0,
      }),
      solver,
    );
    expect(halfUp.bids[0]!.total).toBe(0.01); // 0.005 → 0.01, half away from zero
  });

  it("is eligible exactly on the threshold and not one hundredth below it", () => {
    const r = selectProviders(input([bid("ON", 5.5, 5.5, ["GM0197"]), bid("BELOW", 5.5, 5.4985, ["GM0197"])]), solver);
    expect(r.bids[0]).toMatchObject({ total: 55, eligible: true, selected: true });
    expect(r.bids[1]).toMatchObject({ total: 54.99, eligible: false, reason_code: "BELOW_THRESHOLD" });
    expect(r.bids[1]!.reason).toContain("54.99");
    expect(r.bids[1]!.reason).toContain("55");
  });

  it("names the failed requirement", () => {
    const r = selectProviders(
      input([bid("B1", 9, 9, ["GM0197"], { requirements_met: false, failed_requirement: "VOG" })]),
      solver,
    );
    expect(r.bids[0]).toMatchObject({
      eligible: false,
      selected: false,
      reason_code: "REQUIREMENT_NOT_MET",
      rank: null,
    });
    expect(r.bids[0]!.reason).toContain("VOG");
  });
});

describe("select: coverage (dekkend aanbod)", () => {
  it("takes a lower-ranked bid for coverage and says which cell it covers", () => {
    const bids = [
      bid("HIGH1", 9, 9, ["GM0197"]),
      bid("HIGH2", 8, 8, ["GM0197"]),
      bid("HIGH3", 7, 7, ["GM0197"]),
      bid("LOW", 6, 6, ["GM0222"]),
    ];
    const r = selectProviders(input(bids, { max_selected: 3, k: 1 }), solver);
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["HIGH1", "HIGH2", "LOW"]);
    const low = r.bids.find((b) => b.id === "LOW")!;
    expect(low.reason_code).toBe("SELECTED_FOR_COVERAGE");
    expect(low.reason).toContain("GM0222 × ondersteuning");
    const high3 = r.bids.find((b) => b.id === "HIGH3")!;
    expect(high3.reason_code).toBe("NOT_SELECTED_COVERAGE");
    expect(r.objective).toBe(90 + 80 + 60);
    expect(r.cells).toContainEqual({
      municipality: "GM0222",
      subsegment: "ondersteuning",
      available: 1,
      need: 1,
      selected: 1,
    });
  });

  it("needs min(k, available) per cell, so one bidder in a cell is enough there", () => {
    const r = selectProviders(
      input([bid("A1", 9, 9, ["GM0197"]), bid("A2", 8, 8, ["GM0222"])], { max_selected: 2 }),
      solver,
    );
    expect(r.cells.map((c) => c.need)).toEqual([1, 1]);
    expect(r.selected).toHaveLength(2);
  });

  it("counts specialisms as cells", () => {
    const bids = [
      bid("B1", 9, 9, ["GM0197"]),
      bid("B2", 8, 8, ["GM0197"]),
      bid("B3", 6, 6, ["GM0197"], { specialisms: ["GGZ"] }),
    ];
    const r = selectProviders(input(bids, { max_selected: 2, k: 1 }), solver);
    expect(r.selected).toEqual(["B1", "B3"]);
    expect(r.specialisms).toEqual([{ specialism: "GGZ", available: 1, need: 1, selected: 1 }]);
  });

  it("reports infeasibility with the unmet cells and min_selected_needed", () => {
    const bids = [bid("B1", 9, 9, ["GM0197"]), bid("B2", 8, 8, ["GM0222"]), bid("B3", 7, 7, ["GM1859"])];
    const r = selectProviders(input(bids, { max_selected: 2, k: 1 }), solver);
    expect(r.status).toBe("infeasible");
    expect(r.min_selected_needed).toBe(3);
    expect(r.selected).toEqual([]);
    expect(r.objective).toBeNull();
    expect(r.unmet_cells).toHaveLength(1);
    expect(r.unmet_cells![0]!.municipality).toBe("GM1859"); // the least-shortfall set keeps the best scores
    expect(r.bids.every((b) => b.reason_code === "NO_FEASIBLE_SELECTION")).toBe(true);
  });

  it("selects nothing, optimally, when no bid is eligible", () => {
    const r = selectProviders(input([bid("B1", 1, 1, ["GM0197"])]), solver);
    expect(r).toMatchObject({ status: "optimal", objective: 0, selected: [], cells: [] });
  });
});

describe("select: the tie-break and the lot draw", () => {
  const tied = [
    bid("T1", 8, 8, ["GM0197"]),
    bid("T2", 8, 8, ["GM0197"]),
    bid("T3", 8, 8, ["GM0197"]),
    bid("T4", 8, 8, ["GM0197"]),
  ];

  it("gives the contested slot to the higher lottery number, and the same seed gives the same set", () => {
    const r = selectProviders(input(tied, { max_selected: 2 }), solver);
    const lottery = tied.map((b) => lotteryNumber("notaris-2021-06-01", 1, b.id));
    const expected = tied
      .map((b, i) => ({ id: b.id, l: lottery[i]! }))
      .sort((a, b) => b.l - a.l)
      .slice(0, 2)
      .map((b) => b.id)
      .sort();
    expect([...r.selected].sort()).toEqual(expected);
    expect(r.tie_break.certificate).toBe("unique");
    const loser = r.bids.find((b) => !b.selected)!;
    expect(loser.reason_code).toBe("NOT_SELECTED_TIE_LOT_DRAW");
    const again = selectProviders(input([...tied].reverse(), { max_selected: 2 }), solver);
    expect([...again.selected].sort()).toEqual(expected);
  });

  it("says the lot draw decided only when a selection of the same score holds the bid", () => {
    // Regression: TIED ties SEL at 80.00 but covers only GM0197, while SEL is the only bid left for
    // GM0222. No optimal selection holds TIED, so coverage decided, not the lot draw.
    const bids = [bid("TOP", 9, 9, ["GM0197"]), bid("SEL", 8, 8, ["GM0222"]), bid("TIED", 8, 8, ["GM0197"])];
    const r = selectProviders(input(bids, { k: 1, max_selected: 2 }), solver);
    expect([...r.selected].sort()).toEqual(["SEL", "TOP"]);
    const tiedOutcome = r.bids.find((b) => b.id === "TIED")!;
    expect(tiedOutcome.reason_code).toBe("NOT_SELECTED");
    expect(tiedOutcome.reason).not.toContain("lot draw");
    // With SEL also covering GM0197, TIED could take its place: then the lot draw did decide.
    const swappable = selectProviders(
      input([bids[0]!, bid("SEL", 8, 8, ["GM0197", "GM0222"]), bid("TIED", 8, 8, ["GM0197", "GM0222"])], {
        k: 1,
        max_selected: 2,
      }),
      solver,
    );
    const loser = swappable.bids.find((b) => b.id !== "TOP" && !b.selected)!;
    expect(loser.reason_code).toBe("NOT_SELECTED_TIE_LOT_DRAW");
  });

  it("goes to a next round when lottery sums tie", () => {
    // Round 1 gives everyone the same number, so round 2 decides.
    const lottery = (round: number, id: string) => (round === 1 ? 7 : lotteryNumber("x", round, id));
    const r = selectProviders(input(tied, { max_selected: 2 }), solver, { lottery });
    expect(r.tie_break.rounds).toBe(2);
    const expected = tied
      .map((b) => ({ id: b.id, l: lotteryNumber("x", 2, b.id) }))
      .sort((a, b) => b.l - a.l)
      .slice(0, 2)
      .map((b) => b.id)
      .sort();
    expect([...r.selected].sort()).toEqual(expected);
  });
});

describe("select: input validation", () => {
  const valid = input([bid("B1", 8, 6, ["GM0197"])]);
  const pathOf = (data: unknown) => selectionInputSchema.safeParse(data).error?.issues.map((i) => i.path.join("."));

  it("names a missing score, a score above the scale, an unknown criterion, a duplicate id", () => {
    expect(pathOf({ ...valid, bids: [{ ...valid.bids[0], scores: { A: 8 } }] })).toEqual(["bids.0.scores.B"]);
    expect(pathOf({ ...valid, bids: [{ ...valid.bids[0], scores: { A: 11, B: 1 } }] })).toEqual(["bids.0.scores.A"]);
    expect(pathOf({ ...valid, bids: [{ ...valid.bids[0], scores: { A: 1, B: 1, C: 1 } }] })).toEqual([
      "bids.0.scores.C",
    ]);
    expect(pathOf({ ...valid, bids: [valid.bids[0], valid.bids[0]] })).toEqual(["bids.1.id"]);
    expect(
      pathOf({
        ...valid,
        criteria: [
          { id: "A", weight: 30 },
          { id: "B", weight: 60 },
        ],
      }),
    ).toContain("criteria");
    expect(pathOf({ ...valid, max_selected: -1 })).toEqual(["max_selected"]);
  });
});

describe("select: properties", () => {
  it("a selection is always admissible and never worse than a random admissible set", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.integer({ min: 5, max: 10 }),
            b: fc.integer({ min: 5, max: 10 }),
            m: fc.subarray(["M1", "M2", "M3", "M4"], { minLength: 1 }),
            s: fc.subarray(["s1", "s2", "s3"], { minLength: 1 }),
            sp: fc.subarray(["X", "Y"]),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (raw, maxSelected, mask) => {
          const bids = raw.map((r, i) => bid(`B${i}`, r.a, r.b, r.m, { subsegments: r.s, specialisms: r.sp }));
          const sel = input(bids, { max_selected: maxSelected });
          const r = selectProviders(sel, solver);
          const admissible = (ids: Set<string>) => {
            if (ids.size > maxSelected) return false;
            return [...r.cells, ...r.specialisms].every((cell) => {
              const covering = bids.filter(
                (b) =>
                  ids.has(b.id) &&
                  ("specialism" in cell
                    ? b.specialisms.includes(cell.specialism)
                    : b.municipalities.includes(cell.municipality) && b.subsegments.includes(cell.subsegment)),
              );
              return covering.length >= cell.need;
            });
          };
          const random = new Set(bids.filter((_b, i) => mask[i] && r.bids[i]!.eligible).map((b) => b.id));
          if (r.status === "optimal") {
            expect(admissible(new Set(r.selected))).toBe(true);
            if (admissible(random)) {
              const sum = r.bids.filter((b) => random.has(b.id)).reduce((s, b) => s + Math.round(b.total * 100), 0);
              expect(sum).toBeLessThanOrEqual(Math.round(r.objective! * 100));
            }
          } else {
            expect(r.status).toBe("infeasible");
            expect(admissible(random)).toBe(false);
            expect(r.min_selected_needed).toBeGreaterThan(maxSelected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
