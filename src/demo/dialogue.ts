// Demo dialogue data for the open tender (issue 5). Idempotent: returns whether it added anything.
import type { Sql } from "../platform/db.ts";

export interface DemoTenders {
  regionId: string;
  /** Inkoop 2022: the historical tender. */
  tenderId: string;
  /** Inkoop 2027: published, open for bids. */
  openTenderId: string;
  now: Date;
}

export async function loadDialogueDemo(_tx: Sql, _demo: DemoTenders): Promise<boolean> {
  return false;
}
