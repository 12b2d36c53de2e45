// When bids may be made: after publication and strictly before the closing time (sluitingstijd).
// The server's clock decides; a bid at the closing time itself is late. Pure: `now` is an argument.

export interface TenderTimes {
  publishedAt: Date | null;
  closesAt: Date | null;
  openedAt: Date | null;
}

export type WindowRefusal = { rule: "not_published"; message: string } | { rule: "closed"; message: string };

/** Why bids cannot be made, changed, submitted or withdrawn at `now`; null when they can. */
export function biddingRefusal(times: TenderTimes, now: Date): WindowRefusal | null {
  if (!times.publishedAt || !times.closesAt) {
    return { rule: "not_published", message: "the tender is not published; bids can be made only after publication" };
  }
  if (now.getTime() >= times.closesAt.getTime()) {
    return {
      rule: "closed",
      message: `the closing time ${times.closesAt.toISOString()} has passed (server time ${now.toISOString()}); bids are no longer accepted`,
    };
  }
  return null;
}

/** Whether the closing time has been reached: the opening may start then, extensions must come before. */
export const isClosed = (times: TenderTimes, now: Date) =>
  times.closesAt !== null && now.getTime() >= times.closesAt.getTime();
