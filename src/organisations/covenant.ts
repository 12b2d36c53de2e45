// A combination's draft covenant (samenwerkingsovereenkomst): a file that belongs to no tender, so
// it is sealed under the master key directly (AAD `covenant:<fileId>` for the bytes,
// `covenant-meta:<fileId>` for the JSON {name}); the files module stores and serves it.
import type { Sql } from "../platform/db.ts";
import type { Vault } from "../platform/vault.ts";
import type { Covenant } from "./schemas.ts";

export const covenantAad = (fileId: string) => `covenant:${fileId}`;
export const covenantMetaAad = (fileId: string) => `covenant-meta:${fileId}`;

/** The covenant's description (never its bytes), or null when the file is gone. */
export async function readCovenant(db: Sql, vault: Vault, fileId: string): Promise<Covenant | null> {
  const [row] = await db.query<{
    id: string;
    meta: Uint8Array;
    media_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: Date;
  }>("select id, meta, media_type, size_bytes, sha256, uploaded_at from files where id = $1 and purpose = 'covenant'", [
    fileId,
  ]);
  if (!row) return null;
  const meta = JSON.parse(vault.openDirect(row.meta, covenantMetaAad(row.id)).toString("utf8")) as { name: string };
  return {
    fileId: row.id,
    name: meta.name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}
