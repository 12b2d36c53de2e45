// Request and response schemas of the Q&A workflow routes: the single source of their types and of
// the OpenAPI document.
import { z } from "zod";
import { Id, IsoDate } from "../platform/schemas.ts";

export const Timestamp = z.iso.datetime({ offset: true, error: "must be an ISO date-time" });

const Reference = z.object({
  questionId: z.string(),
  number: z.number().nullable(),
  roundNumber: z.number().nullable(),
});

export const QaRoundSchema = z
  .object({
    id: z.string(),
    tenderId: z.string(),
    number: z.number().int(),
    title: z.string(),
    plannedOn: z.string().nullable(),
    publishedAt: z.string().nullable(),
    importId: z.string().nullable(),
    questionCount: z.number().int(),
  })
  .meta({ id: "QaRound" });

export const PublicQuestionSchema = z
  .object({
    id: z.string(),
    number: z.number().nullable(),
    category: z.string().nullable(),
    subheading: z.string().nullable(),
    text: z.string(),
    documentRef: z.string().nullable(),
    lotId: z.string().nullable(),
    answer: z.string().nullable(),
    reservation: z.boolean(),
    references: z.array(Reference),
    roundNumber: z.number().nullable(),
  })
  .meta({ id: "PublicQuestion", description: "A published answer as every reader sees it: never the asker" });

export const MyQuestionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    documentRef: z.string().nullable(),
    lotId: z.string().nullable(),
    askedAt: z.string(),
    status: z.enum(["open", "published", "answered", "withdrawn"]),
    number: z.number().nullable().describe("Only once published"),
    answer: z.string().nullable().describe("Only once published, or answered to the asker alone"),
    reservation: z.boolean(),
    references: z.array(Reference),
    roundNumber: z.number().nullable(),
  })
  .meta({ id: "MyQuestion", description: "The asking organisation's own question, without the workflow" });

export const QaQuestionSchema = PublicQuestionSchema.extend({
  tenderId: z.string(),
  visibility: z.enum(["public", "private"]),
  privateReason: z.string().nullable(),
  status: z.enum(["new", "assigned", "drafted", "approved", "published", "answered", "withdrawn"]),
  roundId: z.string().nullable(),
  importId: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  askerOrganisationId: z.string().nullable(),
  askerOrganisationName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  draftedBy: z.string().nullable(),
  draftedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
}).meta({ id: "QaQuestion", description: "A question with its asker and workflow (staff only)" });

export const SettingsBody = z.object({
  questionsCloseAt: Timestamp.nullable(),
  lastRoundMinDays: z.number().int().min(0).max(90),
  openWarningDays: z.number().int().min(0).max(180),
});
export const SettingsSchema = SettingsBody.extend({ questionsCloseAt: z.string().nullable() }).meta({
  id: "QaSettings",
});

export const OverviewSchema = z
  .object({
    tenderId: z.string(),
    questionsCloseAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    serverTime: z.string(),
    askingOpen: z.boolean(),
    lastRoundMinDays: z.number().int(),
    openWarningDays: z.number().int(),
    nextNumber: z.number().int().nullable().describe("Staff only"),
    rounds: z.array(QaRoundSchema).describe("Providers: published rounds only"),
    counts: z
      .object({
        new: z.number().int(),
        assigned: z.number().int(),
        drafted: z.number().int(),
        approved: z.number().int(),
        published: z.number().int(),
        answered: z.number().int(),
      })
      .nullable()
      .describe("Staff only"),
  })
  .meta({ id: "QaOverview" });

const text = (max: number) => z.string().trim().min(1).max(max);

export const AskBody = z.object({
  text: text(10_000),
  documentRef: z.string().trim().max(300).nullish(),
  lotId: Id.nullish(),
});

export const TriageBody = z.object({
  number: z.number().int().min(1).max(100_000).nullish(),
  category: z.string().trim().max(200).nullish(),
  subheading: z.string().trim().max(300).nullish(),
  documentRef: z.string().trim().max(300).nullish(),
  lotId: Id.nullish(),
  visibility: z.enum(["public", "private"]).optional(),
  privateReason: z.string().trim().max(2000).nullish(),
});

export const AssignBody = z.object({ assigneeId: Id });
export const AnswerBody = z.object({
  answer: text(50_000),
  reservation: z.boolean(),
  references: z.array(Id).max(50),
});
export const ReferBody = z.object({ questionId: Id });
export const ReasonBody = z.object({ reason: text(2000) });
export const RoundBody = z.object({ title: z.string().trim().max(300).optional(), plannedOn: IsoDate.nullish() });
