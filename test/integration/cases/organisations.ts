// Access-matrix rows for organisations and combinations.
import type { RouteCase } from "../expect.ts";

export const ORGANISATION_CASES: Record<string, RouteCase> = {};
