// Dialogue sessions, registrations, reports and statements (issue 5).
import type { App, AppContext } from "../platform/http.ts";

export async function dialogueRoutes(_app: App, _ctx: AppContext) {}
