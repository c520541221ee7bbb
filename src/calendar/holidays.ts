/**
 * The ten Belgian legal public holidays, computed (no package, no table).
 *
 * DOMAIN rule 5 closes enclaves on "Belgian ones (10 a year)". Seven are fixed dates; three
 * hang on Easter, which is computed with the anonymous Gregorian algorithm (Meeus/Jones/
 * Butcher). Two holidays can fall on the same date (1 May and Ascension in 2008 and 2160), so
 * lookups by date may find two. Replacement days for holidays on a Sunday are set per company
 * and are not modelled here.
 */
import { addDays, isLocalDate } from "./local-date.ts";

export interface BelgianPublicHoliday {
  date: string;
  /** English name, e.g. "Armistice Day". */
  name: string;
  /** Dutch name, e.g. "Wapenstilstand" (the one used in explanations). */
  nameNl: string;
}

const MIN_YEAR = 1583;
const MAX_YEAR = 9999;

/**
 * Easter Sunday of a Gregorian year (1583–9999), by the anonymous Gregorian algorithm
 * (Meeus, Astronomical Algorithms; Jones 1876; Butcher 1876).
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Easter is computed for the Gregorian years ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const byYear = new Map<number, readonly BelgianPublicHoliday[]>();

/** The cached, shared list for `year` (not to be handed out: callers get copies). */
function holidaysOf(year: number): readonly BelgianPublicHoliday[] {
  let holidays = byYear.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const y = String(year).padStart(4, "0");
    holidays = [
      { date: `${y}-01-01`, name: "New Year's Day", nameNl: "Nieuwjaar" },
      { date: addDays(easter, 1), name: "Easter Monday", nameNl: "Paasmaandag" },
      { date: `${y}-05-01`, name: "Labour Day", nameNl: "Dag van de Arbeid" },
      { date: addDays(easter, 39), name: "Ascension Day", nameNl: "O.L.H. Hemelvaart" },
      { date: addDays(easter, 50), name: "Whit Monday", nameNl: "Pinkstermaandag" },
      { date: `${y}-07-21`, name: "Belgian National Day", nameNl: "Nationale feestdag" },
      { date: `${y}-08-15`, name: "Assumption Day", nameNl: "O.L.V. Hemelvaart" },
      { date: `${y}-11-01`, name: "All Saints' Day", nameNl: "Allerheiligen" },
      { date: `${y}-11-11`, name: "Armistice Day", nameNl: "Wapenstilstand" },
      { date: `${y}-12-25`, name: "Christmas Day", nameNl: "Kerstmis" },
    ].sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
    byYear.set(year, holidays);
  }
  return holidays;
}

/**
 * DOMAIN rule 5: "Public holidays: Belgian ones (10 a year) close an enclave unless said
 * otherwise." The ten legal holidays of `year` (1583–9999), sorted by date: Nieuwjaar 1/1,
 * Paasmaandag, Dag van de Arbeid 1/5, O.L.H. Hemelvaart (Easter + 39), Pinkstermaandag
 * (Easter + 50), Nationale feestdag 21/7, O.L.V. Hemelvaart 15/8, Allerheiligen 1/11,
 * Wapenstilstand 11/11, Kerstmis 25/12.
 */
export function belgianPublicHolidays(year: number): BelgianPublicHoliday[] {
  return holidaysOf(year).map((holiday) => ({ ...holiday }));
}

/** The holidays on `date` (usually none, at most two). */
export function publicHolidaysOn(date: string): BelgianPublicHoliday[] {
  if (!isLocalDate(date)) throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR) return [];
  return holidaysOf(year)
    .filter((holiday) => holiday.date === date)
    .map((holiday) => ({ ...holiday }));
}

export function isBelgianPublicHoliday(date: string): boolean {
  return publicHolidaysOn(date).length > 0;
}

/**
 * The name of the holiday on `date` (Dutch by default, as in "Wapenstilstand"), two names
 * joined with " / " when two coincide, or null on an ordinary day.
 */
export function publicHolidayName(date: string, language: "nl" | "en" = "nl"): string | null {
  const holidays = publicHolidaysOn(date);
  if (holidays.length === 0) return null;
  return holidays.map((holiday) => (language === "nl" ? holiday.nameNl : holiday.name)).join(" / ");
}
