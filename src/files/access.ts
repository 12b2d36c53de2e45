// Who may see and change uploaded files. Pure: the rows come in as arguments.
//
// A bid file is sealed like the bid: its owner (the bidder's provider users, or for a combination the
// users of its lead member, the penvoerder) sees it always; after the opening procurement officers
// see it, and assessors for the segments assigned to them; nobody else ever does. A combination's
// covenant (samenwerkingsovereenkomst) is no part of a bid: its members and the region's staff see it.
import { allows, type Role, STAFF_ROLES } from "../platform/policy.ts";

export interface Viewer {
  role: Role;
  organisationId: string | null;
  segmentIds: readonly string[];
}

export interface BidOwnership {
  bidderId: string;
  /** The bidder's lead member when the bidder is a combination. */
  leadMemberId: string | null;
}

export interface BidState extends BidOwnership {
  segmentId: string;
  status: "draft" | "submitted" | "withdrawn";
  closesAt: Date | null;
  openedAt: Date | null;
}

export interface CombinationMembers {
  leadMemberId: string;
  memberIds: readonly string[];
}

/** A refusal of a change, with its stable rule code. */
export interface ChangeRefusal {
  rule: "closed" | "submitted";
  message: string;
}

const isStaff = (role: Role) => (STAFF_ROLES as readonly Role[]).includes(role);

/** The viewer acts for the bidder: a provider user of the bidder, or of the combination's lead member. */
export function ownsBid(viewer: Viewer, bid: BidOwnership): boolean {
  const organisation = viewer.organisationId;
  if (viewer.role !== "provider" || !organisation) return false;
  return bid.bidderId === organisation || bid.leadMemberId === organisation;
}

export function mayReadBidFiles(viewer: Viewer, bid: BidOwnership & { segmentId: string; opened: boolean }): boolean {
  if (ownsBid(viewer, bid)) return true;
  if (!bid.opened || !allows(viewer.role, "bid:read")) return false;
  // Assessors (beoordelaars) only for the segments assigned to them.
  return viewer.role !== "assessor" || viewer.segmentIds.includes(bid.segmentId);
}

/**
 * Files may be added to and removed from a bid being worked on (a draft, or a withdrawn bid being
 * prepared for resubmission) until the closing time (the server's clock decides); never after it or
 * after the opening. A submitted bid changes only by withdrawing it first, as its content does. A
 * tender without a closing time yet is not closed.
 */
export function bidFilesChangeRefusal(bid: BidState, now: Date): ChangeRefusal | null {
  if ((bid.closesAt && now.getTime() >= bid.closesAt.getTime()) || bid.openedAt) {
    const at = bid.closesAt ? ` (${bid.closesAt.toISOString()})` : "";
    return { rule: "closed", message: `the closing time${at} has passed: a bid's files can no longer change` };
  }
  if (bid.status === "submitted") {
    return { rule: "submitted", message: "the bid is submitted: withdraw it first to change its files" };
  }
  return null;
}

export function isCombinationMember(viewer: Viewer, combination: CombinationMembers): boolean {
  const organisation = viewer.organisationId;
  if (viewer.role !== "provider" || !organisation) return false;
  return combination.leadMemberId === organisation || combination.memberIds.includes(organisation);
}

export function leadsCombination(viewer: Viewer, combination: CombinationMembers): boolean {
  return viewer.role === "provider" && viewer.organisationId === combination.leadMemberId;
}

export function mayReadCovenant(viewer: Viewer, combination: CombinationMembers): boolean {
  return isStaff(viewer.role) || isCombinationMember(viewer, combination);
}
