// Questions and answers (Nota van Inlichtingen): asking, triage, drafting, approval, rounds (issue 5).
import type { App, AppContext } from "../platform/http.ts";

export async function qaRoutes(_app: App, _ctx: AppContext) {}
