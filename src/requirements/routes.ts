// What a tender asks: minimum requirements per tender, lot, segment and subsegment, selection criteria A–F per segment, and publication.
import type { App, AppContext } from "../platform/http.ts";

export async function requirementRoutes(_app: App, _ctx: AppContext) {}
