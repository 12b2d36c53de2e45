import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson } from "./canonical.ts";

describe("canonical JSON", () => {
  it("sorts keys at every level and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it("keeps the order of arrays", () => {
    expect(canonicalJson(["b", "a", 2, 1])).toBe('["b","a",2,1]');
  });

  it("sorts keys by code unit, so upper case comes before lower case", () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, "10": 4, "9": 5 })).toBe('{"10":4,"9":5,"B":2,"a":3,"b":1}');
  });

  it("writes Dutch text as it is and escapes only what JSON must", () => {
    expect(canonicalJson({ t: 'coördinatie "één"\n€' })).toBe('{"t":"coördinatie \\"één\\"\\n€"}');
  });

  it("leaves out undefined properties", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("refuses values without a JSON form", () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [undefined] })).toThrow("$.a[0]");
    expect(() => canonicalJson({ at: new Date(0) })).toThrow("only plain objects");
    expect(() => canonicalJson(1n)).toThrow(CanonicalJsonError);
  });

  it("gives the same text whatever the key order, and parsing it gives the value back", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        // No whitespace added: the same length as JSON.stringify of the same value.
        expect(text.length).toBe(JSON.stringify(value).length);
        const reversed = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
