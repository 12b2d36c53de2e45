// The breakdown of one select in a fresh process: solver load, cold solve, warm solve.
// Reads the instance that bench/run.ts wrote; run bundled as plain JavaScript (no tsx), so
// performance.now() (which counts from the start of this process) includes node start-up only.
import { readFileSync } from "node:fs";
import { createHighsSolver, highsRuntime } from "../src/selection/highs-solver.ts";
import { selectionInputSchema } from "../src/selection/schema.ts";
import { selectProviders } from "../src/selection/select.ts";

const input = selectionInputSchema.parse(JSON.parse(readFileSync(process.argv[2]!, "utf8")));
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
    process_start_to_validated_seconds: boot / 1000,
    solver_load_seconds: (loaded - boot) / 1000,
    select_cold_seconds: (done - loaded) / 1000,
    select_warm_seconds: (warmDone - warmStart) / 1000,
    same_set_warm: JSON.stringify(warm.selected) === JSON.stringify(result.selected),
    status: result.status,
    gap: result.solver.gap,
    stages: result.solver.stages.map((s) => ({ stage: s.stage, seconds: s.seconds, gap: s.gap, nodes: s.nodes })),
  }),
);
