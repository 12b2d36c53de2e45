// The application: every module's routes on one server, over one database.
import { z } from "zod";
import { accountRoutes } from "./accounts/routes.ts";
import { findSession } from "./accounts/sessions.ts";
import { biddingRoutes } from "./bidding/routes.ts";
import { dialogueRoutes } from "./dialogue/routes.ts";
import { fileRoutes } from "./files/routes.ts";
import { notificationRoutes } from "./notifications/routes.ts";
import { organisationRoutes } from "./organisations/routes.ts";
import { auditRoutes } from "./platform/audit-routes.ts";
import { type App, type AppContext, buildServer, type RouteModule } from "./platform/http.ts";
import { qaAssigneeRoutes } from "./qa/assignee-routes.ts";
import { qaFileRoutes } from "./qa/file-routes.ts";
import { qaRoutes } from "./qa/routes.ts";
import { regionRoutes } from "./region/routes.ts";
import { requirementRoutes } from "./requirements/routes.ts";
import { tenderRoutes } from "./tender/routes.ts";

const VERSION = "0.1.0";

async function healthRoutes(app: App, ctx: AppContext) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Is the service up, and on which database",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgres"]),
            version: z.string(),
            time: z.string(),
          }),
        },
      },
      config: { action: "public" },
    },
    async () => {
      await ctx.db.query("select 1");
      return { status: "ok" as const, database: ctx.db.kind, version: VERSION, time: ctx.clock.now().toISOString() };
    },
  );
}

/** The route modules, in the order of the process. */
export const MODULES: RouteModule[] = [
  healthRoutes,
  accountRoutes,
  regionRoutes,
  organisationRoutes,
  tenderRoutes,
  requirementRoutes,
  fileRoutes,
  dialogueRoutes,
  qaRoutes,
  qaFileRoutes,
  qaAssigneeRoutes,
  biddingRoutes,
  notificationRoutes,
  auditRoutes,
];

export function createApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  return buildServer({
    ctx,
    modules: MODULES,
    authenticate: (token) => findSession(ctx.db, token, ctx.clock.now()),
    logger: options.logger ?? false,
  });
}
