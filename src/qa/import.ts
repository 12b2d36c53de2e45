// Storing a parsed Q&A file (zorginkoop qa import, and the import in the UI) as one published round of
// the tender: its questions with their numbers, categories, sub-headings, answers and references as
// links. The file's SHA-256 makes a second import of the same bytes change nothing. This module only
// inserts; every read goes through read.ts.
import { createHash } from "node:crypto";
import type { Actor } from "../platform/audit.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { type ParsedQaList, parseQaList, QaLayoutError } from "./parse.ts";

export interface QaFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface ReadQaFile {
  sha256: string;
  fileName: string;
  parsed: ParsedQaList;
}

export interface PriorImport {
  importId: string;
  roundNumber: number | null;
  importedAt: string;
}

export interface ImportResult {
  importId: string;
  roundNumber: number;
  created: number;
  alreadyImported: boolean;
}

const invalidFile = (message: string, rule: string) =>
  new AppError("VALIDATION_FAILED", message, { errors: [{ field: "body.file", message }], rule });

/** The file's text: UTF-8, or Windows-1252 when it is not valid UTF-8 (an export from an older Word). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new AppError("UNSUPPORTED_FILE_TYPE", "file: a Q&A list is a text file (.txt), not a binary file", {
      errors: [{ field: "body.file", message: "not a text file" }],
      rule: "file_type_not_allowed",
    });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Reads and parses a Q&A file; a layout problem or an empty question is a 400 naming it. */
export function readQaFile(file: QaFile): ReadQaFile {
  if (file.bytes.length === 0) throw invalidFile("file: the file is empty", "file_empty");
  const text = decodeText(file.bytes);
  let parsed: ParsedQaList;
  try {
    parsed = parseQaList(text);
  } catch (error) {
    if (error instanceof QaLayoutError) throw invalidFile(`file: ${error.message}`, "qa_layout");
    throw error;
  }
  for (const q of parsed.questions) {
    if (q.question === "") throw invalidFile(`file: question ${q.number} has no text`, "qa_layout");
    if (q.question.length > 10_000)
      throw invalidFile(`file: question ${q.number} is longer than 10000 characters`, "qa_layout");
    if (q.answer.length > 50_000)
      throw invalidFile(`file: the answer to question ${q.number} is too long`, "qa_layout");
  }
  const numbers = new Set<number>();
  for (const q of parsed.questions) {
    if (numbers.has(q.number)) throw invalidFile(`file: question number ${q.number} occurs twice`, "qa_layout");
    numbers.add(q.number);
  }
  return {
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    fileName: file.fileName.trim().slice(0, 255) || "vragen.txt",
    parsed,
  };
}

/** The earlier import of the same bytes into this tender, if any. */
export async function priorImport(db: Sql, tenderId: string, sha256: string): Promise<PriorImport | null> {
  const [row] = await db.query<{ id: string; round_number: number | null; imported_at: Date }>(
    `select i.id, r.number as round_number, i.imported_at
       from qa_imports i left join qa_rounds r on r.id = i.round_id
      where i.tender_id = $1 and i.sha256 = $2`,
    [tenderId, sha256],
  );
  return row
    ? { importId: row.id, roundNumber: row.round_number, importedAt: new Date(row.imported_at).toISOString() }
    : null;
}

/** The tender, locked for the import (round numbers are given out one at a time); 404 outside the region. */
async function lockTender(tx: Sql, regionId: string, tenderId: string): Promise<void> {
  const [row] = await tx.query<{ id: string }>("select id from tenders where id = $1 and region_id = $2 for update", [
    tenderId,
    regionId,
  ]);
  if (!row) throw notFound("tender");
}

/**
 * Stores the file as a new published round, or, for bytes imported before, nothing at all. Call it in
 * one transaction: the questions, the references, the round and the audit entry stand or fall together.
 */
export async function importQaFile(
  tx: Sql,
  tenderId: string,
  file: ReadQaFile,
  change: { actor: Actor; regionId: string; now: Date },
): Promise<ImportResult> {
  await lockTender(tx, change.regionId, tenderId);
  const prior = await priorImport(tx, tenderId, file.sha256);
  if (prior)
    return { importId: prior.importId, roundNumber: prior.roundNumber ?? 0, created: 0, alreadyImported: true };

  const { parsed } = file;
  const now = change.now;
  const [imported] = await tx.query<{ id: string }>(
    `insert into qa_imports (tender_id, sha256, file_name, layout, title, question_count, imported_by, imported_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [tenderId, file.sha256, file.fileName, parsed.layout, parsed.title, parsed.questions.length, change.actor.id, now],
  );
  const importId = imported!.id;
  const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
    "select coalesce(max(number), 0) + 1 as next from qa_rounds where tender_id = $1",
    [tenderId],
  );
  const roundNumber = Number(next);
  const title = (parsed.title ?? "").slice(0, 300) || `Nota van Inlichtingen ${roundNumber}`;
  const [round] = await tx.query<{ id: string }>(
    `insert into qa_rounds (tender_id, number, title, published_at, published_by, import_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $4) returning id`,
    [tenderId, roundNumber, title, now, change.actor.id, importId],
  );
  const roundId = round!.id;
  await tx.query("update qa_imports set round_id = $2 where id = $1", [importId, roundId]);

  // A list that says in its header that all answers stand under reservation ("alle antwoorden onder
  // voorbehoud (uiteindelijke) besluitvorming") gives every answer that reservation.
  const reservation = parsed.warnings.some((w) => /onder voorbehoud/i.test(w));
  const ids = new Map<number, string>();
  // In slices, to stay well within the parameter limit of a statement.
  for (let start = 0; start < parsed.questions.length; start += 200) {
    const slice = parsed.questions.slice(start, start + 200);
    const params: unknown[] = [tenderId, roundId, importId, now, reservation];
    const rows = slice.map((q) => {
      params.push(q.number, q.category?.slice(0, 200) || null, q.subheading?.slice(0, 300) || null, q.question);
      params.push(q.answer === "" ? null : q.answer);
      const b = params.length - 5;
      return `($1, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $5, 'published', $2, $3, $4, $4, $4)`;
    });
    const inserted = await tx.query<{ id: string; number: number }>(
      `insert into qa_questions (tender_id, number, category, subheading, text, answer, reservation, status, round_id, import_id,
                                 asked_at, answered_at, created_at)
       values ${rows.join(", ")} returning id, number`,
      params,
    );
    for (const row of inserted) ids.set(Number(row.number), row.id);
  }

  const links: [string, string, number][] = [];
  for (const q of parsed.questions) {
    q.references.forEach((n, position) => {
      const from = ids.get(q.number);
      const to = ids.get(n);
      if (from && to && from !== to) links.push([from, to, position]);
    });
  }
  if (links.length > 0) {
    const params = links.flat();
    await tx.query(
      `insert into qa_references (question_id, refers_to, position)
       values ${links.map((_, i) => `($${i * 3 + 1}::uuid, $${i * 3 + 2}::uuid, $${i * 3 + 3}::int)`).join(", ")}`,
      params,
    );
  }

  await appendAudit(tx, {
    actor: change.actor,
    regionId: change.regionId,
    entity: "qa_import",
    entityId: importId,
    action: "qa.import",
    after: {
      tenderId,
      fileName: file.fileName,
      sha256: file.sha256,
      layout: parsed.layout,
      roundNumber,
      title,
      questions: parsed.questions.length,
      references: links.length,
      unresolved: parsed.unresolved.length,
      reservation,
    },
    at: now,
  });
  return { importId, roundNumber, created: parsed.questions.length, alreadyImported: false };
}
