// Browser-test support: build the UI when its sources changed, start the app on a fresh database
// with the demo data, and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/demo/achterhoek.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { DEMO, type TestContext, testContext } from "../../src/platform/testing.ts";

export { DEMO };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const INDEX = path.join(ROOT, "dist/web/index.html");
const LOCK = path.join(ROOT, ".tmp/e2e-build.lock");
export const SCREENSHOTS = path.join(ROOT, ".tmp/screenshots");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(INDEX).mtimeMs;
    return built >= Math.max(newestSource(path.join(ROOT, "web")), statSync(path.join(ROOT, "vite.config.ts")).mtimeMs);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds dist/web once when it is missing or older than web/; test files running in parallel wait for each other. */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker builds; a lock older than two minutes is left over from a crash.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!isFresh()) execFileSync("npx", ["vite", "build", "--logLevel", "error"], { cwd: ROOT, stdio: "inherit" });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

/** Debian's Chromium; the tests fail (not skip) without it, because CI installs it. */
export function chromiumPath(): string {
  let found = "";
  try {
    found = execSync("command -v chromium || command -v chromium-browser", {
      shell: "/bin/sh",
      encoding: "utf8",
    }).trim();
  } catch {
    found = "";
  }
  if (!found) {
    throw new Error(
      "Chromium is not installed. The browser tests use Debian's Chromium and never download one: " +
        "run `apt-get update && apt-get install -y --no-install-recommends chromium`.",
    );
  }
  return found;
}

export interface E2E {
  ctx: TestContext;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with one page. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app (optionally on a test clock the test moves) and a browser. */
export async function startE2E(options: { clock?: Clock; config?: Partial<TestContext["config"]> } = {}): Promise<E2E> {
  const executablePath = chromiumPath();
  await ensureBuilt();
  // The server registers dist/web when it is built, so the build must come first.
  const ctx = await testContext({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    ctx,
    baseUrl: address,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: address,
        locale: "nl-NL",
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      // The browser is gone: drop its connections rather than wait for any the server still holds.
      ctx.app.server.closeAllConnections();
      await ctx.close();
    },
  };
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.locator("main h1").waitFor();
}

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe with the WCAG 2.1 A and AA rules and returns the violations, readable in a failure message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws fixed and sticky parts out of place.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
