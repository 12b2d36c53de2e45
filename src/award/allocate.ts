// The allocate engine: a segment's macro budget over the award offers, by priority or in
// proportion. Pure: no I/O, no clock. Amounts are whole cents; the parts add up exactly.
import { big, type Cents, splitLargestRemainder, toCents } from "../platform/money.ts";
import type { AllocationInput } from "./schema.ts";

export interface Allocation {
  provider: string;
  priority?: number;
  requested: Cents;
  allocated: Cents;
}

export interface AllocationResult {
  mode: AllocationInput["mode"];
  macro_budget: Cents;
  requested_total: Cents;
  allocations: Allocation[];
  unallocated: Cents;
}

/** Splits `amount` over offers in proportion to what they requested (largest remainder, ties to the earlier offer). */
function proportionalSplit(amount: bigint, requested: readonly bigint[]): bigint[] {
  if (requested.every((r) => r === 0n)) return requested.map(() => 0n);
  return splitLargestRemainder(
    amount,
    requested.map((r) => ({ num: r, den: 1n })),
  );
}

export function allocate(input: AllocationInput): AllocationResult {
  const budget = big(input.macro_budget);
  const requested = input.offers.map((o) => big(o.requested));
  const total = requested.reduce((a, b) => a + b, 0n);
  let allocated: bigint[];
  if (total <= budget) {
    allocated = requested;
  } else if (input.mode === "proportional") {
    allocated = proportionalSplit(budget, requested);
  } else {
    // In priority order each gets min(requested, what is left). Offers of equal priority are
    // one step: when what is left does not cover them all, they share it in proportion.
    allocated = requested.map(() => 0n);
    const order = input.offers.map((_, i) => i).sort((a, b) => input.offers[a]!.priority! - input.offers[b]!.priority!);
    let left = budget;
    for (let start = 0; start < order.length; ) {
      let end = start;
      const priority = input.offers[order[start]!]!.priority;
      while (end < order.length && input.offers[order[end]!]!.priority === priority) end++;
      const group = order.slice(start, end).sort((a, b) => a - b);
      const asked = group.reduce((sum, i) => sum + requested[i]!, 0n);
      if (asked <= left) {
        for (const i of group) allocated[i] = requested[i]!;
        left -= asked;
      } else {
        const parts = proportionalSplit(
          left,
          group.map((i) => requested[i]!),
        );
        group.forEach((i, j) => {
          allocated[i] = parts[j]!;
        });
        left = 0n;
      }
      start = end;
    }
  }
  const given = allocated.reduce((a, b) => a + b, 0n);
  return {
    mode: input.mode,
    macro_budget: input.macro_budget,
    requested_total: toCents(total),
    allocations: input.offers.map((offer, i) => ({
      provider: offer.provider,
      ...(offer.priority !== undefined ? { priority: offer.priority } : {}),
      requested: offer.requested,
      allocated: toCents(allocated[i]!),
    })),
    unallocated: toCents(budget - given),
  };
}
