// The sealed bid vault: registrations, bids per segment, submission with receipts, withdrawal, the closing time and its extensions, and the two-officer opening.
import type { App, AppContext } from "../platform/http.ts";

export async function biddingRoutes(_app: App, _ctx: AppContext) {}
