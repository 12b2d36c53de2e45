import { describe, expect, it } from "vitest";
import { parseStatementsCsv, StatementCsvError } from "./statements-csv.ts";

describe("parseStatementsCsv", () => {
  it("reads agree/disagree counts with Dutch headers and ';'", () => {
    const rows = parseStatementsCsv(
      '\uFEFFStelling;Eens;Oneens\nLumpsum werkt beter dan PxQ;12;5\n"Eén loket; voor alles";3;14\n',
    );
    expect(rows).toEqual([
      expect.objectContaining({ text: "Lumpsum werkt beter dan PxQ", kind: "agree", agree: 12, disagree: 5 }),
      expect.objectContaining({ text: "Eén loket; voor alles", kind: "agree", agree: 3, disagree: 14 }),
    ]);
    expect(rows[0]!.agreeShare).toBeCloseTo(12 / 17, 3);
  });

  it("reads a 1–5 scale from its counts and computes the average and the count", () => {
    const [row] = parseStatementsCsv("Statement,1,2,3,4,5\nThe tariff is sufficient,1,2,3,4,0\n");
    expect(row).toMatchObject({ kind: "scale", scaleCounts: [1, 2, 3, 4, 0], scaleCount: 10, scaleAverage: 3 });
  });

  it("reads average and count alone, with a decimal comma", () => {
    const [row] = parseStatementsCsv("Stelling;Gemiddelde;Aantal\nDe administratieve last is te hoog;4,2;23\n");
    expect(row).toMatchObject({ kind: "scale", scaleAverage: 4.2, scaleCount: 23, scaleCounts: null });
  });

  it("mixes agree and scale rows in one export", () => {
    const rows = parseStatementsCsv("Question,Agree,Disagree,Average,Count\nA,4,6,,\nB,,,2.5,8\n");
    expect(rows.map((r) => r.kind)).toEqual(["agree", "scale"]);
  });

  it("refuses a file without a statement column, naming row 1", () => {
    expect(() => parseStatementsCsv("Naam;Eens;Oneens\nx;1;2\n")).toThrow(/row 1: no statement column/);
  });

  it("refuses a file without figures", () => {
    expect(() => parseStatementsCsv("Stelling;Opmerking\nx;y\n")).toThrow(/no figures/);
  });

  it("names the row and column of a bad number", () => {
    try {
      parseStatementsCsv("Stelling;Eens;Oneens\nA;1;2\nB;veel;2\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StatementCsvError);
      expect((error as StatementCsvError).line).toBe(3);
      expect((error as Error).message).toBe("row 3: 'Eens' is not a whole number: 'veel'");
    }
  });

  it("refuses an average outside 1..5 and counts that contradict the given count", () => {
    expect(() => parseStatementsCsv("Stelling;Gemiddelde;Aantal\nA;7;3\n")).toThrow(/row 2: scaleAverage/);
    expect(() => parseStatementsCsv("Stelling;1;2;3;4;5;Aantal\nA;1;1;1;1;1;9\n")).toThrow(/adds? up to 5/);
  });

  it("refuses an empty file and a file with only a header", () => {
    expect(() => parseStatementsCsv("")).toThrow(/empty/);
    expect(() => parseStatementsCsv("Stelling;Eens;Oneens\n")).toThrow(/no statements/);
  });
});
