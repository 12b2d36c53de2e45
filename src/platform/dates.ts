// Calendar dates as ISO strings (YYYY-MM-DD) and as day numbers (days since 1970-01-01).
// Only UTC arithmetic is used, so no time zone or daylight-saving shift can move a date.

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;
/** Days since 1970-01-01 (may be negative). */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a valid year/month/day (month 1–12); days-from-civil, no Date object. */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilOf(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The civil date of an ISO string, or null when it is not a real calendar date. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Day number of an ISO date; throws RangeError when it is not a real date. */
export function toDayNumber(date: IsoDate): DayNumber {
  const civil = parseIsoDate(date);
  if (!civil) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  return dayNumberOf(civil.year, civil.month, civil.day);
}

export function formatIsoDate(civil: CivilDate): IsoDate {
  return `${String(civil.year).padStart(4, "0")}-${String(civil.month).padStart(2, "0")}-${String(civil.day).padStart(2, "0")}`;
}

export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  return formatIsoDate(civilOf(dayNumber));
}

/** The same day `months` later, clipped to the last day of a shorter month (2023-08-31 + 6 = 2024-02-29). */
export function addMonthsClipped(civil: CivilDate, months: number): CivilDate {
  const index = civil.year * 12 + (civil.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(civil.day, daysInMonth(year, month)) };
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const civil = parseIsoDate(date);
  if (!civil) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  return formatIsoDate(addMonthsClipped(civil, months));
}

/** Day number of (day number + months), clipped to month end. */
export function addMonthsToDayNumber(dayNumber: DayNumber, months: number): DayNumber {
  const c = addMonthsClipped(civilOf(dayNumber), months);
  return dayNumberOf(c.year, c.month, c.day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function quarterOf(civil: CivilDate): number {
  return Math.floor((civil.month - 1) / 3) + 1;
}

/** The quarter label YYYYQn of a date. */
export function quarterLabel(date: IsoDate): string {
  const civil = parseIsoDate(date);
  if (!civil) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  return `${civil.year}Q${quarterOf(civil)}`;
}

export function isQuarterLabel(text: string): boolean {
  return QUARTER.test(text);
}

/** First day of every month of a year: 2023-01-01 … 2023-12-01. */
export function firstDaysOfMonths(year: number): IsoDate[] {
  return Array.from({ length: 12 }, (_, i) => formatIsoDate({ year, month: i + 1, day: 1 }));
}

/** First day of every quarter of a year: 2023-01-01, 2023-04-01, 2023-07-01, 2023-10-01. */
export function firstDaysOfQuarters(year: number): IsoDate[] {
  return [1, 4, 7, 10].map((month) => formatIsoDate({ year, month, day: 1 }));
}

export interface Period {
  /** 2023Q1 or 2023 */
  label: string;
  start: DayNumber;
  end: DayNumber;
}

/**
 * The calendar quarters or years that touch [from, to], each clipped to [from, to]
 * (so a range that starts mid-quarter gets a shorter first period).
 */
export function periodsBetween(from: IsoDate, to: IsoDate, granularity: "quarter" | "year"): Period[] {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end) throw new RangeError("from and to must be ISO dates");
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const periods: Period[] = [];
  if (granularity === "year") {
    for (let year = start.year; year <= end.year; year++) {
      const ps = Math.max(dayNumberOf(year, 1, 1), first);
      const pe = Math.min(dayNumberOf(year, 12, 31), last);
      if (ps <= pe) periods.push({ label: String(year), start: ps, end: pe });
    }
    return periods;
  }
  for (let index = start.year * 4 + quarterOf(start) - 1; index <= end.year * 4 + quarterOf(end) - 1; index++) {
    const year = Math.floor(index / 4);
    const q = index - year * 4 + 1;
    const qs = dayNumberOf(year, q * 3 - 2, 1);
    const qe = dayNumberOf(year, q * 3, daysInMonth(year, q * 3));
    const ps = Math.max(qs, first);
    const pe = Math.min(qe, last);
    if (ps <= pe) periods.push({ label: `${year}Q${q}`, start: ps, end: pe });
  }
  return periods;
}
