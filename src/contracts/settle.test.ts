import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Io, runCommand } from "../platform/command.ts";
import { settleCommand } from "./cli.ts";
import { type SettleContract, type SettlementInput, settlementInputSchema } from "./schema.ts";
import { paymentsOf, settle, settlementOf } from "./settle.ts";

const contract = (over: Partial<SettleContract> = {}): SettleContract => ({
  id: "C1",
  provider: "P1",
  segment: "jeugd-iaj",
  agreed_clients: 400,
  amount_per_client: 500000,
  realised_clients: 430,
  key: "use",
  shares: { GM0197: 40, GM0222: 390 },
  ...over,
});
const input = (over: Partial<SettlementInput> = {}, c = [contract()]): SettlementInput => ({
  year: 2023,
  band_pct: 3,
  mode: "beyond_band",
  payment_frequency: "monthly",
  contracts: c,
  ...over,
});
const one = (c: Partial<SettleContract>, over: Partial<SettlementInput> = {}) =>
  settle(input(over, [contract(c)])).contracts[0]!;

describe("settle: the tolerance band (bandbreedte)", () => {
  it("settles only the part beyond the band", () => {
    const r = one({});
    expect(r.lumpsum).toBe(200_000_000);
    expect(r.deviation_pct).toBe(7.5);
    expect(r.within_band).toBe(false);
    expect(r.settlement).toBe((430 - 412) * 500000);
  });

  it("settles the whole deviation in mode full", () => {
    expect(one({}, { mode: "full" }).settlement).toBe(30 * 500000);
  });

  it("settles nothing exactly on the upper edge of the band (3% of 400 = 12)", () => {
    const r = one({ realised_clients: 412 });
    expect(r.within_band).toBe(true);
    expect(r.settlement).toBe(0);
    expect(r.deviation_pct).toBe(3);
  });

  it("settles nothing exactly on the lower edge of the band", () => {
    const r = one({ realised_clients: 388 }, { mode: "full" });
    expect(r.within_band).toBe(true);
    expect(r.settlement).toBe(0);
  });

  it("settles one client beyond the edges", () => {
    expect(one({ realised_clients: 413 }).settlement).toBe(500000);
    expect(one({ realised_clients: 387 }).settlement).toBe(-500000);
    expect(one({ realised_clients: 387 }, { mode: "full" }).settlement).toBe(-13 * 500000);
  });

  it("lets the provider repay the band-exceeding part when nothing was realised", () => {
    const r = one({ realised_clients: 0 });
    expect(r.deviation_pct).toBe(-100);
    expect(r.settlement).toBe(-(400 - 388) * 500000 - 376 * 500000);
    expect(r.settlement).toBe(-388 * 500000);
  });

  it("rounds a fractional band edge half away from zero, to whole cents", () => {
    // agreed 10, band 3%: edge 10.3 clients; realised 11 → 0.7 × 333 cents = 233.1 → 233
    expect(one({ agreed_clients: 10, realised_clients: 11, amount_per_client: 333 }).settlement).toBe(233);
    // 0.7 × 5 = 3.5 → 4; below: (9 − 9.7) × 5 = −3.5 → −4
    expect(one({ agreed_clients: 10, realised_clients: 11, amount_per_client: 5 }).settlement).toBe(4);
    expect(one({ agreed_clients: 10, realised_clients: 9, amount_per_client: 5 }).settlement).toBe(-4);
  });

  it("uses a decimal band exactly (2.5% of 200 = 5 clients, edge inside)", () => {
    expect(one({ agreed_clients: 200, realised_clients: 205 }, { band_pct: 2.5 }).within_band).toBe(true);
    expect(one({ agreed_clients: 200, realised_clients: 206 }, { band_pct: 2.5 }).settlement).toBe(500000);
  });

  it("with a band of 0 settles any deviation", () => {
    expect(one({ realised_clients: 401 }, { band_pct: 0 }).settlement).toBe(500000);
    expect(one({ realised_clients: 400 }, { band_pct: 0 }).settlement).toBe(0);
  });

  it("is 0 inside the band and follows the sign of the deviation outside it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(0, 1, 2.5, 3, 5, 10),
        fc.constantFrom("beyond_band" as const, "full" as const),
        (agreed, realised, amount, band, mode) => {
          const { withinBand, settlement } = settlementOf(
            { agreed_clients: agreed, realised_clients: realised, amount_per_client: amount },
            band,
            mode,
          );
          const inside = Math.abs(realised - agreed) * 100 <= band * agreed + 1e-9;
          expect(withinBand).toBe(inside);
          if (withinBand) expect(settlement).toBe(0);
          else {
            expect(Math.sign(settlement) === Math.sign(realised - agreed) || settlement === 0).toBe(true);
            const full = (realised - agreed) * amount + 0;
            expect(Math.abs(settlement)).toBeLessThanOrEqual(Math.abs(full));
            if (mode === "full") expect(settlement).toBe(full);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("settle: payments", () => {
  it("pays 12 equal monthly instalments on the first of the month, the remainder on the last", () => {
    const p = paymentsOf(100_000_001, 2023, "monthly");
    expect(p).toHaveLength(12);
    expect(p[0]).toEqual({ due: "2023-01-01", amount: 8_333_333 });
    expect(p[11]).toEqual({ due: "2023-12-01", amount: 100_000_001 - 11 * 8_333_333 });
  });

  it("pays 4 quarterly instalments in advance", () => {
    expect(paymentsOf(10, 2024, "quarterly")).toEqual([
      { due: "2024-01-01", amount: 2 },
      { due: "2024-04-01", amount: 2 },
      { due: "2024-07-01", amount: 2 },
      { due: "2024-10-01", amount: 4 },
    ]);
  });

  it("payments add up to the lumpsum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.constantFrom("monthly" as const, "quarterly" as const),
        (l, f) => {
          expect(paymentsOf(l, 2023, f).reduce((s, p) => s + p.amount, 0)).toBe(l);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("settle: per municipality", () => {
  it("splits lumpsum and settlement by the shares with largest remainders", () => {
    const r = one({ shares: { GM0197: 1, GM0222: 1, GM1859: 1 }, agreed_clients: 1, amount_per_client: 100 });
    expect(r.per_municipality.map((m) => m.lumpsum)).toEqual([34, 33, 33]);
  });

  it("splits a repayment so that the parts add up to it exactly (one-cent remainder)", () => {
    const r = one({ realised_clients: 387, amount_per_client: 100001, shares: { A: 1, B: 1, C: 1 } });
    expect(r.settlement).toBe(-100001);
    expect(r.per_municipality.map((m) => m.settlement)).toEqual([-33334, -33334, -33333]);
  });

  it("municipality parts always add up to the contract figures", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((a) => a.some((x) => x > 0)),
        (agreed, realised, amount, weights) => {
          const shares = Object.fromEntries(weights.map((w, i) => [`GM${1000 + i}`, w]));
          const r = one({ agreed_clients: agreed, realised_clients: realised, amount_per_client: amount, shares });
          expect(r.per_municipality.reduce((s, m) => s + m.lumpsum, 0)).toBe(r.lumpsum);
          expect(r.per_municipality.reduce((s, m) => s + m.settlement, 0)).toBe(r.settlement);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("settle: input validation", () => {
  it("names the field that breaks the format", () => {
    const bad = settlementInputSchema.safeParse({ ...input(), contracts: [{ ...contract(), agreed_clients: 0 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["contracts", 0, "agreed_clients"]);
    const zero = settlementInputSchema.safeParse({ ...input(), contracts: [{ ...contract(), shares: { A: 0 } }] });
    expect(zero.error?.issues[0]?.path).toEqual(["contracts", 0, "shares"]);
  });

  it("refuses a settlement or a total beyond the exact cent range instead of crashing", () => {
    // Regression: 1 agreed client at €10^13 with 1,000,000 realised passed validation and the
    // engine threw a RangeError (exit 1, stack trace) instead of exit 2 naming the field.
    const huge = contract({ agreed_clients: 1, amount_per_client: 1e15, realised_clients: 1_000_000 });
    const bad = settlementInputSchema.safeParse(input({}, [huge]));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["contracts", 0, "realised_clients"]);
    const half = contract({ agreed_clients: 1, amount_per_client: 2 ** 52, realised_clients: 1 });
    const sum = settlementInputSchema.safeParse(input({}, [half, { ...half, id: "C2" }, { ...half, id: "C3" }]));
    expect(sum.success).toBe(false);
    expect(sum.error?.issues[0]?.path).toEqual(["contracts"]);
    const edge = contract({ agreed_clients: 1, amount_per_client: 2 ** 52, realised_clients: 2 });
    expect(settlementInputSchema.safeParse(input({ mode: "full" }, [edge])).success).toBe(true);
    expect(settle(input({ mode: "full" }, [edge])).contracts[0]!.settlement).toBe(2 ** 52);
  });

  it("exits 2 with nothing on stdout, naming the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "settle-"));
    const file = join(dir, "in.json");
    writeFileSync(file, JSON.stringify({ ...input(), band_pct: "3" }));
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    expect(await runCommand("zorginkoop", settleCommand, ["--input", file], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("\n")).toContain("band_pct");
    expect(await runCommand("zorginkoop", settleCommand, ["--input", join(dir, "missing.json")], io)).toBe(2);
    expect(err.join("\n")).toContain("--input");
    expect(out).toEqual([]);
    writeFileSync(file, JSON.stringify(input()));
    expect(await runCommand("zorginkoop", settleCommand, ["--input", file], io)).toBe(0);
    expect(JSON.parse(out[0]!).contracts[0].settlement).toBe(9_000_000);
  });
});
