// Questions and answers in Chromium: the officer sets the question deadline, a provider asks a
// question on Inkoop 2027, the officer numbers, categorises and assigns it, the second officer drafts
// the answer (and cannot approve it), the first approves it and publishes the round after a
// confirmation; then the provider, and the other provider without learning who asked, read the answer
// and get the notification. Axe checks every Q&A page on the way.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, DEMO, type E2E, login, screenshot, startE2E } from "./support.ts";

const QUESTION =
  "Mag een aanbieder voor het segment Dyslexiezorg ook onderaannemers inzetten die niet in alle acht gemeenten werken?";
const ANSWER =
  "Ja. Onderaannemers hoeven niet in alle gemeenten te werken, zolang de hoofdaannemer dekkend aanbod levert.";

describe("questions and answers", { timeout: 180_000 }, () => {
  let e2e: E2E;
  let officer: Page;
  let provider: Page;
  let tenderId = "";
  let questionUrl = "";
  let roundTitle = "";
  let firstNumber = "";

  async function pageFor(email: string): Promise<Page> {
    const page = await e2e.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, email);
    return page;
  }

  /** Creates a round planned today on the handling page and publishes it after the confirmation; its title. */
  async function publishNewRound(page: Page, shot: string): Promise<string> {
    await page.getByRole("heading", { level: 2, name: "Rondes van de Nota van Inlichtingen" }).waitFor();
    const rounds = page.getByRole("table", { name: "Rondes met geplande datum, publicatie en aantal vragen" });
    const before = await rounds.getByRole("row").count();
    await page.getByLabel("Geplande datum", { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Ronde aanmaken" }).click();
    await expect.poll(() => rounds.getByRole("row").count()).toBe(Math.max(before, 1) + 1);
    const publish = page.getByRole("button", { name: /^Publiceren Nota van Inlichtingen \d+$/ }).last();
    const title = ((await publish.textContent()) ?? "").replace(/^Publiceren\s*/, "").trim();
    await publish.click();
    const confirm = page.getByText(`${title} publiceren?`, { exact: false });
    await expect(confirm.textContent()).resolves.toMatch(
      /\d+ goedgekeurde? antwoord(en)? ga(at|an) op hetzelfde moment/,
    );
    await screenshot(page, shot);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Ja, nu publiceren" }).click();
    await page.getByRole("status").getByText(`${title} is gepubliceerd met`, { exact: false }).waitFor();
    return title;
  }

  beforeAll(async () => {
    e2e = await startE2E();
    const [row] = await e2e.ctx.db.query<{ id: string }>("select id from tenders where name = 'Inkoop 2027'");
    tenderId = row!.id;
    officer = await pageFor(DEMO.procurement_officer);
    provider = await pageFor(DEMO.provider);
  }, 180_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("lets the officer set the question deadline on the handling page", async () => {
    await officer.getByRole("link", { name: "Inkoop 2027", exact: true }).click();
    const tabs = officer.getByRole("navigation", { name: "Onderdelen van de aanbesteding" });
    await tabs.getByRole("link", { name: "Vragen behandelen" }).click();
    await officer.getByRole("heading", { level: 1, name: "Vragen behandelen voor Inkoop 2027" }).waitFor();
    // A deadline after the closing time (4 January 2027, 12:00) is refused at the field, naming that time.
    const deadline = officer.getByLabel("Vragen stellen kan tot");
    await deadline.fill("2027-01-10T12:00");
    await officer.getByRole("button", { name: "Termijn opslaan" }).click();
    const refusal = officer.getByText("De termijn voor vragen moet voor de sluitingstijd liggen", { exact: false });
    await expect.poll(() => refusal.textContent()).toMatch(/4 januari 2027.*12:00/);
    expect(await deadline.getAttribute("aria-invalid")).toBe("true");
    // Ten days from now, 12:00 Dutch time.
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await officer.getByLabel("Vragen stellen kan tot").fill(`${day}T12:00`);
    await officer.getByRole("button", { name: "Termijn opslaan" }).click();
    await officer.getByRole("status").getByText("De termijn is opgeslagen.").waitFor();
    await screenshot(officer, "qa-work");
    expect(await axeViolations(officer)).toEqual([]);
  });

  it("lets the provider ask a question with a document section and a lot, and shows it as being handled", async () => {
    await provider.getByRole("link", { name: "Inkoop 2027", exact: true }).click();
    const tabs = provider.getByRole("navigation", { name: "Onderdelen van de aanbesteding" });
    await tabs.getByRole("link", { name: "Vragen en antwoorden" }).click();
    await provider.getByRole("heading", { level: 1, name: "Vragen en antwoorden over Inkoop 2027" }).waitFor();
    await expect(provider.locator(".zk-closing").textContent()).resolves.toMatch(/U kunt vragen stellen tot.*12:00/);
    await expect(provider.getByRole("timer").textContent()).resolves.toMatch(/(9|10) dagen/);
    await expect(
      provider.getByRole("link", { name: "Sjabloon voor vragen downloaden (Excel)" }).getAttribute("href"),
    ).resolves.toBe(`/api/tenders/${tenderId}/qa/template.xlsx`);

    // An empty question is stopped at the field.
    await provider.getByRole("button", { name: "Vraag versturen" }).click();
    await provider.getByText("Vul uw vraag in.").waitFor();

    await provider.getByLabel("Uw vraag").fill(QUESTION);
    await provider.getByLabel("Verwijzing naar de aanbestedingsstukken").fill("Bestek, paragraaf 4.1");
    const lot = provider.getByLabel("Perceel");
    const lotValue = await lot.locator("option").nth(1).getAttribute("value");
    await lot.selectOption(lotValue ?? "");
    await provider.getByRole("button", { name: "Vraag versturen" }).click();
    await provider.getByRole("status").getByText("Uw vraag is ontvangen.", { exact: false }).waitFor();
    const mine = provider.getByRole("table", { name: "Vragen van uw organisatie met hun stand en antwoord" });
    const row = mine.getByRole("row", { name: /onderaannemers inzetten/ });
    await expect(row.textContent()).resolves.toContain("In behandeling");
    await expect(row.textContent()).resolves.toContain("Bestek, paragraaf 4.1");
    await screenshot(provider, "qa-provider-asked");
    expect(await axeViolations(provider)).toEqual([]);
  });

  it("lets the officer number, categorise and assign the question to the second officer", async () => {
    await officer.reload();
    await officer.getByRole("heading", { level: 1, name: "Vragen behandelen voor Inkoop 2027" }).waitFor();
    await officer.getByLabel("Stand", { exact: true }).selectOption("new");
    await officer.getByRole("link", { name: /onderaannemers inzetten/ }).click();
    await officer.getByRole("heading", { level: 1, name: "Vraag zonder nummer" }).waitFor();
    questionUrl = new URL(officer.url()).pathname;
    await expect(officer.locator(".zk-facts").textContent()).resolves.toContain("Zorgpartners Achterhoek");

    // The number field proposes the next free number.
    const number = officer.getByLabel("Nummer", { exact: true });
    const proposed = await number.inputValue();
    expect(proposed).toMatch(/^\d+$/);
    firstNumber = proposed;
    await expect(officer.getByText(`Het eerstvolgende vrije nummer is ${proposed}.`).count()).resolves.toBe(1);
    await officer.getByLabel("Categorie", { exact: true }).selectOption("Inschrijven");
    await officer.getByLabel("Subkop").fill("Onderaanneming");
    await officer.getByRole("button", { name: "Opslaan", exact: true }).click();
    await officer.getByRole("status").getByText("De vraag is opgeslagen.").waitFor();
    await officer.getByRole("heading", { level: 1, name: `Vraag ${proposed}` }).waitFor();

    await officer
      .getByLabel("Collega die het antwoord opstelt")
      .selectOption({ label: "Tweede inkoopspecialist (Inkoopspecialist)" });
    await officer.getByRole("button", { name: "Toewijzen", exact: true }).click();
    await officer.getByRole("status").getByText("De vraag is toegewezen aan Tweede inkoopspecialist.").waitFor();
    await expect(officer.locator(".zk-facts").textContent()).resolves.toContain("Toegewezen");
    await screenshot(officer, "qa-question-triage");
    expect(await axeViolations(officer)).toEqual([]);
  });

  it("lets the second officer draft the answer with a reservation, and not approve it", async () => {
    const second = await pageFor(DEMO.procurement_officer_2);
    await second.goto(questionUrl);
    await second.getByRole("heading", { level: 2, name: "Antwoord opstellen" }).waitFor();
    await second.getByRole("heading", { level: 2, name: "Vergelijkbare vragen" }).waitFor();
    await second.getByLabel("Antwoord", { exact: true }).fill(ANSWER);
    await second.getByLabel("Onder voorbehoud van besluitvorming").check();
    await second.getByRole("button", { name: "Concept opslaan" }).click();
    await second.getByRole("status").getByText("Het concept-antwoord is opgeslagen.", { exact: false }).waitFor();
    await second.getByText("U heeft dit antwoord zelf opgesteld.", { exact: false }).waitFor();
    await expect(second.getByRole("button", { name: "Antwoord goedkeuren" }).count()).resolves.toBe(0);
    await screenshot(second, "qa-question-drafted");
    expect(await axeViolations(second)).toEqual([]);
  });

  it("lets the first officer approve the answer and publish the round after a confirmation", async () => {
    await officer.reload();
    await officer.getByRole("button", { name: "Antwoord goedkeuren" }).click();
    await officer
      .getByRole("status")
      .getByText("Het antwoord is goedgekeurd en gaat mee in de volgende ronde.")
      .waitFor();

    await officer.getByRole("link", { name: "Terug naar de vragen over Inkoop 2027" }).click();
    roundTitle = await publishNewRound(officer, "qa-round-confirm");
  });

  it("shows the provider the answer in the published round and the notification", async () => {
    await provider.reload();
    const round = provider.getByRole("region", { name: roundTitle, exact: true });
    const question = round.getByRole("article").filter({ hasText: "onderaannemers inzetten" });
    await expect(question.textContent()).resolves.toContain(ANSWER);
    await expect(question.textContent()).resolves.toContain("Onder voorbehoud van besluitvorming");
    await expect(round.getByRole("heading", { level: 4, name: "Inschrijven" }).count()).resolves.toBe(1);
    await expect(
      round.getByRole("link", { name: `Download als PDF ${roundTitle}` }).getAttribute("href"),
    ).resolves.toMatch(/\/qa\/rounds\/\d+\/export\?format=pdf$/);
    const row = provider
      .getByRole("table", { name: "Vragen van uw organisatie met hun stand en antwoord" })
      .getByRole("row", { name: /onderaannemers inzetten/ });
    await expect(row.textContent()).resolves.toContain("Beantwoord in de Nota van Inlichtingen");
    await screenshot(provider, "qa-provider-published");
    expect(await axeViolations(provider)).toEqual([]);

    const link = provider.getByRole("link", { name: /Meldingen/ });
    await expect.poll(() => link.textContent(), { timeout: 20_000 }).toMatch(/\d/);
    await link.click();
    await provider.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    const notice = provider.getByRole("article", { name: `${roundTitle} gepubliceerd – Inkoop 2027` });
    await expect(notice.textContent()).resolves.toContain("vragen en antwoorden zijn gepubliceerd.");
    await expect(notice.getByRole("link", { name: "Naar de vragen en antwoorden" }).getAttribute("href")).resolves.toBe(
      `/tenders/${tenderId}/qa`,
    );

    // The same notification in English, worded from its facts.
    await provider.getByRole("button", { name: "English" }).click();
    const english = provider.getByRole("article", { name: `${roundTitle} published – Inkoop 2027` });
    await expect.poll(() => english.textContent()).toMatch(/\d+ questions and answers have been published\./);
    await expect(english.getByRole("link", { name: "Go to the questions and answers" }).count()).resolves.toBe(1);
    expect(await axeViolations(provider)).toEqual([]);
    await provider.getByRole("button", { name: "Nederlands" }).click();
    await provider.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
  });

  it("shows the other provider the same answer without who asked it", async () => {
    const other = await pageFor(DEMO.provider_other);
    await other.goto(`/tenders/${tenderId}/qa`);
    const round = other.getByRole("region", { name: roundTitle, exact: true });
    await expect(round.textContent()).resolves.toContain(ANSWER);
    await expect(other.locator("main").textContent()).resolves.not.toContain("Zorgpartners");
    await expect(other.getByRole("row", { name: /onderaannemers inzetten/ }).count()).resolves.toBe(0);
  });
  it("answers a similar question by reference in one action, published as a link to the earlier answer", async () => {
    await provider.goto(`/tenders/${tenderId}/qa`);
    await provider
      .getByLabel("Uw vraag")
      .fill(
        "Mogen onderaannemers worden ingezet die niet in alle acht gemeenten werken, voor het segment Dyslexiezorg?",
      );
    await provider.getByRole("button", { name: "Vraag versturen" }).click();
    await provider.getByRole("status").getByText("Uw vraag is ontvangen.", { exact: false }).waitFor();

    await officer.goto(`/tenders/${tenderId}/qa/work`);
    await officer.getByLabel("Stand", { exact: true }).selectOption("new");
    await officer.getByRole("link", { name: /Mogen onderaannemers worden ingezet/ }).click();
    await officer.getByRole("heading", { level: 1, name: "Vraag zonder nummer" }).waitFor();
    const second = await officer.getByLabel("Nummer", { exact: true }).inputValue();
    expect(Number(second)).toBeGreaterThan(Number(firstNumber));
    await officer.getByRole("button", { name: "Opslaan", exact: true }).click();
    await officer.getByRole("heading", { level: 1, name: `Vraag ${second}` }).waitFor();

    // The earlier question is among the similar ones, with its answer.
    const similar = officer.getByRole("list", { name: "Vergelijkbare vragen met hun antwoord" });
    const match = similar.getByRole("listitem").filter({ hasText: `Vraag ${firstNumber}` });
    await expect(match.textContent()).resolves.toContain(ANSWER);
    await screenshot(officer, "qa-similar");
    expect(await axeViolations(officer)).toEqual([]);
    await match.getByRole("button", { name: `Beantwoorden met verwijzing naar vraag ${firstNumber}` }).click();
    const asked = officer.getByRole("region", { name: "De vraag", exact: true });
    await asked.getByText(`Wij verwijzen u naar het antwoord op vraag ${firstNumber}.`).waitFor();
    await expect(asked.getByRole("link", { name: `vraag ${firstNumber}` }).count()).resolves.toBe(1);
    await expect(officer.getByLabel("Antwoord", { exact: true }).inputValue()).resolves.toContain(
      `vraag ${firstNumber}`,
    );

    // The officer drafted it by reference, so the second officer approves and publishes.
    const approver = await pageFor(DEMO.procurement_officer_2);
    await approver.goto(new URL(officer.url()).pathname);
    await approver.getByRole("button", { name: "Antwoord goedkeuren" }).click();
    await approver.getByRole("status").getByText("Het antwoord is goedgekeurd", { exact: false }).waitFor();
    await approver.goto(`/tenders/${tenderId}/qa/work`);
    const title = await publishNewRound(approver, "qa-round-confirm-2");

    await provider.reload();
    const round = provider.getByRole("region", { name: title, exact: true });
    const link = round.getByRole("link", { name: `vraag ${firstNumber}` });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^#vraag-/);
    // The link leads to the earlier question on the same page.
    await expect(provider.locator(href).textContent()).resolves.toContain(ANSWER);
    await link.click();
    await expect.poll(() => new URL(provider.url()).hash).toBe(href);
  });

  it("imports an earlier Nota van Inlichtingen after a preview, and a second time adds nothing", async () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/qa/002_7105fce445f6433d.txt");
    await officer.goto(`/tenders/${tenderId}/qa/work`);
    await officer.getByLabel("Bestand met vragen en antwoorden").setInputFiles(file);
    await officer.getByRole("button", { name: "Bestand lezen" }).click();
    const preview = officer.getByRole("table", { name: /^Gelezen uit/ });
    await expect.poll(() => preview.getByRole("row").count(), { timeout: 20_000 }).toBe(46);
    await officer.getByText("002_7105fce445f6433d.txt: 45 vragen met", { exact: false }).waitFor();
    await screenshot(officer, "qa-import-preview");
    expect(await axeViolations(officer)).toEqual([]);
    await officer.getByRole("button", { name: "45 vragen importeren" }).click();
    await officer
      .getByRole("status")
      .getByText(/45 vragen zijn geïmporteerd als ronde \d+\./)
      .waitFor();

    await officer.getByLabel("Bestand met vragen en antwoorden").setInputFiles(file);
    await officer.getByRole("button", { name: "Bestand lezen" }).click();
    await officer.getByText("Dit bestand is al geïmporteerd als ronde", { exact: false }).waitFor();
    await officer.getByRole("button", { name: "45 vragen importeren" }).click();
    await officer
      .getByRole("status")
      .getByText(/was al geïmporteerd als ronde \d+; er is niets toegevoegd/)
      .waitFor();
  });

  it("lets the provider search the published answers and follow a reference out of the results", async () => {
    await provider.goto(`/tenders/${tenderId}/qa`);
    const search = provider.getByLabel("Zoeken in vragen en antwoorden");
    await search.fill("ZORGDEKKINGSMATRIX");
    const count = provider.getByRole("status").filter({ hasText: "vragen gevonden" });
    await expect.poll(() => count.textContent()).toMatch(/^2 van \d+ vragen gevonden\.$/);
    const found = provider.getByRole("article");
    expect(await found.count()).toBe(2);
    for (const article of await found.all()) {
      expect((await article.locator("mark").first().textContent())?.toLowerCase()).toBe("zorgdekkingsmatrix");
    }
    await screenshot(provider, "qa-search");
    expect(await axeViolations(provider)).toEqual([]);

    // Question 37 refers to 29, which the search hides: following the link shows everything and goes there.
    await found
      .filter({ hasText: "Hoe komt de zorgdekkingsmatrix tot stand?" })
      .getByRole("link", { name: "vraag 29" })
      .click();
    await expect.poll(() => search.inputValue()).toBe("");
    const target = provider.getByRole("article").filter({ hasText: "Is deze operatie geslaagd wat u betreft" });
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);

    await provider.getByLabel("Categorie", { exact: true }).selectOption({ label: "Zonder categorie" });
    // The 45 imported ones have none, and the round's own question may have none either.
    await expect.poll(() => count.textContent()).toMatch(/^4[56] van \d+ vragen gevonden\.$/);
    const shown = Number((await count.textContent())!.split(" ")[0]);
    expect(await provider.getByRole("article").count()).toBe(shown);
    await provider.getByRole("button", { name: "Zoekopdracht wissen" }).click();
    expect(await provider.getByLabel("Categorie", { exact: true }).inputValue()).toBe("");
    // No count while nothing is filtered.
    await expect.poll(() => provider.getByRole("search").getByRole("status").textContent()).toBe("");
    await expect.poll(() => provider.getByRole("article").count()).toBeGreaterThan(shown);
  });

  it("refuses a question after the deadline, naming it, and then shows asking as closed", async () => {
    // The provider's page still offers the form when the officer moves the deadline into the past.
    await provider.goto(`/tenders/${tenderId}/qa`);
    await provider.getByLabel("Uw vraag").fill("Een vraag die net te laat komt.");
    await officer.goto(`/tenders/${tenderId}/qa/work`);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await officer.getByLabel("Vragen stellen kan tot").fill(`${yesterday}T12:00`);
    await officer.getByRole("button", { name: "Termijn opslaan" }).click();
    await officer.getByRole("status").getByText("De termijn is opgeslagen.").waitFor();

    await provider.getByRole("button", { name: "Vraag versturen" }).click();
    const refusal = provider.getByRole("alert").filter({ hasText: "De termijn voor vragen is verstreken op" });
    await expect(refusal.textContent()).resolves.toMatch(/verstreken op .*12:00\. U kunt geen vragen meer stellen\./);
    await provider.reload();
    await provider.getByText("U kunt geen vragen meer stellen: de termijn voor vragen is verstreken.").waitFor();
    await expect(provider.locator(".zk-closing").textContent()).resolves.toContain(
      "De termijn voor vragen is verstreken op",
    );
    await expect(provider.getByRole("button", { name: "Vraag versturen" }).count()).resolves.toBe(0);
    await screenshot(provider, "qa-provider-closed");
    expect(await axeViolations(provider)).toEqual([]);
  });
});
