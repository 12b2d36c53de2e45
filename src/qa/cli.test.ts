// The qa verb as a user runs it: real processes on a real data folder (or, in CI, a fresh PostgreSQL
// database): both seeds imported, a second import that changes nothing, list and similar as JSON, the
// exports; and the refusals, exit 2 naming the argument.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliHarness, cliHarness, inProcess } from "../platform/cli-testing.ts";
import { qaCommand } from "./cli.ts";

const TABBED = path.resolve("test/fixtures/qa/000_15d00ff2a73ea746.txt");
const NUMBERED = path.resolve("test/fixtures/qa/002_7105fce445f6433d.txt");
let cli: CliHarness;
let dir: string;
const run = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  cli = await cliHarness();
  dir = cli.dir;
});
afterAll(async () => cli?.close());

const squash = (s: string) => s.replace(/\s+/g, "");

describe("zorginkoop qa", { timeout: 300_000 }, () => {
  it("exits 2 naming the argument, before touching the database", async () => {
    const bad = path.join(dir, "geen-vragen.txt");
    await writeFile(bad, "Zomaar wat tekst\nzonder vragen\n");
    const cases: [string[], string][] = [
      [["qa"], "subcommand"],
      [["qa", "verwijder", "--tender", "x"], "verwijder"],
      [["qa", "list"], "--tender"],
      [["qa", "import", "--tender", "x"], "FILE"],
      [["qa", "import", path.join(dir, "bestaat-niet.txt"), "--tender", "x"], "FILE"],
      [["qa", "import", bad, "--tender", "x"], "FILE"],
      [["qa", "import", TABBED, "--tender", "x", "--text", "y"], "--text"],
      [["qa", "export", "--tender", "x", "--format", "pdf"], "--round"],
      [["qa", "export", "--tender", "x", "--round", "een", "--format", "pdf"], "--round"],
      [["qa", "export", "--tender", "x", "--round", "1", "--format", "odt"], "--format"],
      [["qa", "export", "--tender", "x", "--round", "1"], "--format"],
      [["qa", "similar", "--tender", "x"], "--text"],
      [["qa", "similar", "--tender", "x", "--text", "planning", "--limit", "0"], "--limit"],
      [["qa", "list", "--tender", "x", "--kleur"], "--kleur"],
    ];
    for (const [args, named] of cases) {
      const result = await inProcess(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
      expect(result.stderr, args.join(" ")).toContain(named);
    }
    expect((await inProcess("qa", "--help")).stdout).toContain("Usage: zorginkoop qa");
  });

  it("passes its working directory along when forwarded to the server", () => {
    expect(qaCommand.forwardArgv!(["import", "x.txt", "--tender", "Inkoop 2022"], "/home/inkoop")).toEqual([
      "import",
      "x.txt",
      "--tender",
      "Inkoop 2022",
      "--cwd",
      "/home/inkoop",
    ]);
    expect(qaCommand.forwardArgv!(["list", "--cwd", "/elders"], "/home/inkoop")).toEqual(["list", "--cwd", "/elders"]);
    // list and similar touch no files: nothing is added, so they are not refused for an option not theirs.
    expect(qaCommand.forwardArgv!(["list", "--tender", "export", "--json"], "/home/inkoop")).toEqual([
      "list",
      "--tender",
      "export",
      "--json",
    ]);
    expect(qaCommand.forwardArgv!(["--tender", "Inkoop 2022", "export", "--round", "1"], "/home/inkoop")).toEqual([
      "--tender",
      "Inkoop 2022",
      "export",
      "--round",
      "1",
      "--cwd",
      "/home/inkoop",
    ]);
  });

  it("imports both seeds, and a second import changes nothing", async () => {
    expect((await run("demo")).code).toBe(0);
    const first = await run("qa", "import", TABBED, "--tender", "Inkoop 2022");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Imported 145 questions");
    const chain = JSON.parse((await run("audit", "verify", "--json")).stdout);
    const again = await run("qa", "import", TABBED, "--tender", "Inkoop 2022");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing changed");
    expect(JSON.parse((await run("audit", "verify", "--json")).stdout)).toEqual(chain);
    // Relative to the working directory.
    const second = await run("qa", "import", path.relative(dir, NUMBERED), "--tender", "Inkoop 2022", "--json");
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 45, alreadyImported: false, layout: "numbered" });
    const unknown = await run("qa", "import", TABBED, "--tender", "Inkoop 1999");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--tender");
  });

  it("lists every question as JSON with number, category, text, answer, references and status", async () => {
    const listed = await run("qa", "list", "--tender", "Inkoop 2022", "--json");
    expect(listed.code).toBe(0);
    const questions = JSON.parse(listed.stdout) as {
      roundNumber: number;
      number: number;
      category: string | null;
      text: string;
      answer: string;
      references: number[];
      status: string;
    }[];
    const first = questions.filter((q) => q.roundNumber === questions[0]!.roundNumber);
    const second = questions.filter((q) => q.roundNumber !== questions[0]!.roundNumber);
    expect(first).toHaveLength(145);
    expect(second).toHaveLength(45);
    expect(first[40]).toMatchObject({
      number: 41,
      category: "Proces van aanbesteden",
      answer: "Wij verwijzen u naar het antwoord op vraag 40.",
      references: [40],
      status: "published",
    });
    const refs = (qs: typeof questions) =>
      Object.fromEntries(qs.filter((q) => q.references.length > 0).map((q) => [q.number, q.references]));
    expect(refs(first)).toEqual({
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
    expect(refs(second)).toEqual({ 37: [29], 38: [33] });
  });

  it("finds near-duplicates with a score", async () => {
    const found = await run(
      "qa",
      "similar",
      "--tender",
      "Inkoop 2022",
      "--text",
      "Kun je je later bij een hoofdaanbieder aansluiten als jouw aanbieder niet gegund wordt?",
      "--json",
      "--limit",
      "3",
    );
    expect(found.code).toBe(0);
    const matches = JSON.parse(found.stdout);
    expect(matches).toHaveLength(3);
    expect(matches[0]).toMatchObject({ number: 46, category: "Proces van aanbesteden" });
    expect(matches[0].score).toBeGreaterThan(0.5);
    expect(matches[0].score).toBeLessThanOrEqual(1);
  });

  it("exports a round as PDF holding every question, and as DOCX and Markdown", async () => {
    const listed = JSON.parse((await run("qa", "list", "--tender", "Inkoop 2022", "--json")).stdout) as {
      roundNumber: number;
      text: string;
    }[];
    const round = listed[0]!.roundNumber;
    const pdf = await run("qa", "export", "--tender", "Inkoop 2022", "--round", String(round), "--format", "pdf");
    expect(pdf.code, pdf.stderr).toBe(0);
    const file = path.join(dir, `nota-van-inlichtingen-${round}.pdf`);
    expect(pdf.stdout).toContain(file);
    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8"));
    const inRound = listed.filter((q) => q.roundNumber === round);
    expect(inRound).toHaveLength(145);
    for (const q of inRound) expect(text).toContain(squash(q.text));

    const docx = await run(
      "qa",
      "export",
      "--tender",
      "Inkoop 2022",
      "--round",
      String(round + 1),
      "--format",
      "docx",
      "--out",
      "nvi.docx",
    );
    expect(docx.code, docx.stderr).toBe(0);
    const xml = execFileSync("unzip", ["-p", path.join(dir, "nvi.docx"), "word/document.xml"]).toString("utf8");
    expect(xml).toContain("Vraag 45");

    const md = await run("qa", "export", "--tender", "Inkoop 2022", "--round", String(round), "--format", "md");
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Q&A brede bijeenkomst/);
    expect(md.stdout).toContain("*Verwijzing:* zie vraag 40");

    const missing = await run("qa", "export", "--tender", "Inkoop 2022", "--round", "99", "--format", "md");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--round");
  });
});
