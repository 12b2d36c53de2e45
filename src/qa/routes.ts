// Questions and answers (Nota van Inlichtingen): asking, triage, drafting, approval, rounds (issue 5).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { receiveWholeFile, uploadScope } from "../files/upload.ts";
import { type Mail, mailSender } from "../notifications/mail.ts";
import { notifyOrganisations, notifyUser, providerEmails } from "../notifications/store.ts";
import { notFound } from "../platform/errors.ts";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { allows } from "../platform/policy.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { listQuestions, publicView, type QaRound } from "./read.ts";
import { isAskingOpen } from "./rules.ts";
import {
  AnswerBody,
  AskBody,
  AssignBody,
  MyQuestionSchema,
  OverviewSchema,
  PublicQuestionSchema,
  QaQuestionSchema,
  QaRoundSchema,
  ReasonBody,
  ReferBody,
  RoundBody,
  SettingsBody,
  SettingsSchema,
  TriageBody,
} from "./schemas.ts";
import * as store from "./store.ts";
import { MAX_BULK_QUESTIONS, questionTemplate, readQuestions } from "./template.ts";

const TenderParams = z.object({ tenderId: Id });
const QuestionParams = z.object({ questionId: Id });
const RoundParams = z.object({ roundId: Id });
const tags = ["questions and answers"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BULK_MAX_BYTES = 5 * 1024 * 1024;

export async function qaRoutes(app: App, ctx: AppContext) {
  const { db, clock, config } = ctx;
  const mailer = mailSender(config);
  app.addHook("onClose", () => mailer.idle());
  const caller = (request: FastifyRequest): store.Caller => userOf(request);
  const isStaff = (request: FastifyRequest) => allows(caller(request).role, "qa:work");
  const isOfficer = (request: FastifyRequest) => allows(caller(request).role, "qa:approve");

  app.put(
    "/api/tenders/:tenderId/qa/settings",
    {
      schema: {
        tags,
        summary: "The question deadline and the timeline's Q&A warning settings",
        params: TenderParams,
        body: SettingsBody,
        response: { 200: SettingsSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) =>
      db.transaction((tx) =>
        store.saveSettings(
          tx,
          caller(request),
          request.params.tenderId,
          { ...request.body, questionsCloseAt: request.body.questionsCloseAt },
          clock.now(),
        ),
      ),
  );

  app.get(
    "/api/tenders/:tenderId/qa",
    {
      schema: {
        tags,
        summary: "The tender's Q&A: deadline, whether asking is open, rounds (providers: published ones), counts",
        params: TenderParams,
        response: { 200: OverviewSchema, ...problemResponses },
      },
      config: { action: "qa:read" },
    },
    async (request) => {
      const now = clock.now();
      const tender = await store.qaTender(db, caller(request).regionId, request.params.tenderId);
      const staff = isStaff(request);
      const rounds = await store.listRounds(db, tender.id);
      return {
        tenderId: tender.id,
        questionsCloseAt: tender.questionsCloseAt?.toISOString() ?? null,
        closesAt: tender.closesAt?.toISOString() ?? null,
        serverTime: now.toISOString(),
        askingOpen: isAskingOpen(tender, now),
        lastRoundMinDays: tender.lastRoundMinDays,
        openWarningDays: tender.openWarningDays,
        nextNumber: staff ? await store.nextNumber(db, tender.id) : null,
        rounds: staff ? rounds : rounds.filter((r) => r.publishedAt !== null),
        counts: staff ? await store.statusCounts(db, tender.id) : null,
      };
    },
  );

  app.get(
    "/api/tenders/:tenderId/qa/published",
    {
      schema: {
        tags,
        summary: "Every published answer of the tender, as every provider reads it (never the asker)",
        params: TenderParams,
        response: { 200: z.object({ questions: z.array(PublicQuestionSchema) }), ...problemResponses },
      },
      config: { action: "qa:read" },
    },
    async (request) => {
      const tender = await store.qaTender(db, caller(request).regionId, request.params.tenderId);
      const questions = await listQuestions(db, tender.id, { publishedOnly: true });
      return { questions: questions.map(publicView) };
    },
  );

  app.get(
    "/api/tenders/:tenderId/qa/mine",
    {
      schema: {
        tags,
        summary: "My organisation's own questions with their status, and the answer once it reached us",
        params: TenderParams,
        response: { 200: z.object({ questions: z.array(MyQuestionSchema) }), ...problemResponses },
      },
      config: { action: "qa:ask" },
    },
    async (request) => ({ questions: await store.myQuestions(db, caller(request), request.params.tenderId) }),
  );

  app.post(
    "/api/tenders/:tenderId/qa/questions",
    {
      schema: {
        tags,
        summary: "Ask a question, until the question deadline (the server's clock decides)",
        params: TenderParams,
        body: AskBody,
        response: { 201: MyQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:ask" },
    },
    async (request, reply) => {
      const now = clock.now();
      const [id] = await db.transaction((tx) =>
        store.ask(tx, caller(request), request.params.tenderId, [request.body], now),
      );
      const question = await store.questionOf(db, caller(request).regionId, id!);
      return reply.status(201).send(store.mine(question));
    },
  );

  app.get(
    "/api/tenders/:tenderId/qa/template.xlsx",
    {
      schema: {
        tags,
        summary: "The spreadsheet template for asking many questions at once (Vraag, Documentverwijzing, Perceel)",
        params: TenderParams,
        produces: [XLSX],
      },
      config: { action: "qa:ask" },
    },
    async (request, reply) => {
      const tender = await store.qaTender(db, caller(request).regionId, request.params.tenderId);
      const bytes = await questionTemplate(tender.name, await lotsOf(tender.id));
      return reply.type(XLSX).header("content-disposition", 'attachment; filename="vragen-sjabloon.xlsx"').send(bytes);
    },
  );

  const lotsOf = (tenderId: string) =>
    db.query<{ id: string; code: string; name: string }>(
      "select id, code, name from lots where tender_id = $1 order by position, code",
      [tenderId],
    );

  // The one upload of this module, in its own scope: multipart is accepted only here.
  await uploadScope(app, BULK_MAX_BYTES, async (uploads: App) => {
    uploads.post(
      "/api/tenders/:tenderId/qa/questions/bulk",
      {
        schema: {
          tags,
          summary: `Ask many questions at once from the filled-in template (multipart field 'file', XLSX, at most ${MAX_BULK_QUESTIONS}); all or none`,
          params: TenderParams,
          consumes: ["multipart/form-data"],
          response: { 201: z.object({ questions: z.array(MyQuestionSchema) }), ...problemResponses },
        },
        config: { action: "qa:ask" },
      },
      async (request, reply) => {
        const now = clock.now();
        const user = caller(request);
        const tender = await store.qaTender(db, user.regionId, request.params.tenderId);
        store.assertAskingOpen(tender, now);
        const { bytes } = await receiveWholeFile(request, BULK_MAX_BYTES, "the spreadsheet");
        const rows = await readQuestions(bytes, await lotsOf(tender.id));
        const ids = await db.transaction((tx) => store.ask(tx, user, tender.id, rows, now));
        const mine = await store.myQuestions(db, user, tender.id);
        const byId = new Map(mine.map((q) => [q.id, q]));
        return reply.status(201).send({ questions: ids.map((id) => byId.get(id)!) });
      },
    );
  });

  app.get(
    "/api/tenders/:tenderId/qa/questions",
    {
      schema: {
        tags,
        summary: "Every question of the tender with its asker and workflow (staff)",
        params: TenderParams,
        response: { 200: z.object({ questions: z.array(QaQuestionSchema) }), ...problemResponses },
      },
      config: { action: "qa:work" },
    },
    async (request) => {
      const tender = await store.qaTender(db, caller(request).regionId, request.params.tenderId);
      return { questions: await listQuestions(db, tender.id) };
    },
  );

  app.get(
    "/api/qa/questions/:questionId",
    {
      schema: {
        tags,
        summary: "One question with its asker and workflow (staff)",
        params: QuestionParams,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:work" },
    },
    async (request) => store.questionOf(db, caller(request).regionId, request.params.questionId),
  );

  app.patch(
    "/api/qa/questions/:questionId",
    {
      schema: {
        tags,
        summary: "Triage: number, category, sub-heading, document section, lot, public or private (with its reason)",
        params: QuestionParams,
        body: TriageBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) =>
      db.transaction((tx) => store.triage(tx, caller(request), request.params.questionId, request.body, clock.now())),
  );

  app.post(
    "/api/qa/questions/:questionId/assign",
    {
      schema: {
        tags,
        summary: "Assign the question to a colleague (content expert) who drafts the answer; tells that colleague",
        params: QuestionParams,
        body: AssignBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) => {
      const now = clock.now();
      const user = caller(request);
      return db.transaction(async (tx) => {
        const { question } = await store.assign(
          tx,
          user,
          request.params.questionId,
          request.body.assigneeId,
          (role) => allows(role, "qa:draft"),
          now,
        );
        await notifyUser(
          tx,
          request.body.assigneeId,
          {
            regionId: user.regionId,
            tenderId: question.tenderId,
            kind: "qa_assigned",
            title: "Vraag toegewezen: beantwoorden",
            body: question.text.slice(0, 500),
            params: { question: question.text.slice(0, 500) },
          },
          now,
        );
        return question;
      });
    },
  );

  app.put(
    "/api/qa/questions/:questionId/answer",
    {
      schema: {
        tags,
        summary: "Draft the answer (the assignee or a procurement officer), with its reservation and references",
        params: QuestionParams,
        body: AnswerBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:draft" },
    },
    async (request) =>
      db.transaction((tx) =>
        store.draft(tx, caller(request), isOfficer(request), request.params.questionId, request.body, clock.now()),
      ),
  );

  app.post(
    "/api/qa/questions/:questionId/refer",
    {
      schema: {
        tags,
        summary: "Answer by reference in one action: 'Wij verwijzen u naar het antwoord op vraag N.'",
        params: QuestionParams,
        body: ReferBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:draft" },
    },
    async (request) =>
      db.transaction((tx) =>
        store.refer(
          tx,
          caller(request),
          isOfficer(request),
          request.params.questionId,
          request.body.questionId,
          clock.now(),
        ),
      ),
  );

  app.post(
    "/api/qa/questions/:questionId/approve",
    {
      schema: {
        tags,
        summary: "Approve the drafted answer (never by its drafter); a private answer reaches its asker at once",
        params: QuestionParams,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:approve" },
    },
    async (request) => {
      const now = clock.now();
      const user = caller(request);
      const { question, emails } = await db.transaction(async (tx) => {
        const result = await store.approve(tx, user, request.params.questionId, now);
        if (!result.privateTo) return { question: result.question, emails: [] };
        await notifyOrganisations(
          tx,
          [result.privateTo],
          {
            regionId: user.regionId,
            tenderId: result.question.tenderId,
            kind: "qa_private_answer",
            title: "Uw vraag is beantwoord",
            body: result.question.text.slice(0, 500),
            params: { question: result.question.text.slice(0, 500) },
          },
          now,
        );
        return { question: result.question, emails: await providerEmails(tx, user.regionId, [result.privateTo]) };
      });
      mail(request, emails, {
        subject: "Uw vraag is beantwoord",
        text: "Uw vraag in Zorginkoop is beantwoord. Log in om het antwoord te lezen.",
      });
      return question;
    },
  );

  app.post(
    "/api/qa/questions/:questionId/reopen",
    {
      schema: {
        tags,
        summary: "Send a drafted or approved (unpublished) answer back to drafting, with the reason",
        params: QuestionParams,
        body: ReasonBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:approve" },
    },
    async (request) =>
      db.transaction((tx) =>
        store.reopen(tx, caller(request), request.params.questionId, request.body.reason, clock.now()),
      ),
  );

  app.post(
    "/api/qa/questions/:questionId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw a question that will not be answered, with the reason",
        params: QuestionParams,
        body: ReasonBody,
        response: { 200: QaQuestionSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) =>
      db.transaction((tx) =>
        store.withdraw(tx, caller(request), request.params.questionId, request.body.reason, clock.now()),
      ),
  );

  app.post(
    "/api/tenders/:tenderId/qa/rounds",
    {
      schema: {
        tags,
        summary: "Plan the next round (Nota van Inlichtingen N)",
        params: TenderParams,
        body: RoundBody,
        response: { 201: QaRoundSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request, reply) => {
      const round = await db.transaction((tx) =>
        store.createRound(tx, caller(request), request.params.tenderId, request.body, clock.now()),
      );
      return reply.status(201).send(round);
    },
  );

  app.patch(
    "/api/qa/rounds/:roundId",
    {
      schema: {
        tags,
        summary: "Change an unpublished round's title or planned date",
        params: RoundParams,
        body: RoundBody,
        response: { 200: QaRoundSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) =>
      db.transaction((tx) => store.updateRound(tx, caller(request), request.params.roundId, request.body, clock.now())),
  );

  app.post(
    "/api/qa/rounds/:roundId/publish",
    {
      schema: {
        tags,
        summary:
          "Publish the round: every approved public answer, to every provider at the same moment, with a notification (and e-mail)",
        params: RoundParams,
        response: { 200: QaRoundSchema, ...problemResponses },
      },
      config: { action: "qa:approve" },
    },
    async (request) => {
      const now = clock.now();
      const user = caller(request);
      let subject = "";
      const { round, organisationIds } = await db.transaction((tx) =>
        store.publishRound(tx, user, request.params.roundId, now, async (ids, published: QaRound, tenderName) => {
          subject = `${published.title} gepubliceerd – ${tenderName}`;
          await notifyOrganisations(
            tx,
            ids,
            {
              regionId: user.regionId,
              tenderId: published.tenderId,
              kind: "qa_round_published",
              title: subject,
              body: `${published.questionCount} vragen en antwoorden zijn gepubliceerd.`,
              params: { round: published.title, tender: tenderName, count: published.questionCount },
            },
            now,
          );
        }),
      );
      const emails = await providerEmails(db, user.regionId, organisationIds);
      mail(request, emails, {
        subject,
        text: `${round.title} (${round.questionCount} vragen en antwoorden) is gepubliceerd in Zorginkoop. Log in om de antwoorden te lezen.`,
      });
      return round;
    },
  );

  app.get(
    "/api/qa/rounds/:roundId",
    {
      schema: {
        tags,
        summary: "One round with its published answers (providers: published rounds only)",
        params: RoundParams,
        response: {
          200: z.object({ round: QaRoundSchema, questions: z.array(PublicQuestionSchema) }),
          ...problemResponses,
        },
      },
      config: { action: "qa:read" },
    },
    async (request) => {
      const round = await store.roundOf(db, caller(request).regionId, request.params.roundId);
      if (!round.publishedAt && !isStaff(request)) throw notFound("round");
      return { round, questions: (await store.roundQuestions(db, round)).map(publicView) };
    },
  );

  /** E-mail after the commit, in the background: a failure is logged and never undoes what was committed. */
  const mail = (request: FastifyRequest, recipients: string[], message: Mail) =>
    mailer.send(request.log, recipients, message);
}
