// The qa verb: import a Q&A file, export a round, list and find similar questions (issue 5).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { withRuntime } from "../platform/cli.ts";
import { type Command, EXIT_OK, requireString, UsageError } from "../platform/command.ts";
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { EXPORT_FORMATS, type ExportFormat, exportFileName } from "./export.ts";
import { exportRound } from "./export-round.ts";
import { importQaFile, readQaFile } from "./import.ts";
import { listQuestions, type QaQuestion } from "./read.ts";
import { similarQuestions } from "./similar-search.ts";

const SUBCOMMANDS = ["import", "export", "list", "similar"] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first positional argument: options take a value, except --json and --help. */
function subcommandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) return a;
    if (a !== "--json" && a !== "--help" && !a.includes("=")) i++;
  }
  return undefined;
}

// Which options each subcommand takes; any other is refused, naming it.
const ALLOWED: Record<Sub, string[]> = {
  import: ["tender", "region", "json", "cwd"],
  export: ["tender", "region", "round", "format", "out", "cwd"],
  list: ["tender", "region", "json", "round"],
  similar: ["tender", "region", "json", "text", "limit"],
};

interface TenderRef {
  id: string;
  name: string;
  regionId: string;
}

/** The tender by id or exact name (in --region, or in the one region that has a tender of that name). */
async function findTender(db: Sql, ref: string, regionSlug: string | undefined): Promise<TenderRef> {
  const rows = await db.query<{ id: string; name: string; region_id: string; slug: string }>(
    `select t.id, t.name, t.region_id, r.slug from tenders t join regions r on r.id = t.region_id
      where ${UUID.test(ref) ? "t.id = $1::uuid" : "t.name = $1"} order by r.slug`,
    [ref],
  );
  const found = regionSlug === undefined ? rows : rows.filter((r) => r.slug === regionSlug);
  if (found.length === 0) {
    const [any] = await db.query<{ n: number }>("select count(*)::int as n from tenders");
    if (Number(any?.n ?? 0) === 0) {
      throw new UsageError(
        `--tender: there is no tender in this database yet; load the demo (zorginkoop demo, or npm start) or create one first`,
      );
    }
    throw new UsageError(
      `--tender: no tender '${ref}'${regionSlug ? ` in region '${regionSlug}'` : ""} (give its id or exact name; zorginkoop tender list shows them)`,
    );
  }
  if (found.length > 1) {
    throw new UsageError(
      `--tender: '${ref}' names a tender in several regions (${found.map((r) => r.slug).join(", ")}); add --region`,
    );
  }
  const [t] = found;
  return { id: t!.id, name: t!.name, regionId: t!.region_id };
}

function positiveInt(values: Record<string, unknown>, name: string, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw.trim()) || n < 1 || n > max) {
    throw new UsageError(`--${name}: expected a whole number from 1 to ${max}, got '${String(raw)}'`);
  }
  return n;
}

/** One line of JSON per question for `qa list --json`: what a person reads, references as numbers. */
function listed(q: QaQuestion) {
  return {
    id: q.id,
    roundNumber: q.roundNumber,
    number: q.number,
    category: q.category,
    subheading: q.subheading,
    text: q.text,
    answer: q.answer,
    reservation: q.reservation,
    references: q.references.map((r) => r.number),
    status: q.status,
    visibility: q.visibility,
  };
}

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export const qaCommand: Command = {
  name: "qa",
  summary: "import FILE | export | list | similar: questions and answers (Nota van Inlichtingen) of a tender",
  args: "import FILE | export | list | similar",
  options: {
    tender: { type: "string", description: "the tender's id or exact name, e.g. 'Inkoop 2022'" },
    region: { type: "string", description: "region slug (when the tender's name is used in several regions)" },
    round: { type: "string", description: "export: the round's number (list: only that round)" },
    format: { type: "string", description: "export: pdf, docx or md" },
    out: {
      type: "string",
      description: "export: the file to write (default nota-van-inlichtingen-N.<format>; md without it: stdout)",
    },
    text: { type: "string", description: "similar: the question to compare" },
    limit: { type: "string", description: "similar: how many matches (default 5)" },
    json: { type: "boolean", description: "print JSON" },
    cwd: { type: "string", description: "the directory FILE and --out are relative to (default: the current one)" },
  },
  // Forwarded to a running server, the verb runs in the server's working directory: pass ours along.
  // Only import and export read or write files; list and similar refuse --cwd like any option not theirs.
  forwardArgv: (argv, cwd) => {
    const sub = subcommandOf(argv);
    const given = argv.some((a) => a === "--cwd" || a.startsWith("--cwd="));
    return (sub === "import" || sub === "export") && !given ? [...argv, "--cwd", cwd] : argv;
  },
  async run({ values, positionals }, io) {
    const [sub, ...rest] = positionals;
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw new UsageError(
        sub
          ? `unknown subcommand '${sub}'; expected import, export, list or similar`
          : "expected a subcommand: import, export, list or similar",
      );
    }
    const command = sub as Sub;
    for (const name of Object.keys(values)) {
      if (values[name] !== undefined && !ALLOWED[command].includes(name)) {
        throw new UsageError(`--${name} is not an option of 'qa ${command}'`);
      }
    }
    if (command === "import" && rest.length === 0) throw new UsageError("import needs FILE, the Q&A list to read");
    const extra = command === "import" ? rest.slice(1) : rest;
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const tenderRef = requireString(values, "tender");
    const cwd = typeof values.cwd === "string" ? path.resolve(values.cwd) : process.cwd();

    if (command === "import") {
      const file = path.resolve(cwd, rest[0]!);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new UsageError(`FILE: cannot read '${rest[0]}' (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
      let read: ReturnType<typeof readQaFile>;
      try {
        read = readQaFile({ fileName: path.basename(file), bytes });
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(`FILE: ${error.detail ?? error.message}`);
        throw error;
      }
      return withRuntime(async ({ db, clock }) => {
        const tender = await findTender(db, tenderRef, values.region as string | undefined);
        const result = await db.transaction((tx) =>
          importQaFile(tx, tender.id, read, {
            actor: { id: null, label: "cli" },
            regionId: tender.regionId,
            now: clock.now(),
          }),
        );
        const references = read.parsed.questions.reduce((n, q) => n + q.references.length, 0);
        if (values.json) {
          io.out(
            JSON.stringify(
              {
                tenderId: tender.id,
                ...result,
                fileName: read.fileName,
                sha256: read.sha256,
                layout: read.parsed.layout,
                title: read.parsed.title,
                questions: read.parsed.questions.length,
                references,
                unresolved: read.parsed.unresolved,
                warnings: read.parsed.warnings,
              },
              null,
              2,
            ),
          );
        } else if (result.alreadyImported) {
          io.out(
            `${read.fileName} was imported into ${tender.name} before, as round ${result.roundNumber}; nothing changed.`,
          );
        } else {
          io.out(
            `Imported ${result.created} questions (${read.parsed.layout} layout, ${references} references) from ${read.fileName} into ${tender.name} as round ${result.roundNumber}.`,
          );
          for (const w of read.parsed.warnings) io.err(`Note: ${w}`);
          for (const u of read.parsed.unresolved)
            io.err(`Note: question ${u.question} refers to question ${u.reference} (${u.reason}); not linked.`);
        }
        return EXIT_OK;
      });
    }

    if (command === "export") {
      const round = positiveInt(values, "round", 10_000);
      if (round === undefined) throw new UsageError("--round is required");
      const format = requireString(values, "format");
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format: expected pdf, docx or md, got '${format}'`);
      }
      const out = typeof values.out === "string" ? path.resolve(cwd, values.out) : undefined;
      return withRuntime(async ({ db }) => {
        const tender = await findTender(db, tenderRef, values.region as string | undefined);
        let exported: Awaited<ReturnType<typeof exportRound>>;
        try {
          exported = await exportRound(db, tender.regionId, tender.id, round, format as ExportFormat, {
            publishedOnly: false,
          });
        } catch (error) {
          if (error instanceof AppError && error.code === "NOT_FOUND") {
            throw new UsageError(`--round: ${tender.name} has no round ${round}`);
          }
          throw error;
        }
        if (out === undefined && format === "md") {
          io.out(exported.content.toString("utf8").trimEnd());
          return EXIT_OK;
        }
        const target = out ?? path.resolve(cwd, exportFileName(round, format as ExportFormat));
        await writeFile(target, exported.content);
        io.out(`Written ${target} (${exported.questionCount} questions, ${exported.content.length} bytes).`);
        return EXIT_OK;
      });
    }

    if (command === "list") {
      const round = positiveInt(values, "round", 10_000);
      return withRuntime(async ({ db }) => {
        const tender = await findTender(db, tenderRef, values.region as string | undefined);
        const questions = (await listQuestions(db, tender.id)).filter(
          (q) => round === undefined || q.roundNumber === round,
        );
        if (values.json) {
          io.out(JSON.stringify(questions.map(listed), null, 2));
          return EXIT_OK;
        }
        for (const q of questions) {
          const where = [q.roundNumber ? `ronde ${q.roundNumber}` : "geen ronde", q.number ? `vraag ${q.number}` : "—"];
          const cat = [q.category, q.subheading].filter(Boolean).join(" / ");
          const refs = q.references.length > 0 ? ` (zie vraag ${q.references.map((r) => r.number).join(", ")})` : "";
          io.out(`${where.join(", ")}  [${cat || "geen categorie"}]  ${q.status}  ${short(q.text, 90)}${refs}`);
        }
        io.err(`${questions.length} questions in ${tender.name}.`);
        return EXIT_OK;
      });
    }

    const text = requireString(values, "text");
    const limit = positiveInt(values, "limit", 50) ?? 5;
    return withRuntime(async ({ db }) => {
      const tender = await findTender(db, tenderRef, values.region as string | undefined);
      const matches = await similarQuestions(db, tender.id, text, { limit });
      if (values.json) {
        io.out(JSON.stringify(matches, null, 2));
        return EXIT_OK;
      }
      if (matches.length === 0) io.err("No similar questions with an answer.");
      for (const m of matches) {
        io.out(
          `${m.score.toFixed(3)}  ronde ${m.roundNumber ?? "—"}, vraag ${m.number ?? "—"}  ${short(m.text, 90)}\n       → ${short(m.answer ?? "", 110)}`,
        );
      }
      return EXIT_OK;
    });
  },
};
