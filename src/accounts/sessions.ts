// Sessions: a random token in an http-only SameSite cookie; the database keeps only its SHA-256.
// A new token at every login (rotation), an absolute expiry, and logout deletes it.
import { createHash, randomBytes } from "node:crypto";
import type { Sql } from "../platform/db.ts";
import type { SessionUser } from "../platform/http.ts";
import type { Role } from "../platform/policy.ts";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(tx: Sql, userId: string, now: Date, minutes: number) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await tx.query("insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)", [
    hashToken(token),
    userId,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
  return { token, expiresAt };
}

export async function deleteSession(tx: Sql, tokenHash: string): Promise<void> {
  await tx.query("delete from sessions where token_hash = $1", [tokenHash]);
}

interface SessionRow {
  token_hash: string;
  id: string;
  region_id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  municipality_id: string | null;
  segment_ids: string[] | null;
}

export async function findSession(db: Sql, token: string, now: Date): Promise<SessionUser | null> {
  if (token.length > 200) return null;
  const rows = await db.query<SessionRow>(
    `select s.token_hash, u.id, u.region_id, u.email, u.name, u.role, u.organisation_id, u.municipality_id,
            array(select us.segment_id::text from user_segments us where us.user_id = u.id order by 1) as segment_ids
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > $2 and not u.disabled`,
    [hashToken(token), now.toISOString()],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    regionId: row.region_id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    municipalityId: row.municipality_id,
    segmentIds: row.segment_ids ?? [],
    sessionTokenHash: row.token_hash,
  };
}
