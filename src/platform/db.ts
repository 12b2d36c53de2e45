// The one module that knows which database it talks to: PGlite (embedded Postgres, on disk or in
// memory) or a PostgreSQL server. Everything else sees `Sql`: plain SQL with $1 parameters.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs fn in one transaction; a throw rolls everything back. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  readonly kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Dates stay 'YYYY-MM-DD' strings (a date is not a timestamp); int8 counts become numbers on both drivers.
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

export async function openDatabase(options: {
  url?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [INT8]: parseInt8, [NUMERIC]: Number, [DATE]: keepDate },
  });
  const wrap = (q: Pick<PGlite, "query" | "exec">): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
    transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return fn(this);
    },
  });
  return {
    kind: "pglite",
    ...wrap(db),
    transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return db.transaction((tx) => fn(wrap(tx)));
    },
    async close() {
      await db.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const typeParsers = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8) return parseInt8;
      if (oid === NUMERIC) return Number;
      if (oid === DATE) return keepDate;
      return pg.types.getTypeParser(oid, format as never);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: typeParsers as never });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as R[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return fn(this);
    },
  });
  await pool.query("select 1");
  return {
    kind: "postgres",
    ...wrap(pool),
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn(wrap(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
