// SQL for users: typed rows in, domain objects out.
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Role } from "../platform/policy.ts";
import { hashPassword } from "./password.ts";

export interface User {
  id: string;
  regionId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  municipalityId: string | null;
  segmentIds: string[];
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

interface UserRow {
  id: string;
  region_id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  municipality_id: string | null;
  segment_ids: string[] | null;
  disabled: boolean;
  locked_until: Date | null;
  created_at: Date;
}

const SELECT_USER = `select u.id, u.region_id, u.email, u.name, u.role, u.organisation_id, u.municipality_id, u.disabled,
       u.locked_until, u.created_at,
       array(select us.segment_id::text from user_segments us where us.user_id = u.id order by 1) as segment_ids
  from users u`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    regionId: row.region_id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    municipalityId: row.municipality_id,
    segmentIds: row.segment_ids ?? [],
    disabled: row.disabled,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listUsers(db: Sql, regionId: string): Promise<User[]> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where u.region_id = $1 order by u.role, u.email`, [regionId]);
  return rows.map(toUser);
}

export async function getUser(db: Sql, regionId: string, id: string): Promise<User> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where u.region_id = $1 and u.id = $2`, [regionId, id]);
  const row = rows[0];
  if (!row) throw notFound("user");
  return toUser(row);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  organisationId?: string | null | undefined;
  municipalityId?: string | null | undefined;
  segmentIds?: string[] | undefined;
}

/** Checks that the role's links exist in the same region; a foreign id is "not found". */
async function checkLinks(tx: Sql, regionId: string, role: Role, input: Partial<NewUser>): Promise<void> {
  if (role === "provider") {
    if (!input.organisationId)
      throw new AppError("VALIDATION_FAILED", "a provider user needs organisationId", {
        errors: [{ field: "body.organisationId", message: "is required for role provider" }],
      });
    const org = await tx.query("select 1 from organisations where region_id = $1 and id = $2", [
      regionId,
      input.organisationId,
    ]);
    if (org.length === 0) throw notFound("organisation");
  } else if (input.organisationId) {
    throw new AppError("VALIDATION_FAILED", "only a provider user acts for an organisation", {
      errors: [{ field: "body.organisationId", message: "only for role provider" }],
    });
  }
  if (role === "municipality_viewer") {
    if (!input.municipalityId)
      throw new AppError("VALIDATION_FAILED", "a municipality viewer needs municipalityId", {
        errors: [{ field: "body.municipalityId", message: "is required for role municipality_viewer" }],
      });
    const m = await tx.query("select 1 from municipalities where region_id = $1 and id = $2", [
      regionId,
      input.municipalityId,
    ]);
    if (m.length === 0) throw notFound("municipality");
  } else if (input.municipalityId) {
    throw new AppError("VALIDATION_FAILED", "only a municipality viewer belongs to a municipality", {
      errors: [{ field: "body.municipalityId", message: "only for role municipality_viewer" }],
    });
  }
  if (input.segmentIds && input.segmentIds.length > 0) {
    if (role !== "assessor")
      throw new AppError("VALIDATION_FAILED", "only assessors are assigned segments", {
        errors: [{ field: "body.segmentIds", message: "only for role assessor" }],
      });
    const found = await tx.query<{ id: string }>(
      "select s.id from segments s join tenders t on t.id = s.tender_id where t.region_id = $1 and s.id = any($2::uuid[])",
      [regionId, input.segmentIds],
    );
    if (found.length !== new Set(input.segmentIds).size) throw notFound("segment");
  }
}

async function setSegments(tx: Sql, userId: string, segmentIds: string[]): Promise<void> {
  await tx.query("delete from user_segments where user_id = $1", [userId]);
  for (const segmentId of new Set(segmentIds)) {
    await tx.query("insert into user_segments (user_id, segment_id) values ($1, $2)", [userId, segmentId]);
  }
}

export async function createUser(tx: Sql, regionId: string, input: NewUser, actor: Actor, now: Date): Promise<User> {
  const email = input.email.trim().toLowerCase();
  await checkLinks(tx, regionId, input.role, input);
  const existing = await tx.query("select 1 from users where email = $1", [email]);
  if (existing.length > 0) throw new AppError("DUPLICATE", `a user with e-mail ${email} already exists`);
  const passwordHash = await hashPassword(input.password);
  const [row] = await tx.query<{ id: string }>(
    `insert into users (region_id, email, name, role, organisation_id, municipality_id, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      regionId,
      email,
      input.name.trim(),
      input.role,
      input.organisationId ?? null,
      input.municipalityId ?? null,
      passwordHash,
    ],
  );
  const id = row!.id;
  await setSegments(tx, id, input.segmentIds ?? []);
  const user = await getUser(tx, regionId, id);
  await appendAudit(tx, { actor, regionId, entity: "user", entityId: id, action: "user.create", after: user, at: now });
  return user;
}

export interface UserChange {
  name?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | null | undefined;
  municipalityId?: string | null | undefined;
  segmentIds?: string[] | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
  unlock?: boolean | undefined;
}

export async function updateUser(
  tx: Sql,
  regionId: string,
  id: string,
  change: UserChange,
  actor: Actor,
  now: Date,
): Promise<User> {
  const before = await getUser(tx, regionId, id);
  const role = change.role ?? before.role;
  const merged = {
    organisationId:
      change.organisationId !== undefined ? change.organisationId : role === before.role ? before.organisationId : null,
    municipalityId:
      change.municipalityId !== undefined ? change.municipalityId : role === before.role ? before.municipalityId : null,
    segmentIds: change.segmentIds ?? (role === "assessor" ? before.segmentIds : []),
  };
  await checkLinks(tx, regionId, role, merged);
  if (actor.id === id && (change.disabled === true || (change.role && change.role !== before.role))) {
    throw new AppError("CONFLICT", "you cannot disable yourself or change your own role");
  }
  const passwordHash = change.password ? await hashPassword(change.password) : null;
  await tx.query(
    `update users set name = $3, role = $4, organisation_id = $5, municipality_id = $6, disabled = $7,
            password_hash = coalesce($8, password_hash),
            locked_until = case when $9 then null else locked_until end,
            failed_logins = case when $9 then 0 else failed_logins end
      where region_id = $1 and id = $2`,
    [
      regionId,
      id,
      change.name?.trim() ?? before.name,
      role,
      merged.organisationId,
      merged.municipalityId,
      change.disabled ?? before.disabled,
      passwordHash,
      change.unlock === true || passwordHash !== null,
    ],
  );
  await setSegments(tx, id, merged.segmentIds);
  if (change.disabled === true || passwordHash !== null)
    await tx.query("delete from sessions where user_id = $1", [id]);
  const after = await getUser(tx, regionId, id);
  await appendAudit(tx, {
    actor,
    regionId,
    entity: "user",
    entityId: id,
    action: "user.update",
    before,
    at: now,
    after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
  });
  return after;
}
