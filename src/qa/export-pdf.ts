// A round of the Nota van Inlichtingen as a PDF (pdfmake, Roboto embedded), laid out by export.ts.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { renderPdf } from "../platform/pdf.ts";
import { RESERVATION, type RoundDocument } from "./export.ts";

/**
 * The text as runs in which no hyphenated word is broken across lines: pdftotext joins a word broken
 * after its hyphen without the hyphen ("jeugd-specifiek" → "jeugdspecifiek"), and then the document
 * no longer reads as the question did. Long tokens (links) may still wrap.
 */
export function unbrokenHyphens(text: string): Content[] {
  return text
    .split(/(\S+-\S+)/)
    .filter((part) => part !== "")
    .map((part) => (part.includes("-") && !/\s/.test(part) && part.length <= 40 ? { text: part, noWrap: true } : part));
}

export function pdfDefinition(doc: RoundDocument): TDocumentDefinitions {
  const content: Content[] = [
    { text: doc.title, style: "title" },
    {
      table: { widths: [110, "*"], body: doc.facts.map((f) => [{ text: f.label, bold: true }, f.value]) },
      layout: "noBorders",
      margin: [0, 0, 0, 12],
    },
  ];
  for (const group of doc.groups) {
    if (group.category !== null) content.push({ text: group.category, style: "category" });
    for (const sub of group.subgroups) {
      if (sub.subheading !== null) content.push({ text: sub.subheading, style: "subheading" });
      for (const q of sub.questions) {
        content.push({
          stack: [
            { text: [{ text: `${q.label}. `, bold: true }, ...unbrokenHyphens(q.text)], margin: [0, 0, 0, 3] },
            ...(q.documentRef ? [{ text: `Documentverwijzing: ${q.documentRef}`, italics: true, fontSize: 9 }] : []),
            {
              text: [
                { text: "Antwoord: ", bold: true },
                ...unbrokenHyphens(q.answer),
                ...(q.reservation ? [{ text: ` (${RESERVATION})`, italics: true }] : []),
              ],
            },
            ...(q.references ? [{ text: `Verwijzing: ${q.references}`, italics: true }] : []),
          ],
          margin: [0, 0, 0, 10],
          // A question and its answer stay on one page, so that no page break (or footer) cuts its text.
          unbreakable: true,
        });
      }
    }
  }
  return {
    info: { title: doc.title, creator: "Zorginkoop" },
    pageSize: "A4",
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      category: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      subheading: { fontSize: 11.5, bold: true, margin: [0, 6, 0, 6] },
    },
    footer: (page: number, pages: number) => ({
      text: `${doc.title} · pagina ${page} van ${pages}`,
      alignment: "center",
      fontSize: 8,
      color: "#555555",
    }),
    content,
  };
}

export async function roundPdf(doc: RoundDocument): Promise<Buffer> {
  return renderPdf(pdfDefinition(doc));
}
