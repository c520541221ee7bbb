/**
 * Flemish school holidays and bridge days of a calendar year: when people prefer to take
 * their leave.
 *
 * DOMAIN.md, the yearly question: "leave clusters in holidays". Parents among the coaches
 * take leave in the school holidays, and everybody likes a bridge day. The Flemish school
 * calendar is fixed by rule (Besluit van de Vlaamse Regering, organisation of the school
 * year; as published on vlaanderen.be, "Schoolvakanties en vrije dagen op school"), so it is
 * computed for any year rather than tabled:
 *
 * - herfstvakantie: "begint de maandag van de week waarin 1 november valt en duurt 1 week;
 *   indien 1 november op een zondag valt, begint de herfstvakantie op 2 november";
 * - kerstvakantie: "begint de maandag van de week waarin Kerstdag valt en duurt 2 weken;
 *   indien Kerstdag op een zaterdag of zondag valt, begint ze op de maandag na Kerstdag";
 * - krokusvakantie: "begint de 7de maandag vóór Pasen en duurt 1 week";
 * - paasvakantie: "begint de 1ste maandag van april en duurt 2 weken; indien Pasen in maart
 *   valt, begint ze de maandag na Pasen; indien Pasen na 15 april valt, begint ze de 2de
 *   maandag vóór Pasen" (Paasmaandag is then a holiday on top);
 * - zomervakantie: "van 1 juli tot en met 31 augustus";
 * - Hemelvaartsdag "en de dag nadien".
 *
 * A bridge day (brugdag) is our own rule: a working day (Monday to Friday, not a public
 * holiday) that lies between a Belgian public holiday and a weekend — the Friday after
 * Ascension Thursday, the Monday before a Tuesday holiday.
 */
import { easterSunday, isBelgianPublicHoliday } from "../calendar/holidays.ts";
import { addDays, eachDate, weekday } from "../calendar/local-date.ts";

export interface SchoolHoliday {
  /** Dutch name, e.g. "kerstvakantie". */
  name: string;
  /** First and last day, inclusive (weekends included). */
  from: string;
  to: string;
}

function pad(year: number): string {
  return String(year).padStart(4, "0");
}

/** The Monday of the week (Monday to Sunday) that contains `date`. */
function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

function christmasHoliday(year: number): SchoolHoliday {
  const christmas = `${pad(year)}-12-25`;
  const day = weekday(christmas);
  // Saturday or Sunday: the Monday after; otherwise the Monday of Christmas week.
  const from = day === 6 ? addDays(christmas, 2) : day === 0 ? addDays(christmas, 1) : mondayOf(christmas);
  return { name: "kerstvakantie", from, to: addDays(from, 13) };
}

function easterHoliday(year: number): SchoolHoliday {
  const easter = easterSunday(year);
  let from: string;
  if (easter < `${pad(year)}-04-01`) from = addDays(easter, 1);
  else if (easter > `${pad(year)}-04-15`) from = addDays(easter, -13);
  else {
    const april1 = `${pad(year)}-04-01`;
    from = addDays(april1, (8 - weekday(april1)) % 7);
  }
  return { name: "paasvakantie", from, to: addDays(from, 13) };
}

/**
 * The school holidays that touch `year`, in date order: the end of the previous year's
 * Christmas holiday, krokus, Easter, Ascension, summer, autumn and Christmas.
 */
export function flemishSchoolHolidays(year: number): SchoolHoliday[] {
  const y = pad(year);
  const easter = easterSunday(year);
  const krokus = addDays(easter, -48);
  const november1 = `${y}-11-01`;
  const autumn = weekday(november1) === 0 ? addDays(november1, 1) : mondayOf(november1);
  const ascension = addDays(easter, 39);
  return [
    christmasHoliday(year - 1),
    { name: "krokusvakantie", from: krokus, to: addDays(krokus, 6) },
    easterHoliday(year),
    { name: "Hemelvaart", from: ascension, to: addDays(ascension, 1) },
    { name: "zomervakantie", from: `${y}-07-01`, to: `${y}-08-31` },
    { name: "herfstvakantie", from: autumn, to: addDays(autumn, 6) },
    christmasHoliday(year),
  ];
}

/** Every date of `year` that falls in a Flemish school holiday. */
export function schoolHolidayDates(year: number): Set<string> {
  const first = `${pad(year)}-01-01`;
  const last = `${pad(year)}-12-31`;
  const dates = new Set<string>();
  for (const holiday of flemishSchoolHolidays(year)) {
    const from = holiday.from < first ? first : holiday.from;
    const to = holiday.to > last ? last : holiday.to;
    if (from <= to) for (const date of eachDate(from, to)) dates.add(date);
  }
  return dates;
}

function isWeekendDay(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** A day off: a weekend day or a Belgian public holiday. */
function isDayOff(date: string): boolean {
  return isWeekendDay(date) || isBelgianPublicHoliday(date);
}

/**
 * Our rule: a bridge day is a working day whose one neighbour is a public holiday and whose
 * other neighbour is a weekend day (or a run of days off leading to one), so that one day of
 * leave joins a holiday to a weekend.
 */
export function isBridgeDay(date: string): boolean {
  if (isDayOff(date)) return false;
  const before = addDays(date, -1);
  const after = addDays(date, 1);
  const holidayBefore = isBelgianPublicHoliday(before) && !isWeekendDay(before);
  const holidayAfter = isBelgianPublicHoliday(after) && !isWeekendDay(after);
  return (holidayBefore && isDayOff(after)) || (holidayAfter && isDayOff(before));
}

/** Every bridge day of `year`, sorted. */
export function bridgeDays(year: number): string[] {
  return eachDate(`${pad(year)}-01-01`, `${pad(year)}-12-31`).filter(isBridgeDay);
}
