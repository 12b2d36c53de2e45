// Access-matrix rows for dialogue routes (issue 5).
import type { RouteCase } from "../expect.ts";

export const DIALOGUE_CASES: Record<string, RouteCase> = {};
