// A tender's timeline as people read it: the stored plan with its planning warnings and where it
// stands today. Used by the API and the CLI alike.
import { dutchDate } from "../platform/clock.ts";
import type { Sql } from "../platform/db.ts";
import { timelineWarnings } from "../qa/store.ts";
import * as store from "./store.ts";
import { planningWarnings, timelineStatus } from "./timeline.ts";

export async function loadTimeline(db: Sql, regionId: string, tenderId: string, now: Date) {
  const tender = await store.getTender(db, regionId, tenderId);
  const timeline = await store.getTimeline(db, regionId, tenderId);
  const plan = {
    regime: tender.regime,
    electronicSubmission: tender.electronicSubmission,
    announced: tender.announced,
    ...timeline,
  };
  return {
    tenderId,
    regime: tender.regime,
    electronicSubmission: tender.electronicSubmission,
    announced: tender.announced,
    ...timeline,
    // The Q&A warnings (last Nota van Inlichtingen too late, questions still open) join the plan's own.
    warnings: [...planningWarnings(plan), ...(await timelineWarnings(db, regionId, tenderId, now))],
    status: timelineStatus(plan, dutchDate(now)),
  };
}
