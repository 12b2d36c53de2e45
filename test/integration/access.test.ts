// The access harness: every route the server registers is tried by every actor and compared with
// the explicit table in route-cases.ts. A route missing from the table fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routesOf } from "../../src/platform/http.ts";
import { DEMO, loginCookie } from "../../src/platform/testing.ts";
import { ROUTE_CASES } from "./route-cases.ts";
import { ACTORS, type ActorName, makeWorld, OTHER, type World } from "./world.ts";

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});
afterAll(async () => world?.ctx.close());

const LOGIN: Record<ActorName, [string, string?] | null> = {
  anonymous: null,
  administrator: [DEMO.administrator],
  procurement_officer: [DEMO.procurement_officer],
  assessor: [DEMO.assessor],
  contract_manager: [DEMO.contract_manager],
  municipality_viewer: [DEMO.municipality_viewer],
  provider_own: [DEMO.provider],
  provider_other: [DEMO.provider_other],
  other_tenant: [OTHER.officer, OTHER.password],
};

function key(route: { method: string; url: string }) {
  return `${route.method} ${route.url}`;
}

describe("access matrix", () => {
  it("has a row for every route the server registers, and no row for a route it lacks", () => {
    const served = routesOf(world.ctx.app)
      .filter((r) => r.url.startsWith("/api"))
      .map(key)
      .sort();
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((k) => !(k in ROUTE_CASES))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((k) => !served.includes(k))).toEqual([]);
  });

  it("every /api route outside the docs names a policy action", () => {
    const unnamed = routesOf(world.ctx.app).filter(
      (r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && !r.action,
    );
    expect(unnamed).toEqual([]);
  });

  for (const [route, rule] of Object.entries(ROUTE_CASES)) {
    it(`${route} answers each actor as the table says`, async () => {
      const [method] = route.split(" ") as [string];
      const actual: Partial<Record<ActorName, number>> = {};
      for (const actor of ACTORS) {
        const login = LOGIN[actor];
        const cookie = rule.freshSession
          ? login && (await loginCookie(world.ctx.app, login[0], login[1]))
          : world.cookies[actor];
        const { url, payload, headers } = await rule.request(world);
        const response = await world.ctx.app.inject({
          method: method as "GET",
          url,
          ...(payload !== undefined ? { payload: payload as object } : {}),
          headers: { ...headers, ...(cookie ? { cookie } : {}) },
        });
        actual[actor] = response.statusCode;
        if (response.statusCode >= 400) {
          expect(response.headers["content-type"], `${route} as ${actor}`).toContain("application/problem+json");
        }
      }
      expect(actual).toEqual(rule.expect);
    });
  }
});

describe("tenants never see each other", () => {
  it("lists only the own region's tenders", async () => {
    const response = await world.ctx.app.inject({
      url: "/api/tenders",
      headers: { cookie: world.cookies.other_tenant! },
    });
    const names = response.json<{ name: string }[]>().map((t) => t.name);
    expect(names).toContain("Inkoop Twente 2025");
    expect(names).not.toContain("Inkoop 2022");
  });

  it("answers a foreign user's id with 404 even to an administrator", async () => {
    const response = await world.ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${world.other.userId}`,
      payload: { name: "Overgenomen" },
      headers: { cookie: world.cookies.administrator! },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers the other region's tender with 404 to this region's officer", async () => {
    const response = await world.ctx.app.inject({
      url: `/api/tenders/${world.other.tenderId}`,
      headers: { cookie: world.cookies.procurement_officer! },
    });
    expect(response.statusCode).toBe(404);
  });

  it("shows an administrator only the own region's users and audit entries", async () => {
    const users = await world.ctx.app.inject({ url: "/api/users", headers: { cookie: world.other.adminCookie } });
    expect(
      users
        .json<{ email: string }[]>()
        .map((u) => u.email)
        .sort(),
    ).toEqual([OTHER.admin, OTHER.officer].sort());
    const audit = await world.ctx.app.inject({ url: "/api/audit", headers: { cookie: world.other.adminCookie } });
    const entities = audit.json<{ entries: { entityId: string | null }[] }>().entries.map((e) => e.entityId);
    expect(entities).not.toContain(world.tenderId);
  });
});
