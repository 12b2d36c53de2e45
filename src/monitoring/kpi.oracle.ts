// A second, naive KPI implementation for the tests: strings, arrays and Date.UTC, written
// straight from the text of ENGINES.md, sharing no code with the engine.
import type { KpiConfig } from "./schema.ts";

type Row = Record<string, string>;

const day = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

function plusMonths(iso: string, months: number): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return Date.UTC(ty, tm, Math.min(d, last)) / 86400000;
}

function periodsOf(config: KpiConfig): { label: string; ps: number; pe: number }[] {
  const out: { label: string; ps: number; pe: number }[] = [];
  const from = day(config.from);
  const to = day(config.to);
  for (let y = Number(config.from.slice(0, 4)); y <= Number(config.to.slice(0, 4)); y++) {
    if (config.granularity === "year") {
      out.push({
        label: `${y}`,
        ps: Math.max(from, Date.UTC(y, 0, 1) / 864e5),
        pe: Math.min(to, Date.UTC(y, 11, 31) / 864e5),
      });
    } else {
      for (let q = 0; q < 4; q++) {
        const ps = Math.max(from, Date.UTC(y, q * 3, 1) / 864e5);
        const pe = Math.min(to, Date.UTC(y, q * 3 + 3, 0) / 864e5);
        if (ps <= pe) out.push({ label: `${y}Q${q + 1}`, ps, pe });
      }
    }
  }
  return out.filter((p) => p.ps <= p.pe);
}

function med(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export function naiveKpi(csv: string, config: KpiConfig): { rows: Record<string, unknown>[] } {
  const lines = csv.split("\n").filter((l) => l.length > 0);
  const header = lines[0]!.split(",");
  const rows: Row[] = lines.slice(1).map((l) => {
    const f = l.split(",");
    return Object.fromEntries(header.map((h, i) => [h, f[i] ?? ""]));
  });
  const seg = new Map(config.segments.map((s) => [s.code, s]));
  const keyOf = (r: Row) => config.group_by.map((c) => (c === "lot" ? seg.get(r.segment!)!.lot : (r[c] as string)));
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(JSON.stringify(keyOf(r)), keyOf(r));
  const sortedGroups = [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
  const pct = (a: number, b: number) => (b === 0 ? null : (a * 100) / b);
  const out: Record<string, unknown>[] = [];
  for (const key of sortedGroups) {
    const mine = rows.filter((r) => JSON.stringify(keyOf(r)) === JSON.stringify(key));
    for (const p of periodsOf(config)) {
      const inP = (d: string) => d !== "" && day(d) >= p.ps && day(d) <= p.pe;
      const starting = mine.filter((r) => inP(r.start_date!));
      const ending = mine.filter((r) => inP(r.end_date!));
      const activeClients = new Set(
        mine
          .filter((r) => day(r.start_date!) <= p.pe && (r.end_date === "" || day(r.end_date!) >= p.ps))
          .map((r) => r.client),
      );
      const withGoal = ending.filter((r) => r.goal_realised !== "");
      const withSat = ending.filter((r) => r.satisfaction !== "");
      const withZrm = ending.filter((r) => r.zrm_start !== "" && r.zrm_end !== "");
      const matured = ending.filter(
        (r) => r.end_reason === "planned" && plusMonths(r.end_date!, config.relapse_months) <= day(config.as_of),
      );
      let lasting = 0;
      let stepDown = 0;
      for (const r of matured) {
        const lot = seg.get(r.segment!)!.lot;
        const end = day(r.end_date!);
        const windowEnd = plusMonths(r.end_date!, config.relapse_months);
        const later = rows.filter(
          (o) =>
            o !== r &&
            o.client === r.client &&
            seg.get(o.segment!)!.lot === lot &&
            day(o.start_date!) > end &&
            day(o.start_date!) <= windowEnd,
        );
        if (later.length === 0) lasting++;
        else {
          const firstStart = Math.min(...later.map((o) => day(o.start_date!)));
          const firstOne = later.find((o) => day(o.start_date!) === firstStart)!;
          if (seg.get(firstOne.segment!)!.intensity < seg.get(r.segment!)!.intensity) stepDown++;
        }
      }
      const figures: [string, number | null, number][] = [
        ["active", activeClients.size, activeClients.size],
        ["inflow", starting.length, starting.length],
        ["outflow", ending.length, ending.length],
        [
          "waiting_days_median",
          med(starting.filter((r) => r.requested_on !== "").map((r) => day(r.start_date!) - day(r.requested_on!))),
          starting.filter((r) => r.requested_on !== "").length,
        ],
        ["duration_days_median", med(ending.map((r) => day(r.end_date!) - day(r.start_date!))), ending.length],
        [
          "goal_full_pct",
          pct(withGoal.filter((r) => r.goal_realised === "full").length, withGoal.length),
          withGoal.length,
        ],
        [
          "goal_any_pct",
          pct(
            withGoal.filter((r) => r.goal_realised === "full" || r.goal_realised === "partial").length,
            withGoal.length,
          ),
          withGoal.length,
        ],
        [
          "dropout_pct",
          pct(
            ending.filter((r) => r.end_reason === "early_client" || r.end_reason === "early_provider").length,
            ending.length,
          ),
          ending.length,
        ],
        [
          "satisfaction_avg",
          withSat.length === 0 ? null : withSat.reduce((s, r) => s + Number(r.satisfaction), 0) / withSat.length,
          withSat.length,
        ],
        ["lasting_result_pct", pct(lasting, matured.length), matured.length],
        ["step_down_pct", pct(stepDown, matured.length), matured.length],
        [
          "zrm_improved_pct",
          pct(withZrm.filter((r) => Number(r.zrm_end) > Number(r.zrm_start)).length, withZrm.length),
          withZrm.length,
        ],
      ];
      const row: Record<string, unknown> = {};
      config.group_by.forEach((c, i) => {
        row[c] = key[i];
      });
      row.period = p.label;
      const suppressed: string[] = [];
      for (const [name, value, base] of figures) {
        if (config.suppress_below > 0 && base < config.suppress_below) {
          row[name] = null;
          suppressed.push(name);
        } else row[name] = value;
      }
      row.suppressed = suppressed;
      out.push(row);
    }
  }
  return { rows: out };
}
