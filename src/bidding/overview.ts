// A provider's view of one tender: the window, the bidders it may act for, and per segment its bid.
import type { Sql } from "../platform/db.ts";
import { type ActingAs, actingAs, type BidStatus, type Caller, iso, tenderState } from "./store.ts";
import type { SubmissionSummary } from "./submission.ts";
import { biddingRefusal } from "./window.ts";

export interface MyBids {
  closesAt: string | null;
  serverTime: string;
  open: boolean;
  publishedAt: string | null;
  registered: boolean;
  bidValidDays: number;
  actingAs: ActingAs[];
  segments: {
    segmentId: string;
    code: string;
    name: string;
    lotName: string;
    bid: {
      id: string;
      bidderId: string;
      status: BidStatus;
      updatedAt: string;
      lastSubmission: SubmissionSummary | null;
    } | null;
  }[];
}

export async function myBids(db: Sql, caller: Caller, tenderId: string, now: Date): Promise<MyBids> {
  const tender = await tenderState(db, caller.regionId, tenderId);
  const acting = await actingAs(db, caller);
  const [registration] = await db.query("select 1 from registrations where tender_id = $1 and organisation_id = $2", [
    tenderId,
    caller.organisationId,
  ]);
  const segments = await db.query<{ id: string; code: string; name: string; lot_name: string }>(
    `select s.id, s.code, s.name, l.name as lot_name
       from segments s join lots l on l.id = s.lot_id
      where s.tender_id = $1 order by l.position, l.code, s.position, s.code`,
    [tenderId],
  );
  const bids = await db.query<{
    id: string;
    segment_id: string;
    bidder_id: string;
    status: BidStatus;
    updated_at: Date;
    version: number | null;
    sha256: string | null;
    submitted_at: Date | null;
    valid_until: string | null;
    withdrawn_at: Date | null;
  }>(
    `select b.id, b.segment_id, b.bidder_id, b.status, b.updated_at,
            bs.version, bs.sha256, bs.submitted_at, bs.valid_until, bs.withdrawn_at
       from bids b
       left join bid_submissions bs on bs.bid_id = b.id
        and bs.version = (select max(version) from bid_submissions where bid_id = b.id)
      where b.tender_id = $1 and b.bidder_id = any($2::uuid[])
      -- An active bid before a withdrawn one of another bidder form; then the latest change.
      order by b.status = 'withdrawn', b.updated_at desc`,
    [tenderId, acting.map((a) => a.organisationId)],
  );
  return {
    closesAt: iso(tender.closesAt),
    serverTime: now.toISOString(),
    open: biddingRefusal(tender, now) === null,
    publishedAt: iso(tender.publishedAt),
    registered: registration !== undefined,
    bidValidDays: tender.bidValidDays,
    actingAs: acting,
    segments: segments.map((s) => {
      const bid = bids.find((b) => b.segment_id === s.id);
      return {
        segmentId: s.id,
        code: s.code,
        name: s.name,
        lotName: s.lot_name,
        bid: bid
          ? {
              id: bid.id,
              bidderId: bid.bidder_id,
              status: bid.status,
              updatedAt: iso(bid.updated_at)!,
              lastSubmission:
                bid.version !== null
                  ? {
                      version: bid.version,
                      sha256: bid.sha256!,
                      submittedAt: iso(bid.submitted_at)!,
                      validUntil: bid.valid_until!,
                      withdrawnAt: iso(bid.withdrawn_at),
                    }
                  : null,
            }
          : null,
      };
    }),
  };
}
