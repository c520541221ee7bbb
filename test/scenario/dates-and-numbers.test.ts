// Local facts the structure already refuses: calendar dates, times, counts, staffing order.
import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/scenario/validate-scenario.ts";
import { breakFixture, expectIssue, expectOnlyIssue, issuesOf, nth, put } from "./break-fixture.ts";

describe("dates", () => {
  it("when a contract starts on 2026-02-30, then contract.start is not a day of the calendar", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 2).contract.start = "2026-02-30")),
      "enclaves[2].contract.start",
      "2026-02-30 is not a day of the calendar",
    );
  });

  it("when an absence starts on 2025-02-29 (not a leap year), then it is refused", () => {
    const issues = issuesOf(
      breakFixture((s) => {
        nth(s.absences, 4).from = "2025-02-29";
        nth(s.absences, 4).to = "2025-03-03";
      }),
    );
    expect(issues).toEqual([{ path: "absences[4].from", message: "2025-02-29 is not a day of the calendar" }]);
  });

  it("2024-02-29 (a leap year) is accepted", () => {
    const result = readScenario(
      breakFixture((s) => {
        nth(s.absences, 4).from = "2024-02-29";
        nth(s.absences, 4).to = "2024-02-29";
      }),
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("when an exdate is written 2026-7-20, then one issue explains the format", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 4).schedule.exdates = ["2026-07-20", "2026-7-21"])),
      "enclaves[4].schedule.exdates[1]",
      "must be a date written YYYY-MM-DD",
    );
  });

  it("month 13 and day 00 are refused", () => {
    const issues = issuesOf(
      breakFixture((s) => {
        nth(s.enclaves, 0).contract.notifiedOn = "2023-13-01";
        nth(s.enclaves, 1).schedule.dtstart = "2024-01-00";
      }),
    );
    expectIssue(issues, "enclaves[0].contract.notifiedOn", "not a day of the calendar");
    expectIssue(issues, "enclaves[1].schedule.dtstart", "not a day of the calendar");
  });

  it("when reportedAt has no offset, then it is refused", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.absences, 1).reportedAt = "2026-11-23T07:07:00")),
      "absences[1].reportedAt",
      "must be an ISO date-time with offset",
    );
  });
});

describe("times", () => {
  it("when hours start at 7:30, then the format is explained", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.enclaves, 0), "hours", { start: "7:30", end: "16:00" })),
      "enclaves[0].hours.start",
      "HH:MM",
    );
  });
});

describe("numbers", () => {
  it("when a route has -1 day seats, then seats.day must not be negative", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.routes, 0).seats.day = -1)),
      "routes[0].seats.day",
      "must not be negative",
    );
  });

  it("when a route has 2.5 morning seats, then it must be a whole number", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.routes, 2).seats.morning = 2.5)),
      "routes[2].seats.morning",
      "must be a whole number",
    );
  });

  it("when staffing.min is negative, then it is refused", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 5).staffing = { min: -2, target: 7, max: 9 })),
      "enclaves[5].staffing.min",
      "must not be negative",
    );
  });

  it("when a latitude is 95, then it is out of range", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.enclaves, 0), "location", { lat: 95, lon: 2.9 })),
      "enclaves[0].location.lat",
      "must be at most 90 (got 95)",
    );
  });

  it("when a ratio is 0, then it must be at least 1 worker per coach", () => {
    expectOnlyIssue(
      breakFixture((s) => put(s.rules?.ratios ?? {}, "high", 0)),
      "rules.ratios.high",
      "at least 1 worker per coach",
    );
  });
});

describe("staffing order", () => {
  it("the format doc's example: min 9 > max 7", () => {
    const issues = issuesOf(breakFixture((s) => (nth(s.enclaves, 3).staffing = { min: 9, target: 9, max: 7 })));
    expectIssue(issues, "enclaves[3].staffing.min", "must be ≤ max (got 9 > 7)");
    expectIssue(issues, "enclaves[3].staffing.target", "must be ≤ max (got 9 > 7)");
  });

  it("when min > target > max, then each broken order is named", () => {
    const issues = issuesOf(breakFixture((s) => (nth(s.enclaves, 3).staffing = { min: 9, target: 8, max: 7 })));
    expect(issues).toEqual([
      { path: "enclaves[3].staffing.min", message: "must be ≤ target (got 9 > 8)" },
      { path: "enclaves[3].staffing.target", message: "must be ≤ max (got 8 > 7)" },
      { path: "enclaves[3].staffing.min", message: "must be ≤ max (got 9 > 7)" },
    ]);
  });

  it("min = target = max is fine", () => {
    const result = readScenario(breakFixture((s) => (nth(s.enclaves, 3).staffing = { min: 8, target: 8, max: 8 })));
    expect(result.ok).toBe(true);
  });
});
