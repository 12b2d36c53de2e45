// Dialogue sessions in the browser: a provider registers for the upcoming webinar and reads the held
// gesprekstafel's report and statements; the officer sees the attendance and plans a new session.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

describe("dialogue sessions", { timeout: 120_000 }, () => {
  let e2e: E2E;
  let provider: Page;
  let officer: Page;
  let tenderId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const [row] = await e2e.ctx.db.query<{ id: string }>("select id from tenders where name = 'Inkoop 2027'");
    tenderId = row!.id;
    provider = await e2e.newPage();
    officer = await e2e.newPage();
    await login(provider, DEMO.provider);
    await login(officer, DEMO.procurement_officer);
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("lets a provider register for a session and shows the places left", async () => {
    await provider.goto(`/tenders/${tenderId}/sessions`);
    await provider.getByRole("heading", { level: 1, name: "Bijeenkomsten: Inkoop 2027" }).waitFor();
    expect(await axeViolations(provider)).toEqual([]);
    const webinar = provider.getByRole("article", { name: /Webinar: zo schrijft u in/ });
    await expect.poll(() => webinar.textContent()).toContain("60 van 60 vrij");
    await webinar.getByLabel("Aantal personen").fill("2");
    await webinar.getByRole("button", { name: "Aanmelden" }).click();
    await provider.getByRole("status").getByText("U bent aangemeld.").waitFor();
    await expect.poll(() => webinar.textContent()).toContain("58 van 60 vrij");
    await expect.poll(() => webinar.textContent()).toContain("U bent aangemeld (2 personen)");
    await screenshot(provider, "dialogue-sessions");
  });

  it("shows the held session's report, Q&A and statements as charts with a table", async () => {
    await provider.getByRole("link", { name: "Bekijk Gesprekstafel Inkoop 2027" }).click();
    await provider.getByRole("heading", { level: 1, name: "Gesprekstafel: Gesprekstafel Inkoop 2027" }).waitFor();
    await provider.getByText("Blijft de reistijdvergoeding bestaan?").waitFor();
    await expect.poll(() => provider.getByRole("img", { name: /Grafiek van de stelling/ }).count()).toBe(3);
    const table = provider.getByRole("table", { name: "Uitslag van de stellingen" });
    await expect.poll(() => table.getByRole("row").count()).toBe(4);
    await expect
      .poll(() => table.getByRole("row", { name: /Lumpsum past bij segmenten/ }).textContent())
      .toContain("14 eens, 9 oneens (61% eens)");
    await expect(provider.getByRole("heading", { name: /Aanmeldingen/ }).count()).resolves.toBe(0);
    await screenshot(provider, "dialogue-session");
    expect(await axeViolations(provider)).toEqual([]);
  });

  it("lets the officer correct a statement's figures in place, and the chart's table follows", async () => {
    await officer.goto(`/tenders/${tenderId}/sessions`);
    await officer.getByRole("link", { name: "Bekijk Gesprekstafel Inkoop 2027" }).click();
    await officer.getByRole("button", { name: "Wijzig stelling 1" }).click();
    const form = officer.getByRole("form", { name: "Wijzig stelling 1" });
    await expect.poll(() => form.getByLabel("Eens", { exact: true }).inputValue()).toBe("14");
    await form.getByLabel("Oneens", { exact: true }).fill("6");
    expect(await axeViolations(officer)).toEqual([]);
    await form.getByRole("button", { name: "Stelling opslaan" }).click();
    await officer.getByRole("status").getByText("De stelling is gewijzigd.").waitFor();
    const table = officer.getByRole("table", { name: "Uitslag van de stellingen" });
    await expect
      .poll(() => table.getByRole("row", { name: /Lumpsum past bij segmenten/ }).textContent())
      .toContain("14 eens, 6 oneens (70% eens)");
    expect(await form.count()).toBe(0);

    // A figure that does not fit is refused at its field and changes nothing.
    await officer.getByRole("button", { name: "Wijzig stelling 1" }).click();
    await form.getByLabel("Eens", { exact: true }).fill("-3");
    await form.getByRole("button", { name: "Stelling opslaan" }).click();
    await expect.poll(() => form.getByLabel("Eens", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await form.getByRole("button", { name: "Niet wijzigen" }).click();
    await expect
      .poll(() => table.getByRole("row", { name: /Lumpsum past bij segmenten/ }).textContent())
      .toContain("14 eens, 6 oneens");
  });

  it("shows the officer the attendance and lets the officer plan a session", async () => {
    await officer.goto(`/tenders/${tenderId}/sessions`);
    await officer.getByRole("heading", { level: 1, name: "Bijeenkomsten: Inkoop 2027" }).waitFor();
    await officer.getByRole("link", { name: "Bekijk Webinar: zo schrijft u in op Inkoop 2027" }).click();
    const attendance = officer.getByRole("table", { name: "Aanmeldingen" });
    await expect
      .poll(() => attendance.getByRole("row", { name: /Zorgpartners Achterhoek/ }).textContent())
      .toContain(DEMO.provider);
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, "dialogue-officer");

    await officer.getByRole("link", { name: "Terug naar de bijeenkomsten" }).click();
    const form = officer.getByRole("form", { name: "Bijeenkomst plannen" });
    await form.getByLabel("Titel", { exact: true }).fill("Kennissessie Wmo");
    await form.getByLabel("Soort", { exact: true }).selectOption("kennissessie");
    await form.getByLabel("Datum", { exact: true }).fill("2031-05-20");
    await form.getByLabel("Locatie", { exact: true }).fill("Zutphen");
    await form.getByLabel("Aanmelden kan tot").fill("2031-05-18T12:00");
    // An end before the start is refused at its field, in Dutch, and the field takes the focus.
    await form.getByLabel("Eindtijd (HH:MM)").fill("12:00");
    await form.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await form.getByText("De eindtijd moet na de begintijd liggen.").waitFor();
    await expect.poll(() => officer.evaluate(() => document.activeElement?.id)).toBe("plan-endsAt");
    await form.getByLabel("Eindtijd (HH:MM)").fill("15:00");
    expect(await axeViolations(officer)).toEqual([]);
    await form.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await officer.getByRole("status").getByText("De bijeenkomst is gepland.").waitFor();
    const card = officer.getByRole("article", { name: "Kennissessie: Kennissessie Wmo" });
    await card.waitFor();

    // The room moves: the officer changes the place on the session's page; the form shows what was stored.
    await card.getByRole("link", { name: "Bekijk Kennissessie Wmo" }).click();
    const edit = officer.getByRole("form", { name: "Bijeenkomst wijzigen" });
    await expect.poll(() => edit.getByLabel("Locatie", { exact: true }).inputValue()).toBe("Zutphen");
    expect(await edit.getByLabel("Aanmelden kan tot").inputValue()).toBe("2031-05-18T12:00");
    await edit.getByLabel("Locatie", { exact: true }).fill("Stadhuis Zutphen, zaal 2");
    await edit.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await officer.getByRole("status").getByText("De bijeenkomst is gewijzigd.").waitFor();
    await officer.getByText("Stadhuis Zutphen, zaal 2", { exact: true }).first().waitFor();
    expect(await edit.getByLabel("Locatie", { exact: true }).inputValue()).toBe("Stadhuis Zutphen, zaal 2");
    expect(await axeViolations(officer)).toEqual([]);
  });
});
