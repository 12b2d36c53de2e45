import { describe, expect, it } from "vitest";
import { markParts, matchesAll, searchWords } from "./find.ts";

describe("searchWords", () => {
  it("folds case and accents and splits on punctuation, each word once", () => {
    expect(searchWords("  Ideeën over KPI's, kpi ")).toEqual(["ideeen", "over", "kpi", "s"]);
    expect(searchWords("—")).toEqual([]);
  });
});

describe("matchesAll", () => {
  const question = ["Lump Sum per aanbieder of per cliënt?", "Per aanbieder, per segment.", null];

  it("needs every word, anywhere in any of the texts, inside longer words too", () => {
    expect(matchesAll(question, searchWords("client segment"))).toBe(true);
    expect(matchesAll(question, searchWords("CLIËNT aanbied"))).toBe(true);
    expect(matchesAll(question, searchWords("client budget"))).toBe(false);
  });

  it("matches everything when nothing is typed", () => {
    expect(matchesAll(question, [])).toBe(true);
  });
});

describe("markParts", () => {
  it("marks each occurrence in the original spelling, accents and case kept", () => {
    expect(markParts("De cliënt en de Client", searchWords("client"))).toEqual([
      { text: "De ", marked: false },
      { text: "cliënt", marked: true },
      { text: " en de ", marked: false },
      { text: "Client", marked: true },
    ]);
  });

  it("joins overlapping occurrences into one mark and leaves an unmatched text whole", () => {
    expect(markParts("lumpsumbudget", ["lump", "sumbud"])).toEqual([
      { text: "lumpsumbud", marked: true },
      { text: "get", marked: false },
    ]);
    expect(markParts("Geen treffer", ["lumpsum"])).toEqual([{ text: "Geen treffer", marked: false }]);
    expect(markParts("", ["x"])).toEqual([]);
  });

  it("keeps characters outside the basic plane whole", () => {
    const parts = markParts("Zorg 👍 voor jeugd", ["jeugd"]);
    expect(parts.map((p) => p.text).join("")).toBe("Zorg 👍 voor jeugd");
    expect(parts[1]).toEqual({ text: "jeugd", marked: true });
  });
});
