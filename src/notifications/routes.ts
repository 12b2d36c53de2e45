// Notifications: everyone reads their own (and, for a provider, its organisation's) and marks them read.
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { listNotifications, markRead } from "./store.ts";

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe("What happened, e.g. closing_extended; the UI may word it by kind"),
    title: z.string().describe("In Dutch"),
    body: z.string().describe("In Dutch"),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe("The facts the title and body were made from (names, ISO dates, counts), to word them by kind"),
    tenderId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });

const tags = ["notifications"];

export async function notificationRoutes(app: App, ctx: AppContext) {
  const { db, clock } = ctx;

  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "My notifications, newest first, with the number unread",
        response: {
          200: z.object({ unread: z.number().int(), notifications: z.array(NotificationSchema) }),
          ...problemResponses,
        },
      },
      config: { action: "notification:read" },
    },
    async (request) => listNotifications(db, userOf(request)),
  );

  app.post(
    "/api/notifications/:notificationId/read",
    {
      schema: {
        tags,
        summary: "Mark one of my notifications read",
        params: z.object({ notificationId: Id }),
        response: { 200: NotificationSchema, ...problemResponses },
      },
      config: { action: "notification:read" },
    },
    async (request) => {
      const user = userOf(request);
      return db.transaction((tx) =>
        markRead(tx, user, request.params.notificationId, { id: user.id, label: user.email }, clock.now()),
      );
    },
  );
}
