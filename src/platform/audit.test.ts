import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, canonicalJson, verifyChain } from "./audit.ts";
import type { Database } from "./db.ts";
import { migrate } from "./migrate.ts";
import { freshDatabase } from "./testing.ts";

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await migrate(db);
  for (let i = 1; i <= 5; i++) {
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor: { id: null, label: "test" },
        regionId: null,
        entity: "tender",
        entityId: `t${i}`,
        action: "tender.update",
        before: { name: `v${i - 1}`, nested: { b: 1, a: [1, 2] } },
        after: { name: `v${i}`, at: new Date("2026-01-01T00:00:00Z") },
        at: new Date(`2026-11-23T09:0${i}:00.123Z`),
      }),
    );
  }
});
afterAll(async () => drop?.());

describe("the audit chain", () => {
  it("verifies an untouched chain", async () => {
    expect(await verifyChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(db.exec("update audit_log set actor = 'x' where seq = 1")).rejects.toThrow(/append-only/);
    await expect(db.exec("delete from audit_log where seq = 1")).rejects.toThrow(/append-only/);
    await expect(db.exec("truncate audit_log")).rejects.toThrow(/append-only/);
  });

  it("rolls an entry back with the change it belongs to", async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: { id: null, label: "test" },
          regionId: null,
          entity: "x",
          entityId: null,
          action: "tender.create",
          at: new Date(),
        });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await verifyChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it("names the first entry altered by hand, by someone who switched the guard off", async () => {
    await db.exec(`alter table audit_log disable trigger audit_log_no_update;
      update audit_log set after = '{"name": "vervalst"}' where seq = (select min(seq) + 2 from audit_log);
      alter table audit_log enable trigger audit_log_no_update;`);
    const [{ seq }] = (await db.query<{ seq: number }>("select min(seq) + 2 as seq from audit_log")) as [
      { seq: number },
    ];
    expect(await verifyChain(db)).toMatchObject({
      ok: false,
      brokenAt: Number(seq),
      reason: "its content does not match its hash",
    });
  });

  it("writes canonical JSON whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "é" } })).toBe(
      '{"a":{"c":"é","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
});
