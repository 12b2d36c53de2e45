// A reason a person can read for every bid, with a stable code the UI can translate. Pure.
import { centsToUnits } from "../platform/money.ts";
import type { Bid } from "./schema.ts";

export type ReasonCode =
  | "REQUIREMENT_NOT_MET"
  | "BELOW_THRESHOLD"
  | "SELECTED"
  | "SELECTED_FOR_COVERAGE"
  | "NOT_SELECTED"
  | "NOT_SELECTED_TIE_LOT_DRAW"
  | "NOT_SELECTED_COVERAGE"
  | "NO_FEASIBLE_SELECTION"
  | "NOT_DECIDED";

export interface BidReason {
  reason: string;
  reason_code: ReasonCode;
}

export interface ReasonContext {
  status: string;
  eligibleCount: number;
  threshold: number;
  maxSelected: number;
  minSelectedNeeded: number | null;
  /** in hundredths */
  lowestSelected: number | null;
  unselectedTotals: number[];
  selectedTotals: number[];
  seed: string;
}

const points = (hundredths: number) => centsToUnits(hundredths).toFixed(2);

export function explain(
  bid: Bid,
  own: {
    total: number;
    eligible: boolean;
    selected: boolean;
    rank: number | null;
    criticalCells: string[];
    /** a selection with the same score holds this bid (swap with a tied selected bid), so the lot draw decided */
    lotDrawDecided?: boolean;
  },
  ctx: ReasonContext,
): BidReason {
  if (!bid.requirements_met) {
    return {
      reason_code: "REQUIREMENT_NOT_MET",
      reason: bid.failed_requirement
        ? `does not meet the minimum requirement: ${bid.failed_requirement}`
        : "does not meet the minimum requirements",
    };
  }
  if (!own.eligible) {
    return {
      reason_code: "BELOW_THRESHOLD",
      reason: `total ${points(own.total)} is below the threshold ${ctx.threshold.toFixed(2)}`,
    };
  }
  const ranked = `ranked ${own.rank} of ${ctx.eligibleCount}`;
  if (ctx.status === "infeasible") {
    return {
      reason_code: "NO_FEASIBLE_SELECTION",
      reason: `${ranked}; no selection of at most ${ctx.maxSelected} bids covers every cell (at least ${ctx.minSelectedNeeded} needed), so nobody is selected yet`,
    };
  }
  if (ctx.status !== "optimal") {
    return { reason_code: "NOT_DECIDED", reason: `${ranked}; the selection was not completed (${ctx.status})` };
  }
  if (own.selected) {
    const higherUnselected = ctx.unselectedTotals.filter((t) => t > own.total).length;
    if (higherUnselected > 0) {
      const named = own.criticalCells.slice(0, 10).join(", ");
      const more = own.criticalCells.length > 10 ? ` and ${own.criticalCells.length - 10} more` : "";
      return {
        reason_code: "SELECTED_FOR_COVERAGE",
        reason: `${ranked}; selected for coverage of ${named}${more}, although ${higherUnselected} higher-ranked bid(s) were not selected`,
      };
    }
    return { reason_code: "SELECTED", reason: ranked };
  }
  const lowest = ctx.lowestSelected;
  if (lowest === null) {
    return { reason_code: "NOT_SELECTED", reason: `${ranked} but not selected (max_selected is ${ctx.maxSelected})` };
  }
  if (own.lotDrawDecided) {
    return {
      reason_code: "NOT_SELECTED_TIE_LOT_DRAW",
      reason: `${ranked} but not selected: tied at ${points(own.total)} with a selected bid; the lot draw (seed "${ctx.seed}") decided`,
    };
  }
  if (own.total > lowest) {
    return {
      reason_code: "NOT_SELECTED_COVERAGE",
      reason: `${ranked} but not selected: lower-ranked bids (lowest selected total ${points(lowest)}) were needed to cover cells within the maximum of ${ctx.maxSelected}`,
    };
  }
  if (ctx.selectedTotals.includes(own.total)) {
    // Tied, but no selection of the same score holds this bid: coverage, not the lot draw, decided.
    return {
      reason_code: "NOT_SELECTED",
      reason: `${ranked} but not selected: tied at ${points(own.total)} with a selected bid that was needed to cover cells this bid does not; the lowest selected total is ${points(lowest)}`,
    };
  }
  return {
    reason_code: "NOT_SELECTED",
    reason: `${ranked} but not selected; the lowest selected total is ${points(lowest)}`,
  };
}
