// Access-matrix rows for what a tender asks: minimum requirements, selection criteria, publication.
import type { RouteCase } from "../expect.ts";

export const REQUIREMENT_CASES: Record<string, RouteCase> = {};
