// Opening the database for a process. PGlite on disk is single-process, so the process that opens
// a data folder holds a lock file in it; a CLI verb started while the server holds the folder is
// handed to the server over a local socket (see forward.ts) instead of opening the folder twice.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Clock, clockFrom } from "./clock.ts";
import { type Config, readConfig } from "./config.ts";
import { type Database, openDatabase } from "./db.ts";
import { migrate } from "./migrate.ts";
import { loadMasterKey, Vault } from "./vault.ts";

export interface Runtime {
  db: Database;
  clock: Clock;
  config: Config;
  vault: Vault;
  /** Closes the database unless it belongs to the serving process. */
  release(): Promise<void>;
}

const LOCK_FILE = "zorginkoop.pid";

/** The runtime of the serving process, lent to CLI verbs forwarded to it. */
let serving: Omit<Runtime, "release"> | null = null;

export function setServingRuntime(runtime: Omit<Runtime, "release"> | null): void {
  serving = runtime;
}

export function socketPath(config: Config): string {
  const key = createHash("sha256").update(config.dataDir).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `zorginkoop-${key}.sock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of another live process that holds the data folder, if any. */
export function lockHolder(config: Config): number | null {
  if (config.databaseUrl) return null;
  try {
    const pid = Number(readFileSync(path.join(config.dataDir, LOCK_FILE), "utf8").trim());
    return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

function takeLock(config: Config): () => void {
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(config);
      if (holder !== null) throw new Error(`the data folder ${config.dataDir} is in use by process ${holder}`);
      unlinkSync(file); // left behind by a process that died
    }
  }
  throw new Error(`cannot lock the data folder ${config.dataDir}`);
}

export async function openRuntime(options: { config?: Config; migrate?: boolean } = {}): Promise<Runtime> {
  if (serving) return { ...serving, release: async () => undefined };
  const config = options.config ?? readConfig();
  const unlock = config.databaseUrl ? () => undefined : takeLock(config);
  try {
    // PGlite's own Postgres folder sits inside the data folder, beside the lock and the secrets.
    const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
    if (options.migrate !== false) await migrate(db);
    return {
      db,
      clock: clockFrom(config.now),
      config,
      vault: new Vault(loadMasterKey(config)),
      release: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
