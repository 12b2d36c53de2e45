// Every state-changing route appends an audit entry in the same transaction as the change, and a
// refused request appends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/platform/audit.ts";
import { routesOf } from "../../src/platform/http.ts";
import { ROUTE_CASES } from "./route-cases.ts";
import { ACTORS, makeWorld, type World } from "./world.ts";

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});
afterAll(async () => world?.ctx.close());

async function lastSeq(): Promise<number> {
  const [row] = await world.ctx.db.query<{ seq: number | null }>("select max(seq) as seq from audit_log");
  return Number(row?.seq ?? 0);
}

const changing = () =>
  routesOf(world.ctx.app)
    .filter((r) => r.url.startsWith("/api") && r.method !== "GET")
    .map((r) => `${r.method} ${r.url}`);

describe("the audit chain records every change of state", () => {
  it("names an audit action for every state-changing route", () => {
    const routes = changing();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((k) => !ROUTE_CASES[k]?.audit && !ROUTE_CASES[k]?.changesNothing)).toEqual([]);
  });

  for (const [route, rule] of Object.entries(ROUTE_CASES).filter(([, r]) => r.changesNothing)) {
    it(`${route} changes nothing and appends nothing`, async () => {
      const actor = ACTORS.find((a) => a !== "anonymous" && rule.expect[a] < 300)!;
      const [method] = route.split(" ") as [string];
      const { url, payload, headers } = await rule.request(world);
      const before = await lastSeq();
      const response = await world.ctx.app.inject({
        method: method as "POST",
        url,
        headers: { ...headers, cookie: world.cookies[actor]! },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, response.body).toBe(rule.expect[actor]);
      expect(await lastSeq()).toBe(before);
    });
  }

  for (const [route, rule] of Object.entries(ROUTE_CASES).filter(([, r]) => r.audit)) {
    it(`${route} appends '${rule.audit}'`, async () => {
      const actor = ACTORS.find((a) => a !== "anonymous" && rule.expect[a] < 300)!;
      const [method] = route.split(" ") as [string];
      const before = await lastSeq();
      const cookie = rule.freshSession
        ? (
            await world.ctx.app.inject({
              method: "POST",
              url: "/api/auth/login",
              payload: { email: "inkoop@achterhoek.example", password: "Zorginkoop-demo-2022" },
            })
          ).cookies
            .map((c) => `${c.name}=${c.value}`)
            .join("; ")
        : world.cookies[actor]!;
      const { url, payload, headers } = await rule.request(world);
      const afterSetup = await lastSeq();
      const response = await world.ctx.app.inject({
        method: method as "POST",
        url,
        headers: { ...headers, cookie },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, response.body).toBe(rule.expect[actor]);
      const entries = await world.ctx.db.query<{ action: string; actor: string }>(
        "select action, actor from audit_log where seq > $1 order by seq",
        [Math.max(before, afterSetup)],
      );
      expect(entries.map((e) => e.action)).toContain(rule.audit);
      expect(entries.every((e) => e.actor !== "system")).toBe(true);
    });

    it(`${route} refused appends nothing`, async () => {
      const refused = ACTORS.find((a) => a !== "anonymous" && rule.expect[a] >= 400);
      if (!refused) return; // a public route (login, logout) is refused to nobody
      const [method] = route.split(" ") as [string];
      const { url, payload, headers } = await rule.request(world);
      const before = await lastSeq();
      const response = await world.ctx.app.inject({
        method: method as "POST",
        url,
        headers: { ...headers, cookie: world.cookies[refused]! },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(await lastSeq()).toBe(before);
    });
  }

  it("leaves a chain that verifies", async () => {
    expect(await verifyChain(world.ctx.db)).toMatchObject({ ok: true });
  });
});
