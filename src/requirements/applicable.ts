// Which minimum requirements a bid must answer (DOMAIN.md, "Selection phase"): those of the whole
// tender, of the segment's lot, of the segment itself and of each subsegment the bid chooses.
// Pure: the caller passes the tender's requirements and the bid's scope.

export type RequirementLevel = "tender" | "lot" | "segment" | "subsegment";

/** The scope of a requirement: exactly the id that matches its level is set. */
export interface ScopedRequirement {
  id: string;
  level: RequirementLevel;
  lotId: string | null;
  segmentId: string | null;
  subsegmentId: string | null;
}

/** Where a bid sits: its segment, the segment's lot and the subsegments the provider chose. */
export interface BidScope {
  lotId: string;
  segmentId: string;
  subsegmentIds: readonly string[];
}

/** The requirements that apply to a bid for `scope`, in the order given. */
export function applicableRequirements<R extends ScopedRequirement>(requirements: readonly R[], scope: BidScope): R[] {
  const chosen = new Set(scope.subsegmentIds);
  return requirements.filter(
    (r) =>
      r.level === "tender" ||
      (r.level === "lot" && r.lotId === scope.lotId) ||
      (r.level === "segment" && r.segmentId === scope.segmentId) ||
      (r.level === "subsegment" && r.subsegmentId !== null && chosen.has(r.subsegmentId)),
  );
}

/** The level a requirement has from which scope id is set (all null: the whole tender). */
export function levelOf(scope: { lotId: string | null; segmentId: string | null; subsegmentId: string | null }) {
  if (scope.subsegmentId) return "subsegment" as const;
  if (scope.segmentId) return "segment" as const;
  if (scope.lotId) return "lot" as const;
  return "tender" as const;
}
