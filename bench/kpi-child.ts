// The kpi engine on a file, in its own process, so its time and peak memory are its own.
import { writeFileSync } from "node:fs";
import { computeKpi } from "../src/monitoring/kpi.ts";
import { readIndications } from "../src/monitoring/read.ts";
import { kpiConfigSchema } from "../src/monitoring/schema.ts";

const [csvPath, configJson, outPath] = process.argv.slice(2) as [string, string, string];
const config = kpiConfigSchema.parse(JSON.parse(configJson));
const t0 = performance.now();
const table = await readIndications(csvPath, config);
const t1 = performance.now();
const result = computeKpi(table, config);
const t2 = performance.now();
writeFileSync(outPath, JSON.stringify(result));
console.log(
  JSON.stringify({
    seconds: (t2 - t0) / 1000,
    read_seconds: (t1 - t0) / 1000,
    compute_seconds: (t2 - t1) / 1000,
    rows: table.count,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
