// The Q&A files routes' request and response schemas: the validators, the OpenAPI document and the UI's
// types (z.infer) at once.
import { z } from "zod";
import { Id } from "../platform/schemas.ts";

export const ParsedQuestionSchema = z.object({
  number: z.number().int(),
  category: z.string().nullable(),
  subheading: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  references: z.array(z.number().int()).describe("numbers of other questions in the same file"),
});

export const PreviewSchema = z
  .object({
    sha256: z.string(),
    fileName: z.string(),
    layout: z.enum(["tabbed", "numbered"]),
    title: z.string().nullable(),
    questions: z.array(ParsedQuestionSchema),
    unresolved: z.array(
      z.object({ question: z.number().int(), reference: z.number().int(), reason: z.enum(["missing", "self"]) }),
    ),
    warnings: z.array(z.string()),
    alreadyImported: z.object({ roundNumber: z.number().int().nullable(), importedAt: z.string() }).nullable(),
  })
  .meta({ id: "QaImportPreview" });

export const ImportedSchema = z
  .object({ importId: z.string(), roundNumber: z.number().int(), created: z.number().int() })
  .meta({ id: "QaImported" });
export const AlreadyImportedSchema = z.object({
  alreadyImported: z.literal(true),
  roundNumber: z.number().int(),
  created: z.literal(0),
});

export const SimilarQuery = z.object({
  text: z.string().trim().min(1, "must not be empty").max(10_000),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  exclude: Id.optional(),
});
export const SimilarSchema = z
  .object({
    matches: z.array(
      z.object({
        questionId: z.string(),
        number: z.number().int().nullable(),
        roundNumber: z.number().int().nullable(),
        category: z.string().nullable(),
        text: z.string(),
        answer: z.string().nullable(),
        status: z.string(),
        score: z.number().min(0).max(1),
      }),
    ),
  })
  .meta({ id: "QaSimilar" });

export type QaImportPreview = z.infer<typeof PreviewSchema>;
export type QaImported = z.infer<typeof ImportedSchema>;
export type QaAlreadyImported = z.infer<typeof AlreadyImportedSchema>;
export type QaSimilar = z.infer<typeof SimilarSchema>;
export type QaSimilarMatch = QaSimilar["matches"][number];
