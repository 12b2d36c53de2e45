// Who may bid (DOMAIN.md, "Who may bid"): the rules that hold across all bids of one tender.
//
// - A main contractor makes at most one bid per segment.
// - A provider bids as main contractor in one form only: alone, or as member of one combination.
// - A provider named as subcontractor in a bid of the tender cannot also be a main contractor in it
//   (alone or as a combination member). A subcontractor may serve several main contractors.
//
// Pure: the caller gathers the tender's active bids (drafts and submissions, not withdrawn ones) and
// the organisations involved, proposes the state after a change, and refuses the change when it adds
// a violation. Subcontractors are named by KvK number, since they need not have an account.

export type BiddingRule =
  | "one_bid_per_segment"
  | "alone_and_in_combination"
  | "two_combinations"
  | "subcontractor_as_main";

export interface Party {
  id: string;
  name: string;
  kvkNumber: string | null;
  /** The members of a combination; absent or empty for a single provider. */
  memberIds?: readonly string[];
}

export interface ActiveBid {
  id: string;
  segmentId: string;
  segmentName?: string;
  bidderId: string;
  subcontractorKvks: readonly string[];
}

export interface Violation {
  rule: BiddingRule;
  /** The organisation the rule is about. */
  organisationId: string;
  message: string;
  /** Identifies the violation across two states, so a change is judged by what it adds. */
  key: string;
}

export function biddingViolations(parties: ReadonlyMap<string, Party>, bids: readonly ActiveBid[]): Violation[] {
  const violations: Violation[] = [];
  const name = (id: string) => parties.get(id)?.name ?? id;

  const bySegment = new Map<string, ActiveBid[]>();
  for (const bid of bids) {
    const key = `${bid.segmentId}|${bid.bidderId}`;
    bySegment.set(key, [...(bySegment.get(key) ?? []), bid]);
  }
  for (const [key, group] of bySegment) {
    if (group.length < 2) continue;
    const first = group[0]!;
    violations.push({
      rule: "one_bid_per_segment",
      organisationId: first.bidderId,
      message: `${name(first.bidderId)} already has a bid for segment ${first.segmentName ?? first.segmentId}; a main contractor makes at most one bid per segment`,
      key: `one_bid_per_segment|${key}`,
    });
  }

  // The forms in which each organisation acts as main contractor: alone, or through combinations.
  const alone = new Set<string>();
  const combinationsOf = new Map<string, Set<string>>();
  for (const bid of bids) {
    const members = parties.get(bid.bidderId)?.memberIds ?? [];
    if (members.length === 0) {
      alone.add(bid.bidderId);
      continue;
    }
    for (const member of members) {
      combinationsOf.set(member, (combinationsOf.get(member) ?? new Set()).add(bid.bidderId));
    }
  }
  for (const [member, combos] of combinationsOf) {
    const list = [...combos].sort();
    if (alone.has(member)) {
      violations.push({
        rule: "alone_and_in_combination",
        organisationId: member,
        message: `${name(member)} bids alone and also as member of ${list.map(name).join(", ")}; a provider bids in one form only`,
        key: `alone_and_in_combination|${member}`,
      });
    }
    if (list.length > 1) {
      violations.push({
        rule: "two_combinations",
        organisationId: member,
        message: `${name(member)} is a member of ${list.length} bidding combinations (${list.map(name).join(", ")}); a provider bids in at most one combination`,
        key: `two_combinations|${member}`,
      });
    }
  }

  const mainByKvk = new Map<string, string>();
  for (const id of [...alone, ...combinationsOf.keys()]) {
    const kvk = parties.get(id)?.kvkNumber;
    if (kvk) mainByKvk.set(kvk, id);
  }
  for (const bid of bids) {
    const kvk = parties.get(bid.bidderId)?.kvkNumber;
    if (kvk) mainByKvk.set(kvk, bid.bidderId);
  }
  const named = new Set<string>();
  for (const bid of bids) for (const kvk of bid.subcontractorKvks) named.add(kvk);
  for (const kvk of [...named].sort()) {
    const main = mainByKvk.get(kvk);
    if (!main) continue;
    violations.push({
      rule: "subcontractor_as_main",
      organisationId: main,
      message: `${name(main)} (KvK ${kvk}) is named as a subcontractor and also bids as main contractor; a subcontractor cannot be a main contractor in the same tender`,
      key: `subcontractor_as_main|${kvk}`,
    });
  }
  return violations;
}

/** The violations the state `after` has that `before` did not: what a proposed change would add. */
export function addedViolations(
  before: { parties: ReadonlyMap<string, Party>; bids: readonly ActiveBid[] },
  after: { parties: ReadonlyMap<string, Party>; bids: readonly ActiveBid[] },
): Violation[] {
  const existing = new Set(biddingViolations(before.parties, before.bids).map((v) => v.key));
  return biddingViolations(after.parties, after.bids).filter((v) => !existing.has(v.key));
}
