// The timeline of Inkoop 2022: its warnings, an officer's edit that adds one, and the English texts.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

describe("the timeline page", { timeout: 60_000 }, () => {
  let e2e: E2E;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    e2e = await startE2E();
    page = await e2e.newPage();
    url = `/tenders/${e2e.ctx.demo?.tenderId}/timeline`;
    await login(page, DEMO.procurement_officer);
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("shows the phases, the current phase and the planning warning with its legal basis", async () => {
    await page.goto(url);
    await page.getByRole("heading", { level: 1, name: "Planning van Inkoop 2022" }).waitFor();
    const warning = page.locator(".utrecht-alert", { hasText: "Minder dan 3 maanden voor de implementatie" });
    await expect(warning.textContent()).resolves.toContain("Norm voor Opdrachtgeverschap (VNG)");
    await expect(page.locator(".zk-status").textContent()).resolves.toContain("5. Start nieuwe contracten");
    await expect(
      page.getByRole("table", { name: "Fasen met begin- en einddatum" }).getByRole("row").count(),
    ).resolves.toBe(7);
    await expect(page.getByRole("row", { name: /Publicatie selectieleidraad/ }).textContent()).resolves.toContain(
      "1 april 2021",
    );
    await screenshot(page, "timeline");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the officer change a phase's dates and shows the new warning at once", async () => {
    await page.getByRole("button", { name: "Planning wijzigen" }).click();
    await page.getByLabel("Begindatum fase 4").fill("2021-09-01");
    await screenshot(page, "timeline-edit");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Planning opslaan" }).click();
    await page.getByRole("status").getByText("De planning is opgeslagen. Er zijn 2 signaleringen.").waitFor();
    const overlap = page.locator(".utrecht-alert", { hasText: "Fasen overlappen" });
    await expect(overlap.textContent()).resolves.toContain(
      "Fase ‘4 Implementatie’ begint voordat fase ‘3 Uitvoeren aanbesteding’ eindigt.",
    );
    await expect(
      page
        .getByRole("row", { name: /Implementatie/ })
        .first()
        .textContent(),
    ).resolves.toContain("1 september 2021");
  });

  it("switches to English, remembers the choice and sets the page language", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Timeline of Inkoop 2022" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("navigation", { name: "Main menu" }).textContent()).resolves.toContain("Tenders");
    await expect(page.locator(".utrecht-alert", { hasText: "Less than 3 months to implement" }).count()).resolves.toBe(
      1,
    );
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Timeline of Inkoop 2022" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await screenshot(page, "timeline-en");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.getByRole("heading", { level: 1, name: "Planning van Inkoop 2022" }).waitFor();
  });
});
