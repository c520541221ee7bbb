/**
 * Local calendar dates (`YYYY-MM-DD`), never instants.
 *
 * A scenario's dates are days in the organisation's own calendar (Europe/Brussels): "Monday
 * 2026-11-23" is a day, not a moment. Whenever a `Date` object is needed (date arithmetic,
 * rrule) it is the UTC midnight of that day, built with `Date.UTC` and read back with the
 * `getUTC*` getters, so no result depends on the process time zone (`TZ`). Never use
 * `new Date("YYYY-MM-DD")` + local getters, or date-fns (which works in local time), here.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** True for a `YYYY-MM-DD` string naming a real day of the (proleptic Gregorian) calendar. */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The UTC midnight of a local date, the form rrule and date arithmetic work with. */
export function toUtcDate(date: string): Date {
  const match = DATE_PATTERN.exec(date);
  if (!match || !isLocalDate(date)) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  utc.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return utc;
}

/** The local date of a UTC-midnight `Date` (as produced by `toUtcDate` or by rrule). */
export function fromUtcDate(d: Date): string {
  const time = d.getTime();
  if (Number.isNaN(time)) throw new RangeError("invalid Date");
  const year = String(d.getUTCFullYear()).padStart(4, "0");
  const month = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

/** `date` moved by `n` days (negative: back). UTC days are all 24 hours long, so no DST. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromUtcDate(new Date(toUtcDate(date).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekday(date: string): number {
  return toUtcDate(date).getUTCDay();
}

/** "Monday", "Tuesday", … for explanations. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekday(date)] ?? "";
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** Negative, zero or positive like a sort comparator; `YYYY-MM-DD` strings sort as text. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDate(from: string, to: string): string[] {
  const dates: string[] = [];
  const start = toUtcDate(from).getTime();
  const end = toUtcDate(to).getTime();
  for (let time = start; time <= end; time += DAY_MS) dates.push(fromUtcDate(new Date(time)));
  return dates;
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return toUtcDate(date).getUTCFullYear();
}
