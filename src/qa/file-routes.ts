// Q&A files: import with preview, export of a round as PDF/DOCX/Markdown, similar questions (issue 5).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { contentDisposition } from "../files/check.ts";
import { uploadProblems } from "../files/schemas.ts";
import { receiveWholeFile, uploadScope } from "../files/upload.ts";
import { notFound } from "../platform/errors.ts";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { EXPORT_FORMATS } from "./export.ts";
import { exportRound } from "./export-round.ts";
import { AlreadyImportedSchema, ImportedSchema, PreviewSchema, SimilarQuery, SimilarSchema } from "./file-schemas.ts";
import { importQaFile, priorImport, type QaFile, readQaFile } from "./import.ts";
import { similarQuestions } from "./similar-search.ts";

const tags = ["qa"];
const TenderParams = z.object({ tenderId: Id });
const RoundParams = TenderParams.extend({ number: z.coerce.number().int().min(1).max(10_000) });

/** A Q&A list is a few hundred kilobytes at most; 5 MB leaves room and keeps a stray upload out. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The one text file of a multipart request (field `file`), whole, up to MAX_BYTES. */
async function receiveText(request: FastifyRequest): Promise<QaFile> {
  const { name, bytes } = await receiveWholeFile(request, MAX_BYTES);
  return { fileName: name, bytes };
}

export async function qaFileRoutes(app: App, ctx: AppContext) {
  const { db, clock } = ctx;

  /** The tender, when it is the caller's region's; else 404. */
  async function tenderOfRegion(regionId: string, tenderId: string) {
    const [row] = await db.query<{ id: string }>("select id from tenders where id = $1 and region_id = $2", [
      tenderId,
      regionId,
    ]);
    if (!row) throw notFound("tender");
  }

  // multipart/form-data only in the upload scope (files/upload.ts): same-site pages only, and the
  // connection closed after a refused upload.
  await uploadScope(app, MAX_BYTES, async (uploads: App) => {
    uploads.post(
      "/api/tenders/:tenderId/qa/import/preview",
      {
        schema: {
          tags,
          summary: "Read a Q&A file (multipart, field 'file') and show what an import would store; changes nothing",
          description:
            "Both layouts: the tab-separated list with CATEGORIE rows and 'Vraag N' rows, and the numbered 'N. question / A: answer' list.",
          consumes: ["multipart/form-data"],
          params: TenderParams,
          response: { 200: PreviewSchema, ...uploadProblems },
        },
        config: { action: "qa:triage" },
      },
      async (request) => {
        const user = userOf(request);
        await tenderOfRegion(user.regionId, request.params.tenderId);
        const file = readQaFile(await receiveText(request));
        const prior = await priorImport(db, request.params.tenderId, file.sha256);
        return {
          sha256: file.sha256,
          fileName: file.fileName,
          ...file.parsed,
          alreadyImported: prior ? { roundNumber: prior.roundNumber, importedAt: prior.importedAt } : null,
        };
      },
    );

    uploads.post(
      "/api/tenders/:tenderId/qa/import",
      {
        schema: {
          tags,
          summary:
            "Import a Q&A file as a new published round (multipart, field 'file'); the same file again changes nothing",
          consumes: ["multipart/form-data"],
          params: TenderParams,
          response: { 201: ImportedSchema, 200: AlreadyImportedSchema, ...uploadProblems },
        },
        config: { action: "qa:triage" },
      },
      async (request, reply) => {
        const user = userOf(request);
        await tenderOfRegion(user.regionId, request.params.tenderId);
        const file = readQaFile(await receiveText(request));
        const result = await db.transaction((tx) =>
          importQaFile(tx, request.params.tenderId, file, {
            actor: { id: user.id, label: user.email },
            regionId: user.regionId,
            now: clock.now(),
          }),
        );
        if (result.alreadyImported) {
          return reply.status(200).send({ alreadyImported: true, roundNumber: result.roundNumber, created: 0 });
        }
        return reply
          .status(201)
          .send({ importId: result.importId, roundNumber: result.roundNumber, created: result.created });
      },
    );
  });

  app.get(
    "/api/tenders/:tenderId/qa/rounds/:number/export",
    {
      schema: {
        tags,
        summary: "A round of the Nota van Inlichtingen as a document: PDF, DOCX or Markdown (never the askers)",
        params: RoundParams,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS).default("pdf") }),
        response: { 200: z.any().describe("the document"), ...problemResponses },
      },
      config: { action: "qa:read" },
    },
    async (request, reply) => {
      const user = userOf(request);
      const exported = await exportRound(
        db,
        user.regionId,
        request.params.tenderId,
        request.params.number,
        request.query.format,
        { publishedOnly: user.role === "provider" },
      );
      return reply
        .header("content-type", exported.mediaType)
        .header("content-disposition", contentDisposition(exported.fileName))
        .header("cache-control", "private, no-store")
        .send(exported.content);
    },
  );

  app.get(
    "/api/tenders/:tenderId/qa/similar",
    {
      schema: {
        tags,
        summary: "The tender's answered questions most similar to a text, best first (Dutch-aware, score 0..1)",
        params: TenderParams,
        querystring: SimilarQuery,
        response: { 200: SimilarSchema, ...problemResponses },
      },
      config: { action: "qa:work" },
    },
    async (request) => {
      const user = userOf(request);
      await tenderOfRegion(user.regionId, request.params.tenderId);
      const { text, limit, exclude } = request.query;
      return { matches: await similarQuestions(db, request.params.tenderId, text, { limit, exclude }) };
    },
  );
}
