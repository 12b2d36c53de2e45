// In-app notifications for a user and their organisation.
import type { App, AppContext } from "../platform/http.ts";

export async function notificationRoutes(_app: App, _ctx: AppContext) {}
