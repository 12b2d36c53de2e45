// A world for the access and audit tests: the demo region with every actor logged in, and a
// second region (another tenant) with its own officer, administrator and tender.
import { createUser } from "../../src/accounts/store.ts";
import { DEMO, loginCookie, type TestContext, testContext } from "../../src/platform/testing.ts";
import { createRegion } from "../../src/region/store.ts";
import * as tenders from "../../src/tender/store.ts";

export const ACTORS = [
  "anonymous",
  "administrator",
  "procurement_officer",
  "assessor",
  "contract_manager",
  "municipality_viewer",
  "provider_own",
  "provider_other",
  "other_tenant",
] as const;
export type ActorName = (typeof ACTORS)[number];

export const OTHER = {
  officer: "inkoop@twente.example",
  admin: "beheer@twente.example",
  password: "Twente-wachtwoord-1",
};

export interface World {
  ctx: TestContext;
  cookies: Record<ActorName, string | undefined>;
  tenderId: string;
  other: { regionId: string; tenderId: string; adminCookie: string; userId: string };
  /** Ids in the demo tender, by code. */
  lotId(code: string): string;
  segmentId(code: string): string;
  subsegmentId(code: string): string;
  userId(email: string): Promise<string>;
}

export async function makeWorld(): Promise<World> {
  const ctx = await testContext();
  const now = ctx.clock.now();
  const system = { id: null, label: "test" };
  const regionId = await ctx.db.transaction((tx) =>
    createRegion(
      tx,
      { slug: "twente", name: "Sociaal Domein Twente", municipalities: [{ cbsCode: "GM0153", name: "Enschede" }] },
      system,
      now,
    ),
  );
  const otherUsers = await ctx.db.transaction(async (tx) => {
    await createUser(
      tx,
      regionId,
      { email: OTHER.officer, name: "Inkoop Twente", role: "procurement_officer", password: OTHER.password },
      system,
      now,
    );
    return createUser(
      tx,
      regionId,
      { email: OTHER.admin, name: "Beheer Twente", role: "administrator", password: OTHER.password },
      system,
      now,
    );
  });
  const otherTender = await ctx.db.transaction((tx) =>
    tenders.createTender(
      tx,
      {
        name: "Inkoop Twente 2025",
        reference: null,
        procedure: "restricted",
        regime: "light",
        electronicSubmission: true,
        announced: { participationDays: null, tenderDays: null, standstillDays: null },
        contract: { initialYears: 3, extensions: 2, extensionYears: 2 },
      },
      { actor: system, regionId, now },
    ),
  );
  const app = ctx.app;
  const cookies: World["cookies"] = {
    anonymous: undefined,
    administrator: await loginCookie(app, DEMO.administrator),
    procurement_officer: await loginCookie(app, DEMO.procurement_officer),
    assessor: await loginCookie(app, DEMO.assessor),
    contract_manager: await loginCookie(app, DEMO.contract_manager),
    municipality_viewer: await loginCookie(app, DEMO.municipality_viewer),
    provider_own: await loginCookie(app, DEMO.provider),
    provider_other: await loginCookie(app, DEMO.provider_other),
    other_tenant: await loginCookie(app, OTHER.officer, OTHER.password),
  };
  const demo = ctx.demo!;
  const structure = await tenders.getTender(ctx.db, demo.regionId, demo.tenderId);
  const find = (kind: "lot" | "segment" | "subsegment", code: string): string => {
    for (const lot of structure.lots) {
      if (kind === "lot" && lot.code === code) return lot.id;
      for (const s of lot.segments) {
        if (kind === "segment" && s.code === code) return s.id;
        for (const ss of s.subsegments) if (kind === "subsegment" && ss.code === code) return ss.id;
      }
    }
    throw new Error(`no ${kind} ${code}`);
  };
  return {
    ctx,
    cookies,
    tenderId: demo.tenderId,
    other: {
      regionId,
      tenderId: otherTender,
      adminCookie: await loginCookie(app, OTHER.admin, OTHER.password),
      userId: otherUsers.id,
    },
    lotId: (code) => find("lot", code),
    segmentId: (code) => find("segment", code),
    subsegmentId: (code) => find("subsegment", code),
    async userId(email) {
      const [row] = await ctx.db.query<{ id: string }>("select id from users where email = $1", [email]);
      return row!.id;
    },
  };
}
