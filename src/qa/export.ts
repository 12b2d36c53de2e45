/**
 * A published round as a document (Nota van Inlichtingen): title, tender, date of publication, round,
 * the questions grouped by category (then sub-heading) and numbered, with their answers, reservations
 * and references ("zie vraag N"). Never the asker: the input is PublicQuestion, which has none.
 *
 * Pure: this file lays the document out once ({@link roundDocument}) and writes it as Markdown; the PDF
 * (export-pdf.ts) and DOCX (export-docx.ts) writers render the same layout.
 */
import type { PublicQuestion, QaRound } from "./read.ts";

export const EXPORT_FORMATS = ["pdf", "docx", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
};

export const RESERVATION = "onder voorbehoud van besluitvorming";

export interface ExportInput {
  tenderName: string;
  round: Pick<QaRound, "number" | "title" | "publishedAt">;
  questions: readonly PublicQuestion[];
}

export interface ExportQuestion {
  /** "Vraag 12", or "Vraag" for an unnumbered one (which a published round should not hold). */
  label: string;
  text: string;
  documentRef: string | null;
  answer: string;
  reservation: boolean;
  /** "zie vraag 1, 2" or "" when there are no references. */
  references: string;
}

export interface ExportGroup {
  /** The category; null for questions without one (then no heading). */
  category: string | null;
  subgroups: { subheading: string | null; questions: ExportQuestion[] }[];
}

export interface RoundDocument {
  title: string;
  /** "Aanbesteding Inkoop 2022 · Nota van Inlichtingen 1 · gepubliceerd op 7 januari 2021" as separate lines. */
  facts: { label: string; value: string }[];
  questionCount: number;
  groups: ExportGroup[];
}

export function exportFileName(roundNumber: number, format: ExportFormat): string {
  return `nota-van-inlichtingen-${roundNumber}.${format}`;
}

/** A moment as a Dutch date in Amsterdam: 7 januari 2021. */
export function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" }).format(new Date(iso));
}

/** "zie vraag 1", "zie vraag 1 en 3", "zie vraag 1, 3 en 7"; another round's question names its round. */
export function referenceText(q: Pick<PublicQuestion, "references" | "roundNumber">): string {
  const parts = q.references
    .filter((r) => r.number !== null)
    .map((r) =>
      r.roundNumber !== null && q.roundNumber !== null && r.roundNumber !== q.roundNumber
        ? `${r.number} (Nota van Inlichtingen ${r.roundNumber})`
        : String(r.number),
    );
  if (parts.length === 0) return "";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}`;
  return `zie vraag ${list}`;
}

export function roundDocument(input: ExportInput): RoundDocument {
  const groups: ExportGroup[] = [];
  const sorted = [...input.questions].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
  for (const q of sorted) {
    let group = groups.find((g) => g.category === q.category);
    if (!group) {
      group = { category: q.category, subgroups: [] };
      groups.push(group);
    }
    let sub = group.subgroups.find((s) => s.subheading === q.subheading);
    if (!sub) {
      sub = { subheading: q.subheading, questions: [] };
      group.subgroups.push(sub);
    }
    sub.questions.push({
      label: q.number === null ? "Vraag" : `Vraag ${q.number}`,
      text: q.text,
      documentRef: q.documentRef,
      answer: q.answer ?? "",
      reservation: q.reservation,
      references: referenceText(q),
    });
  }
  const facts = [
    { label: "Aanbesteding", value: input.tenderName },
    { label: "Ronde", value: `Nota van Inlichtingen ${input.round.number}` },
    {
      label: "Gepubliceerd op",
      value: input.round.publishedAt ? dutchDate(input.round.publishedAt) : "nog niet gepubliceerd",
    },
    { label: "Aantal vragen", value: String(input.questions.length) },
  ];
  return { title: input.round.title, facts, questionCount: input.questions.length, groups };
}

/** Markdown special characters escaped, so that a question's text stays text. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export function toMarkdown(doc: RoundDocument): string {
  const lines: string[] = [`# ${md(doc.title)}`, ""];
  for (const f of doc.facts) lines.push(`- **${f.label}:** ${md(f.value)}`);
  lines.push("");
  for (const group of doc.groups) {
    if (group.category !== null) lines.push(`## ${md(group.category)}`, "");
    for (const sub of group.subgroups) {
      if (sub.subheading !== null) lines.push(`### ${md(sub.subheading)}`, "");
      for (const q of sub.questions) {
        lines.push(`**${q.label}.** ${md(q.text)}`, "");
        if (q.documentRef) lines.push(`*Documentverwijzing:* ${md(q.documentRef)}`, "");
        lines.push(`*Antwoord:* ${md(q.answer)}${q.reservation ? ` *(${RESERVATION})*` : ""}`, "");
        if (q.references) lines.push(`*Verwijzing:* ${q.references}`, "");
      }
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
