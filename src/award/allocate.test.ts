import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";
import { type AllocationInput, allocationInputSchema } from "./schema.ts";

const run = (macro_budget: number, mode: AllocationInput["mode"], offers: [string, number, number][]) =>
  allocate({
    macro_budget,
    mode,
    offers: offers.map(([provider, priority, requested]) => ({ provider, priority, requested })),
  });

describe("allocate", () => {
  it("gives everyone what they asked when the budget suffices", () => {
    const r = run(1000, "priority", [
      ["P1", 1, 300],
      ["P2", 2, 600],
    ]);
    expect(r.allocations.map((a) => a.allocated)).toEqual([300, 600]);
    expect(r.unallocated).toBe(100);
  });

  it("gives in priority order min(requested, what is left)", () => {
    const r = run(1000, "priority", [
      ["P3", 3, 500],
      ["P1", 1, 300],
      ["P2", 2, 600],
    ]);
    expect(r.allocations.map((a) => [a.provider, a.allocated])).toEqual([
      ["P3", 100],
      ["P1", 300],
      ["P2", 600],
    ]);
    expect(r.unallocated).toBe(0);
  });

  it("lets equal priorities share what is left in proportion", () => {
    const r = run(1000, "priority", [
      ["P1", 1, 400],
      ["P2", 2, 600],
      ["P3", 2, 300],
    ]);
    expect(r.allocations.map((a) => a.allocated)).toEqual([400, 400, 200]);
  });

  it("scales in proportion with largest-remainder cents", () => {
    const r = run(100, "proportional", [
      ["P1", 1, 100],
      ["P2", 2, 100],
      ["P3", 3, 100],
    ]);
    expect(r.allocations.map((a) => a.allocated)).toEqual([34, 33, 33]);
    expect(r.unallocated).toBe(0);
  });

  it("gives the one-cent remainder to the largest remainder, not to the first", () => {
    const r = run(10, "proportional", [
      ["P1", 1, 10],
      ["P2", 1, 20],
    ]);
    expect(r.allocations.map((a) => a.allocated)).toEqual([3, 7]);
  });

  it("handles a zero budget and zero requests", () => {
    expect(run(0, "proportional", [["P1", 1, 5]]).allocations[0]!.allocated).toBe(0);
    expect(run(10, "proportional", [["P1", 1, 0]]).unallocated).toBe(10);
    expect(run(10, "proportional", []).unallocated).toBe(10);
  });

  it("requires a priority in priority mode", () => {
    const r = allocationInputSchema.safeParse({
      macro_budget: 1,
      mode: "priority",
      offers: [{ provider: "P", requested: 1 }],
    });
    expect(r.error?.issues[0]?.path).toEqual(["offers", 0, "priority"]);
  });

  it("allocations never exceed requests and add up to the budget when it is short", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom("priority" as const, "proportional" as const),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5e11 })), { maxLength: 10 }),
        (budget, mode, offers) => {
          const r = run(
            budget,
            mode,
            offers.map(([p, q], i) => [`P${i}`, p, q]),
          );
          const given = r.allocations.reduce((s, a) => s + a.allocated, 0);
          const asked = offers.reduce((s, [, q]) => s + q, 0);
          expect(given + r.unallocated).toBe(budget);
          expect(given).toBe(Math.min(budget, asked));
          for (const a of r.allocations) {
            expect(a.allocated).toBeGreaterThanOrEqual(0);
            expect(a.allocated).toBeLessThanOrEqual(a.requested);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
