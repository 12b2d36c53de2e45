// The kpi engine: results per group and period from the indications (ENGINES.md "kpi").
// Pure: the table comes from IndicationReader, fed by whoever reads the file.
import { addMonthsToDayNumber, type Period, periodsBetween, toDayNumber } from "../platform/dates.ts";
import {
  DROPOUT_REASONS,
  GOAL_FULL,
  GOAL_PARTIAL,
  type IndicationTable,
  NO_DAY,
  REASON_PLANNED,
} from "./indications.ts";
import type { KpiConfig } from "./schema.ts";

export const FIGURES = [
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
] as const;
export type Figure = (typeof FIGURES)[number];

export type KpiRow = Record<string, string | number | null | string[]> & {
  period: string;
  suppressed: Figure[];
};

export interface KpiResult {
  rows: KpiRow[];
}

/** The middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: Int32Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Values per bucket in one flat array (counting sort), for medians. */
class Buckets {
  readonly counts: Int32Array;
  private bucketOf: Int32Array;
  private value: Int32Array;
  private n = 0;
  constructor(buckets: number, capacity: number) {
    this.counts = new Int32Array(buckets);
    this.bucketOf = new Int32Array(Math.max(capacity, 1));
    this.value = new Int32Array(Math.max(capacity, 1));
  }
  add(bucket: number, value: number): void {
    this.bucketOf[this.n] = bucket;
    this.value[this.n] = value;
    this.n++;
    this.counts[bucket]!++;
  }
  medians(): (number | null)[] {
    const offsets = new Int32Array(this.counts.length + 1);
    for (let b = 0; b < this.counts.length; b++) offsets[b + 1] = offsets[b]! + this.counts[b]!;
    const fill = offsets.slice(0, -1);
    const sorted = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) sorted[fill[this.bucketOf[i]!]!++] = this.value[i]!;
    return Array.from(this.counts, (_, b) => median(sorted.subarray(offsets[b]!, offsets[b + 1]!)));
  }
}

const pct = (part: number, base: number) => (base === 0 ? null : (part * 100) / base);

export function computeKpi(table: IndicationTable, config: KpiConfig): KpiResult {
  const periods: Period[] = periodsBetween(config.from, config.to, config.granularity);
  const P = periods.length;
  const G = table.groupKeys.length;
  const first = toDayNumber(config.from);
  const last = toDayNumber(config.to);
  const asOf = toDayNumber(config.as_of);
  // period index of every day in [from, to]
  const periodOfDay = new Int32Array(Math.max(0, last - first + 1));
  periods.forEach((p, i) => {
    periodOfDay.fill(i, p.start - first, p.end - first + 1);
  });
  const periodOf = (day: number) => (day >= first && day <= last ? periodOfDay[day - first]! : -1);
  const cells = G * P;
  const active = new Int32Array(cells);
  const inflow = new Int32Array(cells);
  const outflow = new Int32Array(cells);
  const goalBase = new Int32Array(cells);
  const goalFull = new Int32Array(cells);
  const goalAny = new Int32Array(cells);
  const dropout = new Int32Array(cells);
  const satCount = new Int32Array(cells);
  const satSum = new Float64Array(cells);
  const zrmBase = new Int32Array(cells);
  const zrmUp = new Int32Array(cells);
  const matured = new Int32Array(cells);
  const lasting = new Int32Array(cells);
  const stepDown = new Int32Array(cells);
  const n = table.count;
  const { client, group, segment, requested, start, end, reason, goal, satisfaction, zrm } = table;
  const lotOf = config.segments.map((s) => s.lot);
  const intensityOf = config.segments.map((s) => s.intensity);

  // Indications per client (counting sort by client id, file order kept within a client).
  const clientStart = new Int32Array(table.clients + 1);
  for (let i = 0; i < n; i++) clientStart[client[i]! + 1]!++;
  for (let c = 0; c < table.clients; c++) clientStart[c + 1]! += clientStart[c]!;
  const byClient = new Int32Array(n);
  const fill = clientStart.slice(0, -1);
  for (let i = 0; i < n; i++) byClient[fill[client[i]!]!++] = i;

  let starting = 0;
  let ending = 0;
  for (let i = 0; i < n; i++) {
    if (periodOf(start[i]!) >= 0) starting++;
    if (end[i] !== NO_DAY && periodOf(end[i]!) >= 0) ending++;
  }
  const waiting = new Buckets(cells, starting);
  const duration = new Buckets(cells, ending);

  for (let i = 0; i < n; i++) {
    const g = group[i]! * P;
    const s = start[i]!;
    const e = end[i]!;
    const ps = periodOf(s);
    if (ps >= 0) {
      inflow[g + ps]!++;
      if (requested[i] !== NO_DAY) waiting.add(g + ps, s - requested[i]!);
    }
    if (e === NO_DAY) continue;
    const pe = periodOf(e);
    if (pe < 0) continue;
    const b = g + pe;
    outflow[b]!++;
    duration.add(b, e - s);
    const gv = goal[i]!;
    if (gv >= 0) {
      goalBase[b]!++;
      if (gv === GOAL_FULL) goalFull[b]!++;
      if (gv === GOAL_FULL || gv === GOAL_PARTIAL) goalAny[b]!++;
    }
    if (DROPOUT_REASONS.has(reason[i]!)) dropout[b]!++;
    const sat = satisfaction[i]!;
    if (!Number.isNaN(sat)) {
      satCount[b]!++;
      satSum[b]! += sat;
    }
    if (zrm[i]! >= 0) {
      zrmBase[b]!++;
      if (zrm[i] === 1) zrmUp[b]!++;
    }
    if (reason[i] === REASON_PLANNED) {
      const windowEnd = addMonthsToDayNumber(e, config.relapse_months);
      if (windowEnd > asOf) continue;
      matured[b]!++;
      // the client's first later indication in the same lot within (end, end + N months]
      const lot = lotOf[segment[i]!];
      let next = -1;
      const c = client[i]!;
      for (let k = clientStart[c]!; k < clientStart[c + 1]!; k++) {
        const j = byClient[k]!;
        const sj = start[j]!;
        if (sj <= e || sj > windowEnd || lotOf[segment[j]!] !== lot) continue;
        if (next < 0 || sj < start[next]!) next = j; // file order breaks ties: earlier j comes first
      }
      if (next < 0) lasting[b]!++;
      else if (intensityOf[segment[next]!]! < intensityOf[segment[i]!]!) stepDown[b]!++;
    }
  }

  // active: distinct clients per group and period, one client at a time.
  if (P > 0) {
    const seen = new Int32Array(cells).fill(-1);
    for (let c = 0; c < table.clients; c++) {
      for (let k = clientStart[c]!; k < clientStart[c + 1]!; k++) {
        const i = byClient[k]!;
        const s = start[i]!;
        const e = end[i]!;
        if (s > last || e < first) continue;
        const pa = periodOf(Math.max(s, first));
        const pb = periodOf(Math.min(e, last));
        const g = group[i]! * P;
        for (let p = pa; p <= pb; p++) {
          if (seen[g + p] !== c) {
            seen[g + p] = c;
            active[g + p]!++;
          }
        }
      }
    }
  }

  const waitingMedian = waiting.medians();
  const durationMedian = duration.medians();
  const threshold = config.suppress_below;
  const order = table.groupKeys
    .map((keys, g) => ({ keys, g }))
    .sort((a, b) => {
      for (let i = 0; i < a.keys.length; i++) {
        const x = a.keys[i]!;
        const y = b.keys[i]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    });
  const rows: KpiRow[] = [];
  for (const { keys, g } of order) {
    for (let p = 0; p < P; p++) {
      const b = g * P + p;
      const figures: Record<Figure, [number | null, number]> = {
        // [value, base]: a count is its own base
        active: [active[b]!, active[b]!],
        inflow: [inflow[b]!, inflow[b]!],
        outflow: [outflow[b]!, outflow[b]!],
        waiting_days_median: [waitingMedian[b]!, waiting.counts[b]!],
        duration_days_median: [durationMedian[b]!, duration.counts[b]!],
        goal_full_pct: [pct(goalFull[b]!, goalBase[b]!), goalBase[b]!],
        goal_any_pct: [pct(goalAny[b]!, goalBase[b]!), goalBase[b]!],
        dropout_pct: [pct(dropout[b]!, outflow[b]!), outflow[b]!],
        satisfaction_avg: [satCount[b]! === 0 ? null : satSum[b]! / satCount[b]!, satCount[b]!],
        lasting_result_pct: [pct(lasting[b]!, matured[b]!), matured[b]!],
        step_down_pct: [pct(stepDown[b]!, matured[b]!), matured[b]!],
        zrm_improved_pct: [pct(zrmUp[b]!, zrmBase[b]!), zrmBase[b]!],
      };
      // group keys first, then the period, the figures and the suppressed list
      const row = {} as KpiRow;
      config.group_by.forEach((column, i) => {
        row[column] = keys[i]!;
      });
      row.period = periods[p]!.label;
      row.suppressed = [];
      for (const figure of FIGURES) {
        const [value, base] = figures[figure];
        if (threshold > 0 && base < threshold) {
          row[figure] = null;
          row.suppressed.push(figure);
        } else row[figure] = value;
      }
      const { suppressed } = row;
      delete (row as Partial<KpiRow>).suppressed;
      row.suppressed = suppressed;
      rows.push(row);
    }
  }
  return { rows };
}
