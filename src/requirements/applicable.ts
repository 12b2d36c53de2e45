// Which minimum requirements a bid must answer (DOMAIN.md, "Selection phase"): those of the whole
// tender, of the segment's lot, of the segment itself and of each subsegment the bid chooses.
// Pure: the caller passes the tender's requirements and the bid's scope.

export type RequirementLevel = "tender" | "lot" | "segment" | "subsegment";

/** The scope of a requirement: at most one id is set, and which one is its level (levelOf). */
export interface ScopedRequirement {
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
  return requirements.filter((r) => {
    if (r.subsegmentId) return chosen.has(r.subsegmentId);
    if (r.segmentId) return r.segmentId === scope.segmentId;
    if (r.lotId) return r.lotId === scope.lotId;
    return true;
  });
}

/** The level a requirement has from which scope id is set (all null: the whole tender). */
export function levelOf(scope: { lotId: string | null; segmentId: string | null; subsegmentId: string | null }) {
  if (scope.subsegmentId) return "subsegment" as const;
  if (scope.segmentId) return "segment" as const;
  if (scope.lotId) return "lot" as const;
  return "tender" as const;
}
