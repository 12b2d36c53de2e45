import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agbProblem,
  COMBINATION_LEGAL_FORMS,
  isCombinationForm,
  kvkProblem,
  LEGAL_FORMS,
  legalFormProblem,
  SINGLE_LEGAL_FORMS,
} from "./rules.ts";

describe("KvK number", () => {
  it("accepts exactly 8 digits, leading zeros included", () => {
    expect(kvkProblem("41087234")).toBeUndefined();
    expect(kvkProblem("01234567")).toBeUndefined();
  });

  it("refuses fewer or more digits, letters, spaces and all zeros", () => {
    for (const bad of ["1234567", "123456789", "1234567a", "1234 5678", " 12345678", "", "１２３４５６７８"]) {
      expect(kvkProblem(bad), bad).toBe("a KvK number is exactly 8 digits");
    }
    expect(kvkProblem("00000000")).toBe("00000000 is not a KvK number");
  });

  it("accepts every 8-digit string but 00000000, and nothing else", () => {
    const eightDigits = fc.stringMatching(/^[0-9]{8}$/);
    fc.assert(fc.property(eightDigits, (s) => (kvkProblem(s) === undefined) === (s !== "00000000")));
    const anythingElse = fc.string().filter((s) => !/^[0-9]{8}$/.test(s));
    fc.assert(fc.property(anythingElse, (s) => kvkProblem(s) !== undefined));
  });
});

describe("AGB code", () => {
  it("is optional elsewhere, but when given has exactly 8 digits", () => {
    expect(agbProblem("98104572")).toBeUndefined();
    expect(agbProblem("9810457")).toBe("an AGB code is exactly 8 digits");
    expect(agbProblem("98-10457")).toBe("an AGB code is exactly 8 digits");
    expect(agbProblem("00000000")).toBe("00000000 is not an AGB code");
  });
});

describe("legal form", () => {
  it("knows the seven forms, of which coöperatie, coöperatie i.o. and consortium are combinations", () => {
    expect(LEGAL_FORMS).toHaveLength(7);
    expect(LEGAL_FORMS.filter(isCombinationForm)).toEqual(["cooperatie", "cooperatie_io", "consortium"]);
  });

  it("gives a single provider a stichting, B.V., ZZP or V.O.F.", () => {
    for (const form of SINGLE_LEGAL_FORMS) expect(legalFormProblem("single", form)).toBeUndefined();
    for (const form of COMBINATION_LEGAL_FORMS) expect(legalFormProblem("single", form)).toContain("combination");
  });

  it("gives a combination a coöperatie, coöperatie i.o. or consortium", () => {
    for (const form of COMBINATION_LEGAL_FORMS) expect(legalFormProblem("combination", form)).toBeUndefined();
    for (const form of SINGLE_LEGAL_FORMS) expect(legalFormProblem("combination", form)).toContain("single provider");
  });
});
