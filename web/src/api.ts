// The API client: one typed function per route the UI uses. Errors arrive as RFC 9457 problem+json
// and are thrown as ApiError, which keeps the stable code and the per-field messages.
import type { Role } from "../../src/platform/policy.ts";
import type { Financing, Milestone, Phase, Tender, TenderSummary } from "../../src/tender/types.ts";

export type {
  Financing,
  Lot,
  Milestone,
  MilestoneKind,
  Phase,
  Segment,
  Subsegment,
  Tender,
  TenderSummary,
} from "../../src/tender/types.ts";
export type { Role };

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** The domain rule that refused the request (e.g. "one_bid_per_segment"), for the UI to translate. */
  rule?: string;
}

export interface Municipality {
  id: string;
  cbsCode: string;
  name: string;
}

export interface Region {
  id: string;
  slug: string;
  name: string;
  theme: { primary?: string; accent?: string };
  municipalities: Municipality[];
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  municipalityId: string | null;
  segmentIds: string[];
}

export interface Me {
  user: SessionUser;
  region: Region;
}

export interface User extends SessionUser {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Organisation {
  id: string;
  name: string;
}

export interface PlanningWarning {
  code: string;
  severity: "warning" | "info";
  basis: string;
  subject: string[];
  days?: number;
  minimum?: number;
  message: string;
}

export interface Timeline {
  tenderId: string;
  regime: "full" | "light";
  electronicSubmission: boolean;
  phases: Phase[];
  milestones: Milestone[];
  warnings: PlanningWarning[];
  status: { today: string; currentPhase: number | null; nextMilestone: Milestone | null };
}

export interface SegmentChange {
  contractStart?: string | null;
  selectMin?: number | null;
  selectMax?: number | null;
  financing?: Financing;
}

export interface NewSubsegment {
  code: string;
  name: string;
  description: string | null;
  financing: Financing | null;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  organisationId?: string | null;
  municipalityId?: string | null;
  segmentIds?: string[];
}

export interface UserChange {
  disabled?: boolean;
  unlock?: boolean;
}

export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): string {
    return this.problem.code;
  }

  get rule(): string | undefined {
    return this.problem.rule;
  }

  /** The field messages keyed by the field's path without its "body." prefix. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const key = error.field.replace(/^body\.?/, "");
      result[key] ??= error.message;
    }
    return result;
  }
}

let onUnauthorized: () => void = () => {};

/** Called when a request answers 401 outside logging in: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "NETWORK" }, null);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problem =
      data && typeof data === "object" && "code" in data
        ? (data as Problem)
        : { type: "about:blank", title: response.statusText, status: response.status, code: "UNKNOWN" };
    const retry = response.headers.get("retry-after");
    if (response.status === 401 && path !== "/api/auth/login" && path !== "/api/me") onUnauthorized();
    throw new ApiError(problem, retry && /^\d+$/.test(retry) ? Number(retry) : null);
  }
  return data as T;
}

const tenderPath = (tenderId: string) => `/api/tenders/${encodeURIComponent(tenderId)}`;

export const api = {
  login: (email: string, password: string) => request<Me>("POST", "/api/auth/login", { email, password }),
  logout: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<Me>("GET", "/api/me"),

  tenders: () => request<TenderSummary[]>("GET", "/api/tenders"),
  tender: (tenderId: string) => request<Tender>("GET", tenderPath(tenderId)),
  changeSegment: (tenderId: string, segmentId: string, change: SegmentChange) =>
    request<Tender>("PATCH", `${tenderPath(tenderId)}/segments/${encodeURIComponent(segmentId)}`, change),
  addSubsegment: (tenderId: string, segmentId: string, subsegment: NewSubsegment) =>
    request<Tender>(
      "POST",
      `${tenderPath(tenderId)}/segments/${encodeURIComponent(segmentId)}/subsegments`,
      subsegment,
    ),

  timeline: (tenderId: string) => request<Timeline>("GET", `${tenderPath(tenderId)}/timeline`),
  saveTimeline: (tenderId: string, plan: { phases: Phase[]; milestones: Milestone[] }) =>
    request<Timeline>("PUT", `${tenderPath(tenderId)}/timeline`, plan),

  users: () => request<User[]>("GET", "/api/users"),
  addUser: (user: NewUser) => request<User & { initialPassword?: string }>("POST", "/api/users", user),
  changeUser: (userId: string, change: UserChange) =>
    request<User>("PATCH", `/api/users/${encodeURIComponent(userId)}`, change),
  organisations: () => request<Organisation[]>("GET", "/api/organisations"),
};
