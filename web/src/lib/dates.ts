/**
 * Dates as the planner reads them. Dates are `YYYY-MM-DD` in the organisation's zone
 * (Europe/Brussels); "today" is today in Brussels, not the browser's UTC date — at 00:30 in
 * Ieper the board must already open the new day.
 */
export const ZONE = "Europe/Brussels";
const LOCALE = "nl-BE";

/** Today's date in Europe/Brussels as `YYYY-MM-DD`. */
export function todayInBrussels(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Noon UTC of a local date: formatting it in Brussels never shifts the day. */
function noonUtc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(noonUtc(value).getTime());
}

const shortFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: ZONE, weekday: "short", day: "numeric", month: "numeric" });
const dayMonthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: ZONE, day: "numeric", month: "short" });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: ZONE, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

const WEEKDAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/**
 * "maandag 23 november 2026" — spelled out by our own tables, not the browser's Intl data, so
 * the board reads Dutch whatever the browser's language (the native date picker beside it
 * follows the browser and may show 11/23/2026).
 */
export function formatLongDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS_NL[weekdayIndex(date)]} ${day} ${MONTHS_NL[month - 1]} ${year}`;
}
/** "ma 23/11" */
export const formatShortDate = (date: string) => shortFormat.format(noonUtc(date));
/** "23 nov." */
export const formatDayMonth = (date: string) => dayMonthFormat.format(noonUtc(date));
/** "07:12" for an ISO instant. */
export const formatTime = (instant: string) => timeFormat.format(new Date(instant));
export const formatDateTime = (instant: string) => dateTimeFormat.format(new Date(instant));

export function addDays(date: string, n: number): string {
  const d = noonUtc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (noonUtc(date).getUTCDay() + 6) % 7;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function isWeekend(date: string): boolean {
  return weekdayIndex(date) >= 5;
}

/** The current instant with Brussels' offset, e.g. "2026-11-23T07:12:00+01:00" (absence reportedAt). */
export function nowWithOffset(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  const local = `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - Math.floor(now.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
