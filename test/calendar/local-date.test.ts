/**
 * Local-date arithmetic: YYYY-MM-DD strings in and out, the same answer in every TZ
 * (this file runs under three time zones, see vitest.config.ts).
 */
import { describe, expect, test } from "vitest";
import {
  addDays,
  compareDates,
  daysBetween,
  daysInYear,
  eachDate,
  fromUtcDate,
  isLocalDate,
  isWeekend,
  toUtcDate,
  weekday,
  weekdayName,
} from "../../src/calendar/local-date.ts";

describe("toUtcDate / fromUtcDate", () => {
  test("a date is the UTC midnight of that day, whatever the process TZ", () => {
    expect(toUtcDate("2026-11-23").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(fromUtcDate(new Date(Date.UTC(2026, 10, 23)))).toBe("2026-11-23");
  });

  test("round-trips every day of a leap year and of early years", () => {
    for (const date of eachDate("2024-01-01", "2024-12-31")) expect(fromUtcDate(toUtcDate(date))).toBe(date);
    expect(fromUtcDate(toUtcDate("0050-03-01"))).toBe("0050-03-01");
    expect(fromUtcDate(toUtcDate("9999-12-31"))).toBe("9999-12-31");
  });

  test("refuses what is not a calendar date", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2026-1-5", "23/11/2026", "2026-11-23T00:00", ""]) {
      expect(() => toUtcDate(bad), bad).toThrow(RangeError);
      expect(isLocalDate(bad), bad).toBe(false);
    }
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(() => fromUtcDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("addDays", () => {
  test("crosses months, years, leap days and the Brussels DST changes by whole days", () => {
    expect(addDays("2026-11-23", 1)).toBe("2026-11-24");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29"); // DST starts 2026-03-29 in Brussels
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26"); // DST ends 2026-10-25
    expect(addDays("2026-11-23", -30)).toBe("2026-10-24");
    expect(addDays("2026-11-23", 0)).toBe("2026-11-23");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  test("refuses a fractional number of days", () => {
    expect(() => addDays("2026-11-23", 0.5)).toThrow(RangeError);
  });

  test("daysBetween is its inverse", () => {
    expect(daysBetween("2026-11-23", "2026-12-25")).toBe(32);
    expect(daysBetween("2026-12-25", "2026-11-23")).toBe(-32);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
  });
});

describe("weekday", () => {
  test("0 = Sunday … 6 = Saturday", () => {
    expect(weekday("2026-11-22")).toBe(0);
    expect(weekday("2026-11-23")).toBe(1);
    expect(weekday("2026-11-25")).toBe(3);
    expect(weekday("2026-11-28")).toBe(6);
    expect(weekday("2024-02-29")).toBe(4);
    expect(weekdayName("2026-11-23")).toBe("Monday");
  });

  test("isWeekend is Saturday and Sunday only", () => {
    expect(isWeekend("2026-11-28")).toBe(true);
    expect(isWeekend("2026-11-29")).toBe(true);
    expect(isWeekend("2026-11-27")).toBe(false);
    expect(isWeekend("2026-11-30")).toBe(false);
  });
});

describe("compareDates / eachDate / daysInYear", () => {
  test("compareDates orders dates", () => {
    expect(compareDates("2026-11-23", "2026-11-24")).toBeLessThan(0);
    expect(compareDates("2026-11-24", "2026-11-23")).toBeGreaterThan(0);
    expect(compareDates("2026-11-23", "2026-11-23")).toBe(0);
    expect(["2027-01-01", "2026-12-31", "2026-02-01"].sort(compareDates)).toEqual(["2026-02-01", "2026-12-31", "2027-01-01"]);
  });

  test("eachDate is inclusive, and empty when to is before from", () => {
    expect(eachDate("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(eachDate("2026-11-23", "2026-11-23")).toEqual(["2026-11-23"]);
    expect(eachDate("2026-11-24", "2026-11-23")).toEqual([]);
    expect(eachDate("2026-03-01", "2026-10-31")).toHaveLength(245);
  });

  test("daysInYear follows the Gregorian leap rule", () => {
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2026)).toBe(365);
    expect(daysInYear(1900)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
    expect(eachDate("2028-01-01", "2028-12-31")).toHaveLength(daysInYear(2028));
  });
});
