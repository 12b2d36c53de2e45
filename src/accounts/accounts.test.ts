import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login.ts";

const clock = testClock("2026-11-23T09:00:00Z");
let t: TestContext;
beforeAll(async () => {
  t = await testContext({ clock });
});
afterAll(async () => t?.close());

const login = (email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
const me = (cookie?: string) => t.app.inject({ url: "/api/me", headers: cookie ? { cookie } : {} });

describe("logging in", () => {
  it("sets an http-only SameSite session cookie and knows the user and region", async () => {
    const response = await login(DEMO.procurement_officer, "Zorginkoop-demo-2022");
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "zk_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 60 * 60 });
    expect(cookie.expires).toBeUndefined(); // the server's clock may be pinned in the past (ZORGINKOOP_NOW)
    const body = response.json();
    expect(body.user).toMatchObject({ email: DEMO.procurement_officer, role: "procurement_officer" });
    expect(body.region.municipalities).toHaveLength(8);
    expect((await me(`zk_session=${cookie.value}`)).statusCode).toBe(200);
  });

  it("accepts the e-mail address in any case", async () => {
    expect((await login(DEMO.procurement_officer.toUpperCase(), "Zorginkoop-demo-2022")).statusCode).toBe(200);
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    const wrong = await login(DEMO.contract_manager, "not-the-password");
    const unknown = await login("niemand@achterhoek.example", "not-the-password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe("INVALID_CREDENTIALS");
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it("never stores the password or the session token in clear", async () => {
    const cookie = await loginCookie(t.app, DEMO.assessor);
    const token = cookie.split("=")[1]!;
    const sessions = await t.db.query<{ token_hash: string }>("select token_hash from sessions");
    expect(sessions.some((s) => s.token_hash === token)).toBe(false);
    const [user] = await t.db.query<{ password_hash: string }>("select password_hash from users where email = $1", [
      DEMO.assessor,
    ]);
    expect(user!.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("rotates the session at login: the old cookie stops working", async () => {
    const first = await loginCookie(t.app, DEMO.municipality_viewer);
    const second = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: DEMO.municipality_viewer, password: "Zorginkoop-demo-2022" },
      headers: { cookie: first },
    });
    const next = `zk_session=${second.cookies.find((c) => c.name === "zk_session")!.value}`;
    expect(next).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(next)).statusCode).toBe(200);
  });

  it("ends the session at logout", async () => {
    const cookie = await loginCookie(t.app, DEMO.provider);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("lets a session expire", async () => {
    const cookie = await loginCookie(t.app, DEMO.provider_other);
    expect((await me(cookie)).statusCode).toBe(200);
    clock.set("2026-11-23T10:01:00Z"); // the test context's sessions last 60 minutes
    expect((await me(cookie)).statusCode).toBe(401);
    clock.set("2026-11-23T09:00:00Z");
  });
});

describe("lock-out after repeated failures", () => {
  it(`locks the account after ${MAX_FAILED_LOGINS} failures, even for the right password, for ${LOCK_MINUTES} minutes`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++)
      expect((await login(DEMO.procurement_officer_2, "wrong-password")).statusCode).toBe(401);
    const locking = await login(DEMO.procurement_officer_2, "wrong-password");
    expect(locking.statusCode).toBe(423);
    expect(locking.headers["retry-after"]).toBe(String(LOCK_MINUTES * 60));
    expect((await login(DEMO.procurement_officer_2, "Zorginkoop-demo-2022")).json().code).toBe("ACCOUNT_LOCKED");
    const audit = await t.db.query<{ action: string }>("select action from audit_log where actor = $1 order by seq", [
      DEMO.procurement_officer_2,
    ]);
    expect(audit.map((a) => a.action)).toContain("user.locked");
    clock.set("2026-11-23T09:16:00Z");
    expect((await login(DEMO.procurement_officer_2, "Zorginkoop-demo-2022")).statusCode).toBe(200);
    clock.set("2026-11-23T09:00:00Z");
  });

  it("lets an administrator unlock an account", async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login(DEMO.contract_manager, "wrong-password");
    expect((await login(DEMO.contract_manager, "Zorginkoop-demo-2022")).statusCode).toBe(423);
    const admin = await loginCookie(t.app, DEMO.administrator);
    const [user] = await t.db.query<{ id: string }>("select id from users where email = $1", [DEMO.contract_manager]);
    const unlock = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user!.id}`,
      payload: { unlock: true },
      headers: { cookie: admin },
    });
    expect(unlock.json()).toMatchObject({ lockedUntil: null });
    expect((await login(DEMO.contract_manager, "Zorginkoop-demo-2022")).statusCode).toBe(200);
  });
});

describe("rate limit", () => {
  it("answers 429 problem+json past the login limit per minute", async () => {
    const limited = await testContext({ demo: false, config: { loginRateLimit: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: "a@b.example", password: "x" },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("user management", () => {
  it("adds a provider user tied to an organisation of the region, with a one-time generated password", async () => {
    const admin = await loginCookie(t.app, DEMO.administrator);
    const orgs = await t.app.inject({ url: "/api/organisations", headers: { cookie: admin } });
    const org = orgs.json<{ id: string; name: string }[]>()[0]!;
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "Nieuw@Zorgpartners.example",
        name: "Nieuwe aanbieder",
        role: "provider",
        organisationId: org.id,
      },
      headers: { cookie: admin },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ email: "nieuw@zorgpartners.example", organisationId: org.id });
    expect(body.initialPassword.length).toBeGreaterThanOrEqual(12);
    expect((await login("nieuw@zorgpartners.example", body.initialPassword)).statusCode).toBe(200);
  });

  it("refuses a provider without organisation, naming the field, and stores nothing", async () => {
    const admin = await loginCookie(t.app, DEMO.administrator);
    const [before] = await t.db.query<{ n: number }>("select count(*) as n from users");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      payload: { email: "los@example.example", name: "Los", role: "provider" },
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: "body.organisationId", message: "is required for role provider" },
    ]);
    const [after] = await t.db.query<{ n: number }>("select count(*) as n from users");
    expect(after!.n).toBe(before!.n);
  });

  it("refuses a duplicate e-mail address with 409", async () => {
    const admin = await loginCookie(t.app, DEMO.administrator);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      payload: { email: DEMO.assessor, name: "Dubbel", role: "assessor" },
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("DUPLICATE");
  });

  it("disabling a user ends their sessions", async () => {
    const admin = await loginCookie(t.app, DEMO.administrator);
    const victim = await loginCookie(t.app, DEMO.municipality_viewer);
    const [user] = await t.db.query<{ id: string }>("select id from users where email = $1", [
      DEMO.municipality_viewer,
    ]);
    await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user!.id}`,
      payload: { disabled: true },
      headers: { cookie: admin },
    });
    expect((await me(victim)).statusCode).toBe(401);
    expect((await login(DEMO.municipality_viewer, "Zorginkoop-demo-2022")).statusCode).toBe(401);
  });
});
