import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQaList } from "./parse.ts";
import { normalise, rankSimilar, terms } from "./similar.ts";

const seed = parseQaList(readFileSync(path.resolve("test/fixtures/qa/000_15d00ff2a73ea746.txt"), "utf8"));
const candidates = seed.questions.map((q) => ({ id: String(q.number), text: q.question }));

describe("terms", () => {
  it("ignores case and accents", () => {
    expect(normalise("Cliënten, IDEEËN én Coöperatie!")).toBe("clienten ideeen en cooperatie");
    expect(terms("CLIËNTEN")).toEqual(terms("clienten"));
  });

  it("leaves stop words out and stems Dutch words", () => {
    expect(terms("Wat is de planning van de aanbieders?")).toEqual(terms("planning aanbieder"));
    expect(terms("inschrijven")).toEqual(terms("inschrijving"));
    expect(terms("de het een en van wij u")).toEqual([]);
  });
});

describe("rankSimilar", () => {
  it("finds the original of a reworded seed question in the top 3", () => {
    const reworded: [string, string][] = [
      ["Kan ik als zorgaanbieder vaker inschrijven, als combinatie, hoofdaannemer en onderaannemer?", "23"],
      ["Wie gaat de bekwaamheidsdossiers beoordelen, en op basis waarvan gebeurt dat?", "40"],
      ["Is de lumpsum per cliënt of per aanbieder, en mag je schuiven tussen subsegmenten?", "57"],
      ["De offerte indienen in de gunningsfase valt in de zomervakantie; kan die planning verlengd worden?", "8"],
      ["Wat gebeurt er als het budget overschreden dreigt te worden door opschalen bij cliënten?", "60"],
      ["Wie stelt de KPI's op, doen we dat samen in de gunningsfase?", "110"],
    ];
    for (const [text, original] of reworded) {
      const top = rankSimilar(text, candidates, 3).map((m) => m.id);
      expect(top, text).toContain(original);
    }
  });

  it("scores a question against itself 1 and ranks it first", () => {
    const q = seed.questions[39]!;
    const [best] = rankSimilar(q.question, candidates, 5);
    expect(best).toEqual({ id: "40", score: 1 });
  });

  it("brings up the question a matching answer refers to, with nearly the same score", () => {
    const pool = [
      { id: "45", text: "Kun je bij afwijzing je als nog toevoegen bij een samenwerking?" },
      {
        id: "46",
        text: "Kun je je later bij een hoofdaanbieder aansluiten als 'jouw' aanbieder niet wordt gegund?",
        references: ["45"],
      },
      { id: "57", text: "Lump Sum per aanbieder of per client?" },
    ];
    const query = "Kan ik me later bij een hoofdaanbieder aansluiten als mijn aanbieder niet gegund wordt?";
    const [first, second] = rankSimilar(query, pool, 3);
    expect(first!.id).toBe("46");
    expect(second).toEqual({ id: "45", score: Math.round(first!.score * 0.9 * 10_000) / 10_000 });
  });

  it("meets a compound with its parts, and a misspelling with its correct form", () => {
    const pool = [
      { id: "a", text: "Wie beoordeelt het bewaamheidsdossier?" },
      { id: "b", text: "Wanneer is de gesprekstafel?" },
    ];
    expect(rankSimilar("bekwaamheidsdossier", pool, 2).map((m) => m.id)).toEqual(["a"]);
    expect(rankSimilar("tafel", pool, 2).map((m) => m.id)).toEqual([]);
    expect(rankSimilar("gesprek", pool, 2).map((m) => m.id)).toEqual(["b"]);
  });

  it("does not care about case and accents", () => {
    const plain = rankSimilar("WIE BEOORDEELT HET BEKWAAMHEIDSDOSSIER", candidates, 5);
    const accented = rankSimilar("wie beöordeelt het bekwaamhéidsdossier", candidates, 5);
    expect(accented).toEqual(plain);
    expect(plain.length).toBeGreaterThan(0);
  });

  it("scores stop words alone 0: no match", () => {
    expect(rankSimilar("Wat is het en hoe zou dat dan zijn?", candidates, 5)).toEqual([]);
    expect(rankSimilar("", candidates, 5)).toEqual([]);
  });

  it("answers best first, scores within 0..1, at most limit", () => {
    const matches = rankSimilar("planning gunningsfase zomervakantie", candidates, 4);
    expect(matches.length).toBeLessThanOrEqual(4);
    for (const m of matches) expect(m.score).toBeGreaterThan(0);
    for (const m of matches) expect(m.score).toBeLessThanOrEqual(1);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(rankSimilar("planning", [], 5)).toEqual([]);
  });
});
