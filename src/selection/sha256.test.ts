import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lotteryNumber } from "./lottery.ts";
import { sha256Hex } from "./sha256.ts";

describe("sha256 for the lot draw", () => {
  it("matches known digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches node:crypto on random text, including multi-block and non-ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      { numRuns: 200 },
    );
  });

  it("draws lottery numbers as the published rule says", () => {
    const digest = createHash("sha256").update("notaris-2021-06-01\u00001\u0000B1", "utf8").digest();
    expect(lotteryNumber("notaris-2021-06-01", 1, "B1")).toBe(1 + (digest.readUInt32BE(0) >>> 12));
    const n = lotteryNumber("s", 2, "x");
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(1 << 20);
  });
});
