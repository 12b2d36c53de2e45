import { describe, expect, it } from "vitest";
import { hasTakenPlace, placesLeft, registrationOpen, registrationRefusal, summariseStatement } from "./rules.ts";

const now = new Date("2026-05-01T10:00:00Z");
const session = (over: Partial<Parameters<typeof registrationRefusal>[0]> = {}) => ({
  capacity: 10,
  registrationClosesAt: new Date("2026-05-02T10:00:00Z"),
  cancelledAt: null,
  taken: 0,
  ...over,
});

describe("registration", () => {
  it("accepts while places are left and before the deadline", () => {
    expect(registrationRefusal(session({ taken: 8 }), 2, false, now)).toBeNull();
    expect(registrationOpen(session({ taken: 8 }), now)).toBe(true);
    expect(registrationRefusal(session({ capacity: null, taken: 500 }), 20, false, now)).toBeNull();
  });

  it("refuses more attendees than places left, and a full session", () => {
    expect(registrationRefusal(session({ taken: 8 }), 3, false, now)).toEqual({
      rule: "session_full",
      message: "only 2 places left; 3 attendees asked",
    });
    expect(registrationRefusal(session({ taken: 10 }), 1, false, now)?.message).toBe("the session is full");
    expect(registrationOpen(session({ taken: 10 }), now)).toBe(false);
    expect(placesLeft(session({ taken: 12 }))).toBe(0);
    expect(placesLeft(session({ capacity: null }))).toBeNull();
  });

  it("refuses at and after the registration deadline, naming it", () => {
    const closes = new Date("2026-05-01T10:00:00Z");
    expect(registrationRefusal(session({ registrationClosesAt: closes }), 1, false, now)).toEqual({
      rule: "registration_closed",
      message: "registration closed at 2026-05-01T10:00:00.000Z",
    });
    expect(registrationOpen(session({ registrationClosesAt: closes }), now)).toBe(false);
  });

  it("refuses a cancelled session first, then a second registration", () => {
    expect(registrationRefusal(session({ cancelledAt: now, taken: 10 }), 1, true, now)?.rule).toBe("session_cancelled");
    expect(registrationRefusal(session(), 1, true, now)?.rule).toBe("already_registered");
  });
});

describe("hasTakenPlace", () => {
  it("compares the local date, then the end time", () => {
    expect(hasTakenPlace("2026-04-30", "17:00", "2026-05-01", "09:00")).toBe(true);
    expect(hasTakenPlace("2026-05-01", "12:00", "2026-05-01", "11:59")).toBe(false);
    expect(hasTakenPlace("2026-05-01", "12:00:00", "2026-05-01", "12:00")).toBe(true);
    expect(hasTakenPlace("2026-05-02", "09:00", "2026-05-01", "23:00")).toBe(false);
  });
});

describe("summariseStatement", () => {
  it("computes the agree share", () => {
    expect(summariseStatement({ kind: "agree", agree: 3, disagree: 1 })).toMatchObject({ agreeShare: 0.75 });
    expect(summariseStatement({ kind: "agree", agree: 0, disagree: 0 })).toMatchObject({ agreeShare: null });
    expect(summariseStatement({ kind: "agree", agree: 3 })).toEqual(["disagree", "a whole number of 0 or more"]);
  });

  it("computes a scale's average from its counts, or takes average and count as given", () => {
    expect(summariseStatement({ kind: "scale", scaleCounts: [0, 0, 1, 1, 1] })).toMatchObject({
      scaleAverage: 4,
      scaleCount: 3,
    });
    expect(summariseStatement({ kind: "scale", scaleAverage: 3.456, scaleCount: 9 })).toMatchObject({
      scaleAverage: 3.456,
      scaleCount: 9,
    });
    expect(summariseStatement({ kind: "scale", scaleCounts: [1, 2, 3] })).toEqual([
      "scaleCounts",
      expect.stringContaining("five whole numbers"),
    ]);
    expect(summariseStatement({ kind: "scale", scaleCounts: [1, 1, 1, 1, 1], scaleAverage: 4 })).toEqual([
      "scaleAverage",
      expect.stringContaining("average of 3"),
    ]);
  });
});
