// Access-matrix rows for uploaded files. The bid belongs to provider_own in a tender of its own, open
// for bids and not yet opened: staff, other providers and the other tenant find nothing (404), not
// even whether the file exists. (After the opening: src/files/files.test.ts tries every role again.)
import { multipart, samplePdf } from "../../../src/files/testing.ts";
import { all, type RouteCase, unique } from "../expect.ts";
import type { World } from "../world.ts";

interface FileWorld {
  bidId: string;
  fileId: string;
  combinationId: string;
}

const setups = new WeakMap<World, Promise<FileWorld>>();

async function one<R>(w: World, sql: string, params: unknown[]): Promise<R> {
  const [row] = await w.ctx.db.query<R>(sql, params);
  return row!;
}

async function uploadAsOwner(w: World, url: string, name: string): Promise<string> {
  const { payload, headers } = multipart(name, samplePdf(name));
  const response = await w.ctx.app.inject({
    method: "POST",
    url,
    payload,
    headers: { ...headers, cookie: w.cookies.provider_own! },
  });
  if (response.statusCode !== 201) throw new Error(`upload for the matrix failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** A published tender closing in 30 days with a draft bid of provider_own and one file; a combination it leads, with a covenant. */
function fileWorld(w: World): Promise<FileWorld> {
  let setup = setups.get(w);
  if (!setup) {
    setup = (async () => {
      const regionId = w.ctx.demo!.regionId;
      const now = w.ctx.clock.now();
      const closesAt = new Date(now.getTime() + 30 * 24 * 3600_000);
      const tender = await one<{ id: string }>(
        w,
        "insert into tenders (region_id, name, published_at, closes_at) values ($1, $2, $3, $4) returning id",
        [regionId, `Inkoop bestanden ${unique()}`, now, closesAt],
      );
      const lot = await one<{ id: string }>(
        w,
        "insert into lots (tender_id, code, name) values ($1, 'jeugd', 'Jeugd') returning id",
        [tender.id],
      );
      const segment = await one<{ id: string }>(
        w,
        "insert into segments (lot_id, tender_id, code, name, financing) values ($1, $2, 'iaj', 'Ambulant', 'lumpsum') returning id",
        [lot.id, tender.id],
      );
      const owner = await one<{ id: string }>(w, "select organisation_id as id from users where email = $1", [
        "aanbieder@zorgpartners.example",
      ]);
      const bid = await one<{ id: string }>(
        w,
        `insert into bids (tender_id, segment_id, bidder_id, status, created_at, updated_at)
         values ($1, $2, $3, 'draft', $4, $4) returning id`,
        [tender.id, segment.id, owner.id, now],
      );
      const combination = await one<{ id: string }>(
        w,
        "insert into organisations (region_id, name, legal_form, lead_member_id) values ($1, $2, 'cooperatie', $3) returning id",
        [regionId, `Coöperatie ${unique()}`, owner.id],
      );
      await w.ctx.db.query("insert into combination_members (combination_id, member_id) values ($1, $2)", [
        combination.id,
        owner.id,
      ]);
      const fileId = await uploadAsOwner(w, `/api/bids/${bid.id}/files`, "dossier.pdf");
      await uploadAsOwner(w, `/api/combinations/${combination.id}/covenant`, "convenant.pdf");
      return { bidId: bid.id, fileId, combinationId: combination.id };
    })();
    setups.set(w, setup);
  }
  return setup;
}

const ownerOnly = (ok: number) => all(403, { anonymous: 401, provider_own: ok, provider_other: 404 });
const sealedRead = all(404, { anonymous: 401, provider_own: 200 });

export const FILE_CASES: Record<string, RouteCase> = {
  "POST /api/bids/:bidId/files": {
    async request(w) {
      const { bidId } = await fileWorld(w);
      return { url: `/api/bids/${bidId}/files`, ...multipart("bijlage.pdf", samplePdf("bijlage")) };
    },
    expect: ownerOnly(201),
    audit: "file.upload",
  },
  "GET /api/bids/:bidId/files": {
    request: async (w) => ({ url: `/api/bids/${(await fileWorld(w)).bidId}/files` }),
    expect: sealedRead,
  },
  "GET /api/files/:fileId": {
    request: async (w) => ({ url: `/api/files/${(await fileWorld(w)).fileId}` }),
    expect: sealedRead,
  },
  "DELETE /api/files/:fileId": {
    async request(w) {
      const { bidId } = await fileWorld(w);
      return { url: `/api/files/${await uploadAsOwner(w, `/api/bids/${bidId}/files`, "weg.pdf")}` };
    },
    expect: ownerOnly(204),
    audit: "file.delete",
  },
  "POST /api/combinations/:combinationId/covenant": {
    async request(w) {
      const { combinationId } = await fileWorld(w);
      return { url: `/api/combinations/${combinationId}/covenant`, ...multipart("convenant.pdf", samplePdf()) };
    },
    expect: ownerOnly(201),
    audit: "file.upload",
  },
  "GET /api/combinations/:combinationId/covenant": {
    request: async (w) => ({ url: `/api/combinations/${(await fileWorld(w)).combinationId}/covenant` }),
    // The combination's members and the region's staff.
    expect: all(200, { anonymous: 401, provider_other: 404, other_tenant: 404 }),
  },
};
