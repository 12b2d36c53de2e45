import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  civilOf,
  daysBetween,
  firstDaysOfMonths,
  firstDaysOfQuarters,
  fromDayNumber,
  isIsoDate,
  periodsBetween,
  quarterLabel,
  toDayNumber,
} from "./dates.ts";

describe("ISO dates", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-1-01")).toBe(false);
    expect(isIsoDate("2023-01-01T00:00")).toBe(false);
  });

  it("counts days as UTC does", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2023-03-31", "2023-03-25")).toBe(-6);
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const iso = new Date(n * 86400000).toISOString().slice(0, 10);
        expect(toDayNumber(iso)).toBe(n);
        expect(fromDayNumber(n)).toBe(iso);
        expect(civilOf(n).year).toBe(Number(iso.slice(0, 4)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("adding months", () => {
  it("clips the 31st to the end of a shorter month", () => {
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2022-08-31", 6)).toBe("2023-02-28");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2023-03-31", 1)).toBe("2023-04-30");
    expect(addMonths("2023-07-15", 6)).toBe("2024-01-15");
    expect(addMonths("2023-12-31", 12)).toBe("2024-12-31");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2023-03-31", -1)).toBe("2023-02-28");
  });
});

describe("quarters and periods", () => {
  it("labels quarters", () => {
    expect(quarterLabel("2023-01-01")).toBe("2023Q1");
    expect(quarterLabel("2023-03-31")).toBe("2023Q1");
    expect(quarterLabel("2023-04-01")).toBe("2023Q2");
    expect(quarterLabel("2023-12-31")).toBe("2023Q4");
  });

  it("lists first days of months and quarters", () => {
    expect(firstDaysOfMonths(2023)[0]).toBe("2023-01-01");
    expect(firstDaysOfMonths(2023)[11]).toBe("2023-12-01");
    expect(firstDaysOfQuarters(2023)).toEqual(["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01"]);
  });

  it("lists the periods of a range, clipped to it", () => {
    const q = periodsBetween("2023-01-01", "2023-12-31", "quarter");
    expect(q.map((p) => p.label)).toEqual(["2023Q1", "2023Q2", "2023Q3", "2023Q4"]);
    expect(fromDayNumber(q[0]!.end)).toBe("2023-03-31");
    expect(fromDayNumber(q[3]!.start)).toBe("2023-10-01");
    const y = periodsBetween("2022-07-01", "2023-12-31", "year");
    expect(y.map((p) => [p.label, fromDayNumber(p.start), fromDayNumber(p.end)])).toEqual([
      ["2022", "2022-07-01", "2022-12-31"],
      ["2023", "2023-01-01", "2023-12-31"],
    ]);
    expect(periodsBetween("2023-02-15", "2023-04-10", "quarter").map((p) => p.label)).toEqual(["2023Q1", "2023Q2"]);
    expect(periodsBetween("2024-01-01", "2023-12-31", "quarter")).toEqual([]);
  });
});
