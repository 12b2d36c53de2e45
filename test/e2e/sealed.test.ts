// Sealed bids in Chromium: before the closing time every staff role sees who registered and how many
// bids exist, never a bid's content; an officer extends the closing time and the provider is told;
// with the test clock past the closing time two different officers open the bids, and only then the
// bid and its files can be read. Axe checks each page.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "../../src/platform/testing.ts";
import { type PreparedBid, submitDyslexiaBid } from "./bids-api.ts";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

const MARKER = "GEHEIM-7Q4";
const STAFF = [
  ["administrator", DEMO.administrator],
  ["procurement_officer", DEMO.procurement_officer],
  ["assessor", DEMO.assessor],
  ["contract_manager", DEMO.contract_manager],
  ["municipality_viewer", DEMO.municipality_viewer],
] as const;

describe("sealed bids and the two-officer opening", { timeout: 120_000 }, () => {
  const clock = testClock(new Date().toISOString());
  let e2e: E2E;
  let bid: PreparedBid;
  let bidsUrl = "";

  beforeAll(async () => {
    e2e = await startE2E({ clock });
    bid = await submitDyslexiaBid(e2e.ctx.app, DEMO.provider, MARKER);
    bidsUrl = `/tenders/${bid.tenderId}/bids`;
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  async function staffPage(email: string): Promise<Page> {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await login(page, email);
    return page;
  }

  for (const [role, email] of STAFF) {
    it(`shows the ${role} before the closing time only the registrations and counts, no bid content`, async () => {
      const page = await staffPage(email);
      await page.goto(bidsUrl);
      await page.getByRole("heading", { level: 1, name: "Inschrijvingen op Inkoop 2027" }).waitFor();
      await expect(page.getByRole("row", { name: /Zorgpartners Achterhoek/ }).count()).resolves.toBe(1);
      const facts = await page.locator(".zk-facts").first().textContent();
      expect(facts).toContain("Inschrijvingen1");
      expect(facts).toContain("Waarvan ingediend1");
      await expect(page.getByRole("heading", { name: "Inschrijvingen per segment" }).count()).resolves.toBe(0);
      await expect(page.getByRole("heading", { name: "Opening van de inschrijvingen" }).count()).resolves.toBe(0);
      expect(await page.content()).not.toContain(MARKER);
      await screenshot(page, `sealed-before-${role}`);
      expect(await axeViolations(page)).toEqual([]);

      // The bid's own address answers "not found" to staff, and its file stays sealed.
      await page.goto(`/bids/${bid.bidId}`);
      await page.getByRole("alert").waitFor();
      expect(await page.content()).not.toContain(MARKER);
      const file = await page.request.get(`/api/files/${bid.fileId}`);
      expect(file.status()).toBe(404);
      await page.context().close();
    });
  }

  it("lets an officer extend the closing time with a reason, and the provider is told", async () => {
    const officer = await staffPage(DEMO.procurement_officer);
    await officer.goto(bidsUrl);
    const form = officer.getByRole("form", { name: "Sluitingstijd verlengen" });
    const current = await form.getByLabel("Nieuwe sluitingstijd").inputValue();
    expect(current).toMatch(/T12:00$/);
    await form.getByLabel("Nieuwe sluitingstijd").fill(current.replace("T12:00", "T15:00"));
    await form.getByLabel("Reden").fill("Storing bij de leverancier op de laatste ochtend.");
    await screenshot(officer, "sealed-extend-form");
    expect(await axeViolations(officer)).toEqual([]);
    await form.getByRole("button", { name: "Sluitingstijd verlengen" }).click();
    await officer.getByRole("status").getByText("De sluitingstijd is verlengd tot", { exact: false }).waitFor();
    await expect(officer.getByRole("table", { name: /Verlengingen met de vorige/ }).textContent()).resolves.toContain(
      "Storing bij de leverancier",
    );
    await expect(officer.locator(".zk-closing__time").textContent()).resolves.toContain("15:00");

    const provider = await staffPage(DEMO.provider);
    const link = provider.getByRole("link", { name: /Meldingen/ });
    await expect.poll(() => link.textContent()).toContain("1");
    await link.click();
    await provider.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    await provider.getByText("U heeft 1 ongelezen melding.").waitFor();
    await screenshot(provider, "notifications");
    expect(await axeViolations(provider)).toEqual([]);
    await provider.getByRole("button", { name: /Markeren als gelezen/ }).click();
    await provider.getByText("U heeft 0 ongelezen meldingen.").waitFor();
    // The header's count refreshes on its own after the list changes: wait for it, as for the "1" above.
    await expect.poll(() => link.textContent()).toBe("Meldingen");
  });

  it("opens the bids only when two different officers confirm after the closing time", async () => {
    const [row] = await e2e.ctx.db.query<{ closes_at: Date }>("select closes_at from tenders where id = $1", [
      bid.tenderId,
    ]);
    clock.set(new Date(new Date(row!.closes_at).getTime() + 60_000).toISOString());

    const first = await staffPage(DEMO.procurement_officer);
    await first.goto(bidsUrl);
    await first.getByRole("heading", { name: "Opening van de inschrijvingen" }).waitFor();
    await expect(first.locator(".zk-closing").textContent()).resolves.toContain("De inschrijving is gesloten.");
    await first.getByRole("button", { name: "Opening bevestigen", exact: true }).click();
    await first
      .getByRole("status")
      .getByText("U heeft de opening bevestigd. Wacht op de tweede inkoopspecialist.")
      .waitFor();
    await first.getByText("Wacht op de tweede inkoopspecialist.", { exact: false }).first().waitFor();
    await expect(first.getByRole("button", { name: /Opening bevestigen/ }).count()).resolves.toBe(0);
    expect(await first.content()).not.toContain(MARKER);
    await screenshot(first, "opening-first");
    expect(await axeViolations(first)).toEqual([]);

    // Another staff role sees the state but cannot confirm; the bid stays sealed for it.
    const viewer = await staffPage(DEMO.contract_manager);
    await viewer.goto(bidsUrl);
    await viewer.getByText("Alleen inkoopspecialisten kunnen de opening bevestigen.").waitFor();
    expect(await viewer.content()).not.toContain(MARKER);

    const second = await staffPage(DEMO.procurement_officer_2);
    await second.goto(bidsUrl);
    await second.getByText("heeft de opening bevestigd op", { exact: false }).waitFor();
    await second.getByRole("button", { name: "Opening bevestigen als tweede inkoopspecialist" }).click();
    await second.getByRole("status").getByText("De inschrijvingen zijn geopend.").waitFor();
    const table = second.getByRole("table", { name: /Dyslexiezorg/ });
    await expect(table.getByRole("row", { name: /Zorgpartners Achterhoek/ }).textContent()).resolves.toContain("1");
    await screenshot(second, "opening-done");
    expect(await axeViolations(second)).toEqual([]);

    await table.getByRole("link", { name: "Zorgpartners Achterhoek" }).click();
    await second
      .getByRole("heading", { level: 1, name: "Inschrijving van Zorgpartners Achterhoek: Dyslexiezorg" })
      .waitFor();
    await expect(second.locator("main").textContent()).resolves.toContain(`Dossiertekst ${MARKER}`);
    const download = second.getByRole("link", { name: "werkwijze.pdf" }).first();
    const file = await second.request.get((await download.getAttribute("href")) ?? "");
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(bid.file)).toBe(true);
    await screenshot(second, "bid-detail");
    expect(await axeViolations(second)).toEqual([]);
  });

  it("shows the provider its bid read-only after the closing time", async () => {
    const provider = await staffPage(DEMO.provider);
    await provider.goto(`/tenders/${bid.tenderId}/my-bids`);
    await provider.getByText("De inschrijving is gesloten.").waitFor();
    await provider.getByRole("link", { name: "Inschrijving bekijken Dyslexiezorg" }).click();
    await provider.getByText("De sluitingstijd is verstreken. U kunt de inschrijving alleen nog bekijken.").waitFor();
    await expect(provider.getByRole("button", { name: /Indienen|Inschrijving intrekken/ }).count()).resolves.toBe(0);
    await expect(provider.getByRole("textbox").count()).resolves.toBe(0);
    await expect(provider.locator("main").textContent()).resolves.toContain(`Dossiertekst ${MARKER}`);
    await screenshot(provider, "bid-closed");
    expect(await axeViolations(provider)).toEqual([]);
  });
});
