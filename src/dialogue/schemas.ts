// Request and response schemas of the dialogue routes: the single source of their types and of the
// OpenAPI document.
import { z } from "zod";
import { Id, IsoDate } from "../platform/schemas.ts";
import { SESSION_KINDS } from "./store.ts";

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:MM" });
const Instant = z.iso.datetime({ offset: true, error: "must be a date and time (ISO 8601)" });

export const SessionBody = z.object({
  kind: z.enum(SESSION_KINDS),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).default(""),
  segmentId: Id.nullable().default(null),
  onDate: IsoDate,
  startsAt: Time,
  endsAt: Time,
  location: z.string().trim().max(500).nullable().default(null),
  onlineUrl: z
    .string()
    .trim()
    .max(1000)
    .regex(/^https?:\/\//, { error: "must start with http:// or https://" })
    .nullable()
    .default(null),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  registrationClosesAt: Instant,
});

export const SessionPatch = z.object({
  kind: z.enum(SESSION_KINDS).optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(10_000).optional(),
  segmentId: Id.nullable().optional(),
  onDate: IsoDate.optional(),
  startsAt: Time.optional(),
  endsAt: Time.optional(),
  location: z.string().trim().max(500).nullable().optional(),
  onlineUrl: z
    .string()
    .trim()
    .max(1000)
    .regex(/^https?:\/\//, { error: "must start with http:// or https://" })
    .nullable()
    .optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  registrationClosesAt: Instant.optional(),
});

export const SessionSchema = z
  .object({
    id: Id,
    tenderId: Id,
    kind: z.enum(SESSION_KINDS),
    title: z.string(),
    description: z.string(),
    segmentId: Id.nullable(),
    segmentName: z.string().nullable(),
    onDate: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    location: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    capacity: z.number().int().nullable(),
    registrationClosesAt: z.string(),
    placesLeft: z.number().int().nullable(),
    registered: z.object({ attendees: z.number().int(), registeredAt: z.string() }).nullable(),
    organisationRegistered: z.boolean(),
    registrationOpen: z.boolean(),
    cancelledAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: "DialogueSession" });

export const StatementSchema = z
  .object({
    id: Id,
    position: z.number().int(),
    text: z.string(),
    kind: z.enum(["agree", "scale"]),
    agree: z.number().int().nullable(),
    disagree: z.number().int().nullable(),
    agreeShare: z.number().nullable(),
    scaleCounts: z.array(z.number().int()).nullable(),
    scaleAverage: z.number().nullable(),
    scaleCount: z.number().int().nullable(),
    source: z.enum(["manual", "csv"]),
  })
  .meta({ id: "DialogueStatement" });

export const DocumentSchema = z.object({
  id: Id,
  kind: z.enum(["slides", "report", "other"]),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const SessionDetailSchema = SessionSchema.extend({
  report: z.string().nullable(),
  documents: z.array(DocumentSchema),
  questions: z.array(z.object({ question: z.string(), answer: z.string() })),
  statements: z.array(StatementSchema),
}).meta({ id: "DialogueSessionDetail" });

export const RegistrationBody = z.object({ attendees: z.number().int().min(1).max(20).default(1) });

export const AttendeeSchema = z.object({
  organisationName: z.string(),
  userName: z.string(),
  email: z.string(),
  attendees: z.number().int(),
  registeredAt: z.string(),
});

export const ReportBody = z.object({
  report: z.string().max(100_000),
  questions: z
    .array(z.object({ question: z.string().trim().min(1).max(10_000), answer: z.string().max(20_000).default("") }))
    .max(500)
    .default([]),
});

const Count = z.number().int().min(0).max(1_000_000);
export const StatementBody = z.object({
  text: z.string().trim().min(1).max(2000),
  kind: z.enum(["agree", "scale"]),
  agree: Count.nullish(),
  disagree: Count.nullish(),
  scaleCounts: z.array(Count).length(5).nullish(),
  scaleAverage: z.number().min(1).max(5).nullish(),
  scaleCount: Count.nullish(),
});

export const StatementPreviewSchema = z.object({
  statements: z.array(StatementSchema.omit({ id: true, position: true, source: true })),
});
