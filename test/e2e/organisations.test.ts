// A new provider registers from the login page, completes its organisation's details, founds a
// combination as its lead member, adds a member and uploads the draft covenant with a progress bar.
// Refusals are shown at their fields in Dutch. Axe checks every page.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "../../src/files/testing.ts";
import { axeViolations, type E2E, login, screenshot, startE2E } from "./support.ts";

describe("organisations and combinations", { timeout: 120_000 }, () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    // A small upload limit, so a refusal for size needs no large file.
    e2e = await startE2E({ config: { uploadMaxMb: 1 } });
    page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("registers a provider from the login page, with each refusal at its field", async () => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Aanmelden als zorgaanbieder" }).click();
    await page.getByRole("heading", { level: 1, name: "Aanmelden als zorgaanbieder" }).waitFor();
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.locator("#register-organisation-kvkNumber-error").textContent()).resolves.toBe(
      "Vul dit veld in.",
    );
    await expect(page.locator("#register-user-password-error").textContent()).resolves.toBe(
      "Het wachtwoord moet ten minste 12 tekens hebben.",
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("register-regionSlug");
    await screenshot(page, "register-errors");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Regio").fill("nergens");
    await page.getByLabel("Naam", { exact: true }).fill("Thuiszorg De Linde");
    await page.getByLabel("Rechtsvorm").selectOption({ label: "Stichting" });
    await page.getByLabel("KvK-nummer").fill("41087234");
    await page.getByLabel("Uw naam").fill("Linda de Linde");
    await page.getByLabel("E-mailadres").fill("linda@delinde.example");
    await page.getByLabel("Wachtwoord").fill("Linde-wachtwoord-2027");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.getByText("Deze regio is niet bekend.", { exact: false }).waitFor();

    await page.getByLabel("Regio").fill("achterhoek");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    // 41087234 is Zorgpartners Achterhoek's number.
    await page.getByText("Er is in deze regio al een organisatie met dit KvK-nummer.").waitFor();
    await expect(page.getByLabel("KvK-nummer").getAttribute("aria-invalid")).resolves.toBe("true");

    await page.getByLabel("KvK-nummer").fill("31415926");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn organisatie" }).waitFor();
    await page.getByRole("status").getByText("Uw organisatie is aangemeld.", { exact: false }).waitFor();
    await expect(page.locator("header").textContent()).resolves.toContain("Linda de Linde");
  });

  it("completes the organisation's details and contacts", async () => {
    const form = page.getByRole("form", { name: "Gegevens van de organisatie" });
    await form.getByLabel("AGB-code (optioneel)").fill("123");
    await form.getByLabel("Adres").fill("Lindelaan 1\n7001 AA Doetinchem");
    await form.getByRole("button", { name: "Contactpersoon toevoegen" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("organisation-contacts-0-name");
    await form.getByLabel("Naam", { exact: true }).nth(1).fill("Linda de Linde");
    await form.getByLabel("Functie").fill("Directeur");
    await form.getByLabel("E-mailadres").fill("linda@delinde.example");
    await form.getByLabel("Telefoonnummer").fill("0314 000 999");
    await form.getByRole("button", { name: "Gegevens opslaan" }).click();
    await form.getByText("Een AGB-code bestaat uit precies 8 cijfers.").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("organisation-agbCode");
    await form.getByLabel("AGB-code (optioneel)").fill("98104999");
    await form.getByRole("button", { name: "Gegevens opslaan" }).click();
    await page.getByRole("status").getByText("De gegevens van uw organisatie zijn opgeslagen.").waitFor();
    await page.reload();
    await expect(page.getByLabel("AGB-code (optioneel)").inputValue()).resolves.toBe("98104999");
    await expect(page.getByLabel("Functie").inputValue()).resolves.toBe("Directeur");
    await screenshot(page, "organisation");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("founds a combination, adds a member and uploads the covenant", async () => {
    const form = page.getByRole("form", { name: "Combinatie oprichten" });
    await form.getByLabel("Naam", { exact: true }).fill("Coöperatie Zorg Oost i.o.");
    await form.getByLabel("Rechtsvorm").selectOption({ label: "Coöperatie i.o." });
    await form.getByRole("button", { name: "Combinatie oprichten" }).click();
    await page.getByRole("heading", { level: 1, name: "Coöperatie Zorg Oost i.o." }).waitFor();
    await page.getByRole("status").getByText("De combinatie is opgericht.", { exact: false }).waitFor();
    await expect(page.getByRole("row", { name: /Thuiszorg De Linde/ }).textContent()).resolves.toContain("Penvoerder");

    const add = page.getByRole("form", { name: "Lid toevoegen" });
    await add.getByLabel("KvK-nummer").fill("27182818");
    await add.getByLabel("Naam", { exact: true }).fill("Praktijk Noord");
    await add.getByLabel("Kwalificaties").fill("SKJ-geregistreerde jeugdprofessionals");
    await add.getByLabel("Verantwoordelijkheden").fill("Ambulante behandeling in Winterswijk");
    await add.getByRole("button", { name: "Lid toevoegen" }).click();
    await page.getByRole("status").getByText("Praktijk Noord is toegevoegd als lid.").waitFor();
    await expect(page.getByRole("row", { name: /Praktijk Noord/ }).textContent()).resolves.toContain(
      "Ambulante behandeling in Winterswijk",
    );

    await page.getByRole("button", { name: "Wijzigen Praktijk Noord" }).click();
    const edit = page.getByRole("form", { name: "Praktijk Noord wijzigen" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/qualifications$/);
    await edit.getByLabel("Verantwoordelijkheden").fill("Ambulante behandeling in Winterswijk en Aalten");
    await edit.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("De gegevens van Praktijk Noord zijn opgeslagen.").waitFor();

    const covenant = samplePdf("Samenwerkingsovereenkomst Zorg Oost");
    await page
      .getByLabel("Overeenkomst uploaden", { exact: true })
      .setInputFiles({ name: "overeenkomst.pdf", mimeType: "application/pdf", buffer: covenant });
    const progress = page.getByRole("progressbar", { name: "Voortgang van het uploaden van overeenkomst.pdf" });
    await expect.poll(() => progress.getAttribute("value"), { timeout: 10_000 }).toBe("100");
    await page.getByRole("link", { name: "overeenkomst.pdf" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain(
      createHash("sha256").update(covenant).digest("hex"),
    );
    await screenshot(page, "combination");
    expect(await axeViolations(page)).toEqual([]);

    // Registered at the KvK now: the lead member records the combination's own number.
    await page.getByRole("button", { name: "Gegevens van de combinatie wijzigen" }).click();
    const details = page.getByRole("form", { name: "Gegevens van de combinatie wijzigen" });
    await details.getByLabel("KvK-nummer (optioneel)").fill("16180339");
    await details.getByLabel("Rechtsvorm").selectOption({ label: "Coöperatie" });
    await details.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("De gegevens van de combinatie zijn opgeslagen.").waitFor();
    await expect(page.locator(".zk-facts").first().textContent()).resolves.toContain("16180339");

    await page.getByRole("link", { name: "Terug naar Mijn organisatie" }).click();
    await expect(page.getByRole("row", { name: /Coöperatie Zorg Oost i\.o\./ }).textContent()).resolves.toContain(
      "Penvoerder",
    );
  });

  it("speaks English when asked", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "My organisation" }).waitFor();
    await expect(page.getByRole("navigation", { name: "Main menu" }).textContent()).resolves.toContain(
      "My organisation",
    );
    await screenshot(page, "organisation-en");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn organisatie" }).waitFor();
  });

  it("refuses a file over the size limit, naming the limit at the file", async () => {
    // Its own browser context: after refusing an upload part-way the server leaves the rest of the
    // body unread on a kept-alive connection, and the next request on it hangs (reported to the lead).
    const own = await e2e.newPage();
    own.setDefaultTimeout(15_000);
    await login(own, "linda@delinde.example", "Linde-wachtwoord-2027");
    await own.goto("/organisation");
    await own.getByRole("link", { name: "Coöperatie Zorg Oost" }).click();
    await own.getByRole("heading", { level: 1 }).waitFor();
    const large = Buffer.concat([samplePdf("groot"), Buffer.alloc(1_500_000, 32)]);
    await own
      .getByLabel("Nieuwe versie van de overeenkomst uploaden", { exact: true })
      .setInputFiles({ name: "overeenkomst-groot.pdf", mimeType: "application/pdf", buffer: large });
    await own
      .getByRole("alert")
      .getByText("overeenkomst-groot.pdf is geweigerd: het bestand is groter dan 1 MB.")
      .waitFor();
    await screenshot(own, "combination-too-large");
    await own.context().close();
  });
});
