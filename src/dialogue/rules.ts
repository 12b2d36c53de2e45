// Pure rules of dialogue sessions: whether a registration is accepted, how many places are left, and
// whether a session has taken place (so its report may be published). No I/O, no clock: `now` and the
// local (Europe/Amsterdam) date and time are arguments.

export interface SessionState {
  /** Places; null is unlimited. */
  capacity: number | null;
  registrationClosesAt: Date;
  cancelledAt: Date | null;
  /** Attendees of the active registrations. */
  taken: number;
}

export type RegistrationRule = "session_cancelled" | "registration_closed" | "session_full" | "already_registered";

export interface RegistrationRefusal {
  rule: RegistrationRule;
  message: string;
}

/** Places left, or null for an unlimited session. Never below zero. */
export function placesLeft(session: Pick<SessionState, "capacity" | "taken">): number | null {
  return session.capacity === null ? null : Math.max(0, session.capacity - session.taken);
}

/** Whether a new registration could be made now (not cancelled, before the deadline, a place left). */
export function registrationOpen(session: SessionState, now: Date): boolean {
  const left = placesLeft(session);
  return (
    session.cancelledAt === null &&
    now.getTime() < session.registrationClosesAt.getTime() &&
    (left === null || left > 0)
  );
}

/** Why a registration of `attendees` people is refused, or null when it is accepted. */
export function registrationRefusal(
  session: SessionState,
  attendees: number,
  alreadyRegistered: boolean,
  now: Date,
): RegistrationRefusal | null {
  if (session.cancelledAt !== null) return { rule: "session_cancelled", message: "the session has been cancelled" };
  if (now.getTime() >= session.registrationClosesAt.getTime()) {
    return {
      rule: "registration_closed",
      message: `registration closed at ${session.registrationClosesAt.toISOString()}`,
    };
  }
  if (alreadyRegistered) return { rule: "already_registered", message: "you are already registered for this session" };
  const left = placesLeft(session);
  if (left !== null && attendees > left) {
    return {
      rule: "session_full",
      message:
        left === 0
          ? "the session is full"
          : `only ${left} place${left === 1 ? "" : "s"} left; ${attendees} attendees asked`,
    };
  }
  return null;
}

/** Whether a session on `onDate` ending at `endsAt` ('HH:MM') has ended at the local date and time given. */
export function hasTakenPlace(onDate: string, endsAt: string, localDate: string, localTime: string): boolean {
  if (onDate !== localDate) return onDate < localDate;
  return endsAt.slice(0, 5) <= localTime.slice(0, 5);
}

export interface StatementCounts {
  kind: "agree" | "scale";
  agree?: number | null;
  disagree?: number | null;
  scaleCounts?: readonly number[] | null;
  scaleAverage?: number | null;
  scaleCount?: number | null;
}

export interface StatementSummary {
  kind: "agree" | "scale";
  agree: number | null;
  disagree: number | null;
  /** Share that agreed, 0..1, or null without votes. */
  agreeShare: number | null;
  scaleCounts: number[] | null;
  scaleAverage: number | null;
  scaleCount: number | null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Completes and checks a statement's figures: a scale with its five counts gets its average and
 * count from them (and a given average or count must agree with them); without the counts both the
 * average and the count are needed. Returns the problem as [field, message] when the figures do not fit.
 */
export function summariseStatement(input: StatementCounts): StatementSummary | [string, string] {
  if (input.kind === "agree") {
    const { agree, disagree } = input;
    if (agree == null || !Number.isInteger(agree) || agree < 0) return ["agree", "a whole number of 0 or more"];
    if (disagree == null || !Number.isInteger(disagree) || disagree < 0) {
      return ["disagree", "a whole number of 0 or more"];
    }
    const total = agree + disagree;
    return {
      kind: "agree",
      agree,
      disagree,
      agreeShare: total === 0 ? null : round3(agree / total),
      scaleCounts: null,
      scaleAverage: null,
      scaleCount: null,
    };
  }
  const counts = input.scaleCounts ?? null;
  if (counts !== null) {
    if (counts.length !== 5 || counts.some((c) => !Number.isInteger(c) || c < 0)) {
      return ["scaleCounts", "five whole numbers of 0 or more: how many answered 1, 2, 3, 4 and 5"];
    }
    const count = counts.reduce((a, b) => a + b, 0);
    const average = count === 0 ? null : round3(counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / count);
    if (input.scaleCount != null && input.scaleCount !== count) {
      return ["scaleCount", `the counts add up to ${count}, not ${input.scaleCount}`];
    }
    if (input.scaleAverage != null && average !== null && Math.abs(input.scaleAverage - average) > 0.01) {
      return ["scaleAverage", `the counts give an average of ${average}, not ${input.scaleAverage}`];
    }
    return {
      kind: "scale",
      agree: null,
      disagree: null,
      agreeShare: null,
      scaleCounts: [...counts],
      scaleAverage: average,
      scaleCount: count,
    };
  }
  const { scaleAverage, scaleCount } = input;
  if (scaleCount == null || !Number.isInteger(scaleCount) || scaleCount < 0) {
    return ["scaleCount", "a whole number of 0 or more (how many answered)"];
  }
  if (scaleCount > 0 && (scaleAverage == null || !(scaleAverage >= 1 && scaleAverage <= 5))) {
    return ["scaleAverage", "a number from 1 to 5"];
  }
  return {
    kind: "scale",
    agree: null,
    disagree: null,
    agreeShare: null,
    scaleCounts: null,
    scaleAverage: scaleCount === 0 ? null : round3(scaleAverage!),
    scaleCount,
  };
}
