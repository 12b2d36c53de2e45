// Logging in: argon2id verification, a lock-out after repeated failures, and a fresh session.
import { appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { dummyHash, verifyPassword } from "./password.ts";
import { createSession, deleteSession } from "./sessions.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

interface LoginRow {
  id: string;
  region_id: string;
  email: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
}

export interface LoginResult {
  userId: string;
  regionId: string;
  token: string;
  expiresAt: Date;
}

/**
 * Checks the credentials and opens a session. Failures are recorded (and may lock the account)
 * even though the answer is an error, so they are committed before the error is thrown.
 */
export async function login(
  db: Sql,
  input: { email: string; password: string; previousTokenHash: string | null },
  now: Date,
  sessionMinutes: number,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const refusal = await db.transaction(async (tx): Promise<AppError | LoginResult> => {
    const [user] = await tx.query<LoginRow>(
      "select id, region_id, email, password_hash, failed_logins, locked_until, disabled from users where email = $1 for update",
      [email],
    );
    if (!user || user.disabled) {
      await verifyPassword(await dummyHash(), input.password);
      return new AppError("INVALID_CREDENTIALS");
    }
    const actor = { id: user.id, label: user.email };
    if (user.locked_until && new Date(user.locked_until) > now) {
      const seconds = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 1000);
      return new AppError("ACCOUNT_LOCKED", `try again in ${Math.ceil(seconds / 60)} minutes`, {
        headers: { "retry-after": String(seconds) },
      });
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const failed = user.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      await tx.query("update users set failed_logins = $2, locked_until = $3 where id = $1", [
        user.id,
        lock ? 0 : failed,
        lockedUntil?.toISOString() ?? null,
      ]);
      await appendAudit(tx, {
        actor,
        regionId: user.region_id,
        entity: "user",
        entityId: user.id,
        at: now,
        action: lock ? "user.locked" : "user.login_failed",
        after: { failedLogins: failed, lockedUntil: lockedUntil?.toISOString() ?? null },
      });
      return lock
        ? new AppError("ACCOUNT_LOCKED", `too many failed logins; try again in ${LOCK_MINUTES} minutes`, {
            headers: { "retry-after": String(LOCK_MINUTES * 60) },
          })
        : new AppError("INVALID_CREDENTIALS");
    }
    if (input.previousTokenHash) await deleteSession(tx, input.previousTokenHash);
    await tx.query("update users set failed_logins = 0, locked_until = null where id = $1", [user.id]);
    await tx.query("delete from sessions where user_id = $1 and expires_at <= $2", [user.id, now.toISOString()]);
    const session = await createSession(tx, user.id, now, sessionMinutes);
    await appendAudit(tx, {
      actor,
      regionId: user.region_id,
      entity: "user",
      entityId: user.id,
      action: "user.login",
      at: now,
    });
    return { userId: user.id, regionId: user.region_id, ...session };
  });
  if (refusal instanceof AppError) throw refusal;
  return refusal;
}
