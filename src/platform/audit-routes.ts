// HTTP for reading the audit chain of one's own region.
import { z } from "zod";
import { listAudit } from "./audit.ts";
import { type App, type AppContext, userOf } from "./http.ts";
import { problemResponses } from "./schemas.ts";

const Entry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });

export async function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The region's audit entries, newest first",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({ entries: z.array(Entry) }),
          ...problemResponses,
        },
      },
      config: { action: "audit:read" },
    },
    async (request) => {
      const user = userOf(request);
      const entries = await listAudit(ctx.db, user.regionId, request.query.limit, request.query.before);
      // Listing stays cheap; walking the whole chain is `zorginkoop audit verify`'s job.
      return { entries: entries.map(({ regionId: _r, actorId: _a, prevHash: _p, ...e }) => e) };
    },
  );
}
