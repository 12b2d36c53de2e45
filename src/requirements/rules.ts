// The rules of what a tender asks (DOMAIN.md, "Selection phase"), pure: a requirement's scope matches
// its level, a reference requirement names its lower bound, and a tender is published only when its
// closing time lies ahead and each segment's criteria weigh 100 together.
import type { FieldError } from "../platform/errors.ts";
import type { Requirement, RequirementKind, RequirementLevel } from "./types.ts";

export interface Scope {
  level: RequirementLevel;
  lotId: string | null;
  segmentId: string | null;
  subsegmentId: string | null;
}

const SCOPE_FIELD = { lot: "lotId", segment: "segmentId", subsegment: "subsegmentId" } as const;
type ScopeField = (typeof SCOPE_FIELD)[keyof typeof SCOPE_FIELD];

export interface RequirementFields extends Scope {
  code: string;
  text: string;
  kind: RequirementKind;
  minClients: number | null;
  appliesToMembers: boolean;
  appliesToSubcontractors: boolean;
  position: number;
}

/**
 * The requirement after a patch. Naming a level or a scope id replaces the scope: ids of levels the
 * requirement no longer has are cleared. Turning a reference requirement into yes/no clears its minimum.
 */
export function patchedRequirement(before: Requirement, patch: Partial<RequirementFields>): RequirementFields {
  const level = patch.level ?? before.level;
  const keep = level === before.level;
  const scopeId = (field: ScopeField) => (patch[field] !== undefined ? patch[field] : keep ? before[field] : null);
  const kind = patch.kind ?? before.kind;
  return {
    code: patch.code ?? before.code,
    text: patch.text ?? before.text,
    kind,
    minClients: patch.minClients !== undefined ? patch.minClients : kind === "yes_no" ? null : before.minClients,
    level,
    lotId: scopeId("lotId"),
    segmentId: scopeId("segmentId"),
    subsegmentId: scopeId("subsegmentId"),
    appliesToMembers: patch.appliesToMembers ?? before.appliesToMembers,
    appliesToSubcontractors: patch.appliesToSubcontractors ?? before.appliesToSubcontractors,
    position: patch.position ?? before.position,
  };
}

/** Exactly the scope id that matches the level is set (none for the whole tender). */
export function scopeErrors(scope: Scope): FieldError[] {
  const errors: FieldError[] = [];
  for (const [level, field] of Object.entries(SCOPE_FIELD) as [keyof typeof SCOPE_FIELD, ScopeField][]) {
    const value = scope[field];
    if (level === scope.level && value === null) {
      errors.push({ field: `body.${field}`, message: `is required for level ${scope.level}` });
    }
    if (level !== scope.level && value !== null) {
      errors.push({ field: `body.${field}`, message: `must be empty for level ${scope.level}` });
    }
  }
  return errors;
}

/** A reference requirement needs its lower bound on clients served; a yes/no one has none. */
export function kindErrors(kind: RequirementKind, minClients: number | null): FieldError[] {
  if (kind === "reference" && minClients === null) {
    return [{ field: "body.minClients", message: "is required for a reference requirement (at least 1)" }];
  }
  if (kind === "yes_no" && minClients !== null) {
    return [{ field: "body.minClients", message: "is only for a reference requirement" }];
  }
  return [];
}

export type PublicationRule =
  | "already_published"
  | "closing_time_missing"
  | "closing_time_past"
  | "criteria_weights_not_100";

export interface Refusal {
  rule: PublicationRule;
  field: string;
  message: string;
}

export interface PublicationState {
  publishedAt: Date | null;
  closesAt: Date | null;
  segments: readonly { name: string; criteria: number; weightTotal: number }[];
}

/** Why the tender cannot be published at `now`; empty when it can. */
export function publicationRefusals(state: PublicationState, now: Date): Refusal[] {
  if (state.publishedAt) {
    return [{ rule: "already_published", field: "publishedAt", message: "the tender is already published" }];
  }
  const refusals: Refusal[] = [];
  if (!state.closesAt) {
    refusals.push({ rule: "closing_time_missing", field: "closesAt", message: "set the closing time first" });
  } else if (state.closesAt.getTime() <= now.getTime()) {
    refusals.push({ rule: "closing_time_past", field: "closesAt", message: "the closing time must lie in the future" });
  }
  for (const s of state.segments) {
    if (s.criteria > 0 && s.weightTotal !== 100) {
      refusals.push({
        rule: "criteria_weights_not_100",
        field: "criteria",
        message: `the criteria weights of segment '${s.name}' sum to ${s.weightTotal}, not 100`,
      });
    }
  }
  return refusals;
}
