import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import { freshDatabase } from "./testing.ts";
import { loadMasterKey, open, seal, sealStream, Vault, VaultError } from "./vault.ts";

const key = Buffer.alloc(32, 7);

describe("seal and open", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = seal(key, Buffer.from("Bekwaamheidsdossier Zorgpartners"), "bid:1");
    expect(sealed.includes(Buffer.from("Zorgpartners"))).toBe(false);
    expect(open(key, sealed, "bid:1").toString()).toBe("Bekwaamheidsdossier Zorgpartners");
  });

  it("refuses another row's AAD, another key and an altered byte", () => {
    const sealed = seal(key, Buffer.from("inhoud"), "bid:1");
    expect(() => open(key, sealed, "bid:2")).toThrow(VaultError);
    expect(() => open(Buffer.alloc(32, 8), sealed, "bid:1")).toThrow(VaultError);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => open(key, altered, "bid:1")).toThrow(VaultError);
  });

  it("seals a stream in chunks to the same plaintext", () => {
    const stream = sealStream(key, "file:9");
    stream.update(Buffer.from("%PDF-1.7 "));
    stream.update(Buffer.from("rest"));
    expect(open(key, stream.final(), "file:9").toString()).toBe("%PDF-1.7 rest");
  });
});

describe("sealing under the master key (content without a tender)", () => {
  it("round-trips whole and streamed, and refuses another row's AAD or another master key", () => {
    const vault = Vault.ephemeral();
    const sealed = vault.sealDirect(Buffer.from("Samenwerkingsovereenkomst"), "covenant:1");
    expect(sealed.includes(Buffer.from("Samenwerking"))).toBe(false);
    expect(vault.openDirect(sealed, "covenant:1").toString()).toBe("Samenwerkingsovereenkomst");
    expect(() => vault.openDirect(sealed, "covenant:2")).toThrow(VaultError);
    expect(() => Vault.ephemeral().openDirect(sealed, "covenant:1")).toThrow(VaultError);

    const stream = vault.sealStreamDirect("covenant:3");
    stream.update(Buffer.from("%PDF-1.4 "));
    stream.update(Buffer.from("convenant"));
    expect(vault.openDirect(stream.final(), "covenant:3").toString()).toBe("%PDF-1.4 convenant");
  });
});

describe("tender keys", () => {
  it("creates one wrapped key per tender, and only its own master key unwraps it", async () => {
    const { db, drop } = await freshDatabase();
    try {
      await migrate(db);
      const [region] = await db.query<{ id: string }>(
        "insert into regions (slug, name) values ('vault-test', 'T') returning id",
      );
      const [tender] = await db.query<{ id: string }>(
        "insert into tenders (region_id, name) values ($1, 'X') returning id",
        [region!.id],
      );
      const vault = Vault.ephemeral();
      const now = new Date("2026-01-01T00:00:00Z");
      const first = await db.transaction((tx) => vault.tenderKey(tx, tender!.id, now));
      const again = await db.transaction((tx) => vault.tenderKey(tx, tender!.id, now));
      expect(again.equals(first)).toBe(true);
      const [row] = await db.query<{ wrapped_key: Uint8Array }>("select wrapped_key from tender_keys");
      expect(Buffer.from(row!.wrapped_key).includes(first)).toBe(false);
      await expect(db.transaction((tx) => Vault.ephemeral().tenderKey(tx, tender!.id, now))).rejects.toThrow(
        /wrapped by master key/,
      );
    } finally {
      await drop();
    }
  });
});

describe("the master key", () => {
  it("is created once in the secrets folder with mode 0600, and read back the same", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "zk-vault-")), "secrets");
    const first = loadMasterKey({ secretsDir: dir });
    expect(first.length).toBe(32);
    expect(statSync(path.join(dir, "master.key")).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ secretsDir: dir }).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, "master.key"), "utf8").trim()).toBe(first.toString("base64"));
  });

  it("takes ZORGINKOOP_MASTER_KEY when set, and refuses one of the wrong length", () => {
    const given = Buffer.alloc(32, 3).toString("base64");
    expect(loadMasterKey({ secretsDir: "/nonexistent", masterKey: given }).toString("base64")).toBe(given);
    expect(() => loadMasterKey({ secretsDir: "/nonexistent", masterKey: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });
});
