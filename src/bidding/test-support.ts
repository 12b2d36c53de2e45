// Test set-up for bids, straight in the database: a tender open for bids, organisations with their KvK
// number, requirements, criteria and bid files. (The routes that do these belong to other modules.)
import { createHash, randomUUID } from "node:crypto";
import type { Sql } from "../platform/db.ts";
import { seal, sealStream, type Vault } from "../platform/vault.ts";
import * as tenders from "../tender/store.ts";
import type { BidContent } from "./content.ts";

/**
 * Removes what the tender asks (the demo's requirements and criteria are many), so that a test states
 * the requirements and criteria it is about.
 */
export async function clearAsks(db: Sql, tenderId: string) {
  await db.query("delete from requirements where tender_id = $1", [tenderId]);
  await db.query("delete from criteria where tender_id = $1", [tenderId]);
}

/** Publishes the tender (if it was not) and sets its closing time. */
export async function openForBids(db: Sql, tenderId: string, times: { publishedAt: string; closesAt: string }) {
  await db.query("update tenders set published_at = $2, closes_at = $3, opened_at = null where id = $1", [
    tenderId,
    times.publishedAt,
    times.closesAt,
  ]);
}

/** Gives an organisation of the region a KvK number and legal form; returns its id. */
export async function identify(
  db: Sql,
  regionId: string,
  name: string,
  kvkNumber: string,
  legalForm = "stichting",
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `update organisations set kvk_number = coalesce(kvk_number, $3), legal_form = coalesce(legal_form, $4)
      where region_id = $1 and name = $2 returning id`,
    [regionId, name, kvkNumber, legalForm],
  );
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

/** A combination led by `leadId` with the given members (the lead is the first member). */
export async function combination(
  db: Sql,
  regionId: string,
  input: { name: string; leadId: string; memberIds: string[]; kvkNumber?: string; legalForm?: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into organisations (region_id, name, legal_form, kvk_number, lead_member_id)
     values ($1, $2, $3, $4, $5) returning id`,
    [regionId, input.name, input.legalForm ?? "cooperatie", input.kvkNumber ?? null, input.leadId],
  );
  for (const [position, memberId] of [input.leadId, ...input.memberIds].entries()) {
    await db.query("insert into combination_members (combination_id, member_id, position) values ($1, $2, $3)", [
      row!.id,
      memberId,
      position,
    ]);
  }
  return row!.id;
}

export async function addRequirement(
  db: Sql,
  tenderId: string,
  input: {
    code: string;
    kind?: "yes_no" | "reference";
    minClients?: number;
    lotId?: string;
    segmentId?: string;
    subsegmentId?: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into requirements (tender_id, code, text, kind, min_clients, lot_id, segment_id, subsegment_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      tenderId,
      input.code,
      `Eis ${input.code}`,
      input.kind ?? "yes_no",
      input.minClients ?? null,
      input.lotId ?? null,
      input.segmentId ?? null,
      input.subsegmentId ?? null,
    ],
  );
  return row!.id;
}

export async function addCriterion(
  db: Sql,
  tenderId: string,
  segmentId: string,
  letter: string,
  weight: number,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into criteria (tender_id, segment_id, letter, title, weight) values ($1, $2, $3, $4, $5) returning id`,
    [tenderId, segmentId, letter, `Criterium ${letter}`, weight],
  );
  return row!.id;
}

/** A file of a bid, sealed the way the files module stores uploads. */
export async function addBidFile(
  db: Sql,
  vault: Vault,
  bid: { id: string; tenderId: string; organisationId: string; regionId: string },
  name: string,
  bytes: Buffer,
  now: Date,
): Promise<{ id: string; sha256: string }> {
  const id = randomUUID();
  const key = await vault.tenderKey(db, bid.tenderId, now);
  const sealer = sealStream(key, `file:${id}`);
  sealer.update(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.query(
    `insert into files (id, region_id, tender_id, organisation_id, purpose, bid_id, meta, media_type, size_bytes,
                        sha256, content, uploaded_at)
     values ($1, $2, $3, $4, 'bid', $5, $6, 'application/pdf', $7, $8, $9, $10)`,
    [
      id,
      bid.regionId,
      bid.tenderId,
      bid.organisationId,
      bid.id,
      seal(key, Buffer.from(JSON.stringify({ name })), `file-meta:${id}`),
      bytes.length,
      sha256,
      sealer.final(),
      now,
    ],
  );
  return { id, sha256 };
}

/** A tender of its own with one lot and one segment without subsegments, requirements or criteria. */
export async function smallTender(
  db: Sql,
  regionId: string,
  name: string,
  now: Date,
): Promise<{ tenderId: string; segmentId: string; municipalityId: string }> {
  const change = { actor: { id: null, label: "test" }, regionId, now };
  return db.transaction(async (tx) => {
    const tenderId = await tenders.createTender(
      tx,
      {
        name,
        reference: null,
        procedure: "restricted",
        regime: "light",
        electronicSubmission: true,
        announced: { participationDays: null, tenderDays: null, standstillDays: null },
        contract: { initialYears: 3, extensions: 2, extensionYears: 2 },
      },
      change,
    );
    const lotId = await tenders.createLot(tx, tenderId, { code: "jeugd", name: "Jeugd", position: 0 }, change);
    const segmentId = await tenders.createSegment(
      tx,
      tenderId,
      lotId,
      {
        code: "dyslexie",
        name: "Dyslexiezorg",
        formerName: null,
        financing: "population_budget",
        contractStart: "2021-08-01",
        selectMin: null,
        selectMax: null,
        position: 0,
      },
      change,
    );
    const [m] = await tx.query<{ municipality_id: string }>(
      "select municipality_id from tender_municipalities where tender_id = $1 limit 1",
      [tenderId],
    );
    return { tenderId, segmentId, municipalityId: m!.municipality_id };
  });
}

/** Content that is complete for a bid on a segment of `smallTender`. */
export const smallContent = (municipalityId: string, dossierText = "Dyslexiezorg dicht bij huis"): BidContent => ({
  subsegmentIds: [],
  municipalityIds: [municipalityId],
  specialisms: ["dyslexie"],
  requirementAnswers: [],
  dossier: [],
  references: [{ client: "Gemeente Aalten", description: dossierText, clientsServed: 12, period: "2020" }],
  subcontractors: [],
});
