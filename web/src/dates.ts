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
