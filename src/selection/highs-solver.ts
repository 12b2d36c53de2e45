// HiGHS (compiled to WebAssembly, npm package `highs`) behind the engine's MilpSolver interface.
// Exactness: mip_rel_gap 0; the engine still re-checks every rounded answer in integers.
import loadHighs, { type Highs, type ModelData } from "highs";
import type { MilpModel, MilpOutcome, MilpSolver, MilpStatus } from "./milp.ts";

let loading: Promise<Highs> | null = null;

/** Loads the WASM solver once per process (or worker). */
export function highsRuntime(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

function toModelData(highs: Highs, model: MilpModel): ModelData {
  const starts = new Int32Array(model.rows.length + 1);
  let nonzeros = 0;
  model.rows.forEach((row, i) => {
    nonzeros += row.indices.length;
    starts[i + 1] = nonzeros;
  });
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  const rowLower = new Float64Array(model.rows.length);
  const rowUpper = new Float64Array(model.rows.length);
  model.rows.forEach((row, i) => {
    indices.set(row.indices, starts[i]!);
    values.set(row.values, starts[i]!);
    rowLower[i] = Number.isFinite(row.lower) ? row.lower : -highs.infinity;
    rowUpper[i] = Number.isFinite(row.upper) ? row.upper : highs.infinity;
  });
  return {
    numCols: model.numCols,
    numRows: model.rows.length,
    sense: model.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: model.rows.length, numCols: model.numCols, starts, indices, values },
    ...(model.integer ? { integrality: new Int32Array(model.numCols).fill(highs.constants.variableType.integer) } : {}),
  };
}

export interface HighsSolverOptions {
  /** Wall-clock budget for all solves of this solver, in seconds (HiGHS's own limit; not hard). */
  timeLimitSeconds?: number;
}

export function createHighsSolver(highs: Highs, options: HighsSolverOptions = {}): MilpSolver {
  const started = performance.now();
  const codes = highs.constants.modelStatus;
  return {
    name: "HiGHS",
    version: highs.version.string,
    solve(model: MilpModel): MilpOutcome {
      const t0 = performance.now();
      return highs.withModel(toModelData(highs, model), (m) => {
        const settings: Record<string, number | boolean | string> = { output_flag: false, mip_rel_gap: 0 };
        if (options.timeLimitSeconds !== undefined) {
          const left = options.timeLimitSeconds - (performance.now() - started) / 1000;
          settings.time_limit = Math.max(0.001, left);
        }
        m.options.set(settings);
        if (model.start) m.setSolution({ colValue: model.start });
        m.run();
        const code = m.getModelStatus();
        const status: MilpStatus =
          code === codes.optimal
            ? "optimal"
            : code === codes.infeasible
              ? "infeasible"
              : code === codes.timeLimit
                ? "time_limit"
                : "other";
        const name = Object.entries(codes).find(([, v]) => v === code)?.[0] ?? String(code);
        const hasSolution = status === "optimal" || status === "time_limit";
        const solution = hasSolution ? m.getSolution() : null;
        const info = (key: string) => {
          try {
            return Number(m.info.get(key as never));
          } catch {
            return Number.NaN;
          }
        };
        return {
          status,
          solverStatus: name,
          colValue: solution ? solution.colValue : null,
          colDual: solution && !model.integer ? solution.colDual : null,
          objective: hasSolution ? m.getObjectiveValue() : Number.NaN,
          gap: model.integer ? info("mip_gap") : 0,
          dualBound: model.integer ? info("mip_dual_bound") : Number.NaN,
          nodes: model.integer ? info("mip_node_count") : 0,
          seconds: (performance.now() - t0) / 1000,
        };
      });
    },
  };
}
