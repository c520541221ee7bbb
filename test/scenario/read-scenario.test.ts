// readScenario as a whole: the fixture, defaults, versions, unknown fields, all problems at once.
import { describe, expect, it } from "vitest";
import {
  assertValidScenario,
  formatIssues,
  readScenario,
  ScenarioInputError,
} from "../../src/scenario/validate-scenario.ts";
import { breakFixture, drop, expectIssue, expectOnlyIssue, issuesOf, nth, put, westhoek } from "./break-fixture.ts";

describe("the Westhoek fixture", () => {
  it("reads cleanly", () => {
    const result = readScenario(westhoek());
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.enclaves).toHaveLength(13);
    expect(result.scenario.workers).toHaveLength(156);
    expect(result.scenario.coaches).toHaveLength(20);
  });

  it("passes assertValidScenario", () => {
    expect(assertValidScenario(westhoek()).organisation.name).toBe("Westhoek Maatwerk");
  });
});

describe("defaults", () => {
  it("a scenario without rules gets ratios 13/10/7 and the other documented rules", () => {
    const scenario = assertValidScenario(breakFixture((s) => drop(s, "rules")));
    expect(scenario.rules).toEqual({
      ratios: { low: 13, medium: 10, high: 7 },
      minCoachesPerEnclave: 1,
      interimCoachesAllowed: false,
      sharedCoaching: null,
      publicHolidays: "BE",
    });
  });

  it("rules given in part are completed", () => {
    const scenario = assertValidScenario(breakFixture((s) => put(s, "rules", { ratios: { high: 6 } })));
    expect(scenario.rules.ratios).toEqual({ low: 13, medium: 10, high: 6 });
    expect(scenario.rules.publicHolidays).toBe("BE");
  });

  it("fills hours, routes, absence blocks, transport, exdates and time zone", () => {
    const scenario = assertValidScenario(
      breakFixture((s) => {
        drop(nth(s.enclaves, 0), "hours");
        drop(nth(s.enclaves, 0).schedule, "exdates");
        drop(nth(s.absences, 0), "blocks");
        drop(nth(s.workers, 0), "transport");
        drop(nth(s.coaches, 0), "transport");
        drop(s.organisation, "timezone");
        drop(s, "routes");
      }),
    );
    expect(nth(scenario.enclaves, 0).hours).toEqual({ start: "07:30", end: "16:00" });
    expect(nth(scenario.enclaves, 0).schedule.exdates).toEqual([]);
    expect(nth(scenario.absences, 0).blocks).toEqual(["am", "pm"]);
    expect(nth(scenario.workers, 0).transport).toBe("van");
    expect(nth(scenario.coaches, 0).transport).toBe("own");
    expect(scenario.organisation.timezone).toBe("Europe/Brussels");
    expect(scenario.routes).toEqual([]);
  });
});

describe("version", () => {
  it("when version is 2, then version is refused", () => {
    expectOnlyIssue(breakFixture((s) => put(s, "version", 2)), "version", "must be 1");
  });

  it("when version is missing, then version is refused", () => {
    expectOnlyIssue(breakFixture((s) => drop(s, "version")), "version", "must be 1");
  });
});

describe("unknown fields", () => {
  it("at the root", () => {
    expectOnlyIssue(breakFixture((s) => put(s, "colour", "red")), "colour", "unknown field");
  });

  it("in an enclave", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.enclaves, 0), "colour", "red")),
      "enclaves[0].colour",
      "unknown field",
    );
  });

  it("deep inside: staffing, a work pattern rule, the ratios", () => {
    const issues = issuesOf(
      breakFixture((s) => {
        put(nth(s.enclaves, 3).staffing, "ideal", 8);
        put(nth(nth(s.workers, 12).workPattern, 0), "until", "2027-01-01");
        put(s.rules ?? {}, "extra", true);
        put(s.rules?.ratios ?? {}, "veryHigh", 5);
      }),
    );
    expectIssue(issues, "enclaves[3].staffing.ideal", "unknown field");
    expectIssue(issues, "workers[12].workPattern[0].until", "unknown field");
    expectIssue(issues, "rules.extra", "unknown field");
    expectIssue(issues, "rules.ratios.veryHigh", "unknown field");
    expect(issues).toHaveLength(4);
  });

  it("two unknown keys in one object give one issue each", () => {
    const issues = issuesOf(
      breakFixture((s) => {
        put(nth(s.coaches, 2), "colour", "red");
        put(nth(s.coaches, 2), "shoeSize", 44);
      }),
    );
    expect(issues).toEqual([
      { path: "coaches[2].colour", message: "unknown field" },
      { path: "coaches[2].shoeSize", message: "unknown field" },
    ]);
  });

  it("a key that is not an identifier is quoted in the path", () => {
    expectOnlyIssue(
      breakFixture((s) => put(s.organisation, "vat number", "BE0")),
      'organisation["vat number"]',
      "unknown field",
    );
  });
});

describe("plain messages for structural problems", () => {
  it("a wrong type names what was expected and what came", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.workers, 4), "name", 5)),
      "workers[4].name",
      "must be a string (got 5)",
    );
  });

  it("a missing field is required", () => {
    expectOnlyIssue(breakFixture((s) => drop(nth(s.enclaves, 1), "client")), "enclaves[1].client", "is required");
  });

  it("a value outside an enumeration lists the allowed values", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.workers, 0), "guidance", "extreme")),
      "workers[0].guidance",
      'must be one of "low", "medium", "high" (got "extreme")',
    );
  });

  it("an empty work pattern says why it is needed", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.coaches, 0), "workPattern", [])),
      "coaches[0].workPattern",
      "at least one rule",
    );
  });

  it("an empty id is refused once, not again as an unknown reference", () => {
    expectOnlyIssue(
      breakFixture((s) => put(nth(s.workers, 0), "homeEnclaveId", "")),
      "workers[0].homeEnclaveId",
      "non-empty",
    );
  });

  it("a document that is not an object", () => {
    for (const input of [null, [], "scenario", 3]) {
      expect(issuesOf(input)).toEqual([{ path: "(root)", message: expect.stringContaining("must be an object") }]);
    }
  });
});

describe("every problem at once", () => {
  it("a document with 5 different problems reports all 5", () => {
    const issues = issuesOf(
      breakFixture((s) => {
        put(nth(s.enclaves, 0), "colour", "red"); // unknown field (structure)
        nth(s.routes, 1).seats.day = -3; // negative number (structure)
        nth(s.absences, 4).from = "2026-02-30"; // impossible date (structure)
        nth(s.workers, 7).homeEnclaveId = "E99"; // unknown reference (cross-check)
        nth(s.workers, 9).id = "W003"; // duplicate id (cross-check)
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "absences[4].from",
      "enclaves[0].colour",
      "routes[1].seats.day",
      "workers[7].homeEnclaveId",
      "workers[9].id",
    ]);
    expectIssue(issues, "workers[9].id", "duplicate id W003 (also workers[2])");
    expectIssue(issues, "workers[7].homeEnclaveId", "unknown enclave E99");
  });
});

describe("formatIssues and ScenarioInputError", () => {
  it("prints one line per issue", () => {
    expect(
      formatIssues([
        { path: "enclaves[3].staffing.min", message: "must be ≤ max (got 9 > 7)" },
        { path: "(root)", message: "x" },
      ]),
    ).toBe("enclaves[3].staffing.min: must be ≤ max (got 9 > 7)\n(root): x");
  });

  it("assertValidScenario throws INVALID_INPUT carrying every issue", () => {
    const input = breakFixture((s) => {
      put(s, "version", 2);
      put(s, "colour", "red");
    });
    let thrown: unknown;
    try {
      assertValidScenario(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScenarioInputError);
    expect(thrown).toBeInstanceOf(Error);
    if (!(thrown instanceof ScenarioInputError)) return;
    expect(thrown.code).toBe("INVALID_INPUT");
    expect(thrown.issues.map((issue) => issue.path).sort()).toEqual(["colour", "version"]);
    expect(thrown.message).toContain("version: must be 1");
  });
});
