// A procurement officer logs in, reads the structure of Inkoop 2022 and edits a segment.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

describe("the structure page", { timeout: 60_000 }, () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    page = await e2e.newPage();
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("has a login page without axe violations", async () => {
    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await screenshot(page, "login");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lists the tenders with their counts for the procurement officer", async () => {
    await login(page, DEMO.procurement_officer);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Aanbestedingen");
    const row = page.getByRole("row", { name: /Inkoop 2022/ });
    await expect(row.getByRole("cell").allTextContents()).resolves.toEqual(expect.arrayContaining(["2", "7", "17"]));
    await screenshot(page, "tenders");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the tree of 2 lots, 7 segments and 17 subsegments with financing and dates in Dutch", async () => {
    await page.getByRole("link", { name: "Inkoop 2022", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Structuur van Inkoop 2022" }).waitFor();
    await expect(page.locator(".zk-lot").count()).resolves.toBe(2);
    await expect(page.locator(".zk-segment").count()).resolves.toBe(7);
    await expect(page.locator(".zk-subsegment").count()).resolves.toBe(17);
    const dyslexia = page.locator(".zk-segment", { has: page.getByRole("heading", { name: "Dyslexiezorg" }) });
    await expect(dyslexia.textContent()).resolves.toContain("Populatiebekostiging");
    await expect(dyslexia.textContent()).resolves.toContain("1 augustus 2021");
    await expect(dyslexia.textContent()).resolves.toContain("nog niet vastgesteld");
    const hoog = page.locator(".zk-segment", { has: page.getByRole("heading", { name: /Hoog Complex/ }) });
    await expect(hoog.textContent()).resolves.toContain("Hoog Specialistische Jeugdhulp");
    const wio = page.locator(".zk-segment", {
      has: page.getByRole("heading", { name: "Wmo Integrale Ondersteuning" }),
    });
    await expect(wio.locator(".zk-financing--override").textContent()).resolves.toContain("PxQ");
    await expect(page.getByRole("row", { name: /Doetinchem/ }).textContent()).resolves.toContain("GM0222");
    await screenshot(page, "structure");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the officer edit a segment's contract start, with errors next to the fields", async () => {
    const segment = page.locator(".zk-segment", { has: page.getByRole("heading", { name: "Wmo Logeren" }) });
    await segment.getByRole("button", { name: /Wijzigen/ }).click();
    const form = page.getByRole("form", { name: "Wmo Logeren wijzigen" });
    await form.getByLabel("Minimum").fill("5");
    await form.getByLabel("Maximum").fill("3");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect(form.getByText("Het minimum mag niet groter zijn dan het maximum.").isVisible()).resolves.toBe(true);
    await expect(form.getByLabel("Maximum").getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "structure-edit-error");
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Startdatum contract").fill("2022-02-01");
    await form.getByLabel("Minimum").fill("2");
    await form.getByLabel("Maximum").fill("4");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("Wmo Logeren is opgeslagen.").waitFor();
    await expect(segment.textContent()).resolves.toContain("1 februari 2022");
    await expect(segment.textContent()).resolves.toContain("2 tot en met 4");

    // Saved on the server: a reload shows the same.
    await page.reload();
    const reloaded = page.locator(".zk-segment", { has: page.getByRole("heading", { name: "Wmo Logeren" }) });
    await expect(reloaded.textContent()).resolves.toContain("1 februari 2022");
  });

  it("lets the officer add a subsegment", async () => {
    const segment = page.locator(".zk-segment", { has: page.getByRole("heading", { name: "Wmo Logeren" }) });
    await segment.getByRole("button", { name: /Subsegment toevoegen/ }).click();
    const form = page.getByRole("form", { name: "Subsegment toevoegen aan Wmo Logeren" });
    await form.getByLabel("Naam").fill("Logeren Jeugd");
    await form.getByRole("button", { name: "Subsegment toevoegen" }).click();
    await page.getByRole("status").getByText("Subsegment Logeren Jeugd is toegevoegd.").waitFor();
    await expect(page.locator(".zk-subsegment").count()).resolves.toBe(18);
    await screenshot(page, "structure-added");
  });

  it("shows the server's refusal of a duplicate code next to the code field", async () => {
    const segment = page.locator(".zk-segment", {
      has: page.getByRole("heading", { name: "Wmo Integrale Ondersteuning" }),
    });
    await segment.getByRole("button", { name: /Subsegment toevoegen/ }).click();
    const form = page.getByRole("form", { name: "Subsegment toevoegen aan Wmo Integrale Ondersteuning" });
    await form.getByLabel("Naam").fill("Ontwikkelen");
    await form.getByLabel("Code", { exact: true }).fill("wio-ontwikkelen");
    await form.getByRole("button", { name: "Subsegment toevoegen" }).click();
    await form.getByText("De code ‘wio-ontwikkelen’ wordt al gebruikt in deze aanbesteding.").waitFor();
    await expect(form.getByLabel("Code", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).resolves.toBe("true");
    await screenshot(page, "structure-duplicate");
    await form.getByRole("button", { name: "Annuleren" }).click();
  });
});
