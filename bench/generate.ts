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
