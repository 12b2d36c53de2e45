// Worker-thread entry: loads HiGHS and runs one selection, so a slow solve never blocks the caller.
import { parentPort, workerData } from "node:worker_threads";
import { createHighsSolver, highsRuntime } from "./highs-solver.ts";
import type { SelectionInput } from "./schema.ts";
import { selectProviders } from "./select.ts";

const { input, timeLimitSeconds } = workerData as { input: SelectionInput; timeLimitSeconds?: number };
const highs = await highsRuntime();
const solver = createHighsSolver(highs, timeLimitSeconds === undefined ? {} : { timeLimitSeconds });
parentPort?.postMessage(selectProviders(input, solver));
