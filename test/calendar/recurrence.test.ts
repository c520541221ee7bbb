/**
 * RFC 5545 recurrence rules: what checkRecurrenceRule refuses and why, and occurrences
 * (INTERVAL, "one week a month", COUNT, UNTIL, rdates, exdates) in every TZ.
 */
import { describe, expect, test } from "vitest";
import { addDays, eachDate } from "../../src/calendar/local-date.ts";
import {
  checkRecurrenceRule,
  firstOccurrence,
  occurrencesBetween,
  occursOn,
} from "../../src/calendar/recurrence.ts";

const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
const ONE_WEEK_A_MONTH = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10";
const BIWEEKLY_FRIDAY = "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR";

describe("checkRecurrenceRule accepts", () => {
  test.each([
    WEEKDAYS,
    "FREQ=WEEKLY;BYDAY=WE",
    ONE_WEEK_A_MONTH,
    BIWEEKLY_FRIDAY,
    "RRULE:FREQ=WEEKLY;BYDAY=MO,TU",
    "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231",
    "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959Z",
    "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
    "freq=weekly;byday=mo",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,2,3,4,5",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=MO;",
  ])("%s", (rule) => {
    expect(checkRecurrenceRule(rule, "2024-01-01")).toBeNull();
  });
});

describe("checkRecurrenceRule refuses, with a reason", () => {
  test.each([
    ["FREQ=SOMETIMES", /FREQ=SOMETIMES is not a frequency/],
    ["BYDAY=MO", /FREQ is missing/],
    ["", /is empty/],
    ["FREQ=WEEKLY;COLOUR=RED", /unknown part COLOUR/],
    ["FREQ=WEEKLY;BYDAY", /not a part of the form NAME=VALUE/],
    ["FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", /BYDAY is given twice/],
    ["FREQ=WEEKLY;BYDAY=XX", /"XX" is not a weekday/],
    ["FREQ=WEEKLY;BYDAY=2MO", /needs FREQ=MONTHLY or YEARLY/],
    ["FREQ=MONTHLY;BYDAY=6MO", /1 to 5/],
    ["FREQ=WEEKLY;BYMONTHDAY=1", /BYMONTHDAY cannot be used with FREQ=WEEKLY/],
    ["FREQ=MONTHLY;BYMONTHDAY=32", /"32" is not a whole number/],
    ["FREQ=MONTHLY;BYMONTHDAY=0", /"0" is not a whole number/],
    ["FREQ=YEARLY;BYMONTH=13", /"13" is not a whole number from 1 to 12/],
    ["FREQ=WEEKLY;INTERVAL=0;BYDAY=MO", /INTERVAL=0 must be a whole number of at least 1/],
    ["FREQ=WEEKLY;COUNT=-1", /COUNT=-1 must be a whole number/],
    ["FREQ=WEEKLY;UNTIL=2026-12-31", /UNTIL=2026-12-31 is not a date/],
    ["FREQ=WEEKLY;UNTIL=20260231", /UNTIL=20260231 is not a date/],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20261231", /COUNT and UNTIL cannot both be given/],
    ["FREQ=HOURLY", /whole days/],
    ["FREQ=DAILY;BYHOUR=8", /BYHOUR is not supported/],
    ["FREQ=MONTHLY;BYSETPOS=1", /BYSETPOS needs another BYxxx part/],
    ["FREQ=WEEKLY;WKST=XX", /WKST=XX is not a weekday/],
    ["FREQ=YEARLY;BYEASTER=0", /unknown part BYEASTER/],
    ["DTSTART:20240101T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO", /DTSTART must not be written inside the rule/],
    ["FREQ=WEEKLY;BYDAY=MO;DTSTART=20240101", /DTSTART must not be written inside the rule/],
    ["RRULE:FREQ=WEEKLY\nEXDATE:20240108", /single RRULE line/],
    ["EXDATE:20240108", /put extra and removed dates in rdates and exdates/],
  ])("%j", (rule, reason) => {
    expect(checkRecurrenceRule(rule, "2024-01-01")).toMatch(reason);
  });

  test.each([
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYMONTH=4;BYDAY=MO;BYSETPOS=6",
    "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6",
  ])("impossible: %s never occurs", (rule) => {
    expect(checkRecurrenceRule(rule, "2024-01-01")).toMatch(/never occurs in the 10 years from dtstart 2024-01-01/);
  });

  test("a rule whose UNTIL is before dtstart never occurs", () => {
    expect(checkRecurrenceRule("FREQ=WEEKLY;BYDAY=MO;UNTIL=20231231", "2024-01-01")).toMatch(
      /UNTIL 2023-12-31 is before dtstart 2024-01-01/,
    );
  });

  test("a malformed dtstart", () => {
    expect(checkRecurrenceRule(WEEKDAYS, "2024-02-30")).toMatch(/dtstart "2024-02-30" is not a calendar date/);
  });

  test("an impossible FREQ=DAILY rule is refused quickly (rrule alone iterates to year 9999: ~10 s)", () => {
    const started = performance.now();
    expect(checkRecurrenceRule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "2031-05-17")).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("firstOccurrence (replayed in a twin year near 9999)", () => {
  // The same answer as a plain rrule walk from dtstart, including across the non-leap 2100
  // and from a 29 February.
  const cases: [string, string][] = [
    [WEEKDAYS, "2024-01-06"],
    [BIWEEKLY_FRIDAY, "2024-01-05"],
    [ONE_WEEK_A_MONTH, "2026-11-11"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2095-03-01"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2036-01-01"],
    ["FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH", "2094-01-01"],
    ["FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=31", "2024-02-29"],
    ["FREQ=YEARLY;INTERVAL=3;BYYEARDAY=366", "2024-02-29"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "2026-11-28"],
  ];
  test.each(cases)("%s from %s", (rrule, dtstart) => {
    const direct = occurrencesBetween({ dtstart, rrule }, dtstart, addDays(dtstart, 3652))[0] ?? null;
    expect(firstOccurrence(rrule, dtstart)).toBe(direct);
  });

  test("a rule with an occurrence only after 10 years counts as impossible", () => {
    // 29 February on a Monday: 2044 is the first after 2024.
    expect(firstOccurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2024-01-01")).toBeNull();
    expect(firstOccurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2024-01-01", 25)).toBe("2044-02-29");
  });
});

describe("occursOn", () => {
  test("biweekly Friday from 2024-01-05: on the 5th and the 19th, not the 12th", () => {
    const pattern = { dtstart: "2024-01-05", rrule: BIWEEKLY_FRIDAY };
    expect(occursOn(pattern, "2024-01-05")).toBe(true);
    expect(occursOn(pattern, "2024-01-12")).toBe(false);
    expect(occursOn(pattern, "2024-01-19")).toBe(true);
    expect(occursOn(pattern, "2026-11-20")).toBe(true); // 150 weeks later
    expect(occursOn(pattern, "2026-11-27")).toBe(false);
    expect(occursOn(pattern, "2024-01-18")).toBe(false); // a Thursday
  });

  test("dtstart anchors the rule but is an occurrence only when it matches", () => {
    const wednesdays = { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=WE" };
    expect(occursOn(wednesdays, "2024-01-01")).toBe(false);
    expect(occursOn(wednesdays, "2024-01-03")).toBe(true);
    expect(occursOn(wednesdays, "2023-12-27")).toBe(false); // before dtstart
  });

  test("one week a month: weekdays among the 1st–10th", () => {
    const schedule = { dtstart: "2024-01-01", rrule: ONE_WEEK_A_MONTH };
    expect(occursOn(schedule, "2026-12-02")).toBe(true);
    expect(occursOn(schedule, "2026-12-10")).toBe(true);
    expect(occursOn(schedule, "2026-12-11")).toBe(false);
    expect(occursOn(schedule, "2026-12-05")).toBe(false); // Saturday
    expect(occursOn(schedule, "2026-11-23")).toBe(false);
  });

  test("COUNT stops after that many occurrences", () => {
    const three = { dtstart: "2026-11-02", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3" };
    expect(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((d) => occursOn(three, d))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  test("UNTIL is inclusive by its date, with or without a time", () => {
    for (const until of ["20261231", "20261231T000000Z", "20261231T235959"]) {
      const daily = { dtstart: "2026-12-01", rrule: `FREQ=DAILY;UNTIL=${until}` };
      expect(occursOn(daily, "2026-12-31"), until).toBe(true);
      expect(occursOn(daily, "2027-01-01"), until).toBe(false);
    }
  });

  test("rdates add, exdates remove, and an exdate beats an rdate", () => {
    const schedule = {
      dtstart: "2026-11-02",
      rrule: "FREQ=WEEKLY;BYDAY=WE",
      rdates: ["2026-11-23", "2026-11-24"],
      exdates: ["2026-11-25", "2026-11-24"],
    };
    expect(occursOn(schedule, "2026-11-23")).toBe(true);
    expect(occursOn(schedule, "2026-11-24")).toBe(false);
    expect(occursOn(schedule, "2026-11-25")).toBe(false);
    expect(occursOn(schedule, "2026-12-02")).toBe(true);
  });

  test("rrule null: only the rdates", () => {
    const adHoc = { dtstart: "2026-11-02", rrule: null, rdates: ["2026-11-23"] };
    expect(occursOn(adHoc, "2026-11-23")).toBe(true);
    expect(occursOn(adHoc, "2026-11-02")).toBe(false);
  });

  test("an invalid rule throws instead of answering false", () => {
    expect(() => occursOn({ dtstart: "2024-01-01", rrule: "FREQ=SOMETIMES" }, "2024-01-01")).toThrow(/not a frequency/);
    expect(() => occursOn({ dtstart: "2024-01-01", rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" }, "2024-01-01")).toThrow(
      /never occurs/,
    );
  });
});

describe("occurrencesBetween", () => {
  test("agrees with occursOn day by day over two years, for every kind of rule", () => {
    const recurrences = [
      { dtstart: "2024-01-01", rrule: WEEKDAYS },
      { dtstart: "2024-01-05", rrule: BIWEEKLY_FRIDAY },
      { dtstart: "2024-01-01", rrule: ONE_WEEK_A_MONTH },
      { dtstart: "2026-03-01", rrule: "FREQ=DAILY;COUNT=40" },
      { dtstart: "2026-01-01", rrule: "FREQ=WEEKLY;BYDAY=WE", rdates: ["2027-02-06"], exdates: ["2026-07-22"] },
    ];
    const days = eachDate("2026-01-01", "2027-12-31");
    for (const recurrence of recurrences) {
      const expected = days.filter((date) => occursOn(recurrence, date));
      expect(occurrencesBetween(recurrence, "2026-01-01", "2027-12-31"), recurrence.rrule).toEqual(expected);
    }
  });

  test("a year of weekdays from 2024 has 261 days in 2027, sorted; ranges are inclusive", () => {
    const year = occurrencesBetween({ dtstart: "2024-01-01", rrule: WEEKDAYS }, "2027-01-01", "2027-12-31");
    expect(year).toHaveLength(261);
    expect(year[0]).toBe("2027-01-01");
    expect(year.at(-1)).toBe("2027-12-31");
    expect([...year].sort()).toEqual(year);
  });

  test("rdates outside the range are left out, exdates removed, the result sorted", () => {
    const schedule = {
      dtstart: "2026-11-02",
      rrule: "FREQ=WEEKLY;BYDAY=WE",
      rdates: ["2026-11-23", "2026-10-01", "2026-12-31"],
      exdates: ["2026-11-25"],
    };
    expect(occurrencesBetween(schedule, "2026-11-20", "2026-12-10")).toEqual(["2026-11-23", "2026-12-02", "2026-12-09"]);
  });

  test("empty when to is before from", () => {
    expect(occurrencesBetween({ dtstart: "2024-01-01", rrule: WEEKDAYS }, "2026-11-24", "2026-11-23")).toEqual([]);
  });

  test("is fast: 150 people × a whole year of occursOn in well under a second", () => {
    const patterns = [
      { dtstart: "2024-01-01", rrule: WEEKDAYS },
      { dtstart: "2024-01-05", rrule: BIWEEKLY_FRIDAY },
      { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,TH,FR" },
    ];
    const days = eachDate("2028-01-01", "2028-12-31");
    const started = performance.now();
    let count = 0;
    for (let person = 0; person < 150; person++) {
      const pattern = patterns[person % patterns.length];
      if (!pattern) continue;
      for (const date of days) if (occursOn(pattern, date)) count++;
    }
    expect(count).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
