// Loads the reference region, its tender with what it asks, an open tender to bid on, and demo users.
// Running it twice changes nothing.
import { createUser } from "../accounts/store.ts";
import * as organisations from "../organisations/store.ts";
import type { Actor } from "../platform/audit.ts";
import { dutchDate } from "../platform/clock.ts";
import { fromDayNumber, toDayNumber } from "../platform/dates.ts";
import type { Database, Sql } from "../platform/db.ts";
import { createRegion, findRegionBySlug, listMunicipalities, listOrganisations } from "../region/store.ts";
import * as requirements from "../requirements/store.ts";
import * as tenders from "../tender/store.ts";
import * as demo from "./achterhoek.ts";

import { loadDialogueDemo } from "./dialogue.ts";
import { loadQaDemo } from "./qa.ts";

const SYSTEM: Actor = { id: null, label: "demo" };

export interface DemoResult {
  loaded: boolean;
  regionId: string;
  tenderId: string;
  /** Inkoop 2027: published and open for bids until six weeks after the demo was first loaded. */
  openTenderId: string;
  usersAdded: number;
}

/** `days` Dutch calendar days after `now`, at `time` on the clock in the Netherlands (CET or CEST). */
export function dutchTimeAfter(now: Date, days: number, time: string): Date {
  const date = fromDayNumber(toDayNumber(dutchDate(now)) + days);
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const at = ["+01:00", "+02:00"]
    .map((offset) => new Date(`${date}T${time}:00${offset}`))
    .find((candidate) => local.format(candidate) === time && dutchDate(candidate) === date);
  if (!at) throw new Error(`${date} ${time} does not exist in Europe/Amsterdam`);
  return at;
}

/** Loads what a tender asks (demo.asks): its minimum requirements, and criteria A–F with a threshold per segment. */
async function loadAsks(tx: Sql, tenderId: string, change: requirements.Change) {
  const structure = await tenders.getTender(tx, change.regionId, tenderId);
  const segments = structure.lots.flatMap((l) => l.segments);
  const idOf = {
    lot: new Map(structure.lots.map((l) => [l.code, l.id])),
    segment: new Map(segments.map((s) => [s.code, s.id])),
    subsegment: new Map(segments.flatMap((s) => s.subsegments.map((ss) => [ss.code, ss.id] as const))),
  };
  const scopeId = (kind: keyof typeof idOf, code: string | undefined) => {
    if (code === undefined) return null;
    const id = idOf[kind].get(code);
    if (!id) throw new Error(`demo requirement names an unknown ${kind} '${code}'`);
    return id;
  };
  await requirements.addAsks(
    tx,
    tenderId,
    {
      requirements: demo.asks.requirements.map((r, position) => ({
        code: r.code,
        text: r.text,
        kind: r.kind,
        minClients: r.minClients ?? null,
        level: r.subsegment ? "subsegment" : r.segment ? "segment" : r.lot ? "lot" : "tender",
        lotId: scopeId("lot", r.lot),
        segmentId: scopeId("segment", r.segment),
        subsegmentId: scopeId("subsegment", r.subsegment),
        appliesToMembers: r.appliesToMembers,
        appliesToSubcontractors: r.appliesToSubcontractors,
        position,
      })),
      criteria: segments.flatMap((s) => demo.asks.criteria.map((c) => ({ segmentId: s.id, ...c }))),
    },
    change,
  );
  for (const s of segments) {
    await tenders.updateSegment(tx, tenderId, s.id, { threshold: demo.asks.threshold }, change);
  }
}

async function asksNothingYet(tx: Sql, tenderId: string): Promise<boolean> {
  const [row] = await tx.query<{ n: number }>(
    `select (select count(*) from requirements where tender_id = $1)
          + (select count(*) from criteria where tender_id = $1) as n`,
    [tenderId],
  );
  return Number(row?.n) === 0;
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
    // A historical tender: its closing time is not in the sources, so it stays unpublished and without one.
    if (await asksNothingYet(tx, tenderId)) {
      loaded = true;
      await loadAsks(tx, tenderId, change);
    }
    let openTenderId = await tenders.findTenderByName(tx, regionId, demo.openTender.name);
    if (!openTenderId) {
      loaded = true;
      openTenderId = await tenders.copyTender(tx, tenderId, demo.openTender.name, change);
      await loadAsks(tx, openTenderId, change);
      await requirements.setBiddingSettings(
        tx,
        openTenderId,
        {
          closesAt: dutchTimeAfter(now, demo.openTender.closesInDays, demo.openTender.closesAtLocalTime).toISOString(),
          bidValidDays: demo.openTender.bidValidDays,
        },
        change,
      );
      await requirements.publishTender(tx, openTenderId, change);
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
    const demoTenders = { regionId, tenderId, openTenderId, now };
    const dialogueAdded = await loadDialogueDemo(tx, demoTenders);
    const qaAdded = await loadQaDemo(tx, demoTenders);
    loaded = loaded || dialogueAdded || qaAdded;
    return { loaded: loaded || usersAdded > 0, regionId, tenderId, openTenderId, usersAdded };
  });
}

export function demoAccounts(): string {
  const width = Math.max(...demo.users.map((u) => u.email.length));
  return [
    `Demo accounts (password: ${demo.DEMO_PASSWORD}):`,
    ...demo.users.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`),
  ].join("\n");
}
