/**
 * Date arithmetic on `YYYY-MM-DD` strings for the test generators.
 *
 * Deliberately tiny and independent of src/calendar (which the generators help to test):
 * every computation runs on UTC midnights, so no local time zone can shift a day.
 */

const DAY_MS = 86_400_000;

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";
const WEEKDAYS: readonly Weekday[] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

function toUtc(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(toUtc(date)).getUTCDay()] as Weekday;
}

export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === "SA" || day === "SU";
}

/** The n-th next working day (Monday to Friday) after `date`; n = 0 returns `date` itself if it is one. */
export function addWorkingDays(date: string, n: number): string {
  let current = date;
  let left = n;
  while (isWeekend(current)) current = addDays(current, 1);
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current)) left--;
  }
  return current;
}

/** The Monday on or before `date`. */
export function mondayOnOrBefore(date: string): string {
  const index = (new Date(toUtc(date)).getUTCDay() + 6) % 7;
  return addDays(date, -index);
}

function lastSundayOf(year: number, month: number): string {
  const last = fromUtc(Date.UTC(year, month, 0));
  const back = new Date(toUtc(last)).getUTCDay();
  return addDays(last, -back);
}

/**
 * The UTC offset of Europe/Brussels on the morning of `date` ("+01:00" or "+02:00"): summer
 * time runs from the last Sunday of March (02:00) to the last Sunday of October (03:00), so
 * at 07:00 both switch days already have their new offset.
 */
export function brusselsMorningOffset(date: string): "+01:00" | "+02:00" {
  const year = Number(date.slice(0, 4));
  const summer = date >= lastSundayOf(year, 3) && date < lastSundayOf(year, 10);
  return summer ? "+02:00" : "+01:00";
}

/** `HH:MM` from minutes after midnight. */
export function clockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
