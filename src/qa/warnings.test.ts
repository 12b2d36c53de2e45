import { describe, expect, it } from "vitest";
import { lastRoundLate, type QaPlan, questionsOpen } from "./warnings.ts";

const plan = (over: Partial<QaPlan> = {}): QaPlan => ({
  closesAt: new Date("2021-06-30T10:00:00Z"),
  closesOn: "2021-06-30",
  lastRoundMinDays: 6,
  openWarningDays: 14,
  rounds: [],
  openQuestions: 0,
  ...over,
});
const round = (on: string | null, published = false) => ({
  number: 2,
  title: "Nota van Inlichtingen 2",
  on,
  published,
});

describe("the last round before the closing time (Aw 2012 art. 2.75)", () => {
  it("accepts a round exactly the minimum number of days before the closing date", () => {
    expect(lastRoundLate(plan({ rounds: [round("2021-06-24")] }))).toEqual([]);
  });

  it("warns about a round planned one day later, with the days and the minimum", () => {
    const [warning] = lastRoundLate(plan({ rounds: [round("2021-06-25")] }));
    expect(warning).toMatchObject({
      code: "qa_last_round_late",
      days: 5,
      minimum: 6,
      subject: ["Nota van Inlichtingen 2"],
    });
  });

  it("follows the setting, and ignores rounds without a date or a tender without a closing time", () => {
    expect(lastRoundLate(plan({ lastRoundMinDays: 10, rounds: [round("2021-06-24")] }))).toHaveLength(1);
    expect(lastRoundLate(plan({ rounds: [round(null)] }))).toEqual([]);
    expect(lastRoundLate(plan({ closesAt: null, closesOn: null, rounds: [round("2021-06-29")] }))).toEqual([]);
  });
});

describe("open questions as the closing time approaches", () => {
  it("warns from the setting's number of days before the closing time", () => {
    expect(questionsOpen(plan({ openQuestions: 3 }), new Date("2021-06-16T09:59:59Z"))).toEqual([]);
    const [warning] = questionsOpen(plan({ openQuestions: 3 }), new Date("2021-06-16T10:00:00Z"));
    expect(warning).toMatchObject({ code: "qa_questions_open", days: 14 });
    expect(warning?.message).toContain("3 question(s)");
  });

  it("stays quiet with no open questions, and after the closing time", () => {
    expect(questionsOpen(plan(), new Date("2021-06-29T10:00:00Z"))).toEqual([]);
    expect(questionsOpen(plan({ openQuestions: 1 }), new Date("2021-06-30T10:00:00Z"))).toEqual([]);
  });
});
