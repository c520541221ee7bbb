/**
 * Flemish school holidays against school calendars published for 2019–2023, and bridge days,
 * computed from the rules alone.
 */
import { describe, expect, it } from "vitest";
import { bridgeDays, flemishSchoolHolidays, isBridgeDay, schoolHolidayDates } from "../../src/estimate/school-holidays.ts";

function holiday(year: number, name: string): [string, string] {
  const found = flemishSchoolHolidays(year).filter((h) => h.name === name);
  const last = found.at(-1);
  if (!last) throw new Error(`no ${name} in ${year}`);
  return [last.from, last.to];
}

describe("Flemish school holidays", () => {
  it("krokusvakantie: the 7th Monday before Easter, one week", () => {
    expect(holiday(2020, "krokusvakantie")).toEqual(["2020-02-24", "2020-03-01"]);
    expect(holiday(2022, "krokusvakantie")).toEqual(["2022-02-28", "2022-03-06"]);
    expect(holiday(2023, "krokusvakantie")).toEqual(["2023-02-20", "2023-02-26"]);
  });

  it("paasvakantie: first Monday of April; Easter in March → Easter Monday; Easter after 15 April → 2nd Monday before", () => {
    expect(holiday(2020, "paasvakantie")).toEqual(["2020-04-06", "2020-04-19"]);
    expect(holiday(2021, "paasvakantie")).toEqual(["2021-04-05", "2021-04-18"]);
    expect(holiday(2022, "paasvakantie")).toEqual(["2022-04-04", "2022-04-17"]);
    expect(holiday(2019, "paasvakantie")).toEqual(["2019-04-08", "2019-04-21"]);
    expect(holiday(2024, "paasvakantie")).toEqual(["2024-04-01", "2024-04-14"]); // Easter 31 March
  });

  it("herfstvakantie: the week of 1 November, from 2 November when that is a Sunday", () => {
    expect(holiday(2019, "herfstvakantie")).toEqual(["2019-10-28", "2019-11-03"]);
    expect(holiday(2020, "herfstvakantie")).toEqual(["2020-11-02", "2020-11-08"]);
    expect(holiday(2022, "herfstvakantie")).toEqual(["2022-10-31", "2022-11-06"]);
  });

  it("kerstvakantie: the week of Christmas, from the Monday after when Christmas is on a weekend; two weeks", () => {
    expect(holiday(2019, "kerstvakantie")).toEqual(["2019-12-23", "2020-01-05"]);
    expect(holiday(2021, "kerstvakantie")).toEqual(["2021-12-27", "2022-01-09"]);
    expect(holiday(2022, "kerstvakantie")).toEqual(["2022-12-26", "2023-01-08"]);
  });

  it("the dates of a year include the tail of last year's Christmas holiday and the summer, and stop at 31 December", () => {
    const dates = schoolHolidayDates(2022);
    expect(dates.has("2022-01-07")).toBe(true);
    expect(dates.has("2022-01-10")).toBe(false);
    expect(dates.has("2022-07-01")).toBe(true);
    expect(dates.has("2022-08-31")).toBe(true);
    expect(dates.has("2022-09-01")).toBe(false);
    expect(dates.has("2022-05-27")).toBe(true); // the day after Ascension
    expect([...dates].every((date) => date.startsWith("2022-"))).toBe(true);
  });
});

describe("bridge days", () => {
  it("a working day between a public holiday and a weekend", () => {
    expect(bridgeDays(2027)).toEqual(["2027-05-07", "2027-11-12"]);
    expect(bridgeDays(2026)).toEqual(["2026-01-02", "2026-05-15", "2026-07-20"]); // 21 July 2026 is a Tuesday
    expect(isBridgeDay("2030-04-23")).toBe(false); // Tuesday after Easter Monday: no weekend beside it
    expect(isBridgeDay("2027-07-22")).toBe(false); // Thursday after a Wednesday holiday
    expect(isBridgeDay("2028-08-14")).toBe(true); // Monday before Tuesday 15 August
  });
});
