// Access-matrix rows for uploaded files.
import type { RouteCase } from "../expect.ts";

export const FILE_CASES: Record<string, RouteCase> = {};
