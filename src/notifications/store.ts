// In-app notifications: one row per recipient organisation (or user), written in the transaction of
// the change they announce, so that every recipient is told at the same moment or none is.
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";

/** The facts a notification was made from, for the UI to word it in the reader's language. */
export type NotificationParams = Record<string, string | number>;

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  params: NotificationParams;
  tenderId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Reader {
  id: string;
  regionId: string;
  organisationId: string | null;
}

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  params: NotificationParams | string | null;
  tender_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  params: typeof r.params === "string" ? JSON.parse(r.params) : (r.params ?? {}),
  tenderId: r.tender_id,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/** What a notification says: its kind, the Dutch title and body, and the facts behind them. */
export interface Message {
  regionId: string;
  tenderId: string | null;
  kind: string;
  title: string;
  body: string;
  params?: NotificationParams;
}

/** Tells every organisation in `organisationIds` the same thing, in one statement with one created_at. */
export async function notifyOrganisations(
  tx: Sql,
  organisationIds: readonly string[],
  message: Message,
  at: Date,
): Promise<number> {
  if (organisationIds.length === 0) return 0;
  const rows = await tx.query<{ id: string }>(
    `insert into notifications (region_id, organisation_id, tender_id, kind, title, body, params, created_at)
     select $1, o.id, $3, $4, $5, $6, $7::jsonb, $8 from unnest($2::uuid[]) as o(id)
     returning id`,
    [
      message.regionId,
      [...new Set(organisationIds)],
      message.tenderId,
      message.kind,
      message.title,
      message.body,
      JSON.stringify(message.params ?? {}),
      at,
    ],
  );
  return rows.length;
}

// A user's notifications: those addressed to the user and, for a provider, to its organisation.
const MINE = `region_id = $1 and (user_id = $2 or ($3::uuid is not null and organisation_id = $3))`;

export async function listNotifications(
  db: Sql,
  reader: Reader,
  limit = 100,
): Promise<{ unread: number; notifications: Notification[] }> {
  const params = [reader.regionId, reader.id, reader.organisationId];
  const rows = await db.query<NotificationRow>(
    `select id, kind, title, body, params, tender_id, created_at, read_at from notifications
      where ${MINE} order by created_at desc, id limit $4`,
    [...params, limit],
  );
  const [count] = await db.query<{ n: number }>(
    `select count(*) as n from notifications where ${MINE} and read_at is null`,
    params,
  );
  return { unread: Number(count?.n ?? 0), notifications: rows.map(toNotification) };
}

/** Marks one of the reader's own notifications read (once; reading it again changes nothing). */
export async function markRead(tx: Sql, reader: Reader, id: string, actor: Actor, now: Date): Promise<Notification> {
  const [row] = await tx.query<NotificationRow>(
    `select id, kind, title, body, params, tender_id, created_at, read_at from notifications
      where ${MINE} and id = $4 for update`,
    [reader.regionId, reader.id, reader.organisationId, id],
  );
  if (!row) throw notFound("notification");
  if (row.read_at) return toNotification(row);
  await tx.query("update notifications set read_at = $2 where id = $1", [id, now]);
  await appendAudit(tx, {
    actor,
    regionId: reader.regionId,
    entity: "notification",
    entityId: id,
    action: "notification.read",
    after: { readAt: now.toISOString() },
    at: now,
  });
  return toNotification({ ...row, read_at: now });
}

/** Tells one user something (an assignment), in the transaction of the change. */
export async function notifyUser(tx: Sql, userId: string, message: Message, at: Date): Promise<void> {
  await tx.query(
    `insert into notifications (region_id, user_id, tender_id, kind, title, body, params, created_at)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [
      message.regionId,
      userId,
      message.tenderId,
      message.kind,
      message.title,
      message.body,
      JSON.stringify(message.params ?? {}),
      at,
    ],
  );
}

/** The e-mail addresses of the provider users of these organisations. */
export async function providerEmails(db: Sql, regionId: string, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db.query<{ email: string }>(
    `select email from users where region_id = $1 and role = 'provider' and not disabled
        and organisation_id = any($2::uuid[]) order by email`,
    [regionId, [...organisationIds]],
  );
  return rows.map((r) => r.email);
}
