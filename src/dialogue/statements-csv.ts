// Reading the statements (stellingen) of a session from the CSV export of a polling tool
// (Mentimeter-like): a header row, then one statement per row, separated by ';' or ','. Headers may
// be Dutch or English: the statement (statement/stelling/vraag/question), and either agree/eens +
// disagree/oneens counts, or the counts of 1..5, or average/gemiddelde + count/aantal. Pure.
import { parse } from "csv-parse/sync";
import { type StatementSummary, summariseStatement } from "./rules.ts";

export interface ParsedStatement extends StatementSummary {
  text: string;
}

export class StatementCsvError extends Error {
  /** 1-based line of the file (the header is line 1), or null for the file as a whole. */
  readonly line: number | null;
  constructor(line: number | null, message: string) {
    super(line === null ? message : `row ${line}: ${message}`);
    this.name = "StatementCsvError";
    this.line = line;
  }
}

const norm = (header: string) =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const TEXT = ["statement", "stelling", "vraag", "question", "titel", "title"];
const AGREE = ["agree", "eens", "mee eens", "ja", "yes"];
const DISAGREE = ["disagree", "oneens", "niet mee eens", "nee", "no"];
const AVERAGE = ["average", "gemiddelde", "gemiddeld", "mean", "avg"];
const COUNT = ["count", "aantal", "responses", "antwoorden", "n", "aantal antwoorden", "respondenten"];

function column(headers: string[], names: readonly string[]): number {
  return headers.findIndex((h) => names.includes(h));
}

function scaleColumns(headers: string[]): number[] | null {
  const found = [1, 2, 3, 4, 5].map((n) => headers.findIndex((h) => h === String(n) || h === `score ${n}`));
  return found.every((i) => i >= 0) ? found : null;
}

function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  if (count("\t") > Math.max(count(";"), count(","))) return "\t";
  return count(";") >= count(",") && count(";") > 0 ? ";" : ",";
}

function number(raw: string | undefined, line: number, header: string, whole: boolean): number | null {
  const text = (raw ?? "").trim().replace(/%$/, "");
  if (text === "") return null;
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    throw new StatementCsvError(line, `'${header}' is not ${whole ? "a whole number" : "a number"}: '${raw}'`);
  }
  return value;
}

/** The statements in `text`, or a StatementCsvError naming the row and the problem. */
export function parseStatementsCsv(text: string): ParsedStatement[] {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "") throw new StatementCsvError(null, "the file is empty: expected a header row");
  let rows: string[][];
  try {
    rows = parse(clean, {
      delimiter: delimiterOf(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    throw new StatementCsvError(null, `the file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  const headers = (header ?? []).map(norm);
  const textColumn = column(headers, TEXT);
  if (textColumn < 0) {
    throw new StatementCsvError(1, "no statement column: name one 'stelling' or 'statement'");
  }
  const agreeColumn = column(headers, AGREE);
  const disagreeColumn = column(headers, DISAGREE);
  const scale = scaleColumns(headers);
  const averageColumn = column(headers, AVERAGE);
  const countColumn = column(headers, COUNT);
  const agreeLayout = agreeColumn >= 0 && disagreeColumn >= 0;
  if (!agreeLayout && !scale && !(averageColumn >= 0 && countColumn >= 0)) {
    throw new StatementCsvError(
      1,
      "no figures: expected columns eens/oneens (agree/disagree), 1 to 5, or gemiddelde/aantal (average/count)",
    );
  }
  const raw = header ?? [];
  const statements: ParsedStatement[] = [];
  body.forEach((row, index) => {
    const line = index + 2;
    const statement = (row[textColumn] ?? "").trim();
    if (statement === "" && row.every((cell) => cell.trim() === "")) return;
    if (statement === "") throw new StatementCsvError(line, "the statement is empty");
    if (statement.length > 2000) throw new StatementCsvError(line, "the statement is longer than 2000 characters");
    const at = (i: number, whole: boolean) => (i >= 0 ? number(row[i], line, raw[i] ?? "", whole) : null);
    // A row may carry agree/disagree or a scale: the filled-in figures say which.
    const agree = agreeLayout ? at(agreeColumn, true) : null;
    const disagree = agreeLayout ? at(disagreeColumn, true) : null;
    const counts = scale ? scale.map((i) => at(i, true)) : null;
    const filledCounts = counts?.some((c) => c !== null) ? counts : null;
    const average = at(averageColumn, false);
    const count = at(countColumn, true);
    let summary: ReturnType<typeof summariseStatement>;
    if (agree !== null || disagree !== null) {
      summary = summariseStatement({ kind: "agree", agree, disagree });
    } else if (filledCounts) {
      summary = summariseStatement({
        kind: "scale",
        scaleCounts: filledCounts.map((c) => c ?? 0),
        scaleAverage: average,
        scaleCount: count,
      });
    } else if (average !== null || count !== null) {
      summary = summariseStatement({ kind: "scale", scaleAverage: average, scaleCount: count });
    } else {
      throw new StatementCsvError(line, "no figures for this statement");
    }
    if (Array.isArray(summary)) throw new StatementCsvError(line, `${summary[0]}: ${summary[1]}`);
    statements.push({ text: statement, ...summary });
  });
  if (statements.length === 0) throw new StatementCsvError(null, "the file holds no statements below the header");
  return statements;
}
