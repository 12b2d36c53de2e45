// The bidding API's request and response schemas: the validators, the types and the OpenAPI document.
import { z } from "zod";
import { Id } from "../platform/schemas.ts";

const Kvk = z.string().regex(/^[0-9]{8}$/, { error: "must be a KvK number of 8 digits" });
const FileIds = z.array(Id).max(50).default([]);

export const BidContentSchema = z
  .object({
    subsegmentIds: z.array(Id).max(50).default([]),
    municipalityIds: z.array(Id).max(100).default([]),
    specialisms: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    requirementAnswers: z
      .array(
        z.object({
          requirementId: Id,
          met: z.boolean(),
          evidence: z.string().max(20_000).default(""),
          fileIds: FileIds,
        }),
      )
      .max(500)
      .default([]),
    dossier: z
      .array(z.object({ criterionId: Id, text: z.string().max(50_000).default(""), fileIds: FileIds }))
      .max(6)
      .default([]),
    references: z
      .array(
        z.object({
          client: z.string().trim().min(1).max(300),
          description: z.string().max(5_000).default(""),
          clientsServed: z.number().int().min(0).max(10_000_000),
          period: z.string().max(100).default(""),
        }),
      )
      .max(50)
      .default([]),
    subcontractors: z
      .array(
        z.object({ kvkNumber: Kvk, name: z.string().trim().min(1).max(300), role: z.string().max(1_000).default("") }),
      )
      .max(50)
      .default([]),
  })
  .meta({ id: "BidContent", description: "What a bid says; ids must be of the bid's own segment, tender and files" });

const Missing = z.object({ field: z.string(), message: z.string() });
const BidStatus = z.enum(["draft", "submitted", "withdrawn"]);

export const SubmissionSummarySchema = z
  .object({
    version: z.number().int(),
    sha256: z.string(),
    submittedAt: z.string(),
    validUntil: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: "SubmissionSummary" });

export const BidSchema = z
  .object({
    id: z.string(),
    tenderId: z.string(),
    segmentId: z.string(),
    bidderId: z.string(),
    bidderName: z.string(),
    status: BidStatus,
    content: BidContentSchema,
    updatedAt: z.string(),
    submissions: z.array(SubmissionSummarySchema),
    completeness: z.object({ complete: z.boolean(), missing: z.array(Missing) }),
  })
  .meta({ id: "Bid" });

export const ReceiptSchema = z
  .object({
    bidId: z.string(),
    version: z.number().int(),
    submittedAt: z.string().describe("Server time of the submission (UTC, ISO 8601)"),
    sha256: z.string().describe("SHA-256 of exactly the bytes GET …/submissions/{version} returns"),
    validUntil: z.string().describe("The last day the bid stays valid (YYYY-MM-DD)"),
    tenderName: z.string(),
    segmentName: z.string(),
    bidderName: z.string(),
    files: z.array(z.object({ id: z.string(), name: z.string(), sha256: z.string() })),
  })
  .meta({ id: "Receipt" });

export const RegistrationSchema = z
  .object({ tenderId: z.string(), organisationId: z.string(), registeredAt: z.string() })
  .meta({ id: "Registration" });

const ActingAsSchema = z.object({ organisationId: z.string(), name: z.string(), isCombination: z.boolean() });

export const MyBidsSchema = z
  .object({
    closesAt: z.string().nullable(),
    serverTime: z.string(),
    open: z.boolean().describe("Bids can be made, changed, submitted and withdrawn now"),
    publishedAt: z.string().nullable(),
    registered: z.boolean(),
    bidValidDays: z.number().int(),
    actingAs: z.array(ActingAsSchema),
    segments: z.array(
      z.object({
        segmentId: z.string(),
        code: z.string(),
        name: z.string(),
        lotName: z.string(),
        bid: z
          .object({
            id: z.string(),
            bidderId: z.string(),
            status: BidStatus,
            updatedAt: z.string(),
            lastSubmission: SubmissionSummarySchema.nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: "MyBids" });

const OfficerSchema = z.object({ id: z.string(), name: z.string() });

export const OpeningSchema = z
  .object({
    closesAt: z.string().nullable(),
    serverTime: z.string(),
    closed: z.boolean().describe("The closing time has passed, so the opening may start"),
    openedAt: z.string().nullable(),
    firstOfficer: OfficerSchema.nullable(),
    firstConfirmedAt: z.string().nullable(),
    secondOfficer: OfficerSchema.nullable(),
    secondConfirmedAt: z.string().nullable(),
  })
  .meta({ id: "Opening" });

export const ExtensionSchema = z
  .object({ closesAt: z.string(), previousClosesAt: z.string(), reason: z.string(), extendedAt: z.string() })
  .meta({ id: "ClosingExtension" });

export const RegistrationsSchema = z
  .object({
    closesAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    registrations: z.array(z.object({ organisationId: z.string(), name: z.string(), registeredAt: z.string() })),
    bidCount: z.number().int().describe("Bids that exist (drafts and submitted, not withdrawn)"),
    submittedCount: z.number().int(),
    extensions: z.array(ExtensionSchema),
    opening: OpeningSchema,
  })
  .meta({ id: "Registrations" });

const SubmittedFile = z.object({ id: z.string(), sha256: z.string(), sizeBytes: z.number(), mediaType: z.string() });

export const OpenedBidsSchema = z
  .object({
    openedAt: z.string(),
    bids: z.array(
      z.object({
        id: z.string(),
        segmentId: z.string(),
        segmentName: z.string(),
        bidderId: z.string(),
        bidderName: z.string(),
        version: z.number().int(),
        sha256: z.string(),
        submittedAt: z.string(),
        validUntil: z.string(),
        content: BidContentSchema,
        files: z.array(SubmittedFile),
      }),
    ),
  })
  .meta({ id: "OpenedBids" });

export const ExtensionBody = z.object({
  closesAt: z.iso.datetime({ offset: true, error: "must be a date and time (ISO 8601)" }),
  reason: z.string().trim().min(1).max(2_000),
});
