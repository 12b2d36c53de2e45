import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "./migrate.ts";
import { freshDatabase } from "./testing.ts";

describe("migrations", () => {
  it("applies each numbered file once; running twice is harmless", async () => {
    const { db, drop } = await freshDatabase();
    try {
      const first = await migrate(db);
      expect(first.applied[0]).toBe("001_foundation.sql");
      const second = await migrate(db);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);
      expect(MIGRATIONS_DIR.endsWith("migrations")).toBe(true);
    } finally {
      await drop();
    }
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "zk-migrations-"));
    const { db, drop } = await freshDatabase();
    try {
      await writeFile(path.join(dir, "001_good.sql"), "create table good (id int);");
      await writeFile(path.join(dir, "002_bad.sql"), "create table half (id int);\nselect * from does_not_exist;");
      await expect(migrate(db, dir)).rejects.toThrow(/does_not_exist/);
      const tables = await db.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_name in ('good', 'half') order by 1",
      );
      expect(tables.map((t) => t.name)).toEqual(["good"]);
      const recorded = await db.query<{ name: string }>("select name from schema_migrations");
      expect(recorded.map((r) => r.name)).toEqual(["001_good.sql"]);
    } finally {
      await drop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a migration that was changed after it was applied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "zk-migrations-"));
    const { db, drop } = await freshDatabase();
    try {
      await writeFile(path.join(dir, "001_a.sql"), "create table a (id int);");
      await migrate(db, dir);
      await writeFile(path.join(dir, "001_a.sql"), "create table a (id bigint);");
      await expect(migrate(db, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
