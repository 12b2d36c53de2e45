// Running a selection: in this thread, or in a worker thread under a wall-clock watchdog that
// terminates a stuck WebAssembly solve (HiGHS's own time_limit is not a hard guarantee).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createHighsSolver, highsRuntime } from "./highs-solver.ts";
import type { MilpSolver } from "./milp.ts";
import type { SelectionInput } from "./schema.ts";
import { type SelectionResult, selectProviders } from "./select.ts";

export async function selectHere(input: SelectionInput, timeLimitSeconds?: number): Promise<SelectionResult> {
  const highs = await highsRuntime();
  return selectProviders(input, createHighsSolver(highs, timeLimitSeconds === undefined ? {} : { timeLimitSeconds }));
}

/** A solver that never answers: gives the full result shape for a selection that was stopped. */
function stoppedSolver(reason: string): MilpSolver {
  return {
    name: "HiGHS",
    version: "unknown",
    solve: () => ({
      status: "time_limit",
      solverStatus: reason,
      colValue: null,
      colDual: null,
      objective: Number.NaN,
      gap: Number.NaN,
      dualBound: Number.NaN,
      nodes: 0,
      seconds: 0,
    }),
  };
}

/** Worker code: register the TypeScript loader (as bin/zorginkoop.js does), then run the worker module. */
function bootstrap(): string {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const entry = new URL("./select-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * Selects in a worker thread. HiGHS gets `timeLimitSeconds`; the worker is terminated when the
 * wall clock passes that plus `graceSeconds`, and the result then has status "time_limit".
 */
export function selectInWorker(
  input: SelectionInput,
  { timeLimitSeconds, graceSeconds = 2 }: { timeLimitSeconds: number; graceSeconds?: number },
): Promise<SelectionResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), { eval: true, workerData: { input, timeLimitSeconds } });
    let done = false;
    const watchdog = setTimeout(
      () => {
        if (done) return;
        done = true;
        void worker.terminate();
        const stopped = selectProviders(input, stoppedSolver("terminated by the wall-clock watchdog"));
        resolve({ ...stopped, message: `stopped after ${timeLimitSeconds + graceSeconds} s (wall clock)` });
      },
      (timeLimitSeconds + graceSeconds) * 1000,
    );
    worker.once("message", (result: SelectionResult) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(result);
    });
    worker.once("error", (error) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      reject(error);
    });
    worker.once("exit", (code) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      reject(new Error(`selection worker exited with code ${code}`));
    });
  });
}
