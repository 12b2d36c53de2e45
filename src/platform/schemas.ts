// Schemas shared by several modules' routes.
import { z } from "zod";

export const Id = z.uuid({ error: "must be a UUID" });
export const IsoDate = z.iso.date({ error: "must be a date YYYY-MM-DD" });
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    rule: z.string().optional().describe("The domain rule that refused the request, when one did"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

/** The error answers every route may give, for the OpenAPI document. */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
} as const;
