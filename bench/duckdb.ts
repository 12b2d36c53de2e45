// The same KPI figures computed by DuckDB with SQL from the same CSV: the benchmark's reference.
// Limited to what the bench uses: group_by columns of the file, quarters or years.
import { DuckDBInstance } from "@duckdb/node-api";
import type { KpiConfig } from "../src/monitoring/schema.ts";
import { periodsBetween } from "../src/platform/dates.ts";

const iso = (dayNumber: number) => new Date(dayNumber * 86400000).toISOString().slice(0, 10);
const q = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function duckdbKpi(csvPath: string, config: KpiConfig): Promise<{ rows: Record<string, unknown>[] }> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  const periods = periodsBetween(config.from, config.to, config.granularity)
    .map((p) => `(${q(p.label)}, DATE ${q(iso(p.start))}, DATE ${q(iso(p.end))})`)
    .join(", ");
  const segments = config.segments.map((s) => `(${q(s.code)}, ${q(s.lot)}, ${s.intensity})`).join(", ");
  const keys = config.group_by.join(", ");
  const keyList = config.group_by.map((k) => `i.${k}`).join(", ");
  const on = config.group_by
    .map((k) => `x.${k} IS NOT DISTINCT FROM grid.${k}`)
    .concat("x.label = grid.label")
    .join(" AND ");
  const months = config.relapse_months;
  const sql = `
    CREATE TEMP TABLE ind AS SELECT * FROM read_csv(${q(csvPath)}, header = true, columns = {
      'id': 'BIGINT', 'client': 'VARCHAR', 'municipality': 'VARCHAR', 'provider': 'VARCHAR', 'segment': 'VARCHAR',
      'subsegment': 'VARCHAR', 'requested_on': 'DATE', 'start_date': 'DATE', 'end_date': 'DATE',
      'end_reason': 'VARCHAR', 'goal_realised': 'VARCHAR', 'satisfaction': 'DOUBLE', 'zrm_start': 'DOUBLE', 'zrm_end': 'DOUBLE'});
    CREATE TEMP TABLE periods AS SELECT * FROM (VALUES ${periods}) p(label, ps, pe);
    CREATE TEMP TABLE segs AS SELECT * FROM (VALUES ${segments}) s(code, lot, intensity);
    WITH grid AS (SELECT DISTINCT ${keys}${keys ? "," : ""} p.label, p.ps FROM ind, periods p),
    act AS (
      SELECT ${keyList}${keys ? "," : ""} p.label, count(DISTINCT i.client) AS active
      FROM ind i JOIN periods p ON i.start_date <= p.pe AND (i.end_date IS NULL OR i.end_date >= p.ps)
      GROUP BY ALL),
    infl AS (
      SELECT ${keyList}${keys ? "," : ""} p.label, count(*) AS inflow,
        median(i.start_date - i.requested_on) AS waiting, count(i.requested_on) AS waiting_n
      FROM ind i JOIN periods p ON i.start_date BETWEEN p.ps AND p.pe GROUP BY ALL),
    outf AS (
      SELECT ${keyList}${keys ? "," : ""} p.label, count(*) AS outflow, median(i.end_date - i.start_date) AS duration,
        count(i.goal_realised) AS goal_n,
        count(*) FILTER (WHERE i.goal_realised = 'full') AS goal_full,
        count(*) FILTER (WHERE i.goal_realised IN ('full', 'partial')) AS goal_any,
        count(*) FILTER (WHERE i.end_reason IN ('early_client', 'early_provider')) AS dropout,
        sum(i.satisfaction) AS sat_sum, count(i.satisfaction) AS sat_n,
        count(*) FILTER (WHERE i.zrm_start IS NOT NULL AND i.zrm_end IS NOT NULL) AS zrm_n,
        count(*) FILTER (WHERE i.zrm_end > i.zrm_start) AS zrm_up
      FROM ind i JOIN periods p ON i.end_date BETWEEN p.ps AND p.pe GROUP BY ALL),
    matured AS (
      SELECT i.*, p.label, s.lot, s.intensity, (i.end_date + INTERVAL ${months} MONTH)::DATE AS wend
      FROM ind i JOIN periods p ON i.end_date BETWEEN p.ps AND p.pe JOIN segs s ON s.code = i.segment
      WHERE i.end_reason = 'planned' AND (i.end_date + INTERVAL ${months} MONTH)::DATE <= DATE ${q(config.as_of)}),
    later AS (
      SELECT m.id, any_value(m.intensity) AS intensity, count(o.id) AS n_later,
        arg_min(s2.intensity, (o.start_date - DATE '1970-01-01')::BIGINT * 100000000 + o.id) AS next_intensity
      FROM matured m
      LEFT JOIN (ind o JOIN segs s2 ON s2.code = o.segment)
        ON o.client = m.client AND s2.lot = m.lot AND o.start_date > m.end_date AND o.start_date <= m.wend
      GROUP BY m.id),
    res AS (
      SELECT ${config.group_by.map((k) => `m.${k}`).join(", ")}${keys ? "," : ""} m.label, count(*) AS matured,
        count(*) FILTER (WHERE l.n_later = 0) AS lasting,
        count(*) FILTER (WHERE l.n_later > 0 AND l.next_intensity < l.intensity) AS step_down
      FROM matured m JOIN later l ON l.id = m.id GROUP BY ALL)
    SELECT ${config.group_by.map((k) => `grid.${k}`).join(", ")}${keys ? "," : ""} grid.label AS period,
      coalesce(act.active, 0) AS active, coalesce(infl.inflow, 0) AS inflow, coalesce(outf.outflow, 0) AS outflow,
      infl.waiting AS waiting_days_median, outf.duration AS duration_days_median,
      CASE WHEN outf.goal_n > 0 THEN outf.goal_full * 100 / outf.goal_n END AS goal_full_pct,
      CASE WHEN outf.goal_n > 0 THEN outf.goal_any * 100 / outf.goal_n END AS goal_any_pct,
      CASE WHEN outf.outflow > 0 THEN outf.dropout * 100 / outf.outflow END AS dropout_pct,
      CASE WHEN outf.sat_n > 0 THEN outf.sat_sum / outf.sat_n END AS satisfaction_avg,
      CASE WHEN res.matured > 0 THEN res.lasting * 100 / res.matured END AS lasting_result_pct,
      CASE WHEN res.matured > 0 THEN res.step_down * 100 / res.matured END AS step_down_pct,
      CASE WHEN outf.zrm_n > 0 THEN outf.zrm_up * 100 / outf.zrm_n END AS zrm_improved_pct
    FROM grid
    LEFT JOIN act ON ${on.replaceAll("x.", "act.")}
    LEFT JOIN infl ON ${on.replaceAll("x.", "infl.")}
    LEFT JOIN outf ON ${on.replaceAll("x.", "outf.")}
    LEFT JOIN res ON ${on.replaceAll("x.", "res.")}
    ORDER BY ${config.group_by.map((k) => `grid.${k}`).join(", ")}${keys ? "," : ""} grid.ps`;
  const statements = sql.split(";").map((s) => s.trim());
  for (const statement of statements.slice(0, -1)) await db.run(statement);
  const reader = await db.runAndReadAll(statements.at(-1)!);
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  db.closeSync();
  instance.closeSync();
  return { rows };
}
