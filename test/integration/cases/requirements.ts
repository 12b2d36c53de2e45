// Access-matrix rows for what a tender asks: minimum requirements, selection criteria, publication.
// Changes go to a fresh tender per request where state matters (a free letter, an unpublished tender),
// so that the shared world, and Inkoop 2022 in it, stays as the demo left it.
import * as requirements from "../../../src/requirements/store.ts";
import * as tenders from "../../../src/tender/store.ts";
import { officerOnly, type RouteCase, signedIn, system, unique } from "../expect.ts";
import type { World } from "../world.ts";

/** A tender of the demo region with one lot and one segment, unpublished. */
async function freshTender(w: World) {
  return w.ctx.db.transaction(async (tx) => {
    const change = system(w);
    const tenderId = await tenders.createTender(
      tx,
      {
        name: `Inkoop ${unique()}`,
        reference: null,
        procedure: "restricted",
        regime: "light",
        electronicSubmission: true,
        announced: { participationDays: null, tenderDays: null, standstillDays: null },
        contract: { initialYears: 3, extensions: 2, extensionYears: 2 },
      },
      change,
    );
    const lotId = await tenders.createLot(tx, tenderId, { code: "wmo", name: "Wmo", position: 0 }, change);
    const segmentId = await tenders.createSegment(
      tx,
      tenderId,
      lotId,
      {
        code: "wmo-logeren",
        name: "Wmo Logeren",
        formerName: null,
        financing: "pxq",
        contractStart: null,
        selectMin: null,
        selectMax: null,
        position: 0,
      },
      change,
    );
    return { tenderId, lotId, segmentId };
  });
}

async function freshRequirement(w: World) {
  return w.ctx.db.transaction((tx) =>
    requirements.createRequirement(
      tx,
      w.tenderId,
      {
        code: `T-${unique()}`,
        text: "Tijdelijke eis",
        kind: "yes_no",
        minClients: null,
        level: "lot",
        lotId: w.lotId("wmo"),
        segmentId: null,
        subsegmentId: null,
        appliesToMembers: true,
        appliesToSubcontractors: false,
        position: 99,
      },
      system(w),
    ),
  );
}

async function freshCriterion(w: World) {
  const { tenderId, segmentId } = await freshTender(w);
  const criterionId = await w.ctx.db.transaction((tx) =>
    requirements.createCriterion(
      tx,
      tenderId,
      { segmentId, letter: "A", title: "Regionale samenwerking", text: "", weight: 100 },
      system(w),
    ),
  );
  return { tenderId, criterionId };
}

const inDays = (w: World, days: number) => new Date(w.ctx.clock.now().getTime() + days * 86_400_000).toISOString();

export const REQUIREMENT_CASES: Record<string, RouteCase> = {
  "GET /api/tenders/:tenderId/requirements": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/requirements` }),
    expect: signedIn(200, 404),
  },
  "POST /api/tenders/:tenderId/requirements": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/requirements`,
      payload: { code: `R-${unique()}`, text: "De inschrijver heeft een klachtenregeling.", level: "tender" },
    }),
    expect: officerOnly(201, 404),
    audit: "requirement.create",
  },
  "PATCH /api/tenders/:tenderId/requirements/:requirementId": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/requirements/${await freshRequirement(w)}`,
      payload: { text: "Aangepaste eis", appliesToSubcontractors: true },
    }),
    expect: officerOnly(200, 404),
    audit: "requirement.update",
  },
  "DELETE /api/tenders/:tenderId/requirements/:requirementId": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/requirements/${await freshRequirement(w)}` }),
    expect: officerOnly(200, 404),
    audit: "requirement.delete",
  },
  "POST /api/tenders/:tenderId/criteria": {
    async request(w) {
      const { tenderId, segmentId } = await freshTender(w);
      return {
        url: `/api/tenders/${tenderId}/criteria`,
        payload: { segmentId, letter: "B", title: "Lokale binding", weight: 40 },
      };
    },
    expect: officerOnly(201, 404),
    audit: "criterion.create",
  },
  "PATCH /api/tenders/:tenderId/criteria/:criterionId": {
    async request(w) {
      const { tenderId, criterionId } = await freshCriterion(w);
      return { url: `/api/tenders/${tenderId}/criteria/${criterionId}`, payload: { weight: 60 } };
    },
    expect: officerOnly(200, 404),
    audit: "criterion.update",
  },
  "DELETE /api/tenders/:tenderId/criteria/:criterionId": {
    async request(w) {
      const { tenderId, criterionId } = await freshCriterion(w);
      return { url: `/api/tenders/${tenderId}/criteria/${criterionId}` };
    },
    expect: officerOnly(200, 404),
    audit: "criterion.delete",
  },
  "PUT /api/tenders/:tenderId/bidding-settings": {
    async request(w) {
      const { tenderId } = await freshTender(w);
      return {
        url: `/api/tenders/${tenderId}/bidding-settings`,
        payload: { closesAt: inDays(w, 30), bidValidDays: 120 },
      };
    },
    expect: officerOnly(200, 404),
    audit: "tender.closing_set",
  },
  "POST /api/tenders/:tenderId/publish": {
    async request(w) {
      const { tenderId } = await freshTender(w);
      await w.ctx.db.transaction((tx) =>
        requirements.setBiddingSettings(tx, tenderId, { closesAt: inDays(w, 30), bidValidDays: 90 }, system(w)),
      );
      return { url: `/api/tenders/${tenderId}/publish` };
    },
    expect: officerOnly(200, 404),
    audit: "tender.publish",
  },
};
