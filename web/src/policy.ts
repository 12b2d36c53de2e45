// What the UI offers a role: read from the server's one policy table, so the two never disagree.
import { allows } from "../../src/platform/policy.ts";
import type { Role } from "./api.ts";

export const can = {
  editTender: (role: Role) => allows(role, "tender:edit"),
  editTimeline: (role: Role) => allows(role, "timeline:edit"),
  manageUsers: (role: Role) => allows(role, "user:manage"),
};
