// Exporting one round of a tender: read it (through read.ts) and render it as PDF, DOCX or Markdown.
import type { Sql } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";
import { type ExportFormat, exportFileName, MEDIA_TYPES, roundDocument, toMarkdown } from "./export.ts";
import { roundDocx } from "./export-docx.ts";
import { roundPdf } from "./export-pdf.ts";
import { listQuestions, listRounds, publicView } from "./read.ts";

export interface RoundExport {
  fileName: string;
  mediaType: string;
  content: Buffer;
  questionCount: number;
}

/**
 * The round numbered `roundNumber` of the tender in the region, as a document. With `publishedOnly`
 * (providers) an unpublished round is not found; either way only the round's published public
 * questions go in, without their askers.
 */
export async function exportRound(
  db: Sql,
  regionId: string,
  tenderId: string,
  roundNumber: number,
  format: ExportFormat,
  options: { publishedOnly: boolean },
): Promise<RoundExport> {
  const [tender] = await db.query<{ name: string }>("select name from tenders where id = $1 and region_id = $2", [
    tenderId,
    regionId,
  ]);
  if (!tender) throw notFound("tender");
  const round = (await listRounds(db, tenderId)).find((r) => r.number === roundNumber);
  if (!round || (options.publishedOnly && round.publishedAt === null)) throw notFound("round");
  const questions = (await listQuestions(db, tenderId, { roundId: round.id }))
    .filter((q) => q.visibility === "public" && q.status === "published")
    .map(publicView);
  const doc = roundDocument({ tenderName: tender.name, round, questions });
  const content =
    format === "pdf" ? await roundPdf(doc) : format === "docx" ? await roundDocx(doc) : Buffer.from(toMarkdown(doc));
  return {
    fileName: exportFileName(round.number, format),
    mediaType: MEDIA_TYPES[format],
    content,
    questionCount: questions.length,
  };
}
