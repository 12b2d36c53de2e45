// npm run bench: the four engines on generated, seeded data, side by side, in one run.
// The last line printed is one JSON object with the figures. Timings are reported, never asserted.
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { settlementInputSchema } from "../src/contracts/schema.ts";
import { settle } from "../src/contracts/settle.ts";
import type { KpiConfig } from "../src/monitoring/schema.ts";
import { parseQaList } from "../src/qa/parse.ts";
import { rankSimilar } from "../src/qa/similar.ts";
import { createHighsSolver, highsRuntime } from "../src/selection/highs-solver.ts";
import { selectInWorker } from "../src/selection/run.ts";
import type { SelectionResult } from "../src/selection/select.ts";
import { minSelectedNeeded } from "../src/selection/select.ts";
import { duckdbKpi } from "./duckdb.ts";
import { KPI_SEGMENTS, selectionInstance, settlementInstance, writeIndications } from "./generate.ts";

const root = new URL("..", import.meta.url).pathname;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const log = (text: string) => process.stdout.write(`${text}\n`);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Bundles a bench entry point to plain JavaScript (no tsx in the timed process); packages stay external. */
async function bundle(entry: string, name: string): Promise<string> {
  const outDir = join(root, ".tmp", "bench");
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, name);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}

async function benchSelectDense() {
  log("select: compass instance (1,000 bids, 8 × 17 cells + 6 specialisms, k = 2, max 60), fresh process ...");
  const dir = join(tmpdir(), "zorginkoop-bench");
  mkdirSync(dir, { recursive: true });
  const inputPath = join(dir, "select-compass.json");
  writeFileSync(inputPath, JSON.stringify(selectionInstance(1)));
  const cli = await bundle("bench/select-cli.ts", "select-cli.mjs");
  const fresh = await bundle("bench/select-fresh.ts", "select-fresh.mjs");
  // The figure: `node select-cli.mjs --input FILE`, timed from spawn to exit, three fresh processes.
  const runs: number[] = [];
  let result: SelectionResult | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [cli, "--input", inputPath], { cwd: root, encoding: "utf8" });
    runs.push((performance.now() - t0) / 1000);
    const parsed = JSON.parse(out) as SelectionResult;
    if (result && JSON.stringify(parsed.selected) !== JSON.stringify(result.selected))
      throw new Error("select: two fresh runs chose different sets");
    result = parsed;
  }
  if (!result) throw new Error("select: no run");
  const seconds = [...runs].sort((a, b) => a - b)[1]!;
  // The breakdown (solver load, cold and warm solve) from a separate fresh process.
  const breakdown = JSON.parse(
    execFileSync(process.execPath, [fresh, inputPath], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1)!,
  );
  log(
    `  ${result.status}, gap ${result.solver.gap}, ${round(seconds)} s whole run in a fresh process (median of ${runs.map((r) => round(r)).join(", ")}; solver load ${round(breakdown.solver_load_seconds)} s, cold select ${round(breakdown.select_cold_seconds)} s; warm select ${round(breakdown.select_warm_seconds)} s)`,
  );
  return {
    seconds,
    runs_seconds: runs,
    status: result.status,
    gap: result.solver.gap,
    objective: result.objective,
    certificate: result.tie_break.certificate,
    solver_load_seconds: breakdown.solver_load_seconds as number,
    select_cold_seconds: breakdown.select_cold_seconds as number,
    select_warm_seconds: breakdown.select_warm_seconds as number,
  };
}

async function benchSelectSparse() {
  const limit = env("BENCH_SPARSE_LIMIT_SECONDS", 90);
  const base = selectionInstance(1, { municipalities: [1, 3], subsegments: [1, 2] });
  const highs = await highsRuntime();
  const minNeeded = minSelectedNeeded(base, createHighsSolver(highs));
  if (minNeeded === null) throw new Error("could not find min_selected_needed for the sparse instance");
  const input = { ...base, max_selected: minNeeded + 2 };
  log(
    `select sparse: 1–3 municipalities × 1–2 subsegments, max ${input.max_selected} (min needed ${minNeeded}), worker, limit ${limit} s ...`,
  );
  const t0 = performance.now();
  const result = await selectInWorker(input, { timeLimitSeconds: limit });
  const seconds = (performance.now() - t0) / 1000;
  log(`  ${result.status}, gap ${result.solver.gap}, ${round(seconds)} s, ${result.tie_break.rounds} lottery round(s)`);
  return {
    seconds,
    status: result.status,
    gap: result.solver.gap,
    min_selected_needed: minNeeded,
    max_selected: input.max_selected,
    time_limit_seconds: limit,
    objective: result.objective,
    certificate: result.tie_break.certificate,
    stages: result.solver.stages.map((s) => ({ stage: s.stage, seconds: s.seconds, gap: s.gap })),
  };
}

function agree(ours: Record<string, unknown>[], reference: Record<string, unknown>[], keys: string[]) {
  let mismatches = 0;
  const examples: string[] = [];
  if (ours.length !== reference.length) return { agree: false, mismatches: -1, examples: ["row counts differ"] };
  ours.forEach((row, i) => {
    const ref = reference[i]!;
    for (const key of keys) {
      const a = row[key];
      const b = ref[key];
      const same =
        a === null || b === null || a === undefined || b === undefined
          ? (a ?? null) === (b ?? null)
          : typeof a === "string" && Number.isNaN(Number(a))
            ? a === b
            : Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(a)));
      if (!same) {
        mismatches++;
        if (examples.length < 5) examples.push(`row ${i} ${key}: ${a} vs ${b}`);
      }
    }
  });
  return { agree: mismatches === 0, mismatches, examples };
}

async function benchKpi() {
  const rows = env("BENCH_KPI_ROWS", 1_000_000);
  const dir = join(tmpdir(), "zorginkoop-bench");
  mkdirSync(dir, { recursive: true });
  const csvPath = join(dir, `indications-${rows}.csv`);
  log(`kpi: generating ${rows.toLocaleString("en")} indications ...`);
  const stream = createWriteStream(csvPath);
  await writeIndications(
    rows,
    7,
    (text) => new Promise((resolve) => (stream.write(text) ? resolve() : stream.once("drain", resolve))),
  );
  await new Promise((resolve) => stream.end(resolve));
  const config: KpiConfig = {
    from: "2023-01-01",
    to: "2023-12-31",
    granularity: "quarter",
    group_by: ["provider", "segment"],
    as_of: "2025-06-30",
    relapse_months: 6,
    segments: KPI_SEGMENTS,
    suppress_below: 0,
  };
  const outPath = join(dir, "kpi-result.json");
  log("kpi: our engine (fresh process) ...");
  const ours = JSON.parse(
    execFileSync(
      process.execPath,
      ["--import", "tsx", join(root, "bench/kpi-child.ts"), csvPath, JSON.stringify(config), outPath],
      {
        cwd: root,
        encoding: "utf8",
      },
    )
      .trim()
      .split("\n")
      .at(-1)!,
  );
  log(
    `  ${round(ours.seconds)} s (read ${round(ours.read_seconds)} s, compute ${round(ours.compute_seconds)} s), peak RSS ${ours.peak_rss_mb} MB`,
  );
  log("kpi: DuckDB, same figures in SQL from the same CSV ...");
  const t0 = performance.now();
  const reference = await duckdbKpi(csvPath, config);
  const duckdbSeconds = (performance.now() - t0) / 1000;
  log(`  ${round(duckdbSeconds)} s`);
  const result = JSON.parse(readFileSync(outPath, "utf8")) as { rows: Record<string, unknown>[] };
  const figures = [
    "period",
    "active",
    "inflow",
    "outflow",
    "waiting_days_median",
    "duration_days_median",
    "goal_full_pct",
    "goal_any_pct",
    "dropout_pct",
    "satisfaction_avg",
    "lasting_result_pct",
    "step_down_pct",
    "zrm_improved_pct",
  ];
  const check = agree(result.rows, reference.rows, [...config.group_by, ...figures]);
  log(
    `  agree: ${check.agree}${check.agree ? "" : ` (${check.mismatches} mismatches, e.g. ${check.examples.join("; ")})`}`,
  );
  rmSync(outPath, { force: true });
  if (!process.env.BENCH_KEEP_DATA) rmSync(csvPath, { force: true });
  return {
    seconds: ours.seconds,
    duckdb_seconds: duckdbSeconds,
    ratio: ours.seconds / duckdbSeconds,
    agree: check.agree,
    rows,
    result_rows: result.rows.length,
    peak_rss_mb: ours.peak_rss_mb,
    read_seconds: ours.read_seconds,
    compute_seconds: ours.compute_seconds,
    mismatches: check.mismatches,
  };
}

function benchSettle() {
  log("settle: 10,000 contracts ...");
  const raw = settlementInstance(10_000, 3);
  const t0 = performance.now();
  const input = settlementInputSchema.parse(raw);
  const result = settle(input);
  const seconds = (performance.now() - t0) / 1000;
  log(`  ${round(seconds)} s (validation included), total settlement ${result.totals.settlement} cents`);
  return { seconds, contracts: result.contracts.length, total_settlement: result.totals.settlement };
}

/**
 * The Q&A: reading both seed lists, and the similar-question search of the triage panel over a large
 * tender's questions (the two seeds ten times over: 1,900 answered questions), per question asked.
 */
function benchQa() {
  log("qa: parse both seed lists, then similar questions among 1,900 ...");
  const seeds = ["000_15d00ff2a73ea746.txt", "002_7105fce445f6433d.txt"].map((f) =>
    readFileSync(join(root, "test/fixtures/qa", f), "utf8"),
  );
  const t0 = performance.now();
  const lists = seeds.map(parseQaList);
  const parseSeconds = (performance.now() - t0) / 1000;
  const questions = lists.flatMap((l) => l.questions);
  const pool = Array.from({ length: 10 }, (_, copy) =>
    questions.map((q, i) => ({ id: `${copy}-${i}`, text: q.question, references: [] as string[] })),
  ).flat();
  const queries = questions.filter((_, i) => i % 4 === 0).map((q) => q.question);
  const times: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    rankSimilar(query, pool, 5);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  log(
    `  parse ${round(parseSeconds)} s for ${questions.length} questions; similar median ${round(median, 1)} ms, p95 ${round(p95, 1)} ms`,
  );
  return {
    parse_seconds: round(parseSeconds, 4),
    questions_parsed: questions.length,
    similar_pool: pool.length,
    similar_queries: queries.length,
    similar_median_ms: round(median, 2),
    similar_p95_ms: round(p95, 2),
  };
}

const qa = benchQa();
const select = await benchSelectDense();
const selectSparse = await benchSelectSparse();
const kpi = await benchKpi();
const settleFigures = benchSettle();
log(
  JSON.stringify({
    select: {
      seconds: select.seconds,
      status: select.status,
      gap: select.gap,
      solver_load_seconds: select.solver_load_seconds,
      select_cold_seconds: select.select_cold_seconds,
      select_warm_seconds: select.select_warm_seconds,
      runs_seconds: select.runs_seconds,
      objective: select.objective,
      certificate: select.certificate,
      note: "seconds: median of 3 fresh processes running `node select-cli.mjs --input FILE` (the select verb bundled to plain JavaScript), timed from spawn to exit: node start-up, module and WASM load, validation, cold solve with tie-break and certificate, JSON output",
    },
    select_sparse: selectSparse,
    kpi,
    settle: settleFigures,
    qa,
  }),
);
process.exit(0);
