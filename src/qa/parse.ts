/**
 * Parser for the two Q&A ("Nota van Inlichtingen") layouts regions hand us (issue 5, point 6).
 *
 * Pure: it takes the file's text and returns what a person reads in it — no I/O.
 *
 * - "tabbed": a tab-separated list with `CATEGORIE<TAB>Name<TAB>Antwoord` rows (sometimes
 *   `CATEGORIE Name`), sub-heading rows (one filled cell) and `Vraag N<TAB>question<TAB>answer` rows.
 * - "numbered": paragraphs `N. question` followed by `A: answer`, as extracted from a PDF or Word file
 *   (hard line breaks, often an empty line after every line).
 *
 * Markup (`<i>`, `</i>`, `<ul …>`, …) is dropped, keeping the text; whitespace is normalised.
 * References to other questions are read from the answers (see {@link extractReferences}); a reference to a
 * number that is not in the file, or to the question itself, goes to `unresolved` instead of `references`.
 */

export type QaLayout = "tabbed" | "numbered";

export interface ParsedQuestion {
  number: number;
  category: string | null;
  subheading: string | null;
  question: string;
  answer: string;
  /** Numbers of other questions in the same file this answer refers to, in order of first mention. */
  references: number[];
}

export interface UnresolvedReference {
  /** The question whose answer holds the reference. */
  question: number;
  /** The number referred to. */
  reference: number;
  reason: "missing" | "self";
}

export interface ParsedQaList {
  layout: QaLayout;
  /** The document's title line, when there is one before the first question. */
  title: string | null;
  questions: ParsedQuestion[];
  unresolved: UnresolvedReference[];
  /** Things a person should look at: irregular rows, answers without their "A:" marker, dropped link lists. */
  warnings: string[];
}

/** Thrown when the text is in neither layout. */
export class QaLayoutError extends Error {
  override name = "QaLayoutError";
}

const TABBED_ROW = /^\s*Vraag\s+\d+\s*\t/im;
const NUMBERED_ROW = /^\s*\d{1,4}\.\s+\S/m;

export function parseQaList(text: string): ParsedQaList {
  const source = text.replace(/^\uFEFF/, "");
  let draft: Draft;
  if (TABBED_ROW.test(source)) draft = parseTabbed(source);
  else if (NUMBERED_ROW.test(source)) draft = parseNumbered(source);
  else {
    throw new QaLayoutError(
      'Unrecognised Q&A layout: expected "Vraag N<TAB>question<TAB>answer" rows or "N. question" / "A: answer" paragraphs',
    );
  }
  return resolve(draft);
}

// ---------------------------------------------------------------------------------------------------
// Text clean-up

const BREAKING_TAGS = new Set(["br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4"]);
const TAG = /<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Drops markup tags (keeping their text) and decodes the common HTML entities. */
export function stripMarkup(text: string): string {
  return text
    .replace(TAG, (_tag, name: string) => (BREAKING_TAGS.has(name.toLowerCase()) ? " " : ""))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      const lower = body.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
      return ENTITIES[lower] ?? entity;
    });
}

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space, and trims. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Markup dropped, whitespace normalised, Unicode composed. */
export function cleanText(text: string): string {
  return normaliseWhitespace(stripMarkup(text)).normalize("NFC");
}

// ---------------------------------------------------------------------------------------------------
// References

/** A question number in a reference: not part of a decimal ("3.2") and not a quantity ("2 jaar"). */
const NUMBER = String.raw`\d{1,4}(?!\d)(?!\.\d)(?!\s*(?:%|procent\b|euro\b|jaar\b|jaren\b|maand(?:en)?\b|we(?:ek|ken)\b|dag(?:en)?\b|uur\b|uren\b|minuten\b|keer\b|januari\b|februari\b|maart\b|april\b|mei\b|juni\b|juli\b|augustus\b|september\b|oktober\b|november\b|december\b))`;
const SEPARATOR = String.raw`\s*(?:,\s*(?:en\s+)?|&|\ben\b|\bt\/m\b|\btot\s+en\s+met\b|[-–])\s*`;
/** "(het) antwoord (op) vraag N" / "antwoorden op vragen N en M" — with or without "het"/"de". */
const ANSWER_TO = String.raw`(?:(?:het|de)\s+)?antwoord(?:en)?\s+(?:(?:op|bij|van)\s+)?(?:de\s+)?`;
const QUESTION_WORD = String.raw`vra(?:ag|gen)\s+`;
/** "3", "3 en 4", "12, 13 en 14", "3 t/m 5", "1 en vraag 7", "1 en het antwoord op vraag 7". */
const NUMBER_LIST = `${NUMBER}(?:${SEPARATOR}(?:${ANSWER_TO})?(?:${QUESTION_WORD})?${NUMBER})*`;
/**
 * The phrasings that make a reference:
 * - "verwijzen (u/wij u/…) naar (het) (antwoord (op)) vraag N"  (also "verwezen", "verwijst")
 * - "zie (ook) (het) (antwoord (op)) vraag N"
 * - "(het) antwoord (op) vraag N" on its own
 * followed by a list "N", "N en M", "N, M en O", "N t/m M", "N-M".
 */
const REFERENCE = new RegExp(
  String.raw`(?:\bverw(?:ijz|ez|ees)\w*(?:\s+[\p{L}]+){0,3}?\s+naar\s+(?:${ANSWER_TO}|(?:het|de)\s+)?|\bzie\s+(?:ook\s+)?(?:${ANSWER_TO})?|\b${ANSWER_TO})${QUESTION_WORD}(${NUMBER_LIST})`,
  "giu",
);
const LIST_PART = /(\d+)(?:\s*(t\/m|tot\s+en\s+met|[-–])\s*(\d+))?/gi;
const MAX_RANGE = 50;

/**
 * Every question number the text refers to, in order of first mention, without duplicates. Only numbers
 * in a reference phrase count ("zie vraag 4", "wij verwijzen u naar het antwoord op vragen 3 en 4");
 * a bare number ("7 jaar", "de sessies van 7 en 26 januari") never does. Ranges ("vraag 3 t/m 5") expand.
 */
export function extractReferences(text: string): number[] {
  const found: number[] = [];
  const add = (n: number) => {
    if (n > 0 && !found.includes(n)) found.push(n);
  };
  for (const match of cleanText(text).matchAll(REFERENCE)) {
    const list = match[1] ?? "";
    for (const part of list.matchAll(LIST_PART)) {
      const from = Number(part[1]);
      const to = part[3] === undefined ? undefined : Number(part[3]);
      if (to !== undefined && to > from && to - from <= MAX_RANGE) {
        for (let n = from; n <= to; n++) add(n);
      } else {
        add(from);
        if (to !== undefined) add(to);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Shared result assembly

interface DraftQuestion {
  number: number;
  category: string | null;
  subheading: string | null;
  question: string;
  answer: string;
}

interface Draft {
  layout: QaLayout;
  title: string | null;
  questions: DraftQuestion[];
  warnings: string[];
}

function resolve(draft: Draft): ParsedQaList {
  const numbers = new Set(draft.questions.map((q) => q.number));
  const unresolved: UnresolvedReference[] = [];
  const questions = draft.questions.map((q): ParsedQuestion => {
    const references: number[] = [];
    for (const reference of extractReferences(q.answer)) {
      if (reference === q.number) unresolved.push({ question: q.number, reference, reason: "self" });
      else if (!numbers.has(reference)) unresolved.push({ question: q.number, reference, reason: "missing" });
      else references.push(reference);
    }
    return { ...q, references };
  });
  for (const u of unresolved) {
    draft.warnings.push(
      u.reason === "self"
        ? `question ${u.question} refers to itself`
        : `question ${u.question} refers to question ${u.reference}, which is not in the file`,
    );
  }
  const seen = new Set<number>();
  for (const q of questions) {
    if (seen.has(q.number)) draft.warnings.push(`question number ${q.number} occurs more than once`);
    seen.add(q.number);
  }
  return { layout: draft.layout, title: draft.title, questions, unresolved, warnings: draft.warnings };
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// ---------------------------------------------------------------------------------------------------
// Tabbed layout

const VRAAG_CELL = /^Vraag\s+(\d+)\s*[.:]?\s*(.*)$/i;
const CATEGORY_CELL = /^CATEGORIE(?![\p{L}\d])\s*:?\s*(.*)$/iu;

/** A spreadsheet cell: a fully quoted cell ("…" with doubled inner quotes) is unquoted, then cleaned. */
function cell(raw: string): string {
  const trimmed = raw.trim();
  const quoted = /^"((?:[^"]|"")*)"$/.exec(trimmed);
  return cleanText(quoted ? (quoted[1] ?? "").replace(/""/g, '"') : trimmed);
}

function parseTabbed(text: string): Draft {
  const warnings: string[] = [];
  const questions: DraftQuestion[] = [];
  let title: string | null = null;
  let category: string | null = null;
  let subheading: string | null = null;
  let sawCategory = false;

  lines(text).forEach((line, index) => {
    const lineNo = index + 1;
    const cells = line.split("\t").map(cell);
    const first = cells[0] ?? "";
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0) return;

    const vraag = VRAAG_CELL.exec(first);
    if (vraag) {
      const number = Number(vraag[1]);
      const rest = cells.slice(1);
      // "Vraag 3 question<TAB>answer" (the question in the first cell) is read too.
      if (vraag[2]) rest.unshift(vraag[2]);
      const question = rest[0] ?? "";
      const answer = rest
        .slice(1)
        .filter((c) => c !== "")
        .join(" ");
      if (rest.filter((c) => c !== "").length > 2) {
        warnings.push(
          `line ${lineNo}: question ${number} has more than two filled cells; the extra ones are joined to the answer`,
        );
      }
      if (question === "") warnings.push(`line ${lineNo}: question ${number} has no question text`);
      if (answer === "") warnings.push(`line ${lineNo}: question ${number} has no answer`);
      questions.push({ number, category, subheading, question, answer });
      return;
    }

    const heading = CATEGORY_CELL.exec(first);
    if (heading) {
      const rest = [heading[1] ?? "", ...cells.slice(1)].filter((c) => c !== "");
      const name = rest[0];
      if (name === undefined) {
        warnings.push(`line ${lineNo}: CATEGORIE row without a name; the category is cleared`);
        category = null;
      } else {
        category = name;
        for (const extra of rest.slice(1)) {
          if (!/^antwoord$/i.test(extra))
            warnings.push(`line ${lineNo}: note in the header of category "${name}": ${extra}`);
        }
      }
      subheading = null;
      sawCategory = true;
      return;
    }

    if (filled.length === 1 && first !== "") {
      if (!sawCategory && questions.length === 0 && title === null) title = first;
      else subheading = first;
      return;
    }
    warnings.push(`line ${lineNo}: row not understood and skipped: ${filled.join(" | ")}`);
  });

  return { layout: "tabbed", title, questions, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Numbered layout

const QUESTION_LINE = /^\s*(\d{1,4})\.\s+(\S.*)$/;
const ANSWER_LINE = /^\s*(?:A|Antw(?:oord)?\.?)\s*:\s*(.*)$/i;
const URL_ONLY = /^\s*https?:\/\/\S+\s*$/;
const MAX_GAP = 5;

interface Block {
  number: number;
  lineNo: number;
  /** Content lines; `breakBefore` says a paragraph break (more blank lines than a plain line break) precedes it. */
  lines: { text: string; breakBefore: boolean }[];
}

/** Joins hard-wrapped lines; a URL cut at a hyphen is glued back together. */
function joinLines(parts: string[]): string {
  let out = "";
  for (const part of parts) {
    const piece = part.trim();
    if (piece === "") continue;
    if (out === "") out = piece;
    else if (/https?:\/\/\S*-$/.test(out)) out += piece;
    else out += " " + piece;
  }
  return cleanText(out);
}

function parseNumbered(text: string): Draft {
  const warnings: string[] = [];
  const all = lines(text);

  // Lists of bare links (PDF footnotes for hyperlinks earlier in the document): two or more consecutive
  // lines that are each only a URL. They belong to no question.
  const dropped = new Set<number>();
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && URL_ONLY.test(all[j] ?? "")) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) dropped.add(k);
      warnings.push(
        `lines ${i + 1}-${j}: a list of ${j - i} bare links (footnotes) is not part of any answer and was left out`,
      );
    }
    i = Math.max(j, i + 1);
  }

  // A document extracted with an empty line after every line marks paragraphs with two or more.
  let runsOfOne = 0;
  let contentLines = 0;
  let run = 0;
  for (const line of all) {
    if (line.trim() === "") run++;
    else {
      contentLines++;
      if (run === 1) runsOfOne++;
      run = 0;
    }
  }
  const paragraphGap = runsOfOne * 2 > contentLines ? 2 : 1;

  let title: string | null = null;
  const blocks: Block[] = [];
  let last = 0;
  let blank = 0;
  all.forEach((line, index) => {
    if (dropped.has(index)) return;
    if (line.trim() === "") {
      blank++;
      return;
    }
    const breakBefore = blank >= paragraphGap;
    blank = 0;
    const start = QUESTION_LINE.exec(line);
    const number = start ? Number(start[1]) : Number.NaN;
    if (start && number > last && number <= last + MAX_GAP) {
      if (number !== last + 1) warnings.push(`line ${index + 1}: question ${number} follows question ${last}`);
      blocks.push({ number, lineNo: index + 1, lines: [{ text: start[2] ?? "", breakBefore: false }] });
      last = number;
      return;
    }
    const current = blocks.at(-1);
    if (current) current.lines.push({ text: line, breakBefore });
    else if (title === null && /[\p{L}\d]/u.test(line)) title = cleanText(line);
  });

  const questions = blocks.map((block): DraftQuestion => {
    const marker = block.lines.findIndex((l) => ANSWER_LINE.test(l.text));
    let questionParts: string[];
    let answerParts: string[];
    if (marker >= 0) {
      questionParts = block.lines.slice(0, marker).map((l) => l.text);
      const markerLine = block.lines[marker]?.text ?? "";
      answerParts = [ANSWER_LINE.exec(markerLine)?.[1] ?? "", ...block.lines.slice(marker + 1).map((l) => l.text)];
    } else {
      const split = block.lines.findIndex((l, i) => i > 0 && l.breakBefore);
      if (split > 0) {
        warnings.push(
          `line ${block.lineNo}: question ${block.number} has no "A:" marker; the paragraph after the question is read as the answer`,
        );
        questionParts = block.lines.slice(0, split).map((l) => l.text);
        answerParts = block.lines.slice(split).map((l) => l.text);
      } else {
        warnings.push(`line ${block.lineNo}: question ${block.number} has no answer`);
        questionParts = block.lines.map((l) => l.text);
        answerParts = [];
      }
    }
    return {
      number: block.number,
      category: null,
      subheading: null,
      question: joinLines(questionParts),
      answer: joinLines(answerParts),
    };
  });

  return { layout: "numbered", title, questions, warnings };
}
