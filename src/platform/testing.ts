// Test harness: a fresh database per test file — in-memory PGlite, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL — migrated, optionally with the demo data.
import { randomBytes } from "node:crypto";
import { createApp } from "../app.ts";
import { DEMO_PASSWORD } from "../demo/achterhoek.ts";
import { loadDemo } from "../demo/load.ts";
import { type Clock, fixedClock, systemClock } from "./clock.ts";
import { readConfig } from "./config.ts";
import { type Database, openDatabase } from "./db.ts";
import type { App, AppContext } from "./http.ts";
import { migrate } from "./migrate.ts";
import { Vault } from "./vault.ts";

export interface TestContext extends AppContext {
  app: App;
  demo: { regionId: string; tenderId: string } | null;
  close(): Promise<void>;
}

/** A settable clock for tests: `set` moves it, nothing else does. */
export function testClock(iso: string): Clock & { set(iso: string): void } {
  let current = fixedClock(iso, false);
  return { now: () => current.now(), set: (next) => (current = fixedClock(next, false)) };
}

export async function freshDatabase(): Promise<{ db: Database; url?: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDatabase({});
    return { db, drop: () => db.close() };
  }
  const name = `zk_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url });
  await admin.exec(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString() });
  return {
    db,
    url: target.toString(),
    async drop() {
      await db.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export async function testContext(
  options: { demo?: boolean; clock?: Clock; config?: Partial<AppContext["config"]> } = {},
): Promise<TestContext> {
  const { db, drop } = await freshDatabase();
  await migrate(db);
  const clock = options.clock ?? systemClock;
  const demo = options.demo === false ? null : await loadDemo(db, clock.now());
  const config = { ...readConfig({}), sessionMinutes: 60, loginRateLimit: 10_000, ...options.config };
  const ctx: AppContext = { db, clock, config, vault: Vault.ephemeral() };
  const app = await createApp(ctx);
  await app.ready();
  return {
    ...ctx,
    app,
    demo: demo ? { regionId: demo.regionId, tenderId: demo.tenderId } : null,
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** Logs in through the API and returns the session cookie for later requests. */
export async function loginCookie(app: App, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "zk_session");
  if (!cookie) throw new Error("no session cookie");
  return `zk_session=${cookie.value}`;
}

export const DEMO = {
  administrator: "beheer@achterhoek.example",
  procurement_officer: "inkoop@achterhoek.example",
  procurement_officer_2: "inkoop2@achterhoek.example",
  assessor: "beoordelaar@achterhoek.example",
  contract_manager: "contract@achterhoek.example",
  municipality_viewer: "doetinchem@achterhoek.example",
  provider: "aanbieder@zorgpartners.example",
  provider_other: "aanbieder@jeugdhulp-oost.example",
} as const;
