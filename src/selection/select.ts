// The select engine: who goes on to the award phase. An exact MILP (maximise the total score
// under the count limit and the coverage of every cell, dekkend aanbod), then a staged lot draw
// with a uniqueness certificate, as ../shared/SELECT.md describes. Pure: the solver is passed in.
import { centsToUnits } from "../platform/money.ts";
import { lotteryNumber } from "./lottery.ts";
import { INF, type MilpModel, type MilpOutcome, type MilpSolver, type SparseRow } from "./milp.ts";
import { type BidReason, explain } from "./reasons.ts";
import type { Bid, SelectionInput } from "./schema.ts";
import { byCodeUnit, type Cell, coverageCells, meetsThreshold, totalHundredths } from "./scoring.ts";

export type SelectionStatus = "optimal" | "infeasible" | "time_limit" | "error";

export interface BidOutcome extends BidReason {
  id: string;
  total: number;
  rank: number | null;
  eligible: boolean;
  selected: boolean;
  /** lottery numbers L_1, L_2, … drawn for this bid (eligible bids only) */
  lottery?: number[];
}

export interface CellOutcome {
  municipality: string;
  subsegment: string;
  /** eligible bids covering the cell */
  available: number;
  need: number;
  selected: number;
  /** infeasible case: what the least-shortfall selection of max_selected bids still misses */
  shortfall?: number;
}

export interface SpecialismOutcome {
  specialism: string;
  available: number;
  need: number;
  selected: number;
  shortfall?: number;
}

export interface StageRecord {
  stage: string;
  status: string;
  objective: number | null;
  gap: number | null;
  nodes: number;
  seconds: number;
}

export interface SelectionResult {
  status: SelectionStatus;
  /** Σ total over the selected bids */
  objective: number | null;
  selected: string[];
  min_selected_needed: number | null;
  bids: BidOutcome[];
  cells: CellOutcome[];
  specialisms: SpecialismOutcome[];
  /** infeasible case: cells (and specialisms) that a selection of max_selected bids cannot all meet */
  unmet_cells?: CellOutcome[];
  unmet_specialisms?: SpecialismOutcome[];
  /** infeasible case: a selection of max_selected bids with the least shortfall (best effort, not certified) */
  least_shortfall_selection?: string[];
  tie_break: {
    rule: string;
    seed: string;
    rounds: number;
    /** "unique": the certificate proved no other optimal selection wins under the rule */
    certificate: "unique" | "not_needed" | "not_reached";
    optimum_hundredths: number | null;
    lottery_sums: number[];
    fixed_by_reduced_cost: number;
  };
  solver: { name: string; version: string; gap: number | null; stages: StageRecord[] };
  message?: string;
}

export const TIE_BREAK_RULE =
  "Of all admissible selections only those with the highest total score qualify. Every eligible bid draws a " +
  "lottery number per round r: 1 + (first 4 bytes, big-endian, of SHA-256(UTF-8(seed ␀ r ␀ bid id)) >>> 12). " +
  "Of the qualifying selections the one whose lottery numbers add up to the most is chosen; on a tie in that " +
  "sum, the same is repeated among the tied selections with the next round.";

const MAX_ROUNDS = 20;

interface Problem {
  columns: Bid[];
  cost: Float64Array;
  coverRows: SparseRow[];
  countRow: SparseRow;
  cells: Cell[];
}

class StageFailure extends Error {
  constructor(
    readonly status: SelectionStatus,
    message: string,
  ) {
    super(message);
  }
}

function buildModel(
  problem: Problem,
  objective: Float64Array,
  rows: SparseRow[],
  options: { maximize: boolean; integer?: boolean; lower?: Float64Array; upper?: Float64Array; start?: Float64Array },
): MilpModel {
  const n = problem.columns.length;
  return {
    numCols: n,
    maximize: options.maximize,
    colCost: objective,
    colLower: options.lower ?? new Float64Array(n),
    colUpper: options.upper ?? new Float64Array(n).fill(1),
    rows,
    integer: options.integer ?? true,
    ...(options.start ? { start: options.start } : {}),
  };
}

function rounded(values: Float64Array | null, n: number): Uint8Array {
  const x = new Uint8Array(n);
  if (values) for (let j = 0; j < n; j++) x[j] = values[j]! > 0.5 ? 1 : 0;
  return x;
}

function dot(weights: ArrayLike<number>, x: Uint8Array): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) if (x[j]) sum += weights[j]!;
  return sum;
}

/** Re-checks a rounded selection in integer arithmetic: count limit and every cell's need. */
function admissible(problem: Problem, x: Uint8Array, maxSelected: number): boolean {
  if (dot(problem.countRow.values, x) > maxSelected) return false;
  return problem.cells.every((cell) => cell.columns.reduce((s, j) => s + x[j]!, 0) >= cell.need);
}

function fullRow(values: ArrayLike<number>, lower: number, upper: number): SparseRow {
  const indices: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < values.length; j++) {
    if (values[j] !== 0) {
      indices.push(j);
      vals.push(values[j]!);
    }
  }
  return { indices, values: vals, lower, upper };
}

function toStart(x: Uint8Array): Float64Array {
  return Float64Array.from(x);
}

/**
 * Selects the bids: exact optimum of Σ total under max_selected and coverage, ties broken by the
 * published lot draw with a certificate of uniqueness. The solver must be exact (gap 0).
 */
export function selectProviders(
  input: SelectionInput,
  solver: MilpSolver,
  options: { lottery?: (round: number, bidId: string) => number } = {},
): SelectionResult {
  const draw = options.lottery ?? ((round: number, bidId: string) => lotteryNumber(input.lot_draw_seed, round, bidId));
  const stages: StageRecord[] = [];
  const totals = input.bids.map((bid) => totalHundredths(bid, input.criteria, input.scale_max));
  const eligibleFlags = input.bids.map((bid, i) => bid.requirements_met && meetsThreshold(totals[i]!, input.threshold));
  const totalById = new Map(input.bids.map((bid, i) => [bid.id, totals[i]!]));
  // Canonical order: eligible bids sorted by id, so the model never depends on input order.
  const columns = input.bids.filter((_, i) => eligibleFlags[i]).sort((a, b) => byCodeUnit(a.id, b.id));
  const n = columns.length;
  const { pairs, specialisms } = coverageCells(columns, input.k);
  const cells = [...pairs, ...specialisms];
  const cost = Float64Array.from(columns, (bid) => totalById.get(bid.id)!);
  const problem: Problem = {
    columns,
    cost,
    cells,
    countRow: {
      indices: columns.map((_, j) => j),
      values: columns.map(() => 1),
      lower: -INF,
      upper: input.max_selected,
    },
    coverRows: cells
      .filter((cell) => cell.need > 0)
      .map((cell) => ({ indices: cell.columns, values: cell.columns.map(() => 1), lower: cell.need, upper: INF })),
  };
  const lotteries: number[][] = columns.map(() => []);
  const lotteryOf = (round: number): Float64Array => {
    const out = new Float64Array(n);
    columns.forEach((bid, j) => {
      const drawn = lotteries[j]!;
      while (drawn.length < round) drawn.push(draw(drawn.length + 1, bid.id));
      out[j] = drawn[round - 1]!;
    });
    return out;
  };

  const run = (stage: string, model: MilpModel): MilpOutcome => {
    const outcome = solver.solve(model);
    stages.push({
      stage,
      status: outcome.solverStatus,
      objective: Number.isFinite(outcome.objective) ? outcome.objective : null,
      gap: Number.isFinite(outcome.gap) ? outcome.gap : null,
      nodes: outcome.nodes,
      seconds: outcome.seconds,
    });
    return outcome;
  };
  const requireExact = (stage: string, outcome: MilpOutcome): Uint8Array => {
    if (outcome.status === "time_limit") throw new StageFailure("time_limit", `${stage}: stopped at the time limit`);
    if (outcome.status !== "optimal")
      throw new StageFailure("error", `${stage}: solver ended with ${outcome.solverStatus}`);
    if (gapIsOpen(outcome)) throw new StageFailure("error", `${stage}: optimality not proven (gap ${outcome.gap})`);
    return rounded(outcome.colValue, n);
  };

  const tieBreak: SelectionResult["tie_break"] = {
    rule: TIE_BREAK_RULE,
    seed: input.lot_draw_seed,
    rounds: 0,
    certificate: "not_reached",
    optimum_hundredths: null,
    lottery_sums: [],
    fixed_by_reduced_cost: 0,
  };
  const finish = (
    status: SelectionStatus,
    x: Uint8Array | null,
    extra: Partial<SelectionResult> = {},
  ): SelectionResult => {
    const selectedSet = new Set<string>();
    if (x && status !== "infeasible") {
      columns.forEach((bid, j) => {
        if (x[j]) selectedSet.add(bid.id);
      });
    }
    const gap = stages.length > 0 ? (stages[0]!.gap ?? null) : status === "optimal" ? 0 : null;
    return assemble(input, totals, eligibleFlags, columns, cells, selectedSet, lotteries, status, tieBreak, {
      solver: { name: solver.name, version: solver.version, gap, stages },
      ...extra,
    });
  };

  if (n === 0) {
    // Nothing to choose (the solver would report an empty model, not an optimum).
    tieBreak.certificate = "not_needed";
    tieBreak.optimum_hundredths = 0;
    return finish("optimal", new Uint8Array(0));
  }

  const baseRows = [problem.countRow, ...problem.coverRows];
  let x: Uint8Array;
  try {
    // Stage 1: the optimum P* of Σ total (in hundredths, integral objective).
    const primary = run("primary", buildModel(problem, cost, baseRows, { maximize: true }));
    if (primary.status === "infeasible") return infeasible(input, problem, draw, run, finish, tieBreak);
    x = requireExact("primary", primary);
    if (!admissible(problem, x, input.max_selected))
      throw new StageFailure("error", "primary: rounded solution is not admissible");
    const optimum = dot(cost, x);
    tieBreak.optimum_hundredths = optimum;

    // Speed-up: reduced-cost fixing from the LP relaxation (a bid whose flip would push the LP
    // bound below P* keeps its LP value in every optimal selection).
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(1);
    const lp = run("lp relaxation", buildModel(problem, cost, baseRows, { maximize: true, integer: false }));
    if (lp.status === "optimal" && lp.colValue && lp.colDual) {
      for (let j = 0; j < n; j++) {
        const v = lp.colValue[j]!;
        const atBound = v < 1e-9 ? 0 : v > 1 - 1e-9 ? 1 : -1;
        if (atBound >= 0 && lp.objective - Math.abs(lp.colDual[j]!) < optimum - 0.5) {
          lower[j] = atBound;
          upper[j] = atBound;
          tieBreak.fixed_by_reduced_cost++;
        }
      }
    }

    // Stages 2 and 3, per round: maximise the lottery sum among the optima, then prove uniqueness.
    const rows = [...baseRows, fullRow(cost, optimum - 0.5, INF)];
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const lottery = lotteryOf(round);
      const drawn = run(
        `lottery round ${round}`,
        buildModel(problem, lottery, rows, { maximize: true, lower, upper, start: toStart(x) }),
      );
      const next = requireExact(`lottery round ${round}`, drawn);
      if (!admissible(problem, next, input.max_selected) || dot(cost, next) !== optimum) {
        throw new StageFailure("error", `lottery round ${round}: the selection lost the optimum`);
      }
      x = next;
      const sum = dot(lottery, x);
      tieBreak.rounds = round;
      tieBreak.lottery_sums.push(sum);
      const selectedCount = dot(problem.countRow.values, x);
      const noGood: SparseRow = {
        indices: columns.map((_, j) => j),
        values: Array.from(x, (v) => (v ? 1 : -1)),
        lower: -INF,
        upper: selectedCount - 1,
      };
      const certificate = run(
        `certificate round ${round}`,
        buildModel(problem, new Float64Array(n), [...rows, fullRow(lottery, sum - 0.5, INF), noGood], {
          maximize: true,
          lower,
          upper,
        }),
      );
      if (certificate.status === "infeasible") {
        tieBreak.certificate = "unique";
        break;
      }
      if (certificate.status === "time_limit")
        throw new StageFailure("time_limit", "certificate: stopped at the time limit");
      if (certificate.status !== "optimal") {
        throw new StageFailure("error", `certificate round ${round}: solver ended with ${certificate.solverStatus}`);
      }
      // Another optimal selection has the same lottery sum: keep the sum and draw again.
      rows.push(fullRow(lottery, sum - 0.5, INF));
    }
    if (tieBreak.certificate !== "unique")
      throw new StageFailure("error", `no unique selection after ${MAX_ROUNDS} rounds`);
  } catch (error) {
    if (error instanceof StageFailure) return finish(error.status, null, { message: error.message });
    throw error;
  }
  return finish("optimal", x);
}

function gapIsOpen(outcome: MilpOutcome): boolean {
  // An integral objective is proven optimal when the gap is 0 or the bound is within less than 1.
  if (outcome.gap === 0) return false;
  return !(Math.abs(outcome.dualBound - outcome.objective) < 1 - 1e-6);
}

/**
 * No selection fits within max_selected. Finds min_selected_needed (fewest bids that meet every
 * need) and, as a best effort, a selection of max_selected bids with the least shortfall, to name
 * the cells that cannot be met.
 */
function infeasible(
  input: SelectionInput,
  problem: Problem,
  draw: (round: number, bidId: string) => number,
  run: (stage: string, model: MilpModel) => MilpOutcome,
  finish: (status: SelectionStatus, x: Uint8Array | null, extra?: Partial<SelectionResult>) => SelectionResult,
  tieBreak: SelectionResult["tie_break"],
): SelectionResult {
  const n = problem.columns.length;
  const minimum = run(
    "min_selected_needed",
    buildModel(problem, new Float64Array(n).fill(1), problem.coverRows, { maximize: false }),
  );
  if (minimum.status !== "optimal") {
    return finish(minimum.status === "time_limit" ? "time_limit" : "error", null, {
      message: `min_selected_needed: solver ended with ${minimum.solverStatus}`,
    });
  }
  const minNeeded = Math.round(minimum.objective);
  // Shortfall model: columns x (bids) then s (one per cell with need > 0), s_c ∈ [0, need].
  const needy = problem.cells.filter((c) => c.need > 0);
  const m = needy.length;
  const cols = n + m;
  const lowerB = new Float64Array(cols);
  const upperB = new Float64Array(cols).fill(1);
  needy.forEach((c, i) => {
    upperB[n + i] = c.need;
  });
  const rows: SparseRow[] = [
    problem.countRow,
    ...needy.map((c, i) => ({
      indices: [...c.columns, n + i],
      values: [...c.columns.map(() => 1), 1],
      lower: c.need,
      upper: INF,
    })),
  ];
  const shortfallCost = new Float64Array(cols);
  shortfallCost.fill(1, n);
  const shortModel = (objective: Float64Array, extraRows: SparseRow[], maximize: boolean): MilpModel => ({
    numCols: cols,
    maximize,
    colCost: objective,
    colLower: lowerB,
    colUpper: upperB,
    rows: [...rows, ...extraRows],
    integer: true,
  });
  const least = run("least shortfall", shortModel(shortfallCost, [], false));
  let shortfall: Float64Array | null = null;
  let chosen: Uint8Array | null = null;
  if (least.status === "optimal" && least.colValue) {
    const sStar = Math.round(least.objective);
    const scoreCost = new Float64Array(cols);
    scoreCost.set(problem.cost);
    const best = run(
      "least shortfall, best score",
      shortModel(scoreCost, [fullRow(shortfallCost, -INF, sStar + 0.5)], true),
    );
    if (best.status === "optimal" && best.colValue) {
      const pStar = Math.round(best.objective);
      const lottery = new Float64Array(cols);
      problem.columns.forEach((bid, j) => {
        lottery[j] = draw(1, bid.id);
      });
      const drawn = run(
        "least shortfall, lot draw",
        shortModel(lottery, [fullRow(shortfallCost, -INF, sStar + 0.5), fullRow(scoreCost, pStar - 0.5, INF)], true),
      );
      const final = drawn.status === "optimal" && drawn.colValue ? drawn.colValue : best.colValue;
      chosen = rounded(final, n);
      shortfall = new Float64Array(m);
      needy.forEach((c, i) => {
        const covered = c.columns.reduce((s, j) => s + chosen![j]!, 0);
        shortfall![i] = Math.max(0, c.need - covered);
      });
    }
  }
  const shortfallByKey = new Map<string, number>();
  needy.forEach((c, i) => {
    shortfallByKey.set(c.key, shortfall ? shortfall[i]! : 0);
  });
  tieBreak.certificate = "not_reached";
  const result = finish("infeasible", null, {
    min_selected_needed: minNeeded,
    message: `no selection of at most ${input.max_selected} bids meets every cell; at least ${minNeeded} are needed`,
  });
  result.cells = result.cells.map((c) => ({
    ...c,
    shortfall: shortfallByKey.get(`${c.municipality}\u0000${c.subsegment}`) ?? 0,
  }));
  result.specialisms = result.specialisms.map((c) => ({
    ...c,
    shortfall: shortfallByKey.get(`\u0001${c.specialism}`) ?? 0,
  }));
  result.unmet_cells = result.cells.filter((c) => (c.shortfall ?? 0) > 0);
  result.unmet_specialisms = result.specialisms.filter((c) => (c.shortfall ?? 0) > 0);
  if (chosen) result.least_shortfall_selection = problem.columns.filter((_, j) => chosen![j]).map((b) => b.id);
  return result;
}

/** Puts the result together: ranks, reasons, cell counts. */
function assemble(
  input: SelectionInput,
  totals: number[],
  eligibleFlags: boolean[],
  columns: Bid[],
  cells: Cell[],
  selected: Set<string>,
  lotteries: number[][],
  status: SelectionStatus,
  tieBreak: SelectionResult["tie_break"],
  extra: Partial<SelectionResult> & Pick<SelectionResult, "solver">,
): SelectionResult {
  const eligibleTotals = totals.filter((_, i) => eligibleFlags[i]);
  // Competition ranking among eligible bids: equal totals share a rank (1, 2, 2, 4).
  const descending = Float64Array.from(eligibleTotals).sort().reverse();
  const countAbove = (sorted: Float64Array, total: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > total) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rankOf = (total: number) => 1 + countAbove(descending, total);
  const lotteryById = new Map(columns.map((bid, j) => [bid.id, lotteries[j]!]));
  const columnOf = new Map(columns.map((bid, j) => [bid.id, j]));
  const selectedCounts = new Map(
    cells.map((cell) => [cell, cell.columns.reduce((s, j) => s + (selected.has(columns[j]!.id) ? 1 : 0), 0)]),
  );
  const selectedCount = (cell: Cell) => selectedCounts.get(cell)!;
  const cellOutcomes: CellOutcome[] = [];
  const specialismOutcomes: SpecialismOutcome[] = [];
  for (const cell of cells) {
    const common = { available: cell.columns.length, need: cell.need, selected: selectedCount(cell) };
    if (cell.specialism !== undefined) specialismOutcomes.push({ specialism: cell.specialism, ...common });
    else cellOutcomes.push({ municipality: cell.municipality!, subsegment: cell.subsegment!, ...common });
  }
  const selectedTotals = totals.filter((_, i) => selected.has(input.bids[i]!.id));
  // The lot draw decided against an unselected bid only when a selection of the same score holds
  // it: swapping it for a selected bid with the same total must keep every need met.
  const cellsOfColumn: Cell[][] = columns.map(() => []);
  for (const cell of cells) for (const j of cell.columns) cellsOfColumn[j]!.push(cell);
  const selectedColumnsByTotal = new Map<number, number[]>();
  input.bids.forEach((bid, i) => {
    const j = columnOf.get(bid.id);
    if (j === undefined || !selected.has(bid.id)) return;
    const list = selectedColumnsByTotal.get(totals[i]!) ?? [];
    list.push(j);
    selectedColumnsByTotal.set(totals[i]!, list);
  });
  const lotDrawDecided = (column: number, total: number) => {
    const own = new Set(cellsOfColumn[column]!);
    return (selectedColumnsByTotal.get(total) ?? []).some((other) =>
      cellsOfColumn[other]!.every((c) => own.has(c) || selectedCount(c) - 1 >= c.need),
    );
  };
  const context = {
    status,
    eligibleCount: eligibleTotals.length,
    threshold: input.threshold,
    maxSelected: input.max_selected,
    minSelectedNeeded: extra.min_selected_needed ?? null,
    lowestSelected: selectedTotals.length > 0 ? Math.min(...selectedTotals) : null,
    unselectedTotals: input.bids
      .map((b, i) => (eligibleFlags[i] && !selected.has(b.id) ? totals[i]! : Number.NEGATIVE_INFINITY))
      .filter((t) => Number.isFinite(t)),
    selectedTotals,
    seed: input.lot_draw_seed,
  };
  const bids: BidOutcome[] = input.bids.map((bid, i) => {
    const total = totals[i]!;
    const eligible = eligibleFlags[i]!;
    const isSelected = selected.has(bid.id);
    const rank = eligible ? rankOf(total) : null;
    // The cells this bid holds up: covered by it and met with nothing to spare.
    const column = columnOf.get(bid.id);
    const criticalCells =
      isSelected && column !== undefined
        ? cells
            .filter((c) => c.need > 0 && c.columns.includes(column) && selectedCount(c) === c.need)
            .map((c) => (c.specialism !== undefined ? c.specialism : `${c.municipality} × ${c.subsegment}`))
        : [];
    const tiedAndSwappable =
      status === "optimal" && eligible && !isSelected && column !== undefined && lotDrawDecided(column, total);
    const reason = explain(
      bid,
      { total, eligible, selected: isSelected, rank, criticalCells, lotDrawDecided: tiedAndSwappable },
      context,
    );
    const lottery = lotteryById.get(bid.id);
    return {
      id: bid.id,
      total: centsToUnits(total),
      rank,
      eligible,
      selected: isSelected,
      ...reason,
      ...(lottery && lottery.length > 0 ? { lottery: [...lottery] } : {}),
    };
  });
  const selectedIds = input.bids
    .map((b, i) => ({ id: b.id, total: totals[i]! }))
    .filter((b) => selected.has(b.id))
    .sort((a, b) => b.total - a.total || byCodeUnit(a.id, b.id))
    .map((b) => b.id);
  const objective = status === "optimal" ? centsToUnits(selectedTotals.reduce((s, t) => s + t, 0)) : null;
  return {
    status,
    objective,
    selected: selectedIds,
    min_selected_needed: null,
    bids,
    cells: cellOutcomes,
    specialisms: specialismOutcomes,
    tie_break: tieBreak,
    ...extra,
  };
}

/** The smallest number of eligible bids that meets every cell's need (for planning max_selected). */
export function minSelectedNeeded(input: SelectionInput, solver: MilpSolver): number | null {
  const result = selectProviders({ ...input, max_selected: 0 }, solver);
  if (result.status === "optimal") return 0;
  return result.min_selected_needed;
}
