import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText, extractReferences, type ParsedQaList, parseQaList, QaLayoutError } from "./parse.ts";

const SEEDS = path.resolve(process.cwd(), "test/fixtures/qa");
const TABBED = "000_15d00ff2a73ea746.txt";
const NUMBERED = "002_7105fce445f6433d.txt";

function seed(name: string): string {
  const file = path.join(SEEDS, name);
  if (!existsSync(file)) {
    throw new Error(`Q&A seed file missing: ${file} (copies of ../shared/seeds kept in test/fixtures/qa)`);
  }
  return readFileSync(file, "utf8");
}

function question(list: ParsedQaList, n: number) {
  const q = list.questions.find((x) => x.number === n);
  if (!q) throw new Error(`question ${n} not parsed`);
  return q;
}

/** Every answer that does not hold the word "vraag"/"vragen" has no reference. */
function expectNoReferenceWithoutVraag(list: ParsedQaList) {
  for (const q of list.questions) {
    if (!/\bvra(?:ag|gen)\b/i.test(q.answer)) expect(q.references, `question ${q.number}`).toEqual([]);
  }
}

function referenceMap(list: ParsedQaList): Record<number, number[]> {
  return Object.fromEntries(list.questions.filter((q) => q.references.length > 0).map((q) => [q.number, q.references]));
}

describe("tabbed seed (000)", () => {
  const list = parseQaList(seed(TABBED));

  it("finds 145 questions numbered 1..145 in order", () => {
    expect(list.layout).toBe("tabbed");
    expect(list.questions).toHaveLength(145);
    expect(list.questions.map((q) => q.number)).toEqual(Array.from({ length: 145 }, (_, i) => i + 1));
    expect(list.title).toBe("Q&A brede bijeenkomst Sociaal Domein Achterhoek 7 januari 2021");
  });

  it("keeps categories and sub-headings as a person reads them", () => {
    const at = (n: number) => [question(list, n).category, question(list, n).subheading];
    expect(at(1)).toEqual(["Planning", "Gesprekstafels"]);
    expect(at(3)).toEqual(["Planning", "Gesprekstafels"]);
    expect(at(4)).toEqual(["Planning", "Aanbesteding"]);
    expect(at(15)).toEqual(["Planning", "Aanbesteding"]);
    expect(at(16)).toEqual(["Proces van aanbesteden", "Inschrijven"]);
    // The blank row before question 37 does not end the sub-heading.
    expect(at(37)).toEqual(["Proces van aanbesteden", "Selectiefase"]);
    expect(at(45)).toEqual(["Proces van aanbesteden", "Gunningsfase"]);
    expect(at(51)).toEqual(["Proces van aanbesteden", "Communicatie"]);
    // "CATEGORIE Segmentering" with a space instead of a tab; a new category clears the sub-heading.
    expect(at(52)).toEqual(["Segmentering", null]);
    expect(at(56)).toEqual(["Bekostiging (lumpsum)", null]);
    expect(at(95)).toEqual(["Bekostiging (lumpsum)", null]);
    expect(at(96)).toEqual(["Aantal aanbieders en omvang opdracht", null]);
    expect(at(109)).toEqual(["KPI's en resultaatsturing", null]);
    expect(at(128)).toEqual(["Implementatie en uitvoering", null]);
    expect(at(142)).toEqual(["Kwaliteit", null]);
    expect(at(145)).toEqual(["Overige", null]);
  });

  it("drops the <i> markup and keeps the text", () => {
    expect(question(list, 41).answer).toBe("Wij verwijzen u naar het antwoord op vraag 40.");
    expect(question(list, 51).answer).toBe("Via Negometrix.");
    expect(question(list, 1).question).toBe(
      "Graag van de reeds genoemde data met bijeenkomsten de tijden vermelden zodat we niet voor die data de hele dag hoeven vrij te houden",
    );
    for (const q of list.questions) {
      expect(q.question + q.answer).not.toMatch(/<\/?[a-z]/i);
      expect(q.question + q.answer).not.toMatch(/\s{2}|\t|^\s|\s$/);
    }
  });

  it("reads every reference, checked by hand, and no other", () => {
    expect(question(list, 2).answer).toBe("Wij verwijzen u naar het antwoord op vraag 1.");
    expect(question(list, 25).answer).toBe("Zie het antwoord vraag 23.");
    expect(referenceMap(list)).toEqual({
      2: [1],
      3: [1],
      9: [8],
      11: [10],
      24: [23],
      25: [23],
      41: [40],
      43: [40],
      44: [40],
      46: [45],
      47: [45],
    });
    expect(list.unresolved).toEqual([]);
    // "Wij verwijzen u naar de slides", "7 jaar (3 jaar + 2x2 jaar …)", "uit de vraag op te maken": none.
    expect(question(list, 29).references).toEqual([]);
    expect(question(list, 133).references).toEqual([]);
    expect(question(list, 145).references).toEqual([]);
    expectNoReferenceWithoutVraag(list);
  });

  it("reports the note in the first category header", () => {
    expect(list.warnings).toContainEqual(expect.stringContaining("alle antwoornd onder voorbehoud"));
  });
});

describe("numbered seed (002)", () => {
  const list = parseQaList(seed(NUMBERED));

  it("finds 45 questions numbered 1..45 in order", () => {
    expect(list.layout).toBe("numbered");
    expect(list.questions).toHaveLength(45);
    expect(list.questions.map((q) => q.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(list.title).toBe("Vraag & Antwoord");
    for (const q of list.questions) {
      expect(q.category).toBeNull();
      expect(q.subheading).toBeNull();
      expect(q.question, `question ${q.number}`).not.toBe("");
      expect(q.answer, `answer ${q.number}`).not.toBe("");
      expect(q.answer).not.toMatch(/^A:/);
    }
  });

  it("joins hard-wrapped lines into one question and one answer", () => {
    expect(question(list, 1)).toMatchObject({
      question: "Hoe/ op basis waarvan zijn die 6 organisaties geselecteerd en welke waren dit dan?",
      answer:
        "Deze organisaties waren organisaties die in het kader van de bestaande contracten reeds eerder overleg hadden. Om elke organisatie kans te geven om deel te nemen is het overleg van vandaag gestart.",
    });
    expect(question(list, 36).question).toBe(
      "Partnerschap ontstaat aan de ‘keukentafel’, alleen de juiste keuken vinden is lastig en kost tijd. Deze tijd van 3 maanden is te kort.",
    );
    expect(question(list, 36).answer).toBe(
      "De implementatiefase begint op 1 oktober 2021 en zal in 2022 nog uitlopen.",
    );
    // " A:" indented on the line straight after the question.
    expect(question(list, 16).answer).toMatch(/^Onze bedoeling is/);
    // A link cut at its hyphen is glued back.
    expect(question(list, 16).answer).toContain(
      "https://www.nji.nl/nl/Kennis/Dossier/Monitoring/Outcome-monitoren/Outcome-indicatoren)",
    );
  });

  it("reads question 14, whose answer lacks the A: marker, and says so", () => {
    expect(question(list, 14).question).toBe(
      'Wat is er met alle energie en informatie gedaan die afgelopen jaren door ons is verstrekt. Hoe samen verder zonder "verleden" te betrekken.',
    );
    expect(question(list, 14).answer).toBe(
      "Input en ervaringen uit het verleden worden gebruikt in deze huidige ontwikkeling. De focus ligt op de toekomst.",
    );
    expect(list.warnings).toContainEqual(expect.stringContaining('question 14 has no "A:" marker'));
  });

  it("leaves the footnote link list after question 24 out of its answer", () => {
    expect(question(list, 24).answer).toBe("Helemaal mee eens.");
    expect(question(list, 25).question).toBe(
      "Wat moet worden ingekocht en hoeveel? Dit is nodig om te weten om te kunnen aanbesteden",
    );
    expect(list.warnings).toContainEqual(expect.stringContaining("bare links"));
  });

  it("reads every reference, checked by hand, and no other", () => {
    expect(question(list, 37).answer).toBe("Zie antwoord vraag 29.");
    expect(referenceMap(list)).toEqual({ 37: [29], 38: [33] });
    expect(list.unresolved).toEqual([]);
    // "Wij verwijzen u naar de sessies van 7 en 26 januari": no reference.
    expect(question(list, 4).answer).toBe("Wij verwijzen u naar de sessies van 7 en 26 januari.");
    expect(question(list, 4).references).toEqual([]);
    expect(question(list, 12).references).toEqual([]);
    expectNoReferenceWithoutVraag(list);
  });
});

describe("extractReferences: the phrasings", () => {
  it.each([
    ["Wij verwijzen u naar het antwoord op vraag 1.", [1]],
    ["Wij verwijzen naar antwoord vraag 12", [12]],
    ["Hiervoor verwijzen wij u graag naar vraag 7.", [7]],
    ["Er wordt verwezen naar het antwoord op vraag 8.", [8]],
    ["Wij verwijzen u naar vraag 2.", [2]],
    ["Het bestuur verwees naar vraag 3 en 4.", [3, 4]],
    ["Zie het antwoord op vraag 23.", [23]],
    ["Zie het antwoord vraag 23.", [23]],
    ["Zie antwoord vraag 29.", [29]],
    ["zie vraag 5", [5]],
    ["(zie ook vraag 6)", [6]],
    ["ZIE VRAAG 9.", [9]],
    ["Zoals in het antwoord op vraag 4 staat.", [4]],
    ["Wij verwijzen u naar het antwoord op vraag 3 en 4.", [3, 4]],
    ["Zie de antwoorden op vragen 12, 13 en 14.", [12, 13, 14]],
    ["Zie vragen 12,13 en 14.", [12, 13, 14]],
    ["Zie vraag 3 t/m 5.", [3, 4, 5]],
    ["Zie vraag 3 tot en met 5.", [3, 4, 5]],
    ["Zie vraag 1. Zie ook vraag 2 en vraag 1.", [1, 2]],
    ["Zie vraag 1 en het antwoord op vraag 7.", [1, 7]],
  ])("%s → %j", (text, expected) => {
    expect(extractReferences(text)).toEqual(expected);
  });

  it.each([
    "De contractering is voor 7 jaar (3 jaar met 2x2 jaar verlengsopties).",
    "Wij verwijzen u naar de sessies van 7 en 26 januari.",
    "Wij verwijzen u naar de slides van de presentatie.",
    "Het is niet uit de vraag op te maken op welk onderwerp deze vraag betrekking heeft.",
    "In de gunningsfase wordt aanbieders gevraagd 3 offertes te leveren.",
    "Deze vraag 2 keer gesteld.",
    "Vraag 5 is gesteld op 28 januari.",
    "Zie paragraaf 3.2 van de leidraad.",
    "Zie vraag 3.2 van de leidraad.",
  ])("no reference in: %s", (text) => {
    expect(extractReferences(text)).toEqual([]);
  });

  it("stops a list at a number that is a quantity", () => {
    expect(extractReferences("Zie vraag 5 en 2 jaar later vraag 6.")).toEqual([5]);
    expect(extractReferences("Zie vraag 4, 3 maanden eerder.")).toEqual([4]);
  });

  it("reads through markup", () => {
    expect(extractReferences("<i>Wij verwijzen u naar het antwoord op <b>vraag 40</b>.</i>")).toEqual([40]);
  });
});

describe("markup and whitespace", () => {
  it("drops tags, keeps their text and normalises whitespace", () => {
    expect(cleanText("<i>Ja.</i>")).toBe("Ja.");
    expect(cleanText('<ul class="x"><li>een</li><li>twee</li></ul>')).toBe("een twee");
    expect(cleanText("regel<br/>volgende  \t regel\u00a0 hier ")).toBe("regel volgende regel hier");
    expect(cleanText("a &amp; b &lt;3&gt; &#233;")).toBe("a & b <3> é");
    expect(cleanText("www.site.nl -> agenda, 2 < 3")).toBe("www.site.nl -> agenda, 2 < 3");
  });
});

describe("small files", () => {
  it("tabbed: categories, sub-headings, markup, unresolved and self references", () => {
    const text = [
      "Titel\t\t",
      "CATEGORIE\tPlanning\tAntwoord",
      "Sub A\t\t",
      "Vraag 1\t<i>Wanneer?</i>\t<i>Op 1 april.</i>",
      "Vraag 2\tEn dan?\tZie het antwoord op vraag 1 en 9.",
      "CATEGORIE Overige\t\t",
      "Vraag 3\tNog iets?\tZie vraag 3.",
      "",
    ].join("\r\n");
    const list = parseQaList(text);
    expect(list.layout).toBe("tabbed");
    expect(list.title).toBe("Titel");
    expect(list.questions).toEqual([
      {
        number: 1,
        category: "Planning",
        subheading: "Sub A",
        question: "Wanneer?",
        answer: "Op 1 april.",
        references: [],
      },
      {
        number: 2,
        category: "Planning",
        subheading: "Sub A",
        question: "En dan?",
        answer: "Zie het antwoord op vraag 1 en 9.",
        references: [1],
      },
      {
        number: 3,
        category: "Overige",
        subheading: null,
        question: "Nog iets?",
        answer: "Zie vraag 3.",
        references: [],
      },
    ]);
    expect(list.unresolved).toEqual([
      { question: 2, reference: 9, reason: "missing" },
      { question: 3, reference: 3, reason: "self" },
    ]);
  });

  it("numbered: multi-line questions and answers", () => {
    const text = [
      "Vragen",
      "",
      "1. Eerste vraag",
      "loopt door?",
      "A: Ja, dat",
      "klopt.",
      "",
      "2. Tweede vraag?",
      "",
      "A: Zie vraag 1 en vraag 7.",
      "3. Derde",
      "A: 2021. Een jaartal aan het begin van een regel is geen nieuwe vraag.",
    ].join("\n");
    const list = parseQaList(text);
    expect(list.layout).toBe("numbered");
    expect(list.title).toBe("Vragen");
    expect(list.questions.map((q) => [q.number, q.question, q.answer, q.references])).toEqual([
      [1, "Eerste vraag loopt door?", "Ja, dat klopt.", []],
      [2, "Tweede vraag?", "Zie vraag 1 en vraag 7.", [1]],
      [3, "Derde", "2021. Een jaartal aan het begin van een regel is geen nieuwe vraag.", []],
    ]);
    expect(list.unresolved).toEqual([{ question: 2, reference: 7, reason: "missing" }]);
  });

  it("refuses text in neither layout", () => {
    expect(() => parseQaList("Zomaar wat tekst\nzonder vragen")).toThrow(QaLayoutError);
  });
});
