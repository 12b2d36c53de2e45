// Organisations: registration of providers, their legal form, KvK and AGB numbers and contacts, and combinations with their members and covenant.
import type { App, AppContext } from "../platform/http.ts";

export async function organisationRoutes(_app: App, _ctx: AppContext) {}
