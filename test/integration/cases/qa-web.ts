// Access-matrix rows for the route the Q&A screens add: the colleagues a question can be assigned to.
import { officerOnly, type RouteCase } from "../expect.ts";

export const QA_WEB_CASES: Record<string, RouteCase> = {
  "GET /api/tenders/:tenderId/qa/assignees": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/qa/assignees` }),
    expect: officerOnly(200, 404),
  },
};
