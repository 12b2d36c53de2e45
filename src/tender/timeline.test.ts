import { describe, expect, it } from "vitest";
import {
  awardStandstill,
  implementationPeriod,
  milestoneOrder,
  participationPeriod,
  phaseOverlap,
  planningWarnings,
  selectionStandstill,
  type TimelinePlan,
  tenderPeriod,
  timelineStatus,
} from "./timeline.ts";
import type { Milestone, MilestoneKind } from "./types.ts";

const m = (kind: MilestoneKind, date: string | null, label: string = kind): Milestone => ({ kind, label, date });

function plan(milestones: Milestone[], over: Partial<TimelinePlan> = {}): TimelinePlan {
  return {
    regime: "full",
    electronicSubmission: true,
    announced: { participationDays: null, tenderDays: null, standstillDays: null },
    phases: [],
    milestones,
    ...over,
  };
}

describe("participation period (Aw 2012 art. 2.71)", () => {
  it("accepts exactly 30 days under the full regime", () => {
    expect(
      participationPeriod(plan([m("publication", "2021-04-01"), m("participation_deadline", "2021-05-01")])),
    ).toEqual([]);
  });

  it("warns at 29 days under the full regime, naming both numbers", () => {
    const [w] = participationPeriod(plan([m("publication", "2021-04-01"), m("participation_deadline", "2021-04-30")]));
    expect(w).toMatchObject({ code: "PARTICIPATION_PERIOD_SHORT", days: 29, minimum: 30, basis: "Aw 2012 art. 2.71" });
  });

  it("under the light regime binds the announced period, not the statutory one", () => {
    const light = {
      regime: "light" as const,
      announced: { participationDays: 21, tenderDays: null, standstillDays: null },
    };
    expect(
      participationPeriod(plan([m("publication", "2021-04-01"), m("participation_deadline", "2021-04-22")], light)),
    ).toEqual([]);
    const [w] = participationPeriod(
      plan([m("publication", "2021-04-01"), m("participation_deadline", "2021-04-21")], light),
    );
    expect(w).toMatchObject({ code: "PARTICIPATION_PERIOD_SHORT", days: 20, minimum: 21 });
    expect(w?.basis).toContain("2.39");
  });

  it("under the light regime without an announced period has nothing to check", () => {
    expect(
      participationPeriod(
        plan([m("publication", "2021-04-01"), m("participation_deadline", "2021-04-05")], { regime: "light" }),
      ),
    ).toEqual([]);
  });

  it("says it cannot check while a date is missing", () => {
    const [w] = participationPeriod(plan([m("publication", "2021-04-01"), m("participation_deadline", null)]));
    expect(w).toMatchObject({ code: "CHECK_NOT_POSSIBLE", severity: "info" });
  });
});

describe("tender period (Aw 2012 art. 2.72 and 2.74a)", () => {
  it("allows 35 days with electronic submission", () => {
    expect(tenderPeriod(plan([m("invitation", "2021-07-02"), m("tender_deadline", "2021-08-06")]))).toEqual([]);
  });

  it("requires 40 days without electronic submission", () => {
    const [w] = tenderPeriod(
      plan([m("invitation", "2021-07-02"), m("tender_deadline", "2021-08-06")], { electronicSubmission: false }),
    );
    expect(w).toMatchObject({ code: "TENDER_PERIOD_SHORT", days: 35, minimum: 40, basis: "Aw 2012 art. 2.72" });
  });

  it("takes a longer announced period as the minimum under the full regime", () => {
    const [w] = tenderPeriod(
      plan([m("invitation", "2021-07-02"), m("tender_deadline", "2021-08-27")], {
        announced: { participationDays: null, tenderDays: 60, standstillDays: null },
      }),
    );
    expect(w).toMatchObject({ days: 56, minimum: 60 });
  });
});

describe("standstill (Aw 2012 art. 2.127)", () => {
  it("accepts exactly 20 calendar days after the award decision", () => {
    expect(awardStandstill(plan([m("award_decision", "2021-09-01"), m("final_award", "2021-09-21")]))).toEqual([]);
  });

  it("warns at 19 days after the award decision", () => {
    const [w] = awardStandstill(plan([m("award_decision", "2021-09-01"), m("final_award", "2021-09-20")]));
    expect(w).toMatchObject({ code: "AWARD_STANDSTILL_SHORT", days: 19, minimum: 20, basis: "Aw 2012 art. 2.127" });
  });

  it("warns when the invitation follows the selection decision within 20 days", () => {
    const [w] = selectionStandstill(plan([m("selection_decision", "2021-06-15"), m("invitation", "2021-07-02")]));
    expect(w).toMatchObject({ code: "SELECTION_STANDSTILL_SHORT", days: 17, minimum: 20 });
  });

  it("uses a longer announced standstill", () => {
    const [w] = awardStandstill(
      plan([m("award_decision", "2021-09-01"), m("final_award", "2021-09-22")], {
        announced: { participationDays: null, tenderDays: null, standstillDays: 25 },
      }),
    );
    expect(w).toMatchObject({ days: 21, minimum: 25 });
  });
});

describe("implementation period (Norm voor Opdrachtgeverschap)", () => {
  it("accepts three months from award to contract start", () => {
    expect(implementationPeriod(plan([m("final_award", "2021-10-01"), m("contract_start", "2022-01-01")]))).toEqual([]);
  });

  it("warns for each contract start that comes sooner", () => {
    const warnings = implementationPeriod(
      plan([
        m("final_award", "2021-10-01"),
        m("contract_start", "2022-01-01"),
        m("contract_start", "2021-08-01", "Dyslexie"),
      ]),
    );
    expect(warnings.map((w) => w.subject[1])).toEqual(["Dyslexie"]);
  });
});

describe("order and overlap", () => {
  it("warns when a later step of the procedure is dated before an earlier one", () => {
    const [w] = milestoneOrder(plan([m("publication", "2021-04-01"), m("tender_deadline", "2021-03-01")]));
    expect(w).toMatchObject({ code: "MILESTONES_OUT_OF_ORDER" });
  });

  it("warns when phases overlap", () => {
    const phases = [
      { number: 1, name: "a", startsOn: "2021-01-01", endsOn: "2021-03-31", description: null },
      { number: 2, name: "b", startsOn: "2021-03-31", endsOn: "2021-06-30", description: null },
    ];
    expect(phaseOverlap(plan([], { phases }))).toHaveLength(1);
  });

  it("a well-planned timeline has no warnings at all", () => {
    const good = plan([
      m("publication", "2021-04-01"),
      m("participation_deadline", "2021-05-06"),
      m("selection_decision", "2021-06-01"),
      m("invitation", "2021-07-02"),
      m("tender_deadline", "2021-08-27"),
      m("award_decision", "2021-09-08"),
      m("final_award", "2021-10-01"),
      m("contract_start", "2022-01-01"),
    ]);
    expect(planningWarnings(good)).toEqual([]);
  });
});

describe("timeline status takes today as an argument", () => {
  const phases = [
    { number: 3, name: "Aanbesteding", startsOn: "2021-04-01", endsOn: "2021-09-30", description: null },
    { number: 4, name: "Implementatie", startsOn: "2021-10-01", endsOn: "2021-12-31", description: null },
  ];
  const milestones = [m("final_award", "2021-10-01"), m("contract_start", "2022-01-01")];

  it("finds the current phase and the next milestone", () => {
    expect(timelineStatus(plan(milestones, { phases }), "2021-09-30")).toMatchObject({
      currentPhase: 3,
      nextMilestone: { kind: "final_award" },
    });
    expect(timelineStatus(plan(milestones, { phases }), "2021-10-02")).toMatchObject({
      currentPhase: 4,
      nextMilestone: { kind: "contract_start" },
    });
  });

  it("has no current phase outside every phase", () => {
    expect(timelineStatus(plan(milestones, { phases }), "2026-11-23")).toMatchObject({
      currentPhase: null,
      nextMilestone: null,
    });
  });
});
