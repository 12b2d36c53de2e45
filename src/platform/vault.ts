// The vault: AES-256-GCM encryption of sealed content (bids and their files) at rest.
//
// Each tender has its own random data key. The database holds that key only wrapped (encrypted) by
// the master key, and the master key never enters the database: it comes from ZORGINKOOP_MASTER_KEY
// (base64 of 32 bytes) or from the file master.key in the secrets folder, created on first start with
// mode 0600. A copy of the database alone therefore reveals no bid.
//
// Ciphertext layout, everywhere: iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext. The additional
// authenticated data (AAD) binds a ciphertext to the row it belongs to (a bid id, a file id), so
// that ciphertexts cannot be swapped between rows without the decryption failing.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "./db.ts";

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class VaultError extends Error {}

/** Encrypts `plaintext` under `key`; the result is iv ‖ tag ‖ ciphertext. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Decrypts what `seal` produced; throws VaultError when the key, the AAD or the bytes do not match. */
export function open(key: Buffer, sealed: Buffer | Uint8Array, aad: string): Buffer {
  const blob = Buffer.from(sealed);
  if (blob.length < IV_BYTES + TAG_BYTES) throw new VaultError("sealed value too short");
  const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new VaultError("sealed value does not authenticate (wrong key, wrong row or altered bytes)");
  }
}

/**
 * A streaming sealer for large content (uploads): feed chunks to `update`, then `final` returns the
 * complete iv ‖ tag ‖ ciphertext. Only the ciphertext is held, never the plaintext.
 */
export function sealStream(key: Buffer, aad: string): { update(chunk: Buffer): void; final(): Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const parts: Buffer[] = [];
  return {
    update: (chunk) => void parts.push(cipher.update(chunk)),
    final() {
      parts.push(cipher.final());
      return Buffer.concat([iv, cipher.getAuthTag(), ...parts]);
    },
  };
}

export class Vault {
  readonly masterKeyId: string;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new VaultError(`the master key must be ${KEY_BYTES} bytes`);
    this.masterKeyId = createHash("sha256").update(masterKey).digest("hex").slice(0, 16);
  }

  /** A vault with a fresh random master key (tests, and nothing else). */
  static ephemeral(): Vault {
    return new Vault(randomBytes(KEY_BYTES));
  }

  /**
   * The tender's data key, created (and its wrapped form stored) on first use. Run inside the
   * transaction that uses it; concurrent first uses settle on one key through the primary key.
   */
  async tenderKey(tx: Sql, tenderId: string, now: Date): Promise<Buffer> {
    const existing = await this.readWrapped(tx, tenderId);
    if (existing) return this.unwrap(existing, tenderId);
    const key = randomBytes(KEY_BYTES);
    await tx.query(
      `insert into tender_keys (tender_id, wrapped_key, master_key_id, created_at) values ($1, $2, $3, $4)
       on conflict (tender_id) do nothing`,
      [tenderId, seal(this.masterKey, key, `tender-key:${tenderId}`), this.masterKeyId, now],
    );
    const stored = await this.readWrapped(tx, tenderId);
    return this.unwrap(stored!, tenderId);
  }

  /**
   * Seals content that belongs to no tender (a combination's covenant) under the master key itself.
   * The AAD names the row (`covenant:<fileId>`), as everywhere.
   */
  sealDirect(plaintext: Buffer, aad: string): Buffer {
    return seal(this.masterKey, plaintext, aad);
  }

  /** The streaming form of `sealDirect`, for uploads: chunks in, iv ‖ tag ‖ ciphertext out. */
  sealStreamDirect(aad: string): ReturnType<typeof sealStream> {
    return sealStream(this.masterKey, aad);
  }

  /** Opens what `sealDirect` or `sealStreamDirect` produced; throws VaultError on a wrong AAD or altered bytes. */
  openDirect(sealed: Buffer | Uint8Array, aad: string): Buffer {
    return open(this.masterKey, sealed, aad);
  }

  private async readWrapped(tx: Sql, tenderId: string) {
    const [row] = await tx.query<{ wrapped_key: Uint8Array; master_key_id: string }>(
      "select wrapped_key, master_key_id from tender_keys where tender_id = $1",
      [tenderId],
    );
    return row;
  }

  private unwrap(row: { wrapped_key: Uint8Array; master_key_id: string }, tenderId: string): Buffer {
    if (row.master_key_id !== this.masterKeyId) {
      throw new VaultError(
        `the key of tender ${tenderId} was wrapped by master key ${row.master_key_id}, not by the configured ${this.masterKeyId}`,
      );
    }
    return open(this.masterKey, row.wrapped_key, `tender-key:${tenderId}`);
  }
}

/**
 * The master key: ZORGINKOOP_MASTER_KEY (base64, 32 bytes) when set, else `master.key` in the secrets
 * folder, created with mode 0600 when it does not exist yet.
 */
export function loadMasterKey(options: { secretsDir: string; masterKey?: string | undefined }): Buffer {
  if (options.masterKey) {
    const key = Buffer.from(options.masterKey, "base64");
    if (key.length !== KEY_BYTES) {
      throw new VaultError(`ZORGINKOOP_MASTER_KEY must be base64 of ${KEY_BYTES} bytes, got ${key.length} bytes`);
    }
    return key;
  }
  const file = path.join(options.secretsDir, "master.key");
  if (!existsSync(file)) {
    mkdirSync(options.secretsDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
  }
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== KEY_BYTES) throw new VaultError(`${file} must hold base64 of ${KEY_BYTES} bytes`);
  return key;
}
