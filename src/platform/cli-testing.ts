// The zorginkoop command under test, as a user runs it: the real bin/zorginkoop.js in a process of
// its own, on a fresh data folder (or, when TEST_DATABASE_URL is set, a fresh PostgreSQL database);
// and the same command in this process, for what needs no database (help texts, refused arguments).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { main } from "../cli.ts";
import { freshDatabase } from "./testing.ts";

const BIN = path.resolve("bin/zorginkoop.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  /** The working directory of every run; the data folder is `data` inside it. */
  dir: string;
  run(...args: string[]): Promise<CliRun>;
  close(): Promise<void>;
}

export async function cliHarness(extraEnv: NodeJS.ProcessEnv = {}): Promise<CliHarness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "zk-cli-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZORGINKOOP_DATA_DIR: path.join(dir, "data"),
    DATABASE_URL: "",
    ...extraEnv,
  };
  let drop: () => Promise<void> = async () => undefined;
  if (process.env.TEST_DATABASE_URL) {
    const fresh = await freshDatabase();
    env.DATABASE_URL = fresh.url;
    drop = () => fresh.drop();
  }
  return {
    dir,
    async run(...args) {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
          env,
          cwd: dir,
          maxBuffer: 20_000_000,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
      await drop();
    },
  };
}

/** The command in this process. */
export async function inProcess(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
