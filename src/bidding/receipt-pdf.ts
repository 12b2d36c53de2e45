// The receipt as a PDF (ontvangstbevestiging), in Dutch: what was submitted, when by the server's
// clock, the SHA-256 of exactly the submitted bytes, how long the bid stays valid, and the files.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { renderPdf } from "../platform/pdf.ts";
import type { Receipt } from "./submission.ts";

const amsterdam = (at: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", ...options }).format(new Date(at));

/** A date YYYY-MM-DD as Dutch words: 28 september 2021. */
const dutchDay = (date: string) =>
  new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", dateStyle: "long" }).format(new Date(`${date}T00:00:00Z`));

export function receiptDocument(receipt: Receipt): TDocumentDefinitions {
  const row = (label: string, value: Content): Content[] => [{ text: label, bold: true }, value];
  const files: Content =
    receipt.files.length === 0
      ? { text: "Deze inschrijving bevat geen bestanden.", italics: true }
      : {
          table: {
            widths: ["*"],
            body: receipt.files.map((f) => [
              { stack: [{ text: f.name }, { text: `SHA-256: ${f.sha256}`, fontSize: 8, color: "#444444" }] },
            ]),
          },
          layout: "lightHorizontalLines",
        };
  return {
    info: {
      title: `Ontvangstbevestiging inschrijving ${receipt.bidId} versie ${receipt.version}`,
      creator: "Zorginkoop",
    },
    pageSize: "A4",
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: "Roboto", fontSize: 10 },
    content: [
      { text: "Ontvangstbevestiging inschrijving", fontSize: 18, bold: true, margin: [0, 0, 0, 16] },
      {
        table: {
          widths: [130, "*"],
          body: [
            row("Aanbesteding", receipt.tenderName),
            row("Segment", receipt.segmentName),
            row("Inschrijver", receipt.bidderName),
            row("Versie", String(receipt.version)),
            row("Ontvangen (servertijd)", [
              amsterdam(receipt.submittedAt, { dateStyle: "long", timeStyle: "medium" }) + " (Europe/Amsterdam)",
              { text: receipt.submittedAt, fontSize: 8, color: "#444444" },
            ]),
            row("SHA-256", { text: receipt.sha256, fontSize: 9 }),
            row("Geldig tot en met", dutchDay(receipt.validUntil)),
            row("Kenmerk inschrijving", { text: receipt.bidId, fontSize: 9 }),
          ],
        },
        layout: "noBorders",
      },
      { text: "Bestanden", fontSize: 13, bold: true, margin: [0, 18, 0, 6] },
      files,
      {
        text:
          "De SHA-256 is berekend over precies de gegevens die zijn ingediend (canonieke JSON met de inhoud van de " +
          "inschrijving en de hashes van de bestanden). U kunt deze gegevens downloaden en de hash zelf narekenen. " +
          "De inschrijving blijft verzegeld tot de sluitingstijd en wordt daarna door twee inkopers samen geopend.",
        fontSize: 9,
        margin: [0, 18, 0, 0],
      },
    ],
  };
}

export async function receiptPdf(receipt: Receipt): Promise<Buffer> {
  return renderPdf(receiptDocument(receipt));
}
