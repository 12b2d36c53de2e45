// The narrow interface the select engine needs from a MILP solver, so that the engine stays a
// pure function and the solver (HiGHS in WebAssembly) is plugged in from outside.

export interface SparseRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

export interface MilpModel {
  numCols: number;
  maximize: boolean;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rows: SparseRow[];
  /** false: solve the LP relaxation */
  integer: boolean;
  /** a known feasible start (warm start) */
  start?: Float64Array;
}

export type MilpStatus = "optimal" | "infeasible" | "time_limit" | "other";

export interface MilpOutcome {
  status: MilpStatus;
  /** the solver's own status text */
  solverStatus: string;
  colValue: Float64Array | null;
  /** reduced costs (LP only) */
  colDual: Float64Array | null;
  objective: number;
  /** relative MIP gap; 0 means proven optimal */
  gap: number;
  dualBound: number;
  nodes: number;
  seconds: number;
}

export interface MilpSolver {
  readonly name: string;
  readonly version: string;
  solve(model: MilpModel): MilpOutcome;
}

/** +∞ for row and column bounds. */
export const INF = Number.POSITIVE_INFINITY;
