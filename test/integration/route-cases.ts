// The access matrix: for every route the server has, a request and the expected status per actor.
// A route missing here fails the access test; a state-changing route names the audit action it
// must append. Every later feature adds its rows, in cases/<feature>.ts.
import * as tenders from "../../src/tender/store.ts";
import { BIDDING_CASES } from "./cases/bidding.ts";
import { DIALOGUE_CASES } from "./cases/dialogue.ts";
import { FILE_CASES } from "./cases/files.ts";
import { ORGANISATION_CASES } from "./cases/organisations.ts";
import { QA_CASES } from "./cases/qa.ts";
import { QA_FILES_CASES } from "./cases/qa-files.ts";
import { QA_WEB_CASES } from "./cases/qa-web.ts";
import { REQUIREMENT_CASES } from "./cases/requirements.ts";
import { adminOnly, all, officerOnly, type RouteCase, signedIn, staffRead, system, unique } from "./expect.ts";

export type { Expectation, RouteCase } from "./expect.ts";

export const ROUTE_CASES: Record<string, RouteCase> = {
  ...ORGANISATION_CASES,
  ...REQUIREMENT_CASES,
  ...BIDDING_CASES,
  ...FILE_CASES,
  ...DIALOGUE_CASES,
  ...QA_CASES,
  ...QA_FILES_CASES,
  ...QA_WEB_CASES,
  "GET /api/docs": { request: async () => ({ url: "/api/docs" }), expect: all(200) },
  // swagger-ui sends its own index page on to /api/docs.
  "GET /api/docs/static/index.html": {
    request: async () => ({ url: "/api/docs/static/index.html" }),
    expect: all(302),
  },
  "GET /api/docs/static/swagger-initializer.js": {
    request: async () => ({ url: "/api/docs/static/swagger-initializer.js" }),
    expect: all(200),
  },
  "GET /api/docs/json": { request: async () => ({ url: "/api/docs/json" }), expect: all(200) },
  "GET /api/docs/yaml": { request: async () => ({ url: "/api/docs/yaml" }), expect: all(200) },
  "GET /api/docs/static/*": { request: async () => ({ url: "/api/docs/static/swagger-ui.css" }), expect: all(200) },
  "GET /api/openapi.json": { request: async () => ({ url: "/api/openapi.json" }), expect: all(200) },
  "GET /api/health": { request: async () => ({ url: "/api/health" }), expect: all(200) },

  "POST /api/auth/login": {
    request: async () => ({
      url: "/api/auth/login",
      payload: { email: "contract@achterhoek.example", password: "Zorginkoop-demo-2022" },
    }),
    expect: all(200),
    audit: "user.login",
    freshSession: true,
  },
  "POST /api/auth/logout": {
    request: async () => ({ url: "/api/auth/logout" }),
    expect: all(204),
    audit: "user.logout",
    freshSession: true,
  },
  "GET /api/me": { request: async () => ({ url: "/api/me" }), expect: signedIn(200, 200) },

  "GET /api/users": { request: async () => ({ url: "/api/users" }), expect: adminOnly(200) },
  "POST /api/users": {
    request: async () => ({
      url: "/api/users",
      payload: { email: `nieuw-${unique()}@achterhoek.example`, name: "Nieuwe collega", role: "contract_manager" },
    }),
    expect: adminOnly(201),
    audit: "user.create",
  },
  "PATCH /api/users/:userId": {
    request: async (w) => ({
      url: `/api/users/${await w.userId("contract@achterhoek.example")}`,
      payload: { name: "Contractmanager" },
    }),
    expect: adminOnly(200),
    audit: "user.update",
  },

  "GET /api/region": { request: async () => ({ url: "/api/region" }), expect: signedIn(200, 200) },
  "GET /api/organisations": { request: async () => ({ url: "/api/organisations" }), expect: staffRead },

  "GET /api/tenders": { request: async () => ({ url: "/api/tenders" }), expect: signedIn(200, 200) },
  "POST /api/tenders": {
    request: async () => ({ url: "/api/tenders", payload: { name: `Inkoop ${unique()}` } }),
    expect: officerOnly(201, 201),
    audit: "tender.create",
  },
  "GET /api/tenders/:tenderId": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}` }),
    expect: signedIn(200, 404),
  },
  "PATCH /api/tenders/:tenderId": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}`, payload: { reference: "SDA-2022" } }),
    expect: officerOnly(200, 404),
    audit: "tender.update",
  },
  "POST /api/tenders/:tenderId/copy": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/copy`, payload: { name: `Inkoop 2029 ${unique()}` } }),
    expect: officerOnly(201, 404),
    audit: "tender.copy",
  },
  "POST /api/tenders/:tenderId/lots": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/lots`,
      payload: { code: `lot-${unique()}`, name: "Huishoudelijke hulp" },
    }),
    expect: officerOnly(201, 404),
    audit: "lot.create",
  },
  "PATCH /api/tenders/:tenderId/lots/:lotId": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/lots/${w.lotId("jeugd")}`, payload: { name: "Jeugd" } }),
    expect: officerOnly(200, 404),
    audit: "lot.update",
  },
  "DELETE /api/tenders/:tenderId/lots/:lotId": {
    async request(w) {
      const id = await w.ctx.db.transaction((tx) =>
        tenders.createLot(tx, w.tenderId, { code: `weg-${unique()}`, name: "Weg", position: 9 }, system(w)),
      );
      return { url: `/api/tenders/${w.tenderId}/lots/${id}` };
    },
    expect: officerOnly(200, 404),
    audit: "lot.delete",
  },
  "POST /api/tenders/:tenderId/lots/:lotId/segments": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/lots/${w.lotId("wmo")}/segments`,
      payload: {
        code: `seg-${unique()}`,
        name: "Hulp bij het Huishouden",
        financing: "lumpsum",
        contractStart: "2022-01-01",
      },
    }),
    expect: officerOnly(201, 404),
    audit: "segment.create",
  },
  "PATCH /api/tenders/:tenderId/segments/:segmentId": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/segments/${w.segmentId("jeugd-iaj")}`,
      payload: { selectMin: 10, selectMax: 14 },
    }),
    expect: officerOnly(200, 404),
    audit: "segment.update",
  },
  "DELETE /api/tenders/:tenderId/segments/:segmentId": {
    async request(w) {
      const id = await w.ctx.db.transaction((tx) =>
        tenders.createSegment(
          tx,
          w.tenderId,
          w.lotId("wmo"),
          {
            code: `weg-${unique()}`,
            name: "Weg",
            formerName: null,
            financing: "pxq",
            contractStart: null,
            selectMin: null,
            selectMax: null,
            position: 9,
          },
          system(w),
        ),
      );
      return { url: `/api/tenders/${w.tenderId}/segments/${id}` };
    },
    expect: officerOnly(200, 404),
    audit: "segment.delete",
  },
  "POST /api/tenders/:tenderId/segments/:segmentId/subsegments": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/segments/${w.segmentId("wmo-logeren")}/subsegments`,
      payload: { code: `sub-${unique()}`, name: "Logeren met begeleiding" },
    }),
    expect: officerOnly(201, 404),
    audit: "subsegment.create",
  },
  "PATCH /api/tenders/:tenderId/subsegments/:subsegmentId": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/subsegments/${w.subsegmentId("iaj-behandeling")}`,
      payload: { description: "Jeugdhulp gericht op herstel" },
    }),
    expect: officerOnly(200, 404),
    audit: "subsegment.update",
  },
  "DELETE /api/tenders/:tenderId/subsegments/:subsegmentId": {
    async request(w) {
      const id = await w.ctx.db.transaction((tx) =>
        tenders.createSubsegment(
          tx,
          w.tenderId,
          w.segmentId("wmo-logeren"),
          { code: `weg-${unique()}`, name: "Weg", description: null, financing: null, position: 9 },
          system(w),
        ),
      );
      return { url: `/api/tenders/${w.tenderId}/subsegments/${id}` };
    },
    expect: officerOnly(200, 404),
    audit: "subsegment.delete",
  },
  "GET /api/tenders/:tenderId/timeline": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/timeline` }),
    expect: signedIn(200, 404),
  },
  "PUT /api/tenders/:tenderId/timeline": {
    async request(w) {
      const timeline = await tenders.getTimeline(w.ctx.db, w.ctx.demo!.regionId, w.tenderId);
      return { url: `/api/tenders/${w.tenderId}/timeline`, payload: timeline };
    },
    expect: officerOnly(200, 404),
    audit: "timeline.replace",
  },
  "GET /api/audit": {
    request: async () => ({ url: "/api/audit" }),
    expect: all(403, { anonymous: 401, administrator: 200, procurement_officer: 200, other_tenant: 200 }),
  },
};
