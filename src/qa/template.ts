// The spreadsheet template for asking many questions at once (columns Vraag, Documentverwijzing,
// Perceel) and reading a filled-in copy back: all rows or none, each problem naming its row.
import ExcelJS from "exceljs";
import { AppError } from "../platform/errors.ts";

export const TEMPLATE_COLUMNS = ["Vraag", "Documentverwijzing", "Perceel"] as const;
export const MAX_BULK_QUESTIONS = 500;

export interface Lot {
  id: string;
  code: string;
  name: string;
}

export async function questionTemplate(tenderName: string, lots: readonly Lot[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Zorginkoop";
  const sheet = book.addWorksheet("Vragen");
  sheet.columns = [
    { header: "Vraag", key: "vraag", width: 80 },
    { header: "Documentverwijzing", key: "document", width: 30 },
    { header: "Perceel", key: "perceel", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const help = book.addWorksheet("Toelichting");
  help.columns = [{ width: 30 }, { width: 70 }];
  help.addRows([
    ["Aanbesteding", tenderName],
    ["Vraag", "Eén vraag per regel (verplicht)."],
    ["Documentverwijzing", "Optioneel: het document en de paragraaf, bijvoorbeeld 'Selectieleidraad §3.2'."],
    ["Perceel", "Optioneel: de naam of code van een perceel hieronder."],
    [],
    ["Perceel (code)", "Naam"],
    ...lots.map((l) => [l.code, l.name]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface BulkQuestion {
  text: string;
  documentRef: string | null;
  lotId: string | null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return String(value.result ?? "");
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

const refuse = (message: string) =>
  new AppError("VALIDATION_FAILED", message, { errors: [{ field: "body.file", message }] });

/** Reads the filled-in template; refuses the whole file on the first bad row ("row N: …"). */
export async function readQuestions(bytes: Buffer, lots: readonly Lot[]): Promise<BulkQuestion[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse("the file is not a spreadsheet (XLSX) made from the template");
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw refuse("the spreadsheet has no sheet");
  const header = TEMPLATE_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).trim());
  if (header[0]?.toLowerCase() !== "vraag") {
    throw refuse(`row 1: the first column must be 'Vraag' (columns ${TEMPLATE_COLUMNS.join(", ")})`);
  }
  const questions: BulkQuestion[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const [text, documentRef, lot] = [1, 2, 3].map((c) => cellText(row.getCell(c).value).trim()) as [
      string,
      string,
      string,
    ];
    if (!text && !documentRef && !lot) continue;
    if (!text) throw refuse(`row ${n}: Vraag is empty`);
    if (text.length > 10_000) throw refuse(`row ${n}: Vraag is longer than 10000 characters`);
    if (documentRef.length > 300) throw refuse(`row ${n}: Documentverwijzing is longer than 300 characters`);
    let lotId: string | null = null;
    if (lot) {
      const found = lots.find(
        (l) => l.code.toLowerCase() === lot.toLowerCase() || l.name.toLowerCase() === lot.toLowerCase(),
      );
      if (!found) throw refuse(`row ${n}: Perceel '${lot}' is not a lot of this tender`);
      lotId = found.id;
    }
    questions.push({ text, documentRef: documentRef || null, lotId });
    if (questions.length > MAX_BULK_QUESTIONS) throw refuse(`more than ${MAX_BULK_QUESTIONS} questions in one file`);
  }
  if (questions.length === 0) throw refuse("the spreadsheet holds no questions (fill in the column Vraag from row 2)");
  return questions;
}
