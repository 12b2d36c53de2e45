// The colleagues a question can be assigned to (issue 5, triage): the region's active staff whose
// role may draft an answer. Not in the brief's contract; the assignment form needs the list, because
// the user list itself is for administrators only.
import { z } from "zod";
import { notFound } from "../platform/errors.ts";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { POLICY } from "../platform/policy.ts";
import { Id, problemResponses } from "../platform/schemas.ts";

const AssigneesSchema = z
  .object({
    assignees: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
  })
  .meta({ id: "QaAssignees" });

export async function qaAssigneeRoutes(app: App, ctx: AppContext) {
  app.get(
    "/api/tenders/:tenderId/qa/assignees",
    {
      schema: {
        tags: ["qa"],
        summary: "The colleagues who may draft answers to the tender's questions",
        params: z.object({ tenderId: Id }),
        response: { 200: AssigneesSchema, ...problemResponses },
      },
      config: { action: "qa:triage" },
    },
    async (request) => {
      const { regionId } = userOf(request);
      const [tender] = await ctx.db.query<{ id: string }>("select id from tenders where id = $1 and region_id = $2", [
        request.params.tenderId,
        regionId,
      ]);
      if (!tender) throw notFound("tender");
      const assignees = await ctx.db.query<{ id: string; name: string; email: string; role: string }>(
        `select id, name, email, role from users
          where region_id = $1 and not disabled and role = any($2::text[])
          order by name, email`,
        [regionId, [...POLICY["qa:draft"]]],
      );
      return { assignees };
    },
  );
}
