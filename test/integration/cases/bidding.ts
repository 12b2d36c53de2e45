// Access-matrix rows for the sealed bid vault: registrations, bids, receipts, closing time, opening, notifications.
//
// The world runs on the real clock, so each row that needs a tender in a given state (open for bids,
// closed, opened) makes a small tender of its own in that state, with its times set around now.
import { type Caller, createBid, saveContent } from "../../../src/bidding/store.ts";
import { submitBid } from "../../../src/bidding/submission.ts";
import { identify, smallContent, smallTender } from "../../../src/bidding/test-support.ts";
import { notifyOrganisations } from "../../../src/notifications/store.ts";
import { DEMO } from "../../../src/platform/testing.ts";
import { all, officerOnly, type RouteCase, signedIn, unique } from "../expect.ts";
import type { World } from "../world.ts";

const HOUR = 60 * 60 * 1000;
const at = (offset: number) => new Date(Date.now() + offset);

async function providerCaller(w: World): Promise<Caller> {
  const [row] = await w.ctx.db.query<{ id: string; organisation_id: string }>(
    "select id, organisation_id from users where email = $1",
    [DEMO.provider],
  );
  return {
    id: row!.id,
    email: DEMO.provider,
    regionId: w.ctx.demo!.regionId,
    role: "provider",
    organisationId: row!.organisation_id,
    segmentIds: [],
  };
}

/** A tender of its own, published, closing `closesIn` from now (negative: closed that long ago). */
async function tender(w: World, closesIn = 24 * HOUR) {
  const small = await smallTender(w.ctx.db, w.ctx.demo!.regionId, `Inkoop ${unique()}`, new Date());
  await w.ctx.db.query("update tenders set published_at = $2, closes_at = $3 where id = $1", [
    small.tenderId,
    at(-72 * HOUR),
    at(closesIn),
  ]);
  return small;
}

/**
 * A bid of provider_own in a tender of its own, made at `when`: a draft, or complete and submitted.
 * The tender closes at `closesAt`, which may already have passed (the bid was made before it).
 */
async function ownBid(w: World, options: { submitted?: boolean; closesIn?: number; madeAgo?: number } = {}) {
  const caller = await providerCaller(w);
  const small = await tender(w, options.closesIn);
  const when = at(-(options.madeAgo ?? 0));
  await identify(w.ctx.db, caller.regionId, "Zorgpartners Achterhoek", "90000001", "stichting");
  const bidId = await w.ctx.db.transaction(async (tx) => {
    const id = await createBid(tx, w.ctx.vault, caller, small.tenderId, { segmentId: small.segmentId }, when);
    await saveContent(tx, w.ctx.vault, caller, id, smallContent(small.municipalityId), when);
    if (options.submitted) await submitBid(tx, w.ctx.vault, caller, id, when);
    return id;
  });
  return { ...small, bidId };
}

/** One opened tender with a submitted bid, shared by the read-only rows. */
const opened = new WeakMap<World, Promise<{ tenderId: string; bidId: string }>>();
function openedTender(w: World) {
  let made = opened.get(w);
  if (!made) {
    made = (async () => {
      const bid = await ownBid(w, { submitted: true, closesIn: -HOUR, madeAgo: 2 * HOUR });
      await w.ctx.db.query("update tenders set opened_at = $2 where id = $1", [bid.tenderId, at(-HOUR / 2)]);
      return bid;
    })();
    opened.set(w, made);
  }
  return made;
}

/** Sealed: one open tender with a submitted bid, shared by the read-only rows before the closing time. */
const sealed = new WeakMap<World, Promise<{ tenderId: string; bidId: string }>>();
function sealedBid(w: World) {
  let made = sealed.get(w);
  if (!made) {
    made = ownBid(w, { submitted: true });
    sealed.set(w, made);
  }
  return made;
}

// Before the opening the bid's owner reads it; the other provider, and the staff allowed to read
// bids after the opening, find nothing; other staff roles are refused by the policy.
const ownerOnly = (ok: number) =>
  all(403, {
    anonymous: 401,
    provider_own: ok,
    provider_other: 404,
    procurement_officer: 404,
    assessor: 404,
    other_tenant: 404,
  });
const ownerAction = (ok: number) => all(403, { anonymous: 401, provider_own: ok, provider_other: 404 });
const providers = (ok: number) => all(403, { anonymous: 401, provider_own: ok, provider_other: ok });

export const BIDDING_CASES: Record<string, RouteCase> = {
  "POST /api/tenders/:tenderId/registrations": {
    request: async (w) => ({ url: `/api/tenders/${(await tender(w)).tenderId}/registrations` }),
    expect: providers(201),
    audit: "registration.create",
  },
  "GET /api/tenders/:tenderId/registrations": {
    request: async (w) => ({ url: `/api/tenders/${(await sealedBid(w)).tenderId}/registrations` }),
    expect: all(200, { anonymous: 401, provider_own: 403, provider_other: 403, other_tenant: 404 }),
  },
  "GET /api/tenders/:tenderId/my-bids": {
    request: async (w) => ({ url: `/api/tenders/${(await sealedBid(w)).tenderId}/my-bids` }),
    expect: providers(200),
  },
  "POST /api/tenders/:tenderId/bids": {
    async request(w) {
      const small = await tender(w);
      return { url: `/api/tenders/${small.tenderId}/bids`, payload: { segmentId: small.segmentId } };
    },
    expect: providers(201),
    audit: "bid.create",
  },
  "GET /api/bids/:bidId": {
    request: async (w) => ({ url: `/api/bids/${(await sealedBid(w)).bidId}` }),
    expect: ownerOnly(200),
  },
  "PUT /api/bids/:bidId/content": {
    async request(w) {
      const bid = await ownBid(w);
      return { url: `/api/bids/${bid.bidId}/content`, payload: smallContent(bid.municipalityId, "Tweede versie") };
    },
    expect: ownerAction(200),
    audit: "bid.update",
  },
  "POST /api/bids/:bidId/submit": {
    request: async (w) => ({ url: `/api/bids/${(await ownBid(w)).bidId}/submit` }),
    expect: ownerAction(201),
    audit: "bid.submit",
  },
  "POST /api/bids/:bidId/withdraw": {
    request: async (w) => ({ url: `/api/bids/${(await ownBid(w, { submitted: true })).bidId}/withdraw` }),
    expect: ownerAction(200),
    audit: "bid.withdraw",
  },
  "GET /api/bids/:bidId/submissions/:version": {
    request: async (w) => ({ url: `/api/bids/${(await sealedBid(w)).bidId}/submissions/1` }),
    expect: ownerOnly(200),
  },
  "GET /api/bids/:bidId/submissions/:version/receipt.pdf": {
    request: async (w) => ({ url: `/api/bids/${(await sealedBid(w)).bidId}/submissions/1/receipt.pdf` }),
    expect: ownerOnly(200),
  },
  "GET /api/tenders/:tenderId/bids": {
    request: async (w) => ({ url: `/api/tenders/${(await openedTender(w)).tenderId}/bids` }),
    expect: all(403, { anonymous: 401, procurement_officer: 200, assessor: 200, other_tenant: 404 }),
  },
  "POST /api/tenders/:tenderId/closing-time/extensions": {
    request: async (w) => ({
      url: `/api/tenders/${(await tender(w)).tenderId}/closing-time/extensions`,
      payload: { closesAt: at(48 * HOUR).toISOString(), reason: "Storing van het platform" },
    }),
    expect: officerOnly(201, 404),
    audit: "tender.closing_extend",
  },
  "GET /api/tenders/:tenderId/opening": {
    request: async (w) => ({ url: `/api/tenders/${(await openedTender(w)).tenderId}/opening` }),
    expect: officerOnly(200, 404),
  },
  "POST /api/tenders/:tenderId/opening": {
    request: async (w) => ({ url: `/api/tenders/${(await tender(w, -HOUR)).tenderId}/opening` }),
    expect: officerOnly(200, 404),
    audit: "opening.confirm",
  },
  "GET /api/notifications": {
    request: async () => ({ url: "/api/notifications" }),
    expect: signedIn(200, 200),
  },
  "POST /api/notifications/:notificationId/read": {
    async request(w) {
      // A notification to provider_own's organisation, as an extension sends it.
      const caller = await providerCaller(w);
      const [row] = await w.ctx.db.transaction(async (tx) => {
        await notifyOrganisations(
          tx,
          [caller.organisationId!],
          { regionId: caller.regionId, tenderId: null, kind: "test", title: "Bericht", body: "" },
          new Date(),
        );
        return tx.query<{ id: string }>(
          "select id from notifications where organisation_id = $1 and read_at is null order by created_at desc limit 1",
          [caller.organisationId],
        );
      });
      return { url: `/api/notifications/${row!.id}/read` };
    },
    expect: all(404, { anonymous: 401, provider_own: 200 }),
    audit: "notification.read",
  },
};
