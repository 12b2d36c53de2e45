// One select in a fresh process: generate the compass instance, load HiGHS, solve, certify.
// performance.now() counts from the start of this process, so node and tsx start-up are included.
import { createHighsSolver, highsRuntime } from "../src/selection/highs-solver.ts";
import { selectProviders } from "../src/selection/select.ts";
import { selectionInstance } from "./generate.ts";

const seed = Number(process.argv[2] ?? 1);
const input = selectionInstance(seed);
const boot = performance.now();
const highs = await highsRuntime();
const loaded = performance.now();
const result = selectProviders(input, createHighsSolver(highs));
const done = performance.now();
// A second, warm solve in the same process, as a server would see after its warm-up.
const warmStart = performance.now();
const warm = selectProviders(input, createHighsSolver(highs));
const warmDone = performance.now();
console.log(
  JSON.stringify({
    seconds: done / 1000,
    process_start_to_generated_seconds: boot / 1000,
    solver_load_seconds: (loaded - boot) / 1000,
    select_cold_seconds: (done - loaded) / 1000,
    select_warm_seconds: (warmDone - warmStart) / 1000,
    same_set_warm: JSON.stringify(warm.selected) === JSON.stringify(result.selected),
    status: result.status,
    gap: result.solver.gap,
    objective: result.objective,
    selected: result.selected.length,
    rounds: result.tie_break.rounds,
    certificate: result.tie_break.certificate,
    fixed_by_reduced_cost: result.tie_break.fixed_by_reduced_cost,
    stages: result.solver.stages.map((s) => ({ stage: s.stage, seconds: s.seconds, gap: s.gap, nodes: s.nodes })),
  }),
);
