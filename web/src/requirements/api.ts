// What a tender asks (issue 6): its minimum requirements and, per segment, the selection criteria A–F.
// The types are the server's own (src/requirements/types.ts), so the two cannot drift apart.
import type { RequirementsOverview } from "../../../src/requirements/types.ts";
import { request } from "../api.ts";

export type {
  Criterion,
  Requirement,
  RequirementLevel,
  RequirementsOverview as TenderAsks,
} from "../../../src/requirements/types.ts";

export const requirementsApi = {
  asks: (tenderId: string) =>
    request<RequirementsOverview>("GET", `/api/tenders/${encodeURIComponent(tenderId)}/requirements`),
};
