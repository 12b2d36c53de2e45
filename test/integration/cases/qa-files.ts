// Access-matrix rows for qa-files routes (issue 5).
import type { RouteCase } from "../expect.ts";

export const QA_FILES_CASES: Record<string, RouteCase> = {};
