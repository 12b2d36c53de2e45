import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3457";
const [who, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })).newPage();
await page.goto("/login");
await page.getByLabel("E-mailadres").fill(who!);
await page.getByLabel("Wachtwoord").fill("Zorginkoop-demo-2022");
await page.getByRole("button", { name: "Inloggen" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const [i, p] of paths.entries()) {
  await page.goto(p);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `/tmp/shots/${who!.split("@")[0]}-${i}.png`, fullPage: !process.env.TOP, clip: process.env.TOP ? { x: 0, y: Number(process.env.TOP), width: 1280, height: 1600 } : undefined });
  console.log(p, await page.locator("main h1").first().textContent());
}
await browser.close();
