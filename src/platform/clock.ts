// The server's clock. Domain code never reads it: rules take `now` as an argument, and the
// HTTP and CLI layers pass clock.now(). ZORGINKOOP_NOW pins it for demos and tests.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned at `iso`, or advancing from it when `advancing` is set (so sessions still expire). */
export function fixedClock(iso: string, advancing = true): Clock {
  const pinned = new Date(iso.length === 10 ? `${iso}T09:00:00Z` : iso);
  if (Number.isNaN(pinned.getTime())) throw new Error(`ZORGINKOOP_NOW is not a date or time: '${iso}'`);
  const started = Date.now();
  return { now: () => new Date(pinned.getTime() + (advancing ? Date.now() - started : 0)) };
}

export function clockFrom(now: string | undefined): Clock {
  return now ? fixedClock(now) : systemClock;
}

/** Today's date in the Netherlands as YYYY-MM-DD: the domain's dates are Dutch calendar days. */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(at);
}
