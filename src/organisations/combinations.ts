// SQL for combinations (coöperatie, coöperatie i.o., consortium): an organisation led by one member,
// its penvoerder, whose provider users act for it, with its members' qualifications and
// responsibilities and a draft covenant. Who may see and change one is decided here, per caller.

import { covenantOf } from "../files/store.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http.ts";
import type { Vault } from "../platform/vault.ts";
import type { LegalForm } from "./rules.ts";
import type { Combination, CombinationChange, NewMember } from "./schemas.ts";
import { assertKvkFree, type Change, findByKvk, insertOrganisation } from "./store.ts";
import { assertBiddingStillAllowed, lockBidding } from "./who-may-bid.ts";

interface CombinationRow {
  id: string;
  name: string;
  legal_form: LegalForm;
  kvk_number: string | null;
  lead_member_id: string;
  covenant_file_id: string | null;
}

interface MemberRow {
  organisation_id: string;
  name: string;
  kvk_number: string | null;
  qualifications: string;
  responsibilities: string;
}

async function combinationRow(db: Sql, regionId: string, id: string): Promise<CombinationRow> {
  const [row] = await db.query<CombinationRow>(
    `select id, name, legal_form, kvk_number, lead_member_id, covenant_file_id
       from organisations where region_id = $1 and id = $2 and lead_member_id is not null`,
    [regionId, id],
  );
  if (!row) throw notFound("combination");
  return row;
}

async function membersOf(db: Sql, id: string): Promise<MemberRow[]> {
  return db.query<MemberRow>(
    `select m.member_id as organisation_id, o.name, o.kvk_number, m.qualifications, m.responsibilities
       from combination_members m join organisations o on o.id = m.member_id
      where m.combination_id = $1
      order by m.position, o.name, o.id`,
    [id],
  );
}

export async function getCombination(
  db: Sql,
  vault: Vault,
  regionId: string,
  id: string,
  now: Date,
): Promise<Combination> {
  const row = await combinationRow(db, regionId, id);
  const members = await membersOf(db, id);
  return {
    id: row.id,
    name: row.name,
    legalForm: row.legal_form,
    kvkNumber: row.kvk_number,
    leadMemberId: row.lead_member_id,
    members: members.map((m) => ({
      organisationId: m.organisation_id,
      name: m.name,
      kvkNumber: m.kvk_number,
      qualifications: m.qualifications,
      responsibilities: m.responsibilities,
    })),
    covenant: await covenantSummary(db, vault, id, now),
  };
}

/** The covenant as the combination shows it (the files module reads the sealed name). */
async function covenantSummary(db: Sql, vault: Vault, id: string, now: Date): Promise<Combination["covenant"]> {
  const file = await covenantOf(db, vault, id, now);
  if (!file) return null;
  const { id: fileId, ...rest } = file;
  return { fileId, ...rest };
}

/**
 * The combination as this user may reach it. Staff of the region read every combination; a provider
 * user only those its organisation is a member of (others are "not found", as another region's are),
 * and only the lead member's users may change one.
 */
export async function reachCombination(
  db: Sql,
  user: SessionUser,
  id: string,
  purpose: "read" | "change",
): Promise<void> {
  const row = await combinationRow(db, user.regionId, id);
  if (user.role !== "provider") {
    if (purpose === "read") return;
    throw new AppError("FORBIDDEN");
  }
  const member = await db.query("select 1 from combination_members where combination_id = $1 and member_id = $2", [
    id,
    user.organisationId,
  ]);
  if (member.length === 0) throw notFound("combination");
  if (purpose === "change" && row.lead_member_id !== user.organisationId) {
    throw new AppError("FORBIDDEN", "only the lead member (penvoerder) of the combination may change it", {
      rule: "lead_member_only",
    });
  }
}

export async function createCombination(
  tx: Sql,
  leadId: string,
  input: { name: string; legalForm: LegalForm; kvkNumber?: string | null | undefined },
  change: Change,
): Promise<string> {
  const [lead] = await tx.query<{ lead_member_id: string | null }>(
    "select lead_member_id from organisations where region_id = $1 and id = $2",
    [change.regionId, leadId],
  );
  if (!lead) throw notFound("organisation");
  if (lead.lead_member_id) throw new AppError("CONFLICT", "a combination cannot lead another combination");
  await assertKvkFree(tx, change.regionId, input.kvkNumber, "body.kvkNumber");
  const fields = {
    name: input.name,
    legalForm: input.legalForm,
    kvkNumber: input.kvkNumber ?? null,
    leadMemberId: leadId,
  };
  const [row] = await tx.query<{ id: string }>(
    `insert into organisations (region_id, name, legal_form, kvk_number, lead_member_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6) returning id`,
    [change.regionId, fields.name, fields.legalForm, fields.kvkNumber, leadId, change.now.toISOString()],
  );
  const id = row!.id;
  await tx.query("insert into combination_members (combination_id, member_id, position) values ($1, $2, 0)", [
    id,
    leadId,
  ]);
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "combination",
    entityId: id,
    action: "combination.create",
    after: fields,
    at: change.now,
  });
  return id;
}

export async function updateCombination(
  tx: Sql,
  vault: Vault,
  id: string,
  patch: CombinationChange,
  change: Change,
): Promise<void> {
  if (patch.kvkNumber !== undefined) await lockBidding(tx, change.regionId);
  const before = await combinationRow(tx, change.regionId, id);
  const after = {
    name: patch.name ?? before.name,
    legalForm: patch.legalForm ?? before.legal_form,
    kvkNumber: patch.kvkNumber !== undefined ? patch.kvkNumber : before.kvk_number,
    leadMemberId: patch.leadMemberId ?? before.lead_member_id,
  };
  if (after.leadMemberId !== before.lead_member_id) {
    const member = await tx.query("select 1 from combination_members where combination_id = $1 and member_id = $2", [
      id,
      after.leadMemberId,
    ]);
    if (member.length === 0) {
      throw new AppError("VALIDATION_FAILED", "the lead member (penvoerder) must be a member of the combination", {
        errors: [{ field: "body.leadMemberId", message: "is not a member of this combination" }],
      });
    }
  }
  if (after.kvkNumber !== before.kvk_number) {
    await assertKvkFree(tx, change.regionId, after.kvkNumber, "body.kvkNumber", id);
    await assertBiddingStillAllowed(tx, vault, change.now, [id], (participation) => {
      const party = participation.parties.get(id);
      if (party) participation.parties.set(id, { ...party, kvkNumber: after.kvkNumber });
      return participation;
    });
  }
  await tx.query(
    "update organisations set name = $2, legal_form = $3, kvk_number = $4, lead_member_id = $5, updated_at = $6 where id = $1",
    [id, after.name, after.legalForm, after.kvkNumber, after.leadMemberId, change.now.toISOString()],
  );
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "combination",
    entityId: id,
    action: "combination.update",
    before: {
      name: before.name,
      legalForm: before.legal_form,
      kvkNumber: before.kvk_number,
      leadMemberId: before.lead_member_id,
    },
    after,
    at: change.now,
  });
}

/**
 * Adds a member by KvK number: the region's organisation with that number, or a new one without
 * users. In every tender where the combination already bids, the bigger combination must still pass
 * the who-may-bid rules (a member that also bids alone, or in another combination, is refused).
 */
export async function addMember(tx: Sql, vault: Vault, id: string, input: NewMember, change: Change): Promise<string> {
  await lockBidding(tx, change.regionId);
  await combinationRow(tx, change.regionId, id);
  const existing = await findByKvk(tx, change.regionId, input.kvkNumber);
  if (existing?.lead_member_id || existing?.id === id) {
    throw new AppError(
      "CONFLICT",
      `KvK number ${input.kvkNumber} belongs to a combination; members are single providers`,
      {
        errors: [{ field: "body.kvkNumber", message: "belongs to a combination" }],
      },
    );
  }
  if (existing) {
    const member = await tx.query("select 1 from combination_members where combination_id = $1 and member_id = $2", [
      id,
      existing.id,
    ]);
    if (member.length > 0) {
      throw new AppError("DUPLICATE", `${existing.name} is already a member of this combination`, {
        errors: [{ field: "body.kvkNumber", message: "is already a member" }],
      });
    }
  }
  const memberId =
    existing?.id ??
    (await insertOrganisation(tx, { name: input.name, legalForm: null, kvkNumber: input.kvkNumber }, change));
  await assertBiddingStillAllowed(tx, vault, change.now, [id], (participation) => {
    const combination = participation.parties.get(id)!;
    participation.parties.set(id, { ...combination, memberIds: [...(combination.memberIds ?? []), memberId] });
    if (!participation.parties.has(memberId)) {
      participation.parties.set(memberId, {
        id: memberId,
        name: existing?.name ?? input.name,
        kvkNumber: input.kvkNumber,
      });
    }
    return participation;
  });
  await tx.query(
    `insert into combination_members (combination_id, member_id, qualifications, responsibilities, position)
     values ($1, $2, $3, $4, (select coalesce(max(position), 0) + 1 from combination_members where combination_id = $1))`,
    [id, memberId, input.qualifications, input.responsibilities],
  );
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "combination",
    entityId: id,
    action: "combination.member_add",
    after: {
      organisationId: memberId,
      kvkNumber: input.kvkNumber,
      qualifications: input.qualifications,
      responsibilities: input.responsibilities,
    },
    at: change.now,
  });
  return memberId;
}

async function memberRow(tx: Sql, id: string, memberId: string) {
  const [row] = await tx.query<{ qualifications: string; responsibilities: string }>(
    "select qualifications, responsibilities from combination_members where combination_id = $1 and member_id = $2",
    [id, memberId],
  );
  if (!row) throw notFound("member");
  return row;
}

export async function updateMember(
  tx: Sql,
  id: string,
  memberId: string,
  patch: { qualifications?: string | undefined; responsibilities?: string | undefined },
  change: Change,
): Promise<void> {
  await combinationRow(tx, change.regionId, id);
  const before = await memberRow(tx, id, memberId);
  const after = {
    qualifications: patch.qualifications ?? before.qualifications,
    responsibilities: patch.responsibilities ?? before.responsibilities,
  };
  await tx.query(
    "update combination_members set qualifications = $3, responsibilities = $4 where combination_id = $1 and member_id = $2",
    [id, memberId, after.qualifications, after.responsibilities],
  );
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "combination",
    entityId: id,
    action: "combination.member_update",
    before: { organisationId: memberId, ...before },
    after: { organisationId: memberId, ...after },
    at: change.now,
  });
}

/** Removes a member; the lead member (penvoerder) stays, since its users act for the combination. */
export async function removeMember(tx: Sql, id: string, memberId: string, change: Change): Promise<void> {
  const row = await combinationRow(tx, change.regionId, id);
  const before = await memberRow(tx, id, memberId);
  if (row.lead_member_id === memberId) {
    throw new AppError("CONFLICT", "the lead member (penvoerder) cannot be removed; make another member lead first", {
      rule: "lead_member_required",
    });
  }
  await tx.query("delete from combination_members where combination_id = $1 and member_id = $2", [id, memberId]);
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "combination",
    entityId: id,
    action: "combination.member_remove",
    before: { organisationId: memberId, ...before },
    at: change.now,
  });
}
