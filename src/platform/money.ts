// Money in whole euro cents, and the one place where amounts are rounded.
// Rounding is half away from zero; a split over weights uses the largest-remainder method,
// so that the parts always add up to exactly the whole.

/** An amount in whole euro cents (a safe integer). */
export type Cents = number;

/** An exact fraction num/den with den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export function isCents(value: unknown): value is Cents {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Converts a safe integer to bigint, refusing anything that is not one. */
export function big(value: number): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return BigInt(value);
}

/** Converts a bigint back to a number of cents, refusing amounts beyond exact double range. */
export function toCents(value: bigint): Cents {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount out of range: ${value}`);
  }
  return Number(value);
}

/**
 * The exact decimal a person wrote: 33.3 is 333/10, not the nearest binary fraction.
 * Uses the shortest round-trip representation of the number (also for 1e-7 style).
 */
export function decimalRatio(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text);
  if (!match) throw new RangeError(`cannot read number: ${text}`);
  const [, sign, whole = "0", fraction = "", exponentText] = match;
  const exponent = Number(exponentText ?? "0") - fraction.length;
  let num = BigInt(whole + fraction);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  if (sign === "-") num = -num;
  return reduce({ num, den });
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function reduce(r: Ratio): Ratio {
  if (r.den === 0n) throw new RangeError("division by zero");
  const sign = r.den < 0n ? -1n : 1n;
  const g = gcd(r.num, r.den) || 1n;
  return { num: (sign * r.num) / g, den: (sign * r.den) / g };
}

/** num/den rounded to an integer, half away from zero (2.5 → 3, −2.5 → −3). */
export function divRoundHalfAway(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError("division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs * 2n + den) / (den * 2n); // floor(abs/den + 1/2)
  return negative ? -q : q;
}

/** A fraction rounded to whole units, half away from zero. */
export function roundRatio(r: Ratio): bigint {
  return divRoundHalfAway(r.num, r.den);
}

/** Compares two fractions exactly: negative, zero or positive. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Splits `total` over `weights` in proportion, in whole units, with the largest-remainder method:
 * every part first gets the floor of its exact share (of |total|), the units still missing go one
 * each to the largest remainders, ties to the earliest weight. A negative total is split as its
 * absolute value and every part negated, so a repayment splits the same way as a payment.
 * The parts add up to exactly `total`. Weights are non-negative and not all zero.
 */
export function splitLargestRemainder(total: bigint, weights: readonly Ratio[]): bigint[] {
  if (weights.length === 0) throw new RangeError("nothing to split over");
  // Bring all weights to one common denominator, so they become integers.
  let common = 1n;
  for (const w of weights) {
    if (w.num < 0n || w.den <= 0n) throw new RangeError("weights must be non-negative");
    common = (common / gcd(common, w.den)) * w.den;
  }
  const ints = weights.map((w) => (w.num * common) / w.den);
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError("weights add up to zero");
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const parts = ints.map((w) => (abs * w) / sum);
  const remainders = ints.map((w, i) => ({ i, rem: abs * w - parts[i]! * sum }));
  let missing = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of remainders) {
    if (missing === 0n) break;
    parts[i] = parts[i]! + 1n;
    missing -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}

/** Same as splitLargestRemainder, in cents as numbers. */
export function splitCents(total: Cents, weights: readonly Ratio[]): Cents[] {
  return splitLargestRemainder(big(total), weights).map(toCents);
}

/** Cents as a number of euros with two decimals (the nearest double, e.g. 6635 → 66.35). */
export function centsToUnits(cents: bigint | number): number {
  return Number(cents) / 100;
}

/**
 * splitCents over plain number weights (e.g. shares 40 and 390, or 33.3). Integer weights whose
 * products stay exact are split in doubles (the same rule, faster); anything else goes through
 * exact fractions.
 */
export function splitByWeights(total: Cents, weights: readonly number[]): Cents[] {
  let sum = 0;
  let integral = true;
  for (const w of weights) {
    if (!Number.isInteger(w) || w < 0) integral = false;
    sum += w;
  }
  const abs = Math.abs(total);
  if (!integral || sum === 0 || !Number.isSafeInteger(sum) || !Number.isSafeInteger(abs * sum)) {
    return splitCents(total, weights.map(decimalRatio));
  }
  const parts = weights.map((w) => Math.floor((abs * w) / sum));
  let missing = abs;
  for (const p of parts) missing -= p;
  if (missing > 0) {
    const order = weights.map((_, i) => i);
    const rem = weights.map((w, i) => abs * w - parts[i]! * sum);
    order.sort((a, b) => rem[b]! - rem[a]! || a - b);
    for (let k = 0; k < missing; k++) parts[order[k]!]! += 1;
  }
  return total < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}
