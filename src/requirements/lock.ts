// Publication fixes what a tender asks: its minimum requirements, selection criteria, each segment's
// threshold and scale, and the bidding settings. In procurement they change after it only when a
// published Nota van Inlichtingen announces the change. Zorginkoop publishes those rounds, but does
// not yet tie a change to one (which round announced it, and what it means for bids already under
// way), so every change after publication is refused here; this is the one place to relax when it does.
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";

export const PUBLISHED_RULE = "published_requires_qa_round";

/**
 * Refuses a change to what the tender asks once it is published (409, rule published_requires_qa_round).
 * Locks the tender row, so a change and the publication cannot pass each other. The caller has checked
 * that the tender is the user's region's; `subject` names what would change, e.g. "requirement R-3".
 */
export async function assertMayChange(tx: Sql, tenderId: string, subject: string): Promise<void> {
  const [row] = await tx.query<{ published_at: Date | null }>(
    "select published_at from tenders where id = $1 for update",
    [tenderId],
  );
  if (row?.published_at) {
    throw new AppError(
      "CONFLICT",
      `${subject} cannot change after publication: such a change is announced in a Nota van Inlichtingen, and Zorginkoop does not yet apply changes after publication`,
      { rule: PUBLISHED_RULE },
    );
  }
}
