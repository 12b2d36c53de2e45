// Who may do what: the one policy table. Routes name an action; the server checks it against this
// table before the handler runs, and the access-matrix test reads the same table's routes.

export const ROLES = [
  "administrator",
  "procurement_officer",
  "assessor",
  "contract_manager",
  "municipality_viewer",
  "provider",
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r) => r !== "provider");

const everyone = ROLES;
const staff = STAFF_ROLES;

export const POLICY = {
  "region:read": everyone,
  "tender:read": everyone,
  "tender:create": ["procurement_officer"],
  "tender:edit": ["procurement_officer"],
  "timeline:read": everyone,
  "timeline:edit": ["procurement_officer"],
  "user:read": ["administrator"],
  "user:manage": ["administrator"],
  "audit:read": ["administrator", "procurement_officer"],
  "staff:read": staff,
  // Bidding (issue 6). A provider acts for its own organisation and the combinations it leads.
  "organisation:own": ["provider"],
  // A combination is read by its members' provider users and by the region's staff (narrowed per caller).
  "combination:read": everyone,
  "requirements:read": everyone,
  "requirements:edit": ["procurement_officer"],
  "tender:publish": ["procurement_officer"],
  "bid:own": ["provider"],
  // Before the closing time and the opening staff see only who registered and how many bids exist.
  "bid:registrations": staff,
  // After the opening; assessors only for the segments assigned to them.
  "bid:read": ["procurement_officer", "assessor"],
  // One bid's routes serve its owner (bid:own) and, after the opening, the staff of bid:read.
  "bid:view": ["provider", "procurement_officer", "assessor"],
  "bid:closing": ["procurement_officer"],
  "bid:open": ["procurement_officer"],
  "notification:read": everyone,
  // Uploaded files. Who may read one is decided per file (files/access.ts): a bid file by its owner,
  // and after the opening by officers and the segment's assessors; a covenant by the combination's
  // members and the region's staff. Everyone else gets 404, so a sealed file's existence stays hidden.
  "file:read": everyone,
  // Dialogue (issue 5). Providers see the sessions for all providers and for segments of their bids'
  // tenders, register themselves, and read a session's report once it is published.
  "dialogue:read": everyone,
  "dialogue:edit": ["procurement_officer"],
  "dialogue:register": ["provider"],
  "dialogue:attendance": ["procurement_officer"],
  // Questions and answers (Nota van Inlichtingen). Providers read published answers and their own
  // questions; staff read every question of their region's tenders.
  "qa:read": everyone,
  "qa:ask": ["provider"],
  // Every question of the tender with its asker and workflow, and the similar-question search.
  "qa:work": staff,
  // Numbering, categories, links, assignment, private answers, rounds, publication, import.
  "qa:triage": ["procurement_officer"],
  // Content experts draft answers to the questions assigned to them.
  "qa:draft": ["procurement_officer", "assessor", "contract_manager"],
  // A second officer, never the drafter, approves.
  "qa:approve": ["procurement_officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/** Roles whose reads of bids are limited to the segments assigned to the user (user_segments). */
export const SEGMENT_SCOPED_ROLES: readonly Role[] = ["assessor"];

export function allows(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}
