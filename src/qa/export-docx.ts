// A round of the Nota van Inlichtingen as a Word document (docx), laid out by export.ts.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { RESERVATION, type RoundDocument } from "./export.ts";

export async function roundDocx(doc: RoundDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...doc.facts.map(
      (f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] }),
    ),
  ];
  for (const group of doc.groups) {
    if (group.category !== null)
      children.push(new Paragraph({ text: group.category, heading: HeadingLevel.HEADING_1 }));
    for (const sub of group.subgroups) {
      if (sub.subheading !== null)
        children.push(new Paragraph({ text: sub.subheading, heading: HeadingLevel.HEADING_2 }));
      for (const q of sub.questions) {
        children.push(
          new Paragraph({
            spacing: { before: 200 },
            children: [new TextRun({ text: `${q.label}. `, bold: true }), new TextRun(q.text)],
          }),
        );
        if (q.documentRef)
          children.push(
            new Paragraph({ children: [new TextRun({ text: `Documentverwijzing: ${q.documentRef}`, italics: true })] }),
          );
        children.push(
          new Paragraph({
            children: [
              new TextRun({ text: "Antwoord: ", bold: true }),
              new TextRun(q.answer),
              ...(q.reservation ? [new TextRun({ text: ` (${RESERVATION})`, italics: true })] : []),
            ],
          }),
        );
        if (q.references)
          children.push(
            new Paragraph({ children: [new TextRun({ text: `Verwijzing: ${q.references}`, italics: true })] }),
          );
      }
    }
  }
  const document = new Document({
    creator: "Zorginkoop",
    title: doc.title,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
