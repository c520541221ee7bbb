// Cross-reference checks: ids, references, coach roles, order of dates and times, time zone.
import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/scenario/validate-scenario.ts";
import { breakFixture, expectIssue, expectOnlyIssue, issuesOf, nth, put } from "./break-fixture.ts";

function expectAccepted(input: unknown): void {
  const result = readScenario(input);
  expect(result.ok ? [] : result.issues).toEqual([]);
}

describe("duplicate ids", () => {
  it("when two workers share an id, then the second names the first", () => {
    expectIssue(
      issuesOf(breakFixture((s) => (nth(s.workers, 7).id = "W003"))),
      "workers[7].id",
      "duplicate id W003 (also workers[2])",
    );
  });

  it("when two enclaves share an id", () => {
    expectIssue(
      issuesOf(breakFixture((s) => (nth(s.enclaves, 5).id = "E01"))),
      "enclaves[5].id",
      "duplicate id E01 (also enclaves[0])",
    );
  });

  it("when two routes share an id", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.routes, 3).id = "R1")),
      "routes[3].id",
      "duplicate id R1 (also routes[0])",
    );
  });

  it("when a coach has a worker's id, then it is a duplicate person id (absences name people by personId)", () => {
    expectIssue(
      issuesOf(breakFixture((s) => (nth(s.coaches, 3).id = "W003"))),
      "coaches[3].id",
      "duplicate id W003 (also workers[2])",
    );
  });

  it("a route and an enclave may share an id: they are different kinds", () => {
    expectAccepted(breakFixture((s) => (nth(s.routes, 0).id = "E01")));
  });
});

describe("unknown references", () => {
  it("enclaves[].fixedCoachIds[]: an unknown coach", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 0).fixedCoachIds = ["C01", "C99"])),
      "enclaves[0].fixedCoachIds[1]",
      "unknown coach C99",
    );
  });

  it("enclaves[].fixedCoachIds[]: a worker is not a coach", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 0).fixedCoachIds = ["C01", "W001"])),
      "enclaves[0].fixedCoachIds[1]",
      "W001 is a worker, not a coach",
    );
  });

  it("workers[].homeEnclaveId", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.workers, 12).homeEnclaveId = "E99")),
      "workers[12].homeEnclaveId",
      "unknown enclave E99",
    );
  });

  it("workers[].qualifiedEnclaveIds[]", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.workers, 12).qualifiedEnclaveIds = ["E99"])),
      "workers[12].qualifiedEnclaveIds[0]",
      "unknown enclave E99",
    );
  });

  it("workers[].excludedEnclaveIds[]", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.workers, 12).excludedEnclaveIds = ["E05", "e05"])),
      "workers[12].excludedEnclaveIds[1]",
      "unknown enclave e05",
    );
  });

  it("coaches[].homeEnclaveId", () => {
    const issues = issuesOf(breakFixture((s) => (nth(s.coaches, 4).homeEnclaveId = "E99")));
    expectIssue(issues, "coaches[4].homeEnclaveId", "unknown enclave E99");
  });

  it("coaches[].qualifiedEnclaveIds[]", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.coaches, 16).qualifiedEnclaveIds = ["E01", "E14"])),
      "coaches[16].qualifiedEnclaveIds[1]",
      "unknown enclave E14",
    );
  });

  it("routes[].enclaveIds[]", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.routes, 1).enclaveIds = ["E04", "E40"])),
      "routes[1].enclaveIds[1]",
      "unknown enclave E40",
    );
  });

  it("absences[].personId", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.absences, 4).personId = "W999")),
      "absences[4].personId",
      "unknown person W999",
    );
  });

  it("an absence of a coach is fine", () => {
    expectAccepted(breakFixture((s) => (nth(s.absences, 4).personId = "V02")));
  });
});

describe("no noise from structural problems", () => {
  it("when an enclave id is not a string, then references to enclaves are not second-guessed", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.enclaves, 2), "id", 3)),
      "enclaves[2].id",
      "must be a string (got 3)",
    );
  });

  it("when a reference is not a string, then it is reported once, structurally", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.workers, 0), "homeEnclaveId", 1)),
      "workers[0].homeEnclaveId",
      "must be a string",
    );
  });

  it("when the coaches list is missing, then only that is reported", () => {
    expectOnlyIssue(breakFixture((s) => put(s, "coaches", undefined)), "coaches", "is required");
  });
});

describe("contradictions between fields", () => {
  it("when a worker is excluded from their own home enclave", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.workers, 0).excludedEnclaveIds = ["E01"])),
      "workers[0].excludedEnclaveIds[0]",
      "E01 is this worker's home enclave",
    );
  });

  it("when a fixed coach has no home enclave", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.coaches, 0).homeEnclaveId = null)),
      "coaches[0].homeEnclaveId",
      "a fixed coach needs a home enclave",
    );
  });

  it("when a butterfly has a home enclave", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.coaches, 16).homeEnclaveId = "E01")),
      "coaches[16].homeEnclaveId",
      "must be null for a butterfly coach (got E01)",
    );
  });

  it("when an interim coach has a home enclave", () => {
    expectOnlyIssue(
      breakFixture((s) => {
        nth(s.coaches, 17).role = "interim";
        nth(s.coaches, 17).homeEnclaveId = "E02";
      }),
      "coaches[17].homeEnclaveId",
      "must be null for an interim coach (got E02)",
    );
  });

  it("when an enclave lists another enclave's fixed coach, then that is an error", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 1).fixedCoachIds = ["C02", "C01"])),
      "enclaves[1].fixedCoachIds[1]",
      "C01 is the fixed coach of E01 (its homeEnclaveId), not of E02",
    );
  });

  it("when an enclave lists a butterfly as its fixed coach, then that is an error", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 0).fixedCoachIds = ["V01"])),
      "enclaves[0].fixedCoachIds[0]",
      "V01 is a butterfly coach, not a fixed coach",
    );
  });

  it("a fixed coach whose home enclave does not list them is only an omission: accepted", () => {
    expectAccepted(breakFixture((s) => (nth(s.enclaves, 0).fixedCoachIds = [])));
  });
});

describe("order of dates and times", () => {
  it("when an absence ends before it starts", () => {
    expectOnlyIssue(
      breakFixture((s) => {
        nth(s.absences, 4).from = "2026-11-23";
        nth(s.absences, 4).to = "2026-11-20";
      }),
      "absences[4].to",
      "must not be before from (got 2026-11-20 < 2026-11-23)",
    );
  });

  it("when a contract ends before it starts", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 6).contract.end = "2023-12-31")),
      "enclaves[6].contract.end",
      "must not be before start (got 2023-12-31 < 2024-01-02)",
    );
  });

  it("a one-day contract (end = start) is fine", () => {
    expectAccepted(breakFixture((s) => (nth(s.enclaves, 6).contract.end = "2024-01-02")));
  });

  it("when the hours end when they start", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 0).hours = { start: "07:30", end: "07:30" })),
      "enclaves[0].hours.end",
      "must be after start (got 07:30 ≤ 07:30)",
    );
  });

  it("when the hours end before they start", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 0).hours = { start: "16:00", end: "07:30" })),
      "enclaves[0].hours.end",
      "must be after start",
    );
  });
});

describe("recurrence rules", () => {
  it("when an enclave's schedule rule cannot be parsed", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 3).schedule.rrule = "FREQ=SOMETIMES")),
      "enclaves[3].schedule.rrule",
      /SOMETIMES/,
    );
  });

  it("when a worker's work pattern never occurs (30 February)", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(nth(s.workers, 2).workPattern, 1).rrule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")),
      "workers[2].workPattern[1].rrule",
      /never occurs/,
    );
  });

  it("when a coach's work pattern cannot be parsed", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(nth(s.coaches, 5).workPattern, 0).rrule = "BYDAY=XX")),
      "coaches[5].workPattern[0].rrule",
      /FREQ/,
    );
  });

  it("when a schedule has no rule and no rdates, then the enclave never runs", () => {
    expectOnlyIssue(
      breakFixture((s) => (nth(s.enclaves, 12).schedule = { dtstart: "2026-11-02", rrule: null, rdates: [] })),
      "enclaves[12].schedule.rdates",
      "never runs",
    );
  });

  it("duplicate exdates and rdates are fine", () => {
    expectAccepted(
      breakFixture((s) => {
        nth(s.enclaves, 4).schedule.exdates = ["2026-07-20", "2026-07-20"];
        nth(s.enclaves, 12).schedule.rdates = ["2026-11-23", "2026-11-23"];
      }),
    );
  });
});

describe("time zone", () => {
  it("when the time zone is not an IANA zone", () => {
    expectOnlyIssue(
      breakFixture((s) => (s.organisation.timezone = "Europe/Ieper")),
      "organisation.timezone",
      '"Europe/Ieper" is not an IANA time zone',
    );
  });

  it("when the time zone is written in the wrong case", () => {
    expectOnlyIssue(
      breakFixture((s) => (s.organisation.timezone = "europe/brussels")),
      "organisation.timezone",
      "must be written Europe/Brussels",
    );
  });

  it("UTC is fine", () => {
    expectAccepted(breakFixture((s) => (s.organisation.timezone = "UTC")));
  });
});
