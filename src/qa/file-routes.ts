// Q&A files: import with preview, export of a round as PDF/DOCX/Markdown, similar questions (issue 5).
import type { App, AppContext } from "../platform/http.ts";

export async function qaFileRoutes(_app: App, _ctx: AppContext) {}
