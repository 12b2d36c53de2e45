// Dates are ISO calendar dates (YYYY-MM-DD). They are parsed by hand and formatted in UTC, so a
// browser in another time zone never shows the day before.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch at UTC midnight of an ISO date, or null when it is not one. */
export function parseIsoDate(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

const locales = { nl: "nl-NL", en: "en-GB" } as const;

function localeOf(language: string): string {
  return language.startsWith("en") ? locales.en : locales.nl;
}

/** "1 januari 2022" (nl) or "1 January 2022" (en). */
export function formatDate(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const time = parseIsoDate(iso);
  if (time === null) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(time);
}

/** "jan. 2021": for axes and compact labels. */
export function formatMonth(iso: string, language: string): string {
  const time = parseIsoDate(iso) ?? 0;
  return new Intl.DateTimeFormat(localeOf(language), { month: "short", year: "numeric", timeZone: "UTC" }).format(time);
}

/** A timestamp (ISO date-time) as a local date and time, for "locked until" and the like. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export const DAY_MS = 86_400_000;

/** Tender times (closing time, receipts) are Dutch legal times: shown in Amsterdam time with its zone. */
export const TENDER_TIME_ZONE = "Europe/Amsterdam";

/** "1 maart 2027 om 12:00:00 CET": a moment in Amsterdam time, with seconds when asked. */
export function formatMoment(iso: string, language: string, options: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "long",
    timeStyle: options.seconds ? "long" : "short",
    timeZone: TENDER_TIME_ZONE,
  }).format(new Date(iso));
}

function wallClock(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(time);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The instant of a wall-clock time ("2027-03-01T12:00", as a datetime-local field gives it) in
 * Amsterdam, as an ISO timestamp; null when the text is not such a time.
 */
export function amsterdamToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const wanted = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!);
  if (Number.isNaN(wanted)) return null;
  // Start from the wall time read as UTC and correct by the zone's offset (twice, for the DST edges).
  let time = wanted;
  for (let i = 0; i < 2; i++) time += wanted - wallClock(time, TENDER_TIME_ZONE);
  return new Date(time).toISOString();
}

/** The Amsterdam wall-clock time of an instant, as a datetime-local field shows it. */
export function isoToAmsterdam(iso: string): string {
  return new Date(wallClock(new Date(iso).getTime(), TENDER_TIME_ZONE)).toISOString().slice(0, 16);
}

/** Whole days, hours, minutes and seconds of a duration in milliseconds (never negative). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
