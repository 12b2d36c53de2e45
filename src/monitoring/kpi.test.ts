import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Io, runCommand } from "../platform/command.ts";
import { kpiCommand } from "./cli.ts";
import { CsvParser } from "./csv.ts";
import { IndicationReader } from "./indications.ts";
import { naiveKpi } from "./kpi.oracle.ts";
import { computeKpi, type KpiRow } from "./kpi.ts";
import { type KpiConfig, kpiConfigSchema } from "./schema.ts";

const HEADER =
  "id,client,municipality,provider,segment,subsegment,requested_on,start_date,end_date,end_reason,goal_realised,satisfaction,zrm_start,zrm_end";

const baseConfig: KpiConfig = {
  from: "2023-01-01",
  to: "2023-12-31",
  granularity: "quarter",
  group_by: ["provider", "segment"],
  as_of: "2025-06-30",
  relapse_months: 6,
  segments: [
    { code: "iaj", lot: "jeugd", intensity: 2 },
    { code: "lvb", lot: "jeugd", intensity: 1 },
    { code: "wmo", lot: "wmo", intensity: 1 },
  ],
  suppress_below: 0,
};

/** Runs the engine on CSV text, fed in chunks of `chunk` bytes to test the stream boundaries. */
function kpi(csv: string, config: Partial<KpiConfig> = {}, chunk = 7) {
  const full = { ...baseConfig, ...config };
  const reader = new IndicationReader(full);
  const parser = new CsvParser(reader);
  const bytes = new TextEncoder().encode(csv);
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  parser.end();
  return computeKpi(reader.table(), full);
}

type Ind = Partial<Record<string, string>>;
const csvOf = (rows: Ind[]) =>
  [
    HEADER,
    ...rows.map((r, i) =>
      [
        r.id ?? `${i + 1}`,
        r.client ?? "c1",
        r.municipality ?? "GM0197",
        r.provider ?? "P1",
        r.segment ?? "iaj",
        r.subsegment ?? "ondersteuning",
        r.requested_on ?? "",
        r.start_date ?? "2023-01-01",
        r.end_date ?? "",
        r.end_reason ?? "",
        r.goal_realised ?? "",
        r.satisfaction ?? "",
        r.zrm_start ?? "",
        r.zrm_end ?? "",
      ].join(","),
    ),
  ].join("\n") + "\n";
const row = (result: { rows: KpiRow[] }, period: string, provider = "P1", segment = "iaj") =>
  result.rows.find((r) => r.period === period && r.provider === provider && r.segment === segment)!;

describe("kpi: counts", () => {
  it("counts active clients once per group and period, with inflow and outflow per indication", () => {
    const r = kpi(
      csvOf([
        { client: "a", start_date: "2022-06-01", end_date: "2023-01-01" },
        { client: "a", start_date: "2023-02-01", end_date: "2023-05-01" },
        { client: "b", start_date: "2023-03-31" },
      ]),
    );
    expect(row(r, "2023Q1")).toMatchObject({ active: 2, inflow: 2, outflow: 1 });
    expect(row(r, "2023Q2")).toMatchObject({ active: 2, inflow: 0, outflow: 1 });
    expect(row(r, "2023Q4")).toMatchObject({ active: 1, inflow: 0, outflow: 0 });
  });

  it("gives every group a row for every period, even when empty, sorted by keys then period", () => {
    const r = kpi(
      csvOf([
        { provider: "P2", start_date: "2023-05-05" },
        { provider: "P1", start_date: "2021-01-01", end_date: "2021-02-01" },
      ]),
    );
    expect(r.rows.map((x) => `${x.provider}/${x.period}`)).toEqual([
      "P1/2023Q1",
      "P1/2023Q2",
      "P1/2023Q3",
      "P1/2023Q4",
      "P2/2023Q1",
      "P2/2023Q2",
      "P2/2023Q3",
      "P2/2023Q4",
    ]);
    expect(row(r, "2023Q1")).toMatchObject({ active: 0, waiting_days_median: null, dropout_pct: null });
  });

  it("supports years and no grouping", () => {
    const r = kpi(csvOf([{ start_date: "2023-05-05" }]), { granularity: "year", group_by: [] });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ period: "2023", active: 1, inflow: 1 });
  });
});

describe("kpi: medians", () => {
  it("takes the mean of the two middle values for an even count", () => {
    const r = kpi(
      csvOf([
        { requested_on: "2023-01-01", start_date: "2023-01-11" },
        { requested_on: "2023-01-01", start_date: "2023-01-14" },
        { start_date: "2023-01-20" },
      ]),
    );
    expect(row(r, "2023Q1").waiting_days_median).toBe(11.5);
  });

  it("takes the middle value for an odd count of durations", () => {
    const r = kpi(
      csvOf([
        { start_date: "2023-01-01", end_date: "2023-01-02" },
        { start_date: "2023-01-01", end_date: "2023-01-31" },
        { start_date: "2022-01-01", end_date: "2023-02-01" },
      ]),
    );
    expect(row(r, "2023Q1").duration_days_median).toBe(30);
  });
});

describe("kpi: results", () => {
  it("computes goal, dropout, satisfaction and ZRM shares over indications ending in the period", () => {
    const r = kpi(
      csvOf([
        {
          end_date: "2023-02-01",
          end_reason: "planned",
          goal_realised: "full",
          satisfaction: "8",
          zrm_start: "30",
          zrm_end: "40",
        },
        {
          end_date: "2023-02-01",
          end_reason: "early_client",
          goal_realised: "partial",
          satisfaction: "5",
          zrm_start: "30",
          zrm_end: "30",
        },
        { end_date: "2023-02-01", end_reason: "early_provider", goal_realised: "none" },
        { end_date: "2023-02-01", end_reason: "moved" },
      ]),
    );
    expect(row(r, "2023Q1")).toMatchObject({
      outflow: 4,
      goal_full_pct: (1 * 100) / 3,
      goal_any_pct: (2 * 100) / 3,
      dropout_pct: 50,
      satisfaction_avg: 6.5,
      zrm_improved_pct: 50,
    });
  });

  it("counts a relapse starting exactly at end + 6 months, clipped to month end (2023-08-31 → 2024-02-29)", () => {
    const edge = kpi(
      csvOf([
        { client: "a", start_date: "2023-01-01", end_date: "2023-08-31", end_reason: "planned" },
        { client: "a", segment: "lvb", start_date: "2024-02-29" },
      ]),
    );
    expect(row(edge, "2023Q3")).toMatchObject({ lasting_result_pct: 0, step_down_pct: 100 });
    const after = kpi(
      csvOf([
        { client: "a", start_date: "2023-01-01", end_date: "2023-08-31", end_reason: "planned" },
        { client: "a", segment: "lvb", start_date: "2024-03-01" },
      ]),
    );
    expect(row(after, "2023Q3")).toMatchObject({ lasting_result_pct: 100, step_down_pct: 0 });
  });

  it("ignores later indications in another lot, on the end day itself, or of another client", () => {
    const r = kpi(
      csvOf([
        { client: "a", start_date: "2023-01-01", end_date: "2023-03-31", end_reason: "planned" },
        { client: "a", segment: "wmo", start_date: "2023-04-15" },
        { client: "a", segment: "lvb", start_date: "2023-03-31" },
        { client: "b", segment: "lvb", start_date: "2023-04-15" },
      ]),
    );
    expect(row(r, "2023Q1")).toMatchObject({ lasting_result_pct: 100 });
  });

  it("takes the first later indication by start, then by file order, for step-down", () => {
    const r = kpi(
      csvOf([
        { client: "a", start_date: "2023-01-01", end_date: "2023-02-01", end_reason: "planned" },
        { client: "a", segment: "iaj", start_date: "2023-03-01" },
        { client: "a", segment: "lvb", start_date: "2023-03-01" },
      ]),
    );
    expect(row(r, "2023Q1")).toMatchObject({ lasting_result_pct: 0, step_down_pct: 0 });
  });

  it("leaves out planned endings whose relapse window has not passed as_of", () => {
    const r = kpi(csvOf([{ start_date: "2023-01-01", end_date: "2023-12-31", end_reason: "planned" }]), {
      as_of: "2024-06-30",
    });
    expect(row(r, "2023Q4")).toMatchObject({ lasting_result_pct: 100 });
    const early = kpi(csvOf([{ start_date: "2023-01-01", end_date: "2023-12-31", end_reason: "planned" }]), {
      as_of: "2024-06-29",
    });
    expect(row(early, "2023Q4")).toMatchObject({ lasting_result_pct: null, step_down_pct: null });
  });
});

describe("kpi: suppression", () => {
  it("nulls small counts and figures on small bases, and names them", () => {
    const r = kpi(
      csvOf([
        { client: "a", end_date: "2023-02-01", goal_realised: "full" },
        { client: "b", end_date: "2023-02-01" },
        { client: "c" },
      ]),
      { suppress_below: 2 },
    );
    const q1 = row(r, "2023Q1");
    expect(q1.active).toBe(3);
    expect(q1.outflow).toBe(2);
    expect(q1.goal_full_pct).toBeNull();
    expect(q1.duration_days_median).toBe(31);
    expect(q1.suppressed).toContain("goal_full_pct");
    expect(q1.suppressed).toContain("waiting_days_median");
    expect(q1.suppressed).not.toContain("active");
    const q2 = row(r, "2023Q2");
    expect(q2.inflow).toBeNull();
    expect(q2.suppressed).toContain("inflow");
  });
});

describe("kpi: the CSV reader", () => {
  it("reads quoted fields, CRLF line ends and a missing final newline", () => {
    const csv = `${HEADER}\r\n"1","c,1",GM0197,"P ""1""",iaj,x,,2023-01-01,,,,,,\r\n2,c2,GM0197,P2,iaj,x,,2023-01-01,,,,,,`;
    const r = kpi(csv, {}, 5);
    expect(r.rows.map((x) => x.provider)).toContain('P "1"');
    expect(r.rows.filter((x) => x.period === "2023Q1").map((x) => x.active)).toEqual([1, 1]);
  });

  it("names the line and column of a bad field, through the CLI with exit 2 and nothing on stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const csvPath = join(dir, "ind.csv");
    const configPath = join(dir, "kpi.json");
    writeFileSync(configPath, JSON.stringify(baseConfig));
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const run = () => runCommand("zorginkoop", kpiCommand, ["--indications", csvPath, "--config", configPath], io);
    writeFileSync(csvPath, csvOf([{}, {}, { start_date: "2023-02-30" }]));
    expect(await run()).toBe(2);
    expect(err.at(-1)).toContain("line 4, column start_date");
    writeFileSync(csvPath, csvOf([{ end_reason: "gone", end_date: "2023-05-01" }]));
    expect(await run()).toBe(2);
    expect(err.at(-1)).toContain("line 2, column end_reason");
    writeFileSync(csvPath, csvOf([{ segment: "unknown" }]));
    expect(await run()).toBe(2);
    expect(err.at(-1)).toContain("column segment");
    writeFileSync(csvPath, "id,client\n1,2\n");
    expect(await run()).toBe(2);
    expect(err.at(-1)).toContain("missing from the header");
    expect(
      await runCommand("zorginkoop", kpiCommand, ["--indications", join(dir, "no.csv"), "--config", configPath], io),
    ).toBe(2);
    expect(err.at(-1)).toContain("--indications");
    writeFileSync(configPath, JSON.stringify({ ...baseConfig, granularity: "month" }));
    expect(await run()).toBe(2);
    expect(err.at(-1)).toContain("granularity");
    expect(out).toEqual([]);
    writeFileSync(configPath, JSON.stringify(baseConfig));
    writeFileSync(csvPath, csvOf([{}]));
    expect(await run()).toBe(0);
    expect(JSON.parse(out[0]!).rows).toHaveLength(4);
  });

  it("validates the config with its JSON path", () => {
    const r = kpiConfigSchema.safeParse({ ...baseConfig, segments: [{ code: "x", lot: "y" }] });
    expect(r.error?.issues[0]?.path).toEqual(["segments", 0, "intensity"]);
  });
});

describe("kpi against a naive implementation", () => {
  const day = fc
    .integer({ min: 150, max: 500 })
    .map((d) => new Date(Date.UTC(2022, 6, 1) + d * 864e5).toISOString().slice(0, 10));
  const indication = fc.record({
    client: fc.constantFrom("a", "b", "c", "d", "e"),
    municipality: fc.constantFrom("GM0197", "GM0222"),
    provider: fc.constantFrom("P1", "P2"),
    segment: fc.constantFrom("iaj", "lvb", "wmo"),
    requested: fc.option(fc.integer({ min: 0, max: 60 })),
    start: day,
    length: fc.option(fc.integer({ min: 0, max: 120 })),
    end_reason: fc.constantFrom("planned", "planned", "early_client", "early_provider", "moved", ""),
    goal_realised: fc.constantFrom("full", "partial", "none", ""),
    satisfaction: fc.constantFrom("", "1", "7", "10", "6.5"),
    zrm: fc.option(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))),
  });
  it("agrees on every figure of random small files", () => {
    fc.assert(
      fc.property(
        fc.array(indication, { maxLength: 40 }),
        fc.constantFrom("quarter" as const, "year" as const),
        fc.constantFrom<KpiConfig["group_by"]>(["provider", "segment"], ["municipality"], [], ["lot", "provider"]),
        fc.constantFrom(0, 2, 3),
        fc.constantFrom(1, 6),
        fc.integer({ min: 1, max: 13 }),
        (inds, granularity, group_by, suppress_below, relapse_months, chunk) => {
          const rows: Ind[] = inds.map((x) => {
            const startDay = Date.parse(`${x.start}T00:00:00Z`);
            const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
            return {
              client: x.client,
              municipality: x.municipality,
              provider: x.provider,
              segment: x.segment,
              requested_on: x.requested === null ? "" : iso(startDay - x.requested * 864e5),
              start_date: x.start,
              end_date: x.length === null ? "" : iso(startDay + x.length * 864e5),
              end_reason: x.length === null ? "" : x.end_reason,
              goal_realised: x.goal_realised,
              satisfaction: x.satisfaction,
              zrm_start: x.zrm ? String(x.zrm[0]) : "",
              zrm_end: x.zrm ? String(x.zrm[1]) : "",
            };
          });
          const csv = csvOf(rows);
          const config: KpiConfig = {
            ...baseConfig,
            from: "2023-01-01",
            to: "2024-06-30",
            granularity,
            group_by,
            suppress_below,
            relapse_months,
            as_of: "2024-09-30",
          };
          const got = kpi(csv, config, chunk);
          const expected = naiveKpi(csv, config);
          expect(got.rows).toHaveLength(expected.rows.length);
          got.rows.forEach((r, i) => {
            const e = expected.rows[i]!;
            for (const [key, value] of Object.entries(e)) {
              if (typeof value === "number") expect(r[key]).toBeCloseTo(value, 9);
              else expect(r[key]).toEqual(value);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
