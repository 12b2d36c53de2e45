// Logging in and out, keyboard access, what each role sees, and the administrator's user management.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

describe("access and users", { timeout: 60_000 }, () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("reaches the skip link with the first Tab, and the skip link moves to the main content", async () => {
    const page = await e2e.newPage();
    await page.goto("/login");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Direct naar de inhoud");
    await screenshot(page, "skip-link");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("email");
  });

  it("explains a wrong password in Dutch and marks an empty field", async () => {
    const page = await e2e.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Vul uw e-mailadres in.").waitFor();
    await expect(page.getByLabel("E-mailadres").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByLabel("E-mailadres").fill(DEMO.contract_manager);
    await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Het e-mailadres of het wachtwoord is onjuist.", { exact: false }).waitFor();
    await screenshot(page, "login-error");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("tells a locked-out user how many minutes to wait, and the administrator unlocks the account", async () => {
    const page = await e2e.newPage();
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("E-mailadres").fill(DEMO.municipality_viewer);
      await page.getByLabel("Wachtwoord").fill(`fout-${attempt}`);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.locator(".utrecht-alert").waitFor();
      if (attempt < 5)
        await page.getByText("Het e-mailadres of het wachtwoord is onjuist.", { exact: false }).waitFor();
    }
    await page.getByText("Probeer het over 15 minuten opnieuw.", { exact: false }).waitFor();

    const admin = await e2e.newPage();
    await login(admin, DEMO.administrator);
    await admin.goto("/users");
    const row = admin.getByRole("row", { name: /Gemeente Doetinchem/ });
    await expect(row.textContent()).resolves.toContain("Vergrendeld tot");
    await screenshot(admin, "users-locked");
    await row.getByRole("button", { name: "Ontgrendelen Gemeente Doetinchem" }).click();
    await row.getByText("Actief").waitFor();

    await login(page, DEMO.municipality_viewer);
    await expect(page.locator("header").textContent()).resolves.toContain("Gemeentelijk raadpleger");
  });

  it("shows a provider its organisation but not the users link, nor the users page", async () => {
    const page = await e2e.newPage();
    await login(page, DEMO.provider);
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual(["Aanbestedingen", "Mijn organisatie"]);
    await expect(nav.getByRole("link", { name: "Aanbestedingen" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(page.locator("header").textContent()).resolves.toContain("Zorgaanbieder");
    await page.goto("/users");
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
    // A provider reads the structure but cannot edit it.
    await page.goto(`/tenders/${e2e.ctx.demo?.tenderId}`);
    await page.getByRole("heading", { level: 1, name: "Structuur van Inkoop 2022" }).waitFor();
    await expect(page.getByRole("button", { name: /Wijzigen/ }).count()).resolves.toBe(0);
  });

  it("lets the administrator add an assessor and shows the generated password once", async () => {
    const page = await e2e.newPage();
    await login(page, DEMO.administrator);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gebruikers" }).click();
    await page.getByRole("heading", { level: 1, name: "Gebruikers" }).waitFor();
    await expect(page.getByRole("row", { name: /Beoordelaar Jeugd/ }).textContent()).resolves.toContain("Beoordelaar");
    await screenshot(page, "users");
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole("form", { name: "Gebruiker toevoegen" });
    await form.getByLabel("Naam").fill("Beoordelaar Wmo");
    await form.getByLabel("E-mailadres").fill("beoordelaar-wmo@achterhoek.example");
    await form.getByLabel("Rol").selectOption({ label: "Beoordelaar" });
    await form.getByRole("button", { name: "Gebruiker toevoegen" }).click();
    await form.getByText("Kies ten minste één segment.").waitFor();
    // The demo has two tenders with the same segments (Inkoop 2022 and 2027): choose Inkoop 2022's.
    const wmo2022 = form.locator(".zk-checkbox-group", { hasText: "Inkoop 2022 · Perceel Wmo" });
    await wmo2022.getByLabel("Wmo Wonen").check();
    await wmo2022.getByLabel("Wmo Logeren").check();
    await screenshot(page, "users-form");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Gebruiker toevoegen" }).click();

    await page.getByRole("status").getByText("Beoordelaar Wmo is toegevoegd.").waitFor();
    const secret = await page.locator(".zk-initial-password code").textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(12);
    await expect(page.getByRole("row", { name: /Beoordelaar Wmo/ }).textContent()).resolves.toContain("2 segmenten");
    await screenshot(page, "users-added");

    // The generated password works, once shown.
    const newcomer = await e2e.newPage();
    await login(newcomer, "beoordelaar-wmo@achterhoek.example", secret ?? "");
    await expect(newcomer.locator("header").textContent()).resolves.toContain("Beoordelaar Wmo");
  });

  it("lets the administrator disable and enable a user", async () => {
    const page = await e2e.newPage();
    await login(page, DEMO.administrator);
    await page.goto("/users");
    const row = page.getByRole("row", { name: /Contractmanager/ });
    await row.getByRole("button", { name: "Blokkeren Contractmanager" }).click();
    await page.getByRole("status").getByText("Contractmanager is bijgewerkt.").waitFor();
    await expect(row.textContent()).resolves.toContain("Geblokkeerd");
    await row.getByRole("button", { name: "Deblokkeren Contractmanager" }).click();
    await row.getByText("Actief").waitFor();
  });
});
