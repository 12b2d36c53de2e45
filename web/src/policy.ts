// What the UI offers a role: read from the server's one policy table, so the two never disagree.
import { allows } from "../../src/platform/policy.ts";
import type { Role } from "./api.ts";

export const can = {
  editTender: (role: Role) => allows(role, "tender:edit"),
  editTimeline: (role: Role) => allows(role, "timeline:edit"),
  manageUsers: (role: Role) => allows(role, "user:manage"),
  ownOrganisation: (role: Role) => allows(role, "organisation:own"),
  readRequirements: (role: Role) => allows(role, "requirements:read"),
  bid: (role: Role) => allows(role, "bid:own"),
  seeRegistrations: (role: Role) => allows(role, "bid:registrations"),
  readBids: (role: Role) => allows(role, "bid:read"),
  extendClosing: (role: Role) => allows(role, "bid:closing"),
  open: (role: Role) => allows(role, "bid:open"),
  readNotifications: (role: Role) => allows(role, "notification:read"),
};
