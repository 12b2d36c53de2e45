// Loads the reference region, its tender and demo users. Running it twice changes nothing.
import { createUser } from "../accounts/store.ts";
import * as organisations from "../organisations/store.ts";
import type { Actor } from "../platform/audit.ts";
import type { Database } from "../platform/db.ts";
import { createRegion, findRegionBySlug, listMunicipalities, listOrganisations } from "../region/store.ts";
import * as tenders from "../tender/store.ts";
import * as demo from "./achterhoek.ts";

const SYSTEM: Actor = { id: null, label: "demo" };

export interface DemoResult {
  loaded: boolean;
  regionId: string;
  tenderId: string;
  usersAdded: number;
}

export async function loadDemo(db: Database, now: Date): Promise<DemoResult> {
  return db.transaction(async (tx) => {
    let loaded = false;
    let region = await findRegionBySlug(tx, demo.region.slug);
    if (!region) {
      const id = await createRegion(tx, demo.region, SYSTEM, now);
      region = { id, name: demo.region.name };
      loaded = true;
    }
    const regionId = region.id;
    const change = { actor: SYSTEM, regionId, now };
    for (const { name, ...details } of demo.organisations) {
      const existing = (await listOrganisations(tx, regionId)).find((o) => o.name === name);
      if (!existing) {
        await organisations.insertOrganisation(tx, { name, ...details }, change);
        loaded = true;
        continue;
      }
      // A region loaded before organisations had a legal form gets the demo's details once; later edits stay.
      const current = await organisations.getOrganisation(tx, regionId, existing.id);
      if (current.legalForm === null) {
        const { id: _id, combinations: _combinations, ...before } = current;
        await organisations.saveOrganisation(tx, existing.id, before, { ...before, name, ...details }, change);
        loaded = true;
      }
    }
    let tenderId = await tenders.findTenderByName(tx, regionId, demo.tender.name);
    if (!tenderId) {
      loaded = true;
      tenderId = await tenders.createTender(
        tx,
        {
          name: demo.tender.name,
          reference: null,
          procedure: demo.tender.procedure,
          regime: demo.tender.regime,
          electronicSubmission: true,
          announced: { participationDays: null, tenderDays: null, standstillDays: null },
          contract: { initialYears: 3, extensions: 2, extensionYears: 2 },
        },
        change,
      );
      for (const [lotPosition, lot] of demo.tender.lots.entries()) {
        const lotId = await tenders.createLot(
          tx,
          tenderId,
          { code: lot.code, name: lot.name, position: lotPosition },
          change,
        );
        for (const [position, s] of lot.segments.entries()) {
          const segmentId = await tenders.createSegment(
            tx,
            tenderId,
            lotId,
            {
              code: s.code,
              name: s.name,
              formerName: s.formerName ?? null,
              financing: s.financing,
              contractStart: s.contractStart,
              selectMin: null,
              selectMax: null,
              position,
            },
            change,
          );
          for (const [subPosition, ss] of s.subsegments.entries()) {
            await tenders.createSubsegment(
              tx,
              tenderId,
              segmentId,
              {
                code: ss.code,
                name: ss.name,
                description: ss.description ?? null,
                financing: ss.financing ?? null,
                position: subPosition,
              },
              change,
            );
          }
        }
      }
      await tenders.replaceTimeline(
        tx,
        tenderId,
        { phases: demo.tender.phases.map((p) => ({ ...p, description: null })), milestones: demo.tender.milestones },
        change,
      );
    }
    const municipalities = await listMunicipalities(tx, regionId);
    const organisationIds = await listOrganisations(tx, regionId);
    const structure = await tenders.getTender(tx, regionId, tenderId);
    const segmentIds = new Map(structure.lots.flatMap((l) => l.segments.map((s) => [s.code, s.id] as const)));
    let usersAdded = 0;
    for (const u of demo.users) {
      const exists = await tx.query("select 1 from users where email = $1", [u.email]);
      if (exists.length > 0) continue;
      await createUser(
        tx,
        regionId,
        {
          email: u.email,
          name: u.name,
          role: u.role,
          password: demo.DEMO_PASSWORD,
          organisationId: "organisation" in u ? organisationIds.find((o) => o.name === u.organisation)?.id : null,
          municipalityId: "municipality" in u ? municipalities.find((m) => m.cbsCode === u.municipality)?.id : null,
          segmentIds: "segments" in u ? u.segments.map((code) => segmentIds.get(code)!) : [],
        },
        SYSTEM,
        now,
      );
      usersAdded += 1;
    }
    return { loaded: loaded || usersAdded > 0, regionId, tenderId, usersAdded };
  });
}

export function demoAccounts(): string {
  const width = Math.max(...demo.users.map((u) => u.email.length));
  return [
    `Demo accounts (password: ${demo.DEMO_PASSWORD}):`,
    ...demo.users.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`),
  ].join("\n");
}
