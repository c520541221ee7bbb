/**
 * Belgian public holidays 2024–2030 against the official list, written out literally, and
 * Easter checked against rrule's own (independent) Easter table for every year 1583–9999.
 */
import rrulePkg from "rrule";
import { describe, expect, test } from "vitest";
import {
  belgianPublicHolidays,
  easterSunday,
  isBelgianPublicHoliday,
  publicHolidayName,
} from "../../src/calendar/holidays.ts";
import { fromUtcDate, weekday } from "../../src/calendar/local-date.ts";

const { RRule } = rrulePkg;

const EASTER: Record<number, string> = {
  2024: "2024-03-31",
  2025: "2025-04-20",
  2026: "2026-04-05",
  2027: "2027-03-28",
  2028: "2028-04-16",
  2029: "2029-04-01",
  2030: "2030-04-21",
};

/** The official list, year by year, in date order. */
const OFFICIAL: Record<number, string[]> = {
  2024: ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-09", "2024-05-20", "2024-07-21", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"],
  2025: ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"],
  2026: ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"],
  2027: ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17", "2027-07-21", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"],
  2028: ["2028-01-01", "2028-04-17", "2028-05-01", "2028-05-25", "2028-06-05", "2028-07-21", "2028-08-15", "2028-11-01", "2028-11-11", "2028-12-25"],
  2029: ["2029-01-01", "2029-04-02", "2029-05-01", "2029-05-10", "2029-05-21", "2029-07-21", "2029-08-15", "2029-11-01", "2029-11-11", "2029-12-25"],
  2030: ["2030-01-01", "2030-04-22", "2030-05-01", "2030-05-30", "2030-06-10", "2030-07-21", "2030-08-15", "2030-11-01", "2030-11-11", "2030-12-25"],
};

const NAMES_NL = [
  "Nieuwjaar",
  "Paasmaandag",
  "Dag van de Arbeid",
  "O.L.H. Hemelvaart",
  "Pinkstermaandag",
  "Nationale feestdag",
  "O.L.V. Hemelvaart",
  "Allerheiligen",
  "Wapenstilstand",
  "Kerstmis",
];

describe("easterSunday", () => {
  test.each(Object.entries(EASTER))("Easter %s is on %s, a Sunday", (year, date) => {
    expect(easterSunday(Number(year))).toBe(date);
    expect(weekday(date)).toBe(0);
  });

  test("known extremes: earliest 22 March (1818, 2285), latest 25 April (1943, 2038)", () => {
    expect(easterSunday(1818)).toBe("1818-03-22");
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(1943)).toBe("1943-04-25");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(1583)).toBe("1583-04-10");
  });

  test("agrees with rrule's BYEASTER for every year 1583–9999", () => {
    const rule = new RRule({
      freq: RRule.YEARLY,
      byeaster: 0,
      dtstart: new Date(Date.UTC(1583, 0, 1)),
      until: new Date(Date.UTC(9999, 11, 31)),
    }, true);
    const theirs = rule.all().map(fromUtcDate);
    expect(theirs).toHaveLength(9999 - 1583 + 1);
    const mismatches = theirs.filter((date) => easterSunday(Number(date.slice(0, 4))) !== date);
    expect(mismatches).toEqual([]);
  });

  test("refuses years outside the Gregorian range it is valid for", () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe("belgianPublicHolidays", () => {
  test.each(Object.entries(OFFICIAL))("%s matches the official list", (year, dates) => {
    const holidays = belgianPublicHolidays(Number(year));
    expect(holidays.map((h) => h.date)).toEqual(dates);
    expect(holidays.map((h) => h.nameNl)).toEqual(NAMES_NL);
    expect(holidays.every((h) => h.name.length > 0)).toBe(true);
  });

  test("Easter Monday, Ascension and Whit Monday are Easter + 1, + 39, + 50", () => {
    for (const [year, dates] of Object.entries(OFFICIAL)) {
      const easter = Date.parse(`${EASTER[Number(year)]}T00:00:00Z`);
      const offset = (date: string | undefined): number => (Date.parse(`${date}T00:00:00Z`) - easter) / 86_400_000;
      expect([offset(dates[1]), offset(dates[3]), offset(dates[4])]).toEqual([1, 39, 50]);
      expect([weekday(dates[1] ?? ""), weekday(dates[3] ?? ""), weekday(dates[4] ?? "")]).toEqual([1, 4, 1]);
    }
  });

  test("returns copies: callers cannot corrupt the cache", () => {
    const first = belgianPublicHolidays(2026);
    if (first[0]) first[0].date = "2026-01-02";
    expect(belgianPublicHolidays(2026)[0]?.date).toBe("2026-01-01");
  });
});

describe("isBelgianPublicHoliday / publicHolidayName", () => {
  test("a holiday is one, with its Dutch and English name", () => {
    expect(isBelgianPublicHoliday("2026-11-11")).toBe(true);
    expect(publicHolidayName("2026-11-11")).toBe("Wapenstilstand");
    expect(publicHolidayName("2026-11-11", "en")).toBe("Armistice Day");
    expect(publicHolidayName("2027-03-29")).toBe("Paasmaandag");
  });

  test("an ordinary day, the day after a holiday, and Easter Sunday itself are not", () => {
    expect(isBelgianPublicHoliday("2026-11-12")).toBe(false);
    expect(isBelgianPublicHoliday("2026-11-23")).toBe(false);
    expect(isBelgianPublicHoliday("2026-04-05")).toBe(false);
    expect(isBelgianPublicHoliday("2026-12-26")).toBe(false); // Boxing Day is not a Belgian legal holiday
    expect(publicHolidayName("2026-11-23")).toBeNull();
  });

  test("two holidays on one date (Ascension on 1 May 2008) are both named", () => {
    expect(belgianPublicHolidays(2008).filter((h) => h.date === "2008-05-01")).toHaveLength(2);
    expect(publicHolidayName("2008-05-01")).toBe("Dag van de Arbeid / O.L.H. Hemelvaart");
  });

  test("refuses malformed dates", () => {
    expect(() => isBelgianPublicHoliday("2026-11-31")).toThrow(RangeError);
  });
});
