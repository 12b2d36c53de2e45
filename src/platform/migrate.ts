// Migrations are the numbered plain SQL files in migrations/; each is applied once, in its own
// transaction, and recorded with its checksum. Running migrate twice is harmless.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.ts";

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");
const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    if (!NAME.test(file)) throw new Error(`migration file '${file}' must be named NNN_lower_case.sql`);
  }
  const done = new Map(
    (await db.query<{ name: string; checksum: string }>("select name, checksum from schema_migrations")).map((r) => [
      r.name,
      r.checksum,
    ]),
  );
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const file of files) {
    const text = await readFile(path.join(dir, file), "utf8");
    const checksum = createHash("sha256").update(text).digest("hex");
    const recorded = done.get(file);
    if (recorded !== undefined) {
      if (recorded !== checksum)
        throw new Error(`migration ${file} was changed after it was applied; add a new file instead`);
      result.alreadyApplied.push(file);
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(text);
      await tx.query("insert into schema_migrations (name, checksum) values ($1, $2)", [file, checksum]);
    });
    result.applied.push(file);
  }
  return result;
}
