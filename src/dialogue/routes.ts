// Dialogue sessions, registrations, reports and statements (issue 5). HTTP: validate → store and
// pure rules → answer. No rules live here.
import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { contentDisposition, megabytes, SESSION_DOCUMENT_TYPES } from "../files/check.ts";
import { FileBytes, uploadProblems } from "../files/schemas.ts";
import { receiveFile, receiveWholeFile, type Sealer, uploadScope } from "../files/upload.ts";
import { mailSender } from "../notifications/mail.ts";
import { providerEmails } from "../notifications/store.ts";
import { AppError } from "../platform/errors.ts";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { summariseStatement } from "./rules.ts";
import {
  AttendeeSchema,
  DocumentSchema,
  RegistrationBody,
  ReportBody,
  SessionBody,
  SessionDetailSchema,
  SessionPatch,
  SessionSchema,
  StatementBody,
  StatementPreviewSchema,
  StatementSchema,
} from "./schemas.ts";
import { parseStatementsCsv, StatementCsvError } from "./statements-csv.ts";
import * as store from "./store.ts";

const tags = ["dialogue"];
const TenderParams = z.object({ tenderId: Id });
const SessionParams = z.object({ sessionId: Id });
const DocumentParams = z.object({ documentId: Id });
const StatementParams = z.object({ statementId: Id });
/** A polling tool's CSV export is small; a larger file is not one. */
const CSV_MAX_BYTES = 1024 * 1024;

const callerOf = (request: FastifyRequest): store.Caller => {
  const user = userOf(request);
  return {
    id: user.id,
    email: user.email,
    regionId: user.regionId,
    role: user.role,
    organisationId: user.organisationId,
  };
};

/** Keeps the received bytes as they are: session documents are public material, stored plain. */
function plainSealer(): Sealer {
  const chunks: Buffer[] = [];
  return { update: (chunk) => void chunks.push(chunk), final: () => Buffer.concat(chunks) };
}

function statementOf(body: z.infer<typeof StatementBody>) {
  const summary = summariseStatement(body);
  if (Array.isArray(summary)) {
    const [field, message] = summary;
    throw new AppError("VALIDATION_FAILED", `${field}: ${message}`, { errors: [{ field: `body.${field}`, message }] });
  }
  return { text: body.text, ...summary };
}

/** The statements CSV of a multipart request (field `file`), as text. */
async function receiveCsv(request: FastifyRequest): Promise<{ name: string; text: string; sha256: string }> {
  const { name, bytes } = await receiveWholeFile(request, CSV_MAX_BYTES, "the CSV");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes); // older Excel exports
  }
  return { name: name || "stellingen.csv", text, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function dialogueRoutes(app: App, ctx: AppContext) {
  const { db, clock, config } = ctx;
  const mailer = mailSender(config);
  app.addHook("onClose", () => mailer.idle());

  /** After the commit, the same notice by e-mail (in the background) to the provider users of those told. */
  async function mailTold(request: FastifyRequest, regionId: string, told: store.Told): Promise<void> {
    if (!told.message || !config.smtpUrl) return;
    const recipients = await providerEmails(db, regionId, told.organisationIds);
    mailer.send(request.log, recipients, {
      subject: told.message.title,
      text: `${told.message.body}\n\nLog in op Zorginkoop voor de details van de bijeenkomst.`,
    });
  }

  app.get(
    "/api/tenders/:tenderId/sessions",
    {
      schema: {
        tags,
        summary: "The tender's dialogue sessions, with places left and the caller's registration",
        params: TenderParams,
        response: { 200: z.object({ sessions: z.array(SessionSchema) }), ...problemResponses },
      },
      config: { action: "dialogue:read" },
    },
    async (request) => ({
      sessions: await store.listSessions(db, callerOf(request), request.params.tenderId, clock.now()),
    }),
  );

  app.post(
    "/api/tenders/:tenderId/sessions",
    {
      schema: {
        tags,
        summary: "Plan a session (type, audience, date and times, place or link, capacity, deadline)",
        params: TenderParams,
        body: SessionBody,
        response: { 201: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = await db.transaction((tx) =>
        store.createSession(tx, caller, request.params.tenderId, request.body, clock.now()),
      );
      return reply.status(201).send(await store.getSession(db, caller, id, clock.now()));
    },
  );

  app.get(
    "/api/sessions/:sessionId",
    {
      schema: {
        tags,
        summary: "One session; its report, documents, Q&A and statements once published (staff: always)",
        params: SessionParams,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:read" },
    },
    async (request) => store.getSession(db, callerOf(request), request.params.sessionId, clock.now()),
  );

  app.patch(
    "/api/sessions/:sessionId",
    {
      schema: {
        tags,
        summary: "Change a session",
        params: SessionParams,
        body: SessionPatch,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request) => {
      const caller = callerOf(request);
      const told = await db.transaction((tx) =>
        store.updateSession(tx, caller, request.params.sessionId, request.body, clock.now()),
      );
      await mailTold(request, caller.regionId, told);
      return store.getSession(db, caller, request.params.sessionId, clock.now());
    },
  );

  app.post(
    "/api/sessions/:sessionId/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a session; the registered organisations are told",
        params: SessionParams,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request) => {
      const caller = callerOf(request);
      const told = await db.transaction((tx) => store.cancelSession(tx, caller, request.params.sessionId, clock.now()));
      await mailTold(request, caller.regionId, told);
      return store.getSession(db, caller, request.params.sessionId, clock.now());
    },
  );

  app.post(
    "/api/sessions/:sessionId/publish",
    {
      schema: {
        tags,
        summary: "Publish the report, documents, Q&A and statements after the session took place",
        params: SessionParams,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request) => {
      const caller = callerOf(request);
      await db.transaction((tx) => store.publishSession(tx, caller, request.params.sessionId, clock.now()));
      return store.getSession(db, caller, request.params.sessionId, clock.now());
    },
  );

  app.post(
    "/api/sessions/:sessionId/registrations",
    {
      schema: {
        tags,
        summary: "Register for a session (provider users); refused when full, closed or already registered",
        params: SessionParams,
        body: RegistrationBody,
        response: { 201: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:register" },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await db.transaction((tx) =>
        store.register(tx, caller, request.params.sessionId, request.body.attendees, clock.now()),
      );
      return reply.status(201).send(await store.getSession(db, caller, request.params.sessionId, clock.now()));
    },
  );

  app.delete(
    "/api/sessions/:sessionId/registrations/mine",
    {
      schema: {
        tags,
        summary: "Cancel the caller's own registration",
        params: SessionParams,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:register" },
    },
    async (request) => {
      const caller = callerOf(request);
      await db.transaction((tx) => store.unregister(tx, caller, request.params.sessionId, clock.now()));
      return store.getSession(db, caller, request.params.sessionId, clock.now());
    },
  );

  app.get(
    "/api/sessions/:sessionId/attendance",
    {
      schema: {
        tags,
        summary: "The attendance list; ?format=csv downloads it",
        params: SessionParams,
        querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }),
        response: {
          200: z.union([z.object({ attendees: z.array(AttendeeSchema), total: z.number().int() }), z.string()]),
          ...problemResponses,
        },
      },
      config: { action: "dialogue:attendance" },
    },
    async (request, reply) => {
      const attendees = await store.attendance(db, callerOf(request), request.params.sessionId);
      if (request.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", contentDisposition("aanmeldingen.csv"))
          .serializer((payload: unknown) => payload as string)
          .send(store.attendanceCsv(attendees));
      }
      return { attendees, total: attendees.reduce((sum, a) => sum + a.attendees, 0) };
    },
  );

  app.put(
    "/api/sessions/:sessionId/report",
    {
      schema: {
        tags,
        summary: "Replace the session's report and its questions and answers",
        params: SessionParams,
        body: ReportBody,
        response: { 200: SessionDetailSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request) => {
      const caller = callerOf(request);
      await db.transaction((tx) =>
        store.replaceReport(
          tx,
          caller,
          request.params.sessionId,
          request.body.report,
          request.body.questions,
          clock.now(),
        ),
      );
      return store.getSession(db, caller, request.params.sessionId, clock.now());
    },
  );

  app.get(
    "/api/session-documents/:documentId",
    {
      schema: {
        tags,
        summary: "Download a session document (providers: once the session is published)",
        params: DocumentParams,
        response: { 200: FileBytes, ...problemResponses },
      },
      config: { action: "dialogue:read" },
    },
    async (request, reply) => {
      const doc = await store.getDocument(db, callerOf(request), request.params.documentId);
      return reply
        .header("content-type", doc.media_type)
        .header("content-disposition", contentDisposition(doc.name))
        .header("cache-control", "private, no-store")
        .serializer((payload: unknown) => payload as string)
        .send(Buffer.from(doc.content));
    },
  );

  app.delete(
    "/api/session-documents/:documentId",
    {
      schema: {
        tags,
        summary: "Remove a session document",
        params: DocumentParams,
        response: { 204: z.null(), ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request, reply) => {
      await db.transaction((tx) => store.deleteDocument(tx, callerOf(request), request.params.documentId, clock.now()));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/sessions/:sessionId/statements",
    {
      schema: {
        tags,
        summary: "Add a statement: agree/disagree counts, or a 1–5 scale (counts, or average and count)",
        params: SessionParams,
        body: StatementBody,
        response: { 201: StatementSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request, reply) => {
      const statement = statementOf(request.body);
      const created = await db.transaction((tx) =>
        store.createStatement(tx, callerOf(request), request.params.sessionId, statement, clock.now()),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/statements/:statementId",
    {
      schema: {
        tags,
        summary: "Change a statement (its text, kind and figures as a whole)",
        params: StatementParams,
        body: StatementBody.partial(),
        response: { 200: StatementSchema, ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request) => {
      const caller = callerOf(request);
      return db.transaction(async (tx) => {
        const current = await store.getStatement(tx, caller, request.params.statementId);
        const merged = StatementBody.safeParse({
          text: current.text,
          kind: current.kind,
          ...(request.body.kind && request.body.kind !== current.kind
            ? {}
            : {
                agree: current.agree,
                disagree: current.disagree,
                scaleCounts: current.scaleCounts,
                scaleAverage: current.scaleCounts ? null : current.scaleAverage,
                scaleCount: current.scaleCounts ? null : current.scaleCount,
              }),
          ...request.body,
        });
        if (!merged.success) {
          const issue = merged.error.issues[0]!;
          const field = `body.${issue.path.join(".")}`;
          throw new AppError("VALIDATION_FAILED", `${field}: ${issue.message}`, {
            errors: [{ field, message: issue.message }],
          });
        }
        return store.updateStatement(tx, caller, request.params.statementId, statementOf(merged.data), clock.now());
      });
    },
  );

  app.delete(
    "/api/statements/:statementId",
    {
      schema: {
        tags,
        summary: "Remove a statement",
        params: StatementParams,
        response: { 204: z.null(), ...problemResponses },
      },
      config: { action: "dialogue:edit" },
    },
    async (request, reply) => {
      await db.transaction((tx) =>
        store.deleteStatement(tx, callerOf(request), request.params.statementId, clock.now()),
      );
      return reply.status(204).send(null);
    },
  );

  // Uploads: multipart/form-data only in this scope (as in files/routes.ts).
  const maxBytes = megabytes(config.uploadMaxMb);
  await uploadScope(app, maxBytes, async (uploads: App) => {
    uploads.post(
      "/api/sessions/:sessionId/documents",
      {
        schema: {
          tags,
          summary: "Add a document to a session (multipart/form-data, field 'file'): slides, report or other",
          description:
            "PDF, DOCX, XLSX, ODT, PNG, JPEG, PPTX or ODP, judged by content; at most ZORGINKOOP_UPLOAD_MAX_MB.",
          consumes: ["multipart/form-data"],
          params: SessionParams,
          querystring: z.object({ kind: z.enum(["slides", "report", "other"]).default("slides") }),
          response: { 201: DocumentSchema, ...uploadProblems },
        },
        config: { action: "dialogue:edit" },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        // Refuse before reading a byte when the session is not the caller's region's.
        await store.getSession(db, caller, request.params.sessionId, clock.now());
        const received = await receiveFile(request, maxBytes, plainSealer(), SESSION_DOCUMENT_TYPES);
        const id = await db.transaction((tx) =>
          store.addDocument(
            tx,
            caller,
            request.params.sessionId,
            {
              kind: request.query.kind,
              name: received.name,
              mediaType: received.mediaType,
              sha256: received.sha256,
              content: received.sealed,
            },
            clock.now(),
          ),
        );
        const detail = await store.getSession(db, caller, request.params.sessionId, clock.now());
        return reply.status(201).send(detail.documents.find((d) => d.id === id)!);
      },
    );

    uploads.post(
      "/api/sessions/:sessionId/statements/import",
      {
        schema: {
          tags,
          summary: "Import statements from a polling tool's CSV (field 'file'); ?preview=1 stores nothing",
          description:
            "Header row; ';' or ','; columns stelling/statement and eens/oneens (agree/disagree), 1..5, or gemiddelde/aantal (average/count). Replaces the statements of an earlier CSV; those entered by hand stay.",
          consumes: ["multipart/form-data"],
          params: SessionParams,
          querystring: z.object({ preview: z.enum(["0", "1", "true", "false"]).optional() }),
          response: {
            200: StatementPreviewSchema,
            201: z.object({ statements: z.array(StatementSchema) }),
            ...uploadProblems,
          },
        },
        config: { action: "dialogue:edit" },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        await store.getSession(db, caller, request.params.sessionId, clock.now());
        const file = await receiveCsv(request);
        let parsed: ReturnType<typeof parseStatementsCsv>;
        try {
          parsed = parseStatementsCsv(file.text);
        } catch (error) {
          if (!(error instanceof StatementCsvError)) throw error;
          throw new AppError("VALIDATION_FAILED", error.message, {
            errors: [{ field: "body.file", message: error.message }],
            rule: "statements_csv",
          });
        }
        const preview = request.query.preview === "1" || request.query.preview === "true";
        if (preview) return reply.status(200).send({ statements: parsed });
        const statements = await db.transaction((tx) =>
          store.importStatements(tx, caller, request.params.sessionId, parsed, file, clock.now()),
        );
        return reply.status(201).send({ statements });
      },
    );
  });
}
