// Q&A files through the API: both seed files imported (numbers, categories, every reference), a second
// import that changes nothing (not even the audit chain), the preview, the exports (every question in
// the PDF and the DOCX, never an asker) and the similar-question search.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart } from "../files/testing.ts";
import { verifyChain } from "../platform/audit.ts";
import { DEMO, loginCookie, type TestContext, testContext } from "../platform/testing.ts";
import { parseQaList } from "./parse.ts";
import { listQuestions, type QaQuestion } from "./read.ts";

const FIXTURES = path.resolve("test/fixtures/qa");
const TABBED = "000_15d00ff2a73ea746.txt";
const NUMBERED = "002_7105fce445f6433d.txt";
const seed = (name: string) => readFileSync(path.join(FIXTURES, name));

let ctx: TestContext;
let officer: string;
let provider: string;
let tenderId: string;

beforeAll(async () => {
  ctx = await testContext();
  officer = await loginCookie(ctx.app, DEMO.procurement_officer);
  provider = await loginCookie(ctx.app, DEMO.provider);
  // A tender of its own, so that the demo's questions (if any) do not mix in.
  const [row] = await ctx.db.query<{ id: string }>(
    "insert into tenders (region_id, name) values ($1, 'Inkoop Q&A-bestanden') returning id",
    [ctx.demo!.regionId],
  );
  tenderId = row!.id;
}, 120_000);
afterAll(async () => ctx?.close());

function upload(url: string, name: string, content: Buffer, cookie = officer) {
  const { payload, headers } = multipart(name, content, { contentType: "text/plain" });
  return ctx.app.inject({ method: "POST", url, payload, headers: { ...headers, cookie } });
}

const importUrl = () => `/api/tenders/${tenderId}/qa/import`;
const roundOf = (qs: QaQuestion[], round: number) => qs.filter((q) => q.roundNumber === round);
const refs = (qs: QaQuestion[]) =>
  Object.fromEntries(
    qs.filter((q) => q.references.length > 0).map((q) => [q.number, q.references.map((r) => r.number)]),
  );
const auditCount = async () => Number((await ctx.db.query<{ n: number }>("select count(*) as n from audit_log"))[0]!.n);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nvi-"));
  try {
    const file = path.join(dir, "nvi.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function docxText(docx: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nvi-"));
  try {
    const file = path.join(dir, "nvi.docx");
    writeFileSync(file, docx);
    const xml = execFileSync("unzip", ["-p", file, "word/document.xml"]).toString("utf8");
    return xml
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text compared without any whitespace: a PDF wraps lines where it likes. */
const squash = (s: string) => s.replace(/\s+/g, "");

let tabbedRound = 0;
let numberedRound = 0;

describe("import", () => {
  it("previews the tabbed seed without storing anything", async () => {
    const before = await auditCount();
    const response = await upload(`/api/tenders/${tenderId}/qa/import/preview`, TABBED, seed(TABBED));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ fileName: TABBED, layout: "tabbed", alreadyImported: null, unresolved: [] });
    expect(preview.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.questions).toHaveLength(145);
    expect(await listQuestions(ctx.db, tenderId)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it("imports the tabbed seed: 145 questions with numbers, categories, sub-headings and every reference", async () => {
    const response = await upload(importUrl(), TABBED, seed(TABBED));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ created: 145 });
    tabbedRound = body.roundNumber;
    const qs = roundOf(await listQuestions(ctx.db, tenderId), tabbedRound);
    expect(qs.map((q) => q.number)).toEqual(Array.from({ length: 145 }, (_, i) => i + 1));
    expect(
      qs.every((q) => q.status === "published" && q.visibility === "public" && q.askerOrganisationId === null),
    ).toBe(true);
    const at = (n: number) => [qs[n - 1]!.category, qs[n - 1]!.subheading];
    expect(at(1)).toEqual(["Planning", "Gesprekstafels"]);
    expect(at(16)).toEqual(["Proces van aanbesteden", "Inschrijven"]);
    expect(at(52)).toEqual(["Segmentering", null]);
    expect(at(56)).toEqual(["Bekostiging (lumpsum)", null]);
    expect(at(145)).toEqual(["Overige", null]);
    expect(qs[40]!.answer).toBe("Wij verwijzen u naar het antwoord op vraag 40.");
    // The header says "alle antwoorden onder voorbehoud uiteindelijke besluitvorming".
    expect(qs.every((q) => q.reservation)).toBe(true);
    expect(refs(qs)).toEqual({
      2: [1],
      3: [1],
      9: [8],
      11: [10],
      24: [23],
      25: [23],
      41: [40],
      43: [40],
      44: [40],
      46: [45],
      47: [45],
    });
    // Each reference is a link to the question of the same file.
    const q41 = qs[40]!;
    expect(q41.references[0]).toMatchObject({ questionId: qs[39]!.id, number: 40, roundNumber: tabbedRound });
    const [round] = await ctx.db.query<{ title: string; published_at: Date | null }>(
      "select title, published_at from qa_rounds where tender_id = $1 and number = $2",
      [tenderId, tabbedRound],
    );
    expect(round!.title).toBe("Q&A brede bijeenkomst Sociaal Domein Achterhoek 7 januari 2021");
    expect(round!.published_at).not.toBeNull();
  });

  it("changes nothing on a second import of the same file, not even the audit chain", async () => {
    const before = await listQuestions(ctx.db, tenderId);
    const chain = await verifyChain(ctx.db);
    const response = await upload(importUrl(), "andere-naam.txt", seed(TABBED));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ alreadyImported: true, roundNumber: tabbedRound, created: 0 });
    expect(await listQuestions(ctx.db, tenderId)).toEqual(before);
    expect(await verifyChain(ctx.db)).toEqual(chain);
    const preview = await upload(`/api/tenders/${tenderId}/qa/import/preview`, TABBED, seed(TABBED));
    expect(preview.json().alreadyImported).toMatchObject({ roundNumber: tabbedRound });
  });

  it("imports the numbered seed as the next round: 45 questions and its two references", async () => {
    const response = await upload(importUrl(), NUMBERED, seed(NUMBERED));
    expect(response.statusCode, response.body).toBe(201);
    numberedRound = response.json().roundNumber;
    expect(numberedRound).toBe(tabbedRound + 1);
    expect(response.json().created).toBe(45);
    const qs = roundOf(await listQuestions(ctx.db, tenderId), numberedRound);
    expect(qs.map((q) => q.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(qs.every((q) => q.category === null && !q.reservation)).toBe(true);
    expect(refs(qs)).toEqual({ 37: [29], 38: [33] });
    // Numbers repeat across imported files; a reference stays inside its own file.
    expect(qs[36]!.references[0]!.questionId).toBe(qs[28]!.id);
    const parsed = parseQaList(seed(NUMBERED).toString("utf8"));
    expect(qs.map((q) => q.text)).toEqual(parsed.questions.map((q) => q.question));
  });

  it("refuses a file in neither layout, an empty file and a binary one, naming the file; storing nothing", async () => {
    const before = (await listQuestions(ctx.db, tenderId)).length;
    const neither = await upload(importUrl(), "x.txt", Buffer.from("Zomaar wat tekst\nzonder vragen\n"));
    expect(neither.statusCode).toBe(400);
    expect(neither.json()).toMatchObject({ rule: "qa_layout", errors: [{ field: "body.file" }] });
    const empty = await upload(importUrl(), "leeg.txt", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const binary = await upload(importUrl(), "x.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]));
    expect(binary.statusCode).toBe(415);
    const json = await ctx.app.inject({ method: "POST", url: importUrl(), payload: {}, headers: { cookie: officer } });
    expect(json.statusCode).toBe(415);
    expect((await listQuestions(ctx.db, tenderId)).length).toBe(before);
  });

  it("refuses providers and finds no tender of another region", async () => {
    expect((await upload(importUrl(), TABBED, seed(TABBED), provider)).statusCode).toBe(403);
    const elsewhere = await upload("/api/tenders/00000000-0000-4000-8000-000000000000/qa/import", TABBED, seed(TABBED));
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe("export", () => {
  const exportUrl = (round: number, format: string) =>
    `/api/tenders/${tenderId}/qa/rounds/${round}/export?format=${format}`;

  it("writes the PDF with every question of the round, grouped by category, with references", async () => {
    const response = await ctx.app.inject({ url: exportUrl(tabbedRound, "pdf"), headers: { cookie: provider } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain(`nota-van-inlichtingen-${tabbedRound}.pdf`);
    const text = squash(pdfText(response.rawPayload));
    const qs = roundOf(await listQuestions(ctx.db, tenderId), tabbedRound);
    for (const q of qs) {
      expect(text, `question ${q.number}`).toContain(squash(`Vraag ${q.number}. ${q.text}`));
      expect(text, `answer ${q.number}`).toContain(squash(q.answer ?? ""));
    }
    expect(text).toContain(squash("Verwijzing: zie vraag 40"));
    expect(text).toContain(squash("Bekostiging (lumpsum)"));
    expect(text).toContain(squash("Q&A brede bijeenkomst Sociaal Domein Achterhoek 7 januari 2021"));
  }, 120_000);

  it("writes the DOCX with every question of the round", async () => {
    const response = await ctx.app.inject({ url: exportUrl(numberedRound, "docx"), headers: { cookie: officer } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(`nota-van-inlichtingen-${numberedRound}.docx`);
    const text = squash(docxText(response.rawPayload));
    const qs = roundOf(await listQuestions(ctx.db, tenderId), numberedRound);
    for (const q of qs) expect(text, `question ${q.number}`).toContain(squash(`Vraag ${q.number}. ${q.text}`));
    expect(text).toContain(squash("Verwijzing: zie vraag 29"));
  });

  it("writes Markdown with headings per category and 'zie vraag N'", async () => {
    const response = await ctx.app.inject({ url: exportUrl(tabbedRound, "md"), headers: { cookie: officer } });
    expect(response.statusCode).toBe(200);
    const md = response.body;
    expect(md).toMatch(/^# Q&A brede bijeenkomst/);
    expect(md).toContain("## Planning\n\n### Gesprekstafels");
    expect(md).toContain("**Vraag 145.**");
    expect(md).toContain("*Verwijzing:* zie vraag 1");
  });

  it("never shows the asker, and marks a reservation", async () => {
    const [org] = await ctx.db.query<{ id: string; name: string }>(
      "select o.id, o.name from organisations o join users u on u.organisation_id = o.id where u.email = $1",
      [DEMO.provider],
    );
    const [round] = await ctx.db.query<{ id: string }>(
      `insert into qa_rounds (tender_id, number, title, published_at, created_at)
       values ($1, 90, 'Nota van Inlichtingen 90', now(), now()) returning id`,
      [tenderId],
    );
    await ctx.db.query(
      `insert into qa_questions (tender_id, asker_organisation_id, text, asked_at, number, category, status, answer,
                                 reservation, round_id, answered_at, created_at)
       values ($1, $2, 'Mag een onderaannemer ook hoofdaannemer zijn?', now(), 900, 'Inschrijven', 'published',
               'Ja, in een ander segment.', true, $3, now(), now())`,
      [tenderId, org!.id, round!.id],
    );
    for (const format of ["md", "docx", "pdf"]) {
      const response = await ctx.app.inject({ url: exportUrl(90, format), headers: { cookie: provider } });
      expect(response.statusCode).toBe(200);
      const text =
        format === "md"
          ? response.body
          : format === "pdf"
            ? pdfText(response.rawPayload)
            : docxText(response.rawPayload);
      expect(squash(text)).toContain(squash("Mag een onderaannemer ook hoofdaannemer zijn?"));
      expect(squash(text)).toContain(squash("(onder voorbehoud van besluitvorming)"));
      expect(text).not.toContain(org!.name);
    }
  });

  it("hides an unpublished round from providers, not from staff", async () => {
    await ctx.db.query(
      "insert into qa_rounds (tender_id, number, title, created_at) values ($1, 91, 'Nota van Inlichtingen 91', now())",
      [tenderId],
    );
    expect((await ctx.app.inject({ url: exportUrl(91, "md"), headers: { cookie: provider } })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: exportUrl(91, "md"), headers: { cookie: officer } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: exportUrl(92, "md"), headers: { cookie: officer } })).statusCode).toBe(404);
    const bad = await ctx.app.inject({ url: exportUrl(tabbedRound, "odt"), headers: { cookie: officer } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain("format");
  });
});

describe("similar", () => {
  const similar = (text: string, extra = "") =>
    ctx.app.inject({
      url: `/api/tenders/${tenderId}/qa/similar?text=${encodeURIComponent(text)}${extra}`,
      headers: { cookie: officer },
    });

  it("finds a question's near-duplicates, best first, with their answers", async () => {
    // Questions 39 and 40 are near-duplicates in the seed (with its spelling "bewaamheidsdossier").
    const response = await similar("Door wie wordt het bewaamheidsdossier beoordeeld, en op welke basis?");
    expect(response.statusCode).toBe(200);
    const { matches } = response.json();
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThanOrEqual(5);
    expect(matches.slice(0, 3).map((m: { number: number }) => m.number)).toEqual(expect.arrayContaining([39, 40]));
    expect(matches[0]).toMatchObject({ roundNumber: tabbedRound, category: "Proces van aanbesteden" });
    expect(matches[0].answer).toBeTruthy();
    expect(matches[0].score).toBeGreaterThan(0.3);
  });

  it("leaves out the excluded question and honours the limit", async () => {
    const qs = roundOf(await listQuestions(ctx.db, tenderId), tabbedRound);
    const q40 = qs[39]!;
    const response = await similar(q40.text, `&limit=2&exclude=${q40.id}`);
    const { matches } = response.json();
    expect(matches.length).toBeLessThanOrEqual(2);
    expect(matches.map((m: { questionId: string }) => m.questionId)).not.toContain(q40.id);
  });

  it("refuses an empty text and providers", async () => {
    expect((await similar("")).statusCode).toBe(400);
    const asProvider = await ctx.app.inject({
      url: `/api/tenders/${tenderId}/qa/similar?text=planning`,
      headers: { cookie: provider },
    });
    expect(asProvider.statusCode).toBe(403);
  });
});
