// The files' response schemas: the validators, the types and the OpenAPI document at once.
import { z } from "zod";
import { Id, Problem, problemResponses } from "../platform/schemas.ts";

export const StoredFileSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("The original file name, as uploaded (folders and control characters removed)"),
    mediaType: z.string().describe("The type found in the content, not the one the client declared"),
    sizeBytes: z.number().int(),
    sha256: z.string().describe("SHA-256 (hex) of exactly the bytes uploaded"),
    uploadedAt: z.string(),
  })
  .meta({ id: "StoredFile" });

export const BidParams = z.object({ bidId: Id });
export const FileParams = z.object({ fileId: Id });
export const CombinationParams = z.object({ combinationId: Id });

/** The refusals of an upload: too large (413), a type not accepted or a name that contradicts it (415). */
export const uploadProblems = { ...problemResponses, 413: Problem, 415: Problem } as const;

export const FileBytes = z
  .unknown()
  .describe("The file's exact bytes, with its media type and its name in Content-Disposition");
