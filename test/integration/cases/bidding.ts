// Access-matrix rows for the sealed bid vault: registrations, bids, receipts, closing time, opening, notifications.
import type { RouteCase } from "../expect.ts";

export const BIDDING_CASES: Record<string, RouteCase> = {};
