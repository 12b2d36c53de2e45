// Seeded generators for the benchmark (and for tests that want realistic shapes).
import type { SelectionInput } from "../src/selection/schema.ts";

/** Mulberry32: a small seeded PRNG, so every run generates the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUNICIPALITIES = ["GM0197", "GM1859", "GM1876", "GM0222", "GM1955", "GM1586", "GM1509", "GM0294"];
/** 17 subsegments in 7 segment groups of 4, 4, 3, 1, 3, 1, 1 */
export const SEGMENT_GROUPS = [4, 4, 3, 1, 3, 1, 1].map((size, g) =>
  Array.from({ length: size }, (_, i) => `seg${g + 1}-sub${i + 1}`),
);
export const SPECIALISMS = ["GGZ", "LVB", "NAH", "autisme", "verslaving", "trauma"];

function pick<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

const between = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/**
 * The compass instance: bids over 8 municipalities × 17 subsegments in 7 segments plus 6
 * specialisms; each bid covers some municipalities and subsegments of one segment and 0–2
 * specialisms; all bids are eligible (totals 55.00–100.00).
 */
export function selectionInstance(
  seed: number,
  options: {
    bids?: number;
    municipalities?: [number, number];
    subsegments?: [number, number];
    maxSelected?: number;
  } = {},
): SelectionInput {
  const rand = prng(seed);
  const [mLo, mHi] = options.municipalities ?? [1, 8];
  const [sLo, sHi] = options.subsegments ?? [1, 4];
  const criteria = [
    { id: "A", weight: 15 },
    { id: "B", weight: 15 },
    { id: "C", weight: 20 },
    { id: "D", weight: 20 },
    { id: "E", weight: 15 },
    { id: "F", weight: 15 },
  ];
  const bids = Array.from({ length: options.bids ?? 1000 }, (_, i) => {
    const group = SEGMENT_GROUPS[Math.floor(rand() * SEGMENT_GROUPS.length)]!;
    return {
      id: `B${String(i + 1).padStart(4, "0")}`,
      requirements_met: true,
      scores: Object.fromEntries(criteria.map((c) => [c.id, between(rand, 55, 100) / 10])),
      subsegments: pick(rand, group, between(rand, sLo, Math.min(sHi, group.length))),
      municipalities: pick(rand, MUNICIPALITIES, between(rand, mLo, mHi)),
      specialisms: pick(rand, SPECIALISMS, between(rand, 0, 2)),
    };
  });
  return {
    criteria,
    scale_max: 10,
    threshold: 55,
    max_selected: options.maxSelected ?? 60,
    k: 2,
    bids,
    lot_draw_seed: `bench-${seed}`,
  };
}

export const KPI_SEGMENTS = [
  { code: "jeugd-iaj", lot: "jeugd", intensity: 2 },
  { code: "jeugd-gwv", lot: "jeugd", intensity: 3 },
  { code: "jeugd-hcwv", lot: "jeugd", intensity: 4 },
  { code: "jeugd-dys", lot: "jeugd", intensity: 1 },
  { code: "wmo-io", lot: "wmo", intensity: 2 },
  { code: "wmo-logeren", lot: "wmo", intensity: 1 },
  { code: "wmo-wonen", lot: "wmo", intensity: 3 },
];
const END_REASONS = [
  "planned",
  "planned",
  "planned",
  "early_agreed",
  "early_client",
  "early_provider",
  "moved",
  "deceased",
  "other",
];
const GOALS = ["full", "partial", "none", ""];

const iso = (dayNumber: number) => new Date(dayNumber * 86400000).toISOString().slice(0, 10);

/**
 * Writes an indications CSV of `rows` rows in chunks (to keep memory flat) through `write`.
 * About 300,000 clients, 40 providers, 7 segments; starts from 2021 to 2024, a third still running.
 */
export async function writeIndications(
  rows: number,
  seed: number,
  write: (text: string) => Promise<void>,
): Promise<void> {
  const rand = prng(seed);
  const clients = Math.max(1, Math.floor(rows * 0.3));
  const first = Date.UTC(2021, 0, 1) / 86400000;
  const span = Date.UTC(2024, 11, 31) / 86400000 - first;
  await write(
    "id,client,municipality,provider,segment,subsegment,requested_on,start_date,end_date,end_reason,goal_realised,satisfaction,zrm_start,zrm_end\n",
  );
  let buffer: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const client = `cl${Math.floor(rand() * clients)
      .toString(36)
      .padStart(6, "0")}`;
    const municipality = MUNICIPALITIES[Math.floor(rand() * MUNICIPALITIES.length)]!;
    const provider = `P${String(1 + Math.floor(rand() * 40)).padStart(3, "0")}`;
    const segment = KPI_SEGMENTS[Math.floor(rand() * KPI_SEGMENTS.length)]!.code;
    const subsegment = `sub${1 + Math.floor(rand() * 3)}`;
    const start = first + Math.floor(rand() * span);
    const requested = rand() < 0.85 ? iso(start - Math.floor(rand() * 90)) : "";
    const ended = rand() < 0.67;
    const end = ended ? start + Math.floor(rand() * 500) : 0;
    const reason = ended ? END_REASONS[Math.floor(rand() * END_REASONS.length)]! : "";
    const goal = ended ? GOALS[Math.floor(rand() * GOALS.length)]! : "";
    const satisfaction = ended && rand() < 0.6 ? String(1 + Math.floor(rand() * 10)) : "";
    const zrm = ended && rand() < 0.5;
    const zs = zrm ? String(20 + Math.floor(rand() * 40)) : "";
    const ze = zrm ? String(20 + Math.floor(rand() * 40)) : "";
    buffer.push(
      `${i},${client},${municipality},${provider},${segment},${subsegment},${requested},${iso(start)},${ended ? iso(end) : ""},${reason},${goal},${satisfaction},${zs},${ze}\n`,
    );
    if (buffer.length === 50000) {
      await write(buffer.join(""));
      buffer = [];
    }
  }
  if (buffer.length > 0) await write(buffer.join(""));
}

export function settlementInstance(contracts: number, seed: number) {
  const rand = prng(seed);
  return {
    year: 2023,
    band_pct: 3,
    mode: "beyond_band" as const,
    payment_frequency: "monthly" as const,
    contracts: Array.from({ length: contracts }, (_, i) => {
      const agreed = 10 + Math.floor(rand() * 1000);
      return {
        id: `C${i + 1}`,
        provider: `P${1 + Math.floor(rand() * 200)}`,
        segment: KPI_SEGMENTS[Math.floor(rand() * KPI_SEGMENTS.length)]!.code,
        agreed_clients: agreed,
        amount_per_client: 100000 + Math.floor(rand() * 2000000),
        realised_clients: Math.max(0, Math.round(agreed * (0.85 + rand() * 0.3))),
        key: "use",
        shares: Object.fromEntries(MUNICIPALITIES.map((m) => [m, Math.floor(rand() * 500)])),
      };
    }),
  };
}
