// SQL for organisations: self-registration of a provider, its own record (legal form, KvK, AGB,
// address, contacts) and the region's list for staff. Every change appends its audit entry in the
// same transaction; an organisation of another region is "not found".
import { createUser } from "../accounts/store.ts";
import { type Actor, type AuditAction, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Vault } from "../platform/vault.ts";
import { findRegionBySlug } from "../region/store.ts";
import type { LegalForm } from "./rules.ts";
import type { Organisation, OrganisationChange, OrganisationSummary, Registration } from "./schemas.ts";
import { assertBiddingStillAllowed, lockBidding } from "./who-may-bid.ts";

export interface Change {
  actor: Actor;
  regionId: string;
  now: Date;
}

export interface Contact {
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** An organisation's own record as stored; combinations also have a lead member. */
export interface OrganisationRow {
  id: string;
  region_id: string;
  name: string;
  legal_form: LegalForm | null;
  kvk_number: string | null;
  agb_code: string | null;
  address: string | null;
  contacts: Contact[] | string;
  lead_member_id: string | null;
  covenant_file_id: string | null;
}

export interface OrganisationFields {
  name: string;
  legalForm: LegalForm | null;
  kvkNumber: string | null;
  agbCode?: string | null;
  address?: string | null;
  contacts?: Contact[];
  leadMemberId?: string | null;
}

const contactsOf = (row: OrganisationRow): Contact[] =>
  typeof row.contacts === "string" ? (JSON.parse(row.contacts) as Contact[]) : row.contacts;

export async function findOrganisation(tx: Sql, regionId: string, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.query<OrganisationRow>("select * from organisations where region_id = $1 and id = $2", [
    regionId,
    id,
  ]);
  return row;
}

export async function findByKvk(tx: Sql, regionId: string, kvkNumber: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.query<OrganisationRow>(
    "select * from organisations where region_id = $1 and kvk_number = $2",
    [regionId, kvkNumber],
  );
  return row;
}

/** Refuses (409, naming the field) a KvK number another organisation of the region already has. */
export async function assertKvkFree(
  tx: Sql,
  regionId: string,
  kvkNumber: string | null | undefined,
  field: string,
  self?: string,
): Promise<void> {
  if (!kvkNumber) return;
  const existing = await findByKvk(tx, regionId, kvkNumber);
  if (existing && existing.id !== self) {
    throw new AppError("DUPLICATE", `KvK number ${kvkNumber} is already registered in this region`, {
      errors: [{ field, message: "is already registered in this region" }],
    });
  }
}

/** Inserts an organisation and records it; the caller has checked the KvK number is free. */
export async function insertOrganisation(
  tx: Sql,
  fields: OrganisationFields,
  change: Change,
  action: AuditAction = "organisation.create",
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into organisations (region_id, name, legal_form, kvk_number, agb_code, address, contacts, lead_member_id,
                                created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning id`,
    [
      change.regionId,
      fields.name,
      fields.legalForm,
      fields.kvkNumber,
      fields.agbCode ?? null,
      fields.address ?? null,
      JSON.stringify(fields.contacts ?? []),
      fields.leadMemberId ?? null,
      change.now.toISOString(),
    ],
  );
  const id = row!.id;
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "organisation",
    entityId: id,
    action,
    after: fields,
    at: change.now,
  });
  return id;
}

/**
 * A provider registers itself: a new organisation and its first provider user. The account is
 * created with the registering person's password; no session is opened (they log in next).
 */
export async function register(
  tx: Sql,
  input: Registration,
  now: Date,
): Promise<{ organisationId: string; userId: string }> {
  const region = await findRegionBySlug(tx, input.regionSlug);
  if (!region) {
    throw new AppError("VALIDATION_FAILED", `there is no region '${input.regionSlug}'`, {
      errors: [{ field: "body.regionSlug", message: "is not a known region" }],
    });
  }
  const email = input.user.email.trim().toLowerCase();
  const taken = await tx.query("select 1 from users where email = $1", [email]);
  if (taken.length > 0) {
    throw new AppError("DUPLICATE", `a user with e-mail ${email} already exists`, {
      errors: [{ field: "body.user.email", message: "already has an account; log in instead" }],
    });
  }
  await assertKvkFree(tx, region.id, input.organisation.kvkNumber, "body.organisation.kvkNumber");
  // The account does not exist yet: the registering e-mail address is the actor.
  const change = { actor: { id: null, label: email }, regionId: region.id, now };
  const organisationId = await insertOrganisation(
    tx,
    {
      name: input.organisation.name,
      legalForm: input.organisation.legalForm,
      kvkNumber: input.organisation.kvkNumber,
      agbCode: input.organisation.agbCode ?? null,
    },
    change,
    "organisation.register",
  );
  const user = await createUser(
    tx,
    region.id,
    { email, name: input.user.name, role: "provider", password: input.user.password, organisationId },
    change.actor,
    now,
  );
  return { organisationId, userId: user.id };
}

export async function getOrganisation(db: Sql, regionId: string, id: string): Promise<Organisation> {
  const row = await findOrganisation(db, regionId, id);
  if (!row) throw notFound("organisation");
  const combinations = await db.query<{ id: string; name: string; legal_form: LegalForm | null; is_lead: boolean }>(
    `select o.id, o.name, o.legal_form, o.lead_member_id = $2 as is_lead
       from combination_members m join organisations o on o.id = m.combination_id
      where o.region_id = $1 and m.member_id = $2
      order by o.name, o.id`,
    [regionId, id],
  );
  return {
    id: row.id,
    name: row.name,
    legalForm: row.legal_form,
    kvkNumber: row.kvk_number,
    agbCode: row.agb_code,
    address: row.address,
    contacts: contactsOf(row),
    combinations: combinations.map((c) => ({ id: c.id, name: c.name, legalForm: c.legal_form, isLead: c.is_lead })),
  };
}

export async function updateOrganisation(
  tx: Sql,
  vault: Vault,
  id: string,
  patch: OrganisationChange,
  change: Change,
): Promise<void> {
  const kvkChanges = patch.kvkNumber !== undefined;
  // Before anything is recorded: the tender locks come before the audit chain's lock, as in bidding.
  if (kvkChanges) await lockBidding(tx, change.regionId);
  const before = await getOrganisation(tx, change.regionId, id);
  const { combinations: _combinations, id: _id, ...beforeFields } = before;
  const after: OrganisationDetails = {
    ...beforeFields,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  };
  if (kvkChanges && patch.kvkNumber !== before.kvkNumber) {
    await assertKvkFree(tx, change.regionId, patch.kvkNumber, "body.kvkNumber", id);
    // A subcontractor is known by its KvK number: a new number may make it a main contractor it was named against.
    await assertBiddingStillAllowed(tx, vault, change.now, [id], (participation) => {
      const party = participation.parties.get(id);
      if (party) participation.parties.set(id, { ...party, kvkNumber: patch.kvkNumber ?? null });
      return participation;
    });
  }
  await saveOrganisation(tx, id, beforeFields, after, change);
}

export type OrganisationDetails = Omit<Organisation, "id" | "combinations">;

/** Writes an organisation's details and records the change; the caller has made its checks. */
export async function saveOrganisation(
  tx: Sql,
  id: string,
  before: OrganisationDetails,
  after: OrganisationDetails,
  change: Change,
): Promise<void> {
  await tx.query(
    `update organisations set name = $2, legal_form = $3, kvk_number = $4, agb_code = $5, address = $6, contacts = $7,
            updated_at = $8
      where id = $1`,
    [
      id,
      after.name,
      after.legalForm,
      after.kvkNumber,
      after.agbCode,
      after.address,
      JSON.stringify(after.contacts),
      change.now.toISOString(),
    ],
  );
  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "organisation",
    entityId: id,
    action: "organisation.update",
    before,
    after,
    at: change.now,
  });
}

/** The region's organisations for staff: single providers and combinations alike. */
export async function listOrganisations(db: Sql, regionId: string): Promise<OrganisationSummary[]> {
  const rows = await db.query<OrganisationRow>("select * from organisations where region_id = $1 order by name, id", [
    regionId,
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    legalForm: r.legal_form,
    kvkNumber: r.kvk_number,
    agbCode: r.agb_code,
    isCombination: r.lead_member_id !== null,
  }));
}
