// Never lost: an acknowledged submission survives a crash. The real server runs as a child process on
// a data folder (PGlite) or a fresh PostgreSQL database (TEST_DATABASE_URL); a burst of concurrent
// submissions is sent, the server is killed with SIGKILL in the middle of it and started again on the
// same data, and every receipt that was returned must be found with bytes that hash to its SHA-256.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/accounts/sessions.ts";
import { type Caller, createBid, saveContent } from "../../src/bidding/store.ts";
import type { BidView, Receipt } from "../../src/bidding/submission.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { verifyChain } from "../../src/platform/audit.ts";
import { type Database, openDatabase } from "../../src/platform/db.ts";
import { migrate } from "../../src/platform/migrate.ts";
import { freshDatabase } from "../../src/platform/testing.ts";
import { Vault } from "../../src/platform/vault.ts";

const BIN = path.resolve("bin/zorginkoop.js");
const MASTER_KEY = Buffer.alloc(32, 7);
const PROVIDERS = 6;

let dataDir: string;
let env: NodeJS.ProcessEnv;
let dropDatabase: () => Promise<void> = async () => undefined;
let server: ChildProcess | null = null;
const bids: { bidId: string; cookie: string }[] = [];

const openData = (): Promise<Database> =>
  openDatabase({ url: env.DATABASE_URL || undefined, dataDir: path.join(dataDir, "pglite") });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "zk-crash-"));
  env = {
    ...process.env,
    ZORGINKOOP_DATA_DIR: dataDir,
    ZORGINKOOP_MASTER_KEY: MASTER_KEY.toString("base64"),
    ZORGINKOOP_LOGIN_RATE_LIMIT: "10000",
    ZORGINKOOP_NOW: "",
    DATABASE_URL: "",
    HOST: "127.0.0.1",
  };
  if (process.env.TEST_DATABASE_URL) {
    const fresh = await freshDatabase();
    env.DATABASE_URL = fresh.url;
    dropDatabase = () => fresh.drop();
  }
  await prepare();
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) await stop(server, "SIGKILL");
  await dropDatabase();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The demo region with its tender published and open, and six providers with a complete draft bid on
 * each of its seven segments. The providers' users get their sessions here (no password logins, which
 * would only spend the test's time on argon2).
 */
async function prepare() {
  const db = await openData();
  try {
    await migrate(db);
    const now = new Date();
    const demo = await loadDemo(db, now);
    // The bids here need no answers: this test is about durability, not completeness.
    await db.query("delete from requirements where tender_id = $1", [demo.tenderId]);
    await db.query("delete from criteria where tender_id = $1", [demo.tenderId]);
    await db.query("update tenders set published_at = $2, closes_at = $3 where id = $1", [
      demo.tenderId,
      new Date(now.getTime() - 86_400_000),
      new Date(now.getTime() + 86_400_000),
    ]);
    const vault = new Vault(MASTER_KEY);
    const [municipality] = await db.query<{ id: string }>(
      "select municipality_id as id from tender_municipalities where tender_id = $1 limit 1",
      [demo.tenderId],
    );
    const segments = await db.query<{ id: string; code: string; subsegment: string | null }>(
      `select s.id, s.code, (select ss.id from subsegments ss where ss.segment_id = s.id order by ss.position limit 1) as subsegment
         from segments s where s.tender_id = $1`,
      [demo.tenderId],
    );
    for (let p = 1; p <= PROVIDERS; p++) {
      const email = `aanbieder${p}@crash.example`;
      await db.transaction(async (tx) => {
        const [org] = await tx.query<{ id: string }>(
          `insert into organisations (region_id, name, kvk_number, legal_form) values ($1, $2, $3, 'stichting') returning id`,
          [demo.regionId, `Zorgaanbieder ${p}`, String(70_000_000 + p)],
        );
        const [user] = await tx.query<{ id: string }>(
          `insert into users (region_id, email, name, role, organisation_id, password_hash)
           values ($1, $2, $3, 'provider', $4, 'no password: the test gives the session') returning id`,
          [demo.regionId, email, `Aanbieder ${p}`, org!.id],
        );
        const session = await createSession(tx, user!.id, now, 60);
        const cookie = `zk_session=${session.token}`;
        const caller: Caller = {
          id: user!.id,
          email,
          regionId: demo.regionId,
          role: "provider",
          organisationId: org!.id,
          segmentIds: [],
        };
        for (const segment of segments) {
          const bidId = await createBid(tx, vault, caller, demo.tenderId, { segmentId: segment.id }, now);
          await saveContent(
            tx,
            vault,
            caller,
            bidId,
            {
              subsegmentIds: segment.subsegment ? [segment.subsegment] : [],
              municipalityIds: [municipality!.id],
              specialisms: [],
              requirementAnswers: [],
              dossier: [],
              references: [
                {
                  client: "Gemeente Winterswijk",
                  description: `Bid ${p}/${segment.code}`,
                  clientsServed: 30 + p,
                  period: "2020",
                },
              ],
              subcontractors: [],
            },
            now,
          );
          bids.push({ bidId, cookie });
        }
      });
    }
  } finally {
    await db.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `zorginkoop serve` and resolves with its base URL once it listens. */
async function start(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve"], { env: { ...env, PORT: String(port) }, stdio: "pipe" });
  server = child;
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server ended with ${code}:\n${output}`));
    });
  });
  return `http://127.0.0.1:${port}`;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

describe("a crash in the middle of a burst of submissions", () => {
  it("loses no submission whose receipt was returned", async () => {
    let base = await start();

    // The burst: every bid submitted at once; the server is killed as the tenth receipt comes back.
    const receipts: Receipt[] = [];
    let failed = 0;
    let burst: Promise<unknown> = Promise.resolve();
    const crashed = new Promise<void>((resolve) => {
      const requests = bids.map(async ({ bidId, cookie }) => {
        try {
          const response = await fetch(`${base}/api/bids/${bidId}/submit`, { method: "POST", headers: { cookie } });
          if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
          receipts.push((await response.json()) as Receipt);
          if (receipts.length === 10) {
            server!.kill("SIGKILL");
            resolve();
          }
        } catch {
          failed += 1;
        }
      });
      burst = Promise.all(requests).then(() => resolve());
    });
    await crashed;
    await stop(server!, "SIGKILL");
    await burst;
    expect(receipts.length).toBeGreaterThanOrEqual(10);
    // The kill came in the middle: not every submission was acknowledged.
    expect(receipts.length).toBeLessThan(bids.length);

    base = await start();
    for (const receipt of receipts) {
      const headers = { cookie: bids.find((b) => b.bidId === receipt.bidId)!.cookie };
      const stored = await fetch(`${base}/api/bids/${receipt.bidId}/submissions/${receipt.version}`, { headers });
      expect(stored.status, `receipt of bid ${receipt.bidId}`).toBe(200);
      const bytes = Buffer.from(await stored.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(receipt.sha256);
      expect(JSON.parse(bytes.toString("utf8"))).toMatchObject({
        version: receipt.version,
        submittedAt: receipt.submittedAt,
      });
      const view = (await (await fetch(`${base}/api/bids/${receipt.bidId}`, { headers })).json()) as BidView;
      expect(view.status).toBe("submitted");
      expect(view.submissions).toEqual([expect.objectContaining({ version: receipt.version, sha256: receipt.sha256 })]);
    }
    await stop(server!, "SIGTERM");

    // Every bid is whole: submitted with exactly one submission, its audit entry and its submission
    // files, or still a draft with none of these; and the audit chain holds.
    const db = await openData();
    try {
      expect(await verifyChain(db)).toMatchObject({ ok: true });
      const rows = await db.query<{ status: string; submissions: number; audits: number }>(
        `select b.status,
                (select count(*) from bid_submissions s where s.bid_id = b.id) as submissions,
                (select count(*) from audit_log a where a.entity_id = b.id::text and a.action = 'bid.submit') as audits
           from bids b where b.id = any($1::uuid[])`,
        [bids.map((b) => b.bidId)],
      );
      expect(rows).toHaveLength(bids.length);
      for (const row of rows) {
        const submitted = row.status === "submitted" ? 1 : 0;
        expect([row.status, Number(row.submissions), Number(row.audits)]).toEqual([row.status, submitted, submitted]);
      }
      expect(rows.filter((r) => r.status === "submitted").length).toBeGreaterThanOrEqual(receipts.length);
    } finally {
      await db.close();
    }
    expect(failed + receipts.length).toBe(bids.length);
  }, 180_000);
});
