// Access-matrix rows for qa routes (issue 5).
import type { RouteCase } from "../expect.ts";

export const QA_CASES: Record<string, RouteCase> = {};
