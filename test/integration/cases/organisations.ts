// Access-matrix rows for organisations and combinations.
import { randomInt } from "node:crypto";
import * as combinations from "../../../src/organisations/combinations.ts";
import { all, type RouteCase, system, unique } from "../expect.ts";
import type { World } from "../world.ts";

/** A fresh KvK number (8 digits, never 00000000). */
const kvk = () => String(randomInt(10_000_000, 100_000_000));

const providers = (ok: number): RouteCase["expect"] =>
  all(403, { anonymous: 401, provider_own: ok, provider_other: ok });

/** Only the lead member's users change a combination; another provider does not find it. */
const leadOnly = (ok: number): RouteCase["expect"] =>
  all(403, { anonymous: 401, provider_own: ok, provider_other: 404 });

async function zorgpartners(w: World): Promise<string> {
  const [row] = await w.ctx.db.query<{ id: string }>(
    "select id from organisations where region_id = $1 and name = 'Zorgpartners Achterhoek'",
    [w.ctx.demo!.regionId],
  );
  return row!.id;
}

/** A fresh combination led by provider_own's organisation, Zorgpartners Achterhoek. */
async function combination(w: World): Promise<string> {
  const lead = await zorgpartners(w);
  return w.ctx.db.transaction((tx) =>
    combinations.createCombination(tx, lead, { name: `Coöperatie ${unique()}`, legalForm: "cooperatie" }, system(w)),
  );
}

/** A fresh combination with a second member besides the lead. */
async function combinationWithMember(w: World): Promise<{ id: string; memberId: string }> {
  const id = await combination(w);
  const memberId = await w.ctx.db.transaction((tx) =>
    combinations.addMember(
      tx,
      w.ctx.vault,
      id,
      { kvkNumber: kvk(), name: `Lid ${unique()}`, qualifications: "", responsibilities: "" },
      system(w),
    ),
  );
  return { id, memberId };
}

export const ORGANISATION_CASES: Record<string, RouteCase> = {
  "POST /api/register": {
    request: async () => ({
      url: "/api/register",
      payload: {
        regionSlug: "achterhoek",
        organisation: { name: `Thuiszorg ${unique()}`, legalForm: "bv", kvkNumber: kvk() },
        user: {
          name: "Nieuwe aanbieder",
          email: `aanmelding-${unique()}@thuiszorg.example`,
          password: "Lang-genoeg-12",
        },
      },
    }),
    expect: all(201),
    audit: "organisation.register",
  },
  "GET /api/organisations/mine": {
    request: async () => ({ url: "/api/organisations/mine" }),
    expect: providers(200),
  },
  "PATCH /api/organisations/mine": {
    request: async () => ({ url: "/api/organisations/mine", payload: { address: `Postbus ${randomInt(1, 9999)}` } }),
    expect: providers(200),
    audit: "organisation.update",
  },
  "POST /api/combinations": {
    request: async () => ({
      url: "/api/combinations",
      payload: { name: `Consortium ${unique()}`, legalForm: "consortium" },
    }),
    expect: providers(201),
    audit: "combination.create",
  },
  "GET /api/combinations/:combinationId": {
    request: async (w) => ({ url: `/api/combinations/${await combination(w)}` }),
    // The region's staff read it; a provider that is no member and another tenant do not find it.
    expect: all(200, { anonymous: 401, provider_other: 404, other_tenant: 404 }),
  },
  "PATCH /api/combinations/:combinationId": {
    request: async (w) => ({
      url: `/api/combinations/${await combination(w)}`,
      payload: { legalForm: "cooperatie_io" },
    }),
    expect: leadOnly(200),
    audit: "combination.update",
  },
  "POST /api/combinations/:combinationId/members": {
    request: async (w) => ({
      url: `/api/combinations/${await combination(w)}/members`,
      payload: {
        kvkNumber: kvk(),
        name: `Lid ${unique()}`,
        qualifications: "Jeugdhulp",
        responsibilities: "Gezinshuizen",
      },
    }),
    expect: leadOnly(201),
    audit: "combination.member_add",
  },
  "PATCH /api/combinations/:combinationId/members/:organisationId": {
    async request(w) {
      const { id, memberId } = await combinationWithMember(w);
      return { url: `/api/combinations/${id}/members/${memberId}`, payload: { responsibilities: "Pleegzorg" } };
    },
    expect: leadOnly(200),
    audit: "combination.member_update",
  },
  "DELETE /api/combinations/:combinationId/members/:organisationId": {
    async request(w) {
      const { id, memberId } = await combinationWithMember(w);
      return { url: `/api/combinations/${id}/members/${memberId}` };
    },
    expect: leadOnly(200),
    audit: "combination.member_remove",
  },
};
