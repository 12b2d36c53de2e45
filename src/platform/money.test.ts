import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareRatio,
  decimalRatio,
  divRoundHalfAway,
  splitByWeights,
  splitCents,
  splitLargestRemainder,
} from "./money.ts";

describe("rounding half away from zero", () => {
  it("rounds halves away from zero on both sides", () => {
    expect(divRoundHalfAway(5n, 2n)).toBe(3n);
    expect(divRoundHalfAway(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAway(7n, 2n)).toBe(4n);
    expect(divRoundHalfAway(-7n, 2n)).toBe(-4n);
    expect(divRoundHalfAway(1n, 3n)).toBe(0n);
    expect(divRoundHalfAway(2n, 3n)).toBe(1n);
    expect(divRoundHalfAway(-2n, 3n)).toBe(-1n);
    expect(divRoundHalfAway(5n, -2n)).toBe(-3n);
  });

  it("agrees with a reference on random fractions", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          const q = divRoundHalfAway(n, d);
          // |n/d - q| <= 1/2, and exactly 1/2 only when q is away from zero
          const diff2 = 2n * (n - q * d); // 2·(n − q·d), compared with d
          expect(diff2 <= d && diff2 >= -d).toBe(true);
          if (diff2 === d) expect(n < 0n).toBe(true);
          if (diff2 === -d) expect(n > 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("decimal ratios", () => {
  it("reads the decimal a person wrote", () => {
    expect(decimalRatio(33.3)).toEqual({ num: 333n, den: 10n });
    expect(decimalRatio(0.1)).toEqual({ num: 1n, den: 10n });
    expect(decimalRatio(-2.5)).toEqual({ num: -5n, den: 2n });
    expect(decimalRatio(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(decimalRatio(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(compareRatio(decimalRatio(0.1), { num: 1n, den: 10n })).toBe(0);
  });
});

describe("largest-remainder split", () => {
  const w = (...xs: number[]) => xs.map(decimalRatio);

  it("gives the one-cent remainder to the largest remainder", () => {
    expect(splitCents(100, w(1, 1, 1))).toEqual([34, 33, 33]);
    expect(splitCents(101, w(1, 1, 1))).toEqual([34, 34, 33]);
    expect(splitCents(10, w(1, 2))).toEqual([3, 7]); // 3.33 / 6.67: the 0.67 remainder wins
  });

  it("splits a repayment as the mirror of a payment", () => {
    expect(splitCents(-100, w(1, 1, 1))).toEqual([-34, -33, -33]);
  });

  it("gives nothing to a zero weight", () => {
    expect(splitCents(99, w(0, 1, 0, 2))).toEqual([0, 33, 0, 66]);
  });

  it("handles decimal weights exactly", () => {
    expect(splitCents(1000, w(33.3, 66.7))).toEqual([333, 667]);
  });

  it("always adds up to the whole, and each part is within one cent of its exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.nat({ max: 100000 }), { minLength: 1, maxLength: 12 }).filter((a) => a.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitLargestRemainder(
            total,
            weights.map((x) => ({ num: BigInt(x), den: 1n })),
          );
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((p, i) => {
            const exact2 = total * BigInt(weights[i]!); // exact share = exact2 / sum
            const diff = p * sum - exact2;
            expect(diff < sum && diff > -sum).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("split by plain number weights", () => {
  it("gives the same parts as the exact split", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc
          .array(fc.oneof(fc.nat({ max: 1000 }), fc.constantFrom(0.5, 33.3, 12.25)), { minLength: 1, maxLength: 9 })
          .filter((a) => a.some((x) => x > 0)),
        (total, weights) => {
          expect(splitByWeights(total, weights)).toEqual(splitCents(total, weights.map(decimalRatio)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
