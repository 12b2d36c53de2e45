// The closing time and what comes after it: the staff's view before the opening (registrations and
// counts only), extensions of the closing time (with every registered provider told at the same
// moment), and the opening by two different procurement officers.

import { notifyOrganisations } from "../notifications/store.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { actorOf, assertBiddingOpen, type Caller, iso, lockTender, tenderState } from "./store.ts";
import { isClosed } from "./window.ts";

interface Officer {
  id: string;
  name: string;
}

export interface OpeningState {
  closesAt: string | null;
  serverTime: string;
  /** The closing time has passed: the opening may start. */
  closed: boolean;
  openedAt: string | null;
  firstOfficer: Officer | null;
  firstConfirmedAt: string | null;
  secondOfficer: Officer | null;
  secondConfirmedAt: string | null;
}

export interface Extension {
  closesAt: string;
  previousClosesAt: string;
  reason: string;
  extendedAt: string;
}

export async function openingState(db: Sql, regionId: string, tenderId: string, now: Date): Promise<OpeningState> {
  const tender = await tenderState(db, regionId, tenderId);
  const [row] = await db.query<{
    first_id: string;
    first_name: string;
    first_at: Date;
    second_id: string | null;
    second_name: string | null;
    second_at: Date | null;
  }>(
    `select o.first_officer as first_id, f.name as first_name, o.first_at,
            o.second_officer as second_id, s.name as second_name, o.second_at
       from openings o join users f on f.id = o.first_officer left join users s on s.id = o.second_officer
      where o.tender_id = $1`,
    [tenderId],
  );
  return {
    closesAt: iso(tender.closesAt),
    serverTime: now.toISOString(),
    closed: isClosed(tender, now),
    openedAt: iso(tender.openedAt),
    firstOfficer: row ? { id: row.first_id, name: row.first_name } : null,
    firstConfirmedAt: row ? iso(row.first_at) : null,
    secondOfficer: row?.second_id ? { id: row.second_id, name: row.second_name! } : null,
    secondConfirmedAt: row ? iso(row.second_at) : null,
  };
}

export async function extensions(db: Sql, tenderId: string): Promise<Extension[]> {
  const rows = await db.query<{ closes_at: Date; previous_closes_at: Date; reason: string; extended_at: Date }>(
    `select closes_at, previous_closes_at, reason, extended_at from closing_extensions
      where tender_id = $1 order by extended_at, closes_at`,
    [tenderId],
  );
  return rows.map((r) => ({
    closesAt: iso(r.closes_at)!,
    previousClosesAt: iso(r.previous_closes_at)!,
    reason: r.reason,
    extendedAt: iso(r.extended_at)!,
  }));
}

/**
 * What staff may know of a tender's bids before the opening: who registered and when, how many bids
 * exist and how many are submitted, the extensions and the opening. Nothing of any bid's content.
 */
export async function registrationsOverview(db: Sql, regionId: string, tenderId: string, now: Date) {
  const opening = await openingState(db, regionId, tenderId, now);
  const registrations = await db.query<{ organisationId: string; name: string; registered_at: Date }>(
    `select r.organisation_id as "organisationId", o.name, r.registered_at
       from registrations r join organisations o on o.id = r.organisation_id
      where r.tender_id = $1 order by r.registered_at, o.name`,
    [tenderId],
  );
  const [counts] = await db.query<{ bids: number; submitted: number }>(
    `select count(*) filter (where status <> 'withdrawn') as bids,
            count(*) filter (where status = 'submitted') as submitted
       from bids where tender_id = $1`,
    [tenderId],
  );
  return {
    closesAt: opening.closesAt,
    openedAt: opening.openedAt,
    registrations: registrations.map((r) => ({
      organisationId: r.organisationId,
      name: r.name,
      registeredAt: iso(r.registered_at)!,
    })),
    bidCount: Number(counts?.bids ?? 0),
    submittedCount: Number(counts?.submitted ?? 0),
    extensions: await extensions(db, tenderId),
    opening,
  };
}

const dutchTime = (at: Date) =>
  new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" }).format(at);

/**
 * Extends the closing time before it has passed (after an outage, say). The new time, the record of
 * the extension with its reason, and one notification per registered organisation are written in one
 * transaction, so every provider is told at the same moment.
 */
export async function extendClosingTime(
  tx: Sql,
  caller: Caller,
  tenderId: string,
  input: { closesAt: Date; reason: string },
  now: Date,
): Promise<Extension & { notified: number }> {
  await tenderState(tx, caller.regionId, tenderId);
  await lockTender(tx, tenderId);
  const tender = await tenderState(tx, caller.regionId, tenderId);
  assertBiddingOpen(tender, now);
  const previous = tender.closesAt!;
  if (input.closesAt.getTime() <= previous.getTime()) {
    const message = `must be later than the current closing time ${previous.toISOString()}`;
    throw new AppError("VALIDATION_FAILED", `body.closesAt: ${message}`, {
      errors: [{ field: "body.closesAt", message }],
    });
  }
  await tx.query("update tenders set closes_at = $2 where id = $1", [tenderId, input.closesAt]);
  await tx.query(
    `insert into closing_extensions (tender_id, previous_closes_at, closes_at, reason, extended_by, extended_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [tenderId, previous, input.closesAt, input.reason, caller.id, now],
  );
  const registered = await tx.query<{ organisation_id: string }>(
    "select organisation_id from registrations where tender_id = $1",
    [tenderId],
  );
  const notified = await notifyOrganisations(
    tx,
    registered.map((r) => r.organisation_id),
    {
      regionId: caller.regionId,
      tenderId,
      kind: "closing_extended",
      title: `Sluitingstijd verlengd: ${tender.name}`,
      body: `De sluitingstijd van ${tender.name} is verlengd van ${dutchTime(previous)} naar ${dutchTime(input.closesAt)}. Reden: ${input.reason}`,
      params: {
        tender: tender.name,
        from: previous.toISOString(),
        to: input.closesAt.toISOString(),
        reason: input.reason,
      },
    },
    now,
  );
  await appendAudit(tx, {
    actor: actorOf(caller),
    regionId: caller.regionId,
    entity: "tender",
    entityId: tenderId,
    action: "tender.closing_extend",
    before: { closesAt: previous.toISOString() },
    after: { closesAt: input.closesAt.toISOString(), reason: input.reason, notified },
    at: now,
  });
  return {
    closesAt: input.closesAt.toISOString(),
    previousClosesAt: previous.toISOString(),
    reason: input.reason,
    extendedAt: now.toISOString(),
    notified,
  };
}

/**
 * One procurement officer's confirmation of the opening, after the closing time. The first records
 * the officer; the same officer again is refused (four eyes); a different officer completes it and
 * the bids are opened.
 */
export async function confirmOpening(tx: Sql, caller: Caller, tenderId: string, now: Date): Promise<void> {
  await tenderState(tx, caller.regionId, tenderId);
  await lockTender(tx, tenderId);
  const tender = await tenderState(tx, caller.regionId, tenderId);
  if (!isClosed(tender, now)) {
    const when = tender.closesAt
      ? `until the closing time ${tender.closesAt.toISOString()}`
      : "while no closing time is set";
    throw new AppError("CONFLICT", `the bids cannot be opened ${when}`, { rule: "not_closed" });
  }
  if (tender.openedAt) {
    throw new AppError("CONFLICT", `the bids were opened at ${tender.openedAt.toISOString()}`, {
      rule: "already_opened",
    });
  }
  const [opening] = await tx.query<{ first_officer: string }>(
    "select first_officer from openings where tender_id = $1 for update",
    [tenderId],
  );
  const audit = { actor: actorOf(caller), regionId: caller.regionId, entity: "tender", entityId: tenderId, at: now };
  if (!opening) {
    await tx.query("insert into openings (tender_id, first_officer, first_at) values ($1, $2, $3)", [
      tenderId,
      caller.id,
      now,
    ]);
    await appendAudit(tx, { ...audit, action: "opening.confirm", after: { officer: caller.id } });
    return;
  }
  if (opening.first_officer === caller.id) {
    throw new AppError(
      "CONFLICT",
      "you confirmed the opening already; a second, different procurement officer completes it",
      {
        rule: "four_eyes",
      },
    );
  }
  await tx.query("update openings set second_officer = $2, second_at = $3 where tender_id = $1", [
    tenderId,
    caller.id,
    now,
  ]);
  await tx.query("update tenders set opened_at = $2 where id = $1", [tenderId, now]);
  await appendAudit(tx, {
    ...audit,
    action: "opening.complete",
    after: { firstOfficer: opening.first_officer, secondOfficer: caller.id, openedAt: now.toISOString() },
  });
}
