// A provider bids in Chromium: registers for the open demo tender Inkoop 2027, fills the bid for
// Dyslexiezorg until complete (with a real PDF whose upload progress reaches 100%), submits it and
// gets a receipt whose SHA-256 the test recomputes from the submitted bytes, as the page's own check
// does; then withdraws and submits again. Axe checks every page on the way.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "../../src/files/testing.ts";
import { loginCookie } from "../../src/platform/testing.ts";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

const YES_NO = ["AM-1", "AM-2", "J-2", "DYS-1"];
const LETTERS = ["A", "B", "C", "D", "E", "F"];

describe("a provider's bid", { timeout: 120_000 }, () => {
  let e2e: E2E;
  let page: Page;
  let bidId = "";
  const pdf = samplePdf("Protocol Dyslexie: werkwijze Zorgpartners Achterhoek");

  beforeAll(async () => {
    e2e = await startE2E();
    page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await login(page, DEMO.provider);
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("shows what Inkoop 2027 asks, and the bidding tab with the closing time by the server's clock", async () => {
    await page.getByRole("link", { name: "Inkoop 2027", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Structuur van Inkoop 2027" }).waitFor();
    const tabs = page.getByRole("navigation", { name: "Onderdelen van de aanbesteding" });
    await expect(tabs.getByRole("link").allTextContents()).resolves.toEqual([
      "Structuur",
      "Planning",
      "Eisen en criteria",
      "Bijeenkomsten",
      "Inschrijven",
      "Vragen en antwoorden",
    ]);
    await tabs.getByRole("link", { name: "Eisen en criteria" }).click();
    await page.getByRole("heading", { level: 1, name: "Eisen en criteria van Inkoop 2027" }).waitFor();
    await expect(page.getByRole("row", { name: /DYS-1/ }).textContent()).resolves.toContain("Protocol Dyslexie");
    await expect(
      page.getByRole("table", { name: "Selectiecriteria van Dyslexiezorg met hun gewicht" }).textContent(),
    ).resolves.toContain("Integraliteit");
    await screenshot(page, "bid-requirements");
    expect(await axeViolations(page)).toEqual([]);

    await tabs.getByRole("link", { name: "Inschrijven" }).click();
    await page.getByRole("heading", { level: 1, name: "Inschrijven op Inkoop 2027" }).waitFor();
    await expect(page.locator(".zk-closing").textContent()).resolves.toMatch(/12:00.*Nog 4[12] dagen/);
    await expect(page.getByRole("timer").count()).resolves.toBe(1);
    await screenshot(page, "bid-my-bids");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("registers, starts a bid for Dyslexiezorg and lists what is missing", async () => {
    await page.getByRole("button", { name: "Aanmelden voor deze aanbesteding" }).click();
    await page.getByText("U bent aangemeld voor deze aanbesteding").waitFor();
    await page.getByRole("button", { name: "Inschrijving starten Dyslexiezorg" }).click();
    await page.getByRole("heading", { level: 1, name: "Inschrijving Dyslexiezorg" }).waitFor();
    bidId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const missing = page.locator(".zk-missing li");
    await expect(missing.allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        "Kies de gemeenten waarin u zorg levert.",
        "Beantwoord eis AM-1.",
        "Beantwoord eis DYS-1.",
        "Voeg een referentie toe met ten minste 10 cliënten (eis JR-1).",
        "Vul het dossier in voor criterium A (Integraliteit).",
      ]),
    );
    // A point of the list moves the focus to its field.
    await page.getByRole("link", { name: "Beantwoord eis DYS-1." }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await page.getByRole("group", { name: "Voldoet u aan eis DYS-1?" }).getByLabel("Ja").getAttribute("id"));
    await screenshot(page, "bid-form-empty");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses a file that is not one of the accepted types, with the reason at the file", async () => {
    const upload = page.getByLabel("Bewijsstukken bij eis DYS-1", { exact: true });
    await upload.setInputFiles({ name: "notities.txt", mimeType: "text/plain", buffer: Buffer.from("alleen tekst\n") });
    await page.getByRole("alert").getByText("notities.txt is geweigerd", { exact: false }).waitFor();
    await expect(page.getByRole("alert").filter({ hasText: "notities.txt" }).textContent()).resolves.toContain(
      "text/plain",
    );
  });

  it("uploads a real PDF with a progress bar that reaches 100%", async () => {
    await page.getByRole("group", { name: "Voldoet u aan eis DYS-1?" }).getByLabel("Ja").check();
    const upload = page.getByLabel("Bewijsstukken bij eis DYS-1", { exact: true });
    await upload.setInputFiles({ name: "protocol-dyslexie.pdf", mimeType: "application/pdf", buffer: pdf });
    const progress = page.getByRole("progressbar", { name: "Voortgang van het uploaden van protocol-dyslexie.pdf" });
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute("value"), { timeout: 10_000 }).toBe("100");
    await page
      .getByRole("status")
      .getByText("protocol-dyslexie.pdf is geüpload en aan de inschrijving gekoppeld.")
      .waitFor();
    await expect(
      page.getByRole("list", { name: "Bijlagen: Bewijsstukken bij eis DYS-1" }).textContent(),
    ).resolves.toContain("protocol-dyslexie.pdf");
    await screenshot(page, "bid-upload");
  });

  it("fills the bid until it is complete", async () => {
    for (const name of ["Aalten", "Doetinchem", "Winterswijk"]) {
      await page.getByRole("group", { name: "Gemeenten" }).getByLabel(name).check();
    }
    await page.getByLabel("Specialismen").fill("dyslexie\nrekenstoornissen");
    for (const code of YES_NO) {
      await page
        .getByRole("group", { name: `Voldoet u aan eis ${code}?` })
        .getByLabel("Ja")
        .check();
      await page
        .getByLabel(`Onderbouwing bij eis ${code}`, { exact: true })
        .fill(`Wij voldoen aan ${code}: zie ons kwaliteitshandboek.`);
    }
    for (const letter of LETTERS) {
      await page.getByLabel(`Uw beschrijving bij criterium ${letter}`).fill(`Onze aanpak voor criterium ${letter}.`);
    }
    await page.getByRole("button", { name: "Referentie toevoegen" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("bid-reference-0-client");
    await page.getByLabel("Opdrachtgever").fill("Gemeente Oost Gelre");
    await page.getByLabel("Periode").fill("2023–2025");
    await page.getByLabel("Aantal cliënten").fill("12");
    await page.getByLabel("Omschrijving", { exact: true }).fill("Dyslexiezorg voor leerlingen van het basisonderwijs.");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByRole("status").getByText("De inschrijving is opgeslagen", { exact: false }).waitFor();
    await page.getByText("Uw inschrijving is compleet en kan worden ingediend.").waitFor();
    await screenshot(page, "bid-form-complete");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("submits and shows a receipt whose SHA-256 is that of exactly the submitted bytes", async () => {
    await page.getByRole("button", { name: "Indienen", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Ontvangstbewijs" }).waitFor();
    await page.getByText("Uw inschrijving is ontvangen op", { exact: false }).waitFor();
    const shown = (await page.locator("#receipt-sha256").textContent())?.trim() ?? "";
    expect(shown).toMatch(/^[0-9a-f]{64}$/);

    // The test recomputes the hash from the bytes the API hands out for version 1.
    const cookie = await loginCookie(e2e.ctx.app, DEMO.provider);
    const bytes = await e2e.ctx.app.inject({
      method: "GET",
      url: `/api/bids/${bidId}/submissions/1`,
      headers: { cookie },
    });
    expect(bytes.statusCode).toBe(200);
    expect(createHash("sha256").update(bytes.rawPayload).digest("hex")).toBe(shown);

    // The receipt names the PDF with the hash of the bytes uploaded.
    const files = page.getByRole("table", { name: "Ingediende bestanden met hun vingerafdruk" });
    await expect(files.getByRole("row", { name: /protocol-dyslexie\.pdf/ }).textContent()).resolves.toContain(
      createHash("sha256").update(pdf).digest("hex"),
    );

    // And the page's own check, hashing in the browser, agrees.
    await page.getByRole("button", { name: "Vingerafdruk controleren" }).click();
    await page.getByText("De vingerafdruk klopt", { exact: false }).waitFor();
    await expect(page.locator(".zk-hash-check__result").textContent()).resolves.toContain(shown);
    const pdfLink = page.getByRole("link", { name: "Download het ontvangstbewijs van versie 1 (PDF)" });
    expect(await pdfLink.getAttribute("href")).toBe(`/api/bids/${bidId}/submissions/1/receipt.pdf`);
    const receiptPdf = await e2e.ctx.app.inject({
      method: "GET",
      url: `/api/bids/${bidId}/submissions/1/receipt.pdf`,
      headers: { cookie },
    });
    expect(receiptPdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    await screenshot(page, "bid-receipt");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("withdraws the bid and submits it again as version 2", async () => {
    await page.getByRole("link", { name: "Terug naar de inschrijving" }).click();
    await page.getByRole("heading", { level: 1, name: "Inschrijving Dyslexiezorg" }).waitFor();
    await page.getByText("Uw inschrijving is ingediend. Wilt u iets wijzigen?", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Inschrijving intrekken" }).click();
    await page.getByRole("button", { name: "Ja, intrekken" }).click();
    await page.getByRole("status").getByText("Uw inschrijving is ingetrokken.", { exact: false }).waitFor();
    await expect(
      page.getByRole("table", { name: "Ingediende versies met tijdstip, vingerafdruk en geldigheid" }).textContent(),
    ).resolves.toContain("Ingetrokken op");
    await screenshot(page, "bid-withdrawn");
    await page.getByLabel("Uw beschrijving bij criterium A").fill("Onze aangescherpte aanpak voor criterium A.");
    await page.getByRole("button", { name: "Opnieuw indienen" }).click();
    await page.getByRole("heading", { level: 1, name: "Ontvangstbewijs" }).waitFor();
    await expect(page.locator(".zk-receipt").textContent()).resolves.toContain("Versie2");

    // The tender page lists the bid as submitted, version 2.
    await page.goto(`/bids/${bidId}`);
    await page.getByRole("link", { name: /Terug naar Inschrijven op Inkoop 2027/ }).click();
    await page.getByRole("heading", { level: 1, name: "Inschrijven op Inkoop 2027" }).waitFor();
    await expect(page.getByRole("row", { name: /Dyslexiezorg/ }).textContent()).resolves.toContain("Ingediend");
    await expect(page.getByRole("row", { name: /Dyslexiezorg/ }).textContent()).resolves.toContain("versie 2");
  });
});
