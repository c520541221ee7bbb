// The validator on the Westhoek fixture: a naive hand plan for Monday 2026-11-23 ("everyone
// at home, as on the contract") must be rejected for the reasons a planner would give.
import { describe, expect, it } from "vitest";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { planSchema } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import type { Violation } from "../../src/validation/validate-plan.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const scenario: Scenario = westhoekScenario();

/**
 * Every enclave with its fixed coaches and home workers, all day, flags saying all is well,
 * no transport, nobody idle. E10 (Wednesdays only) is wrongly marked as running; E11 (first
 * ten days of the month) correctly not, but is staffed anyway; W143 is put among E12's coaches.
 */
function naivePlan(): Plan {
  return planSchema.parse({
    version: 1,
    date: "2026-11-23",
    status: "covered",
    enclaves: scenario.enclaves.map((enclave) => {
      const team = () => ({
        coachIds: [...enclave.fixedCoachIds, ...(enclave.id === "E12" ? ["W143"] : [])],
        workerIds: scenario.workers.filter((w) => w.homeEnclaveId === enclave.id).map((w) => w.id),
      });
      return {
        enclaveId: enclave.id,
        running: enclave.id !== "E11",
        blocks: { am: team(), pm: team() },
        covered: true,
        problems: [],
      };
    }),
    transport: [],
    idle: { workerIds: [], coachIds: [] },
    changes: [],
    stats: { solveMs: 0, optimal: true },
  });
}

function find(violations: readonly Violation[], match: Partial<Violation>): Violation | undefined {
  return violations.find((v) => Object.entries(match).every(([key, value]) => v[key as keyof Violation] === value));
}

describe("a naive hand plan for Westhoek on 2026-11-23", () => {
  const violations = validatePlan(scenario, naivePlan());

  it("places C01, who is sick that day", () => {
    expect(find(violations, { rule: "NOT_AVAILABLE", personId: "C01" })?.message).toBe(
      "C01 is placed at E01 all day but is sick (2026-11-23, am+pm)",
    );
  });

  it("places C08 on an ADV day, W009 on leave and W095 in the afternoon of a half-day leave", () => {
    expect(find(violations, { rule: "NOT_AVAILABLE", personId: "C08" })?.message).toContain("has an ADV day");
    expect(find(violations, { rule: "NOT_AVAILABLE", personId: "W009" })?.message).toContain("is on leave");
    expect(find(violations, { rule: "NOT_AVAILABLE", personId: "W095" })).toMatchObject({
      block: "pm",
      message: "W095 is placed at E08 in the afternoon but is on leave (2026-11-23, pm)",
    });
  });

  it("places a part-timer in the afternoon they do not work", () => {
    expect(find(violations, { rule: "NOT_AVAILABLE", personId: "W002" })?.message).toBe(
      "W002 is placed at E01 in the afternoon but does not work on Monday afternoons by their work pattern",
    );
  });

  it("marks E10 as running on a Monday and staffs it, and staffs E11 outside its week", () => {
    expect(find(violations, { rule: "RUNNING_FLAG_WRONG", enclaveId: "E10" })).toBeDefined();
    expect(find(violations, { rule: "NOT_RUNNING", enclaveId: "E10" })).toBeDefined();
    expect(find(violations, { rule: "NOT_RUNNING", enclaveId: "E11" })).toBeDefined();
    expect(find(violations, { rule: "RUNNING_FLAG_WRONG", enclaveId: "E11" })).toBeUndefined();
  });

  it("puts a worker among the coaches", () => {
    expect(find(violations, { rule: "WRONG_KIND", personId: "W143" })).toBeDefined();
  });

  it("overfills E05 beyond the ratio norms and its maximum", () => {
    expect(find(violations, { rule: "RATIO_EXCEEDED", enclaveId: "E05", block: "am" })?.message).toBe(
      "E05 am: 13 workers (7 low, 5 medium, 1 high) need 2 coaches by the ratio norms, 1 present (C07)",
    );
    expect(find(violations, { rule: "OVER_MAX_HEADCOUNT", enclaveId: "E05", block: "am" })).toBeDefined();
    expect(find(violations, { rule: "COVERED_FLAG_WRONG", enclaveId: "E05" })).toBeDefined();
    expect(find(violations, { rule: "SILENT_PROBLEM", enclaveId: "E05" })).toBeDefined();
    expect(find(violations, { rule: "STATUS_WRONG" })).toBeDefined();
  });

  it("gives van workers no seat", () => {
    expect(find(violations, { rule: "NO_SEAT", personId: "W001" })?.message).toBe(
      "W001 travels by van and works at E01 all day but has no seat: needs a day seat on a route that stops at E01 (R1)",
    );
  });

  it("leaves the butterflies who are at work out of idle, but not V01 who is on leave", () => {
    expect(find(violations, { rule: "IDLE_WRONG", personId: "V02" })).toBeDefined();
    expect(find(violations, { rule: "IDLE_WRONG", personId: "V01" })).toBeUndefined();
  });

  it("does not complain about what is right: E13 runs on its extra day and was notified in time", () => {
    // only the part-timer W141 in the afternoon and the missing van seats
    const atE13 = violations.filter((v) => v.enclaveId === "E13");
    expect(new Set(atE13.map((v) => v.rule))).toEqual(new Set(["NOT_AVAILABLE", "NO_SEAT"]));
    expect(find(violations, { rule: "COVERED_FLAG_WRONG", enclaveId: "E13" })).toBeUndefined();
    expect(find(violations, { rule: "NOT_NOTIFIED_STAFFED" })).toBeUndefined();
    expect(find(violations, { rule: "NOT_QUALIFIED" })).toBeUndefined();
    expect(find(violations, { rule: "MISSING_ENCLAVE" })).toBeUndefined();
  });
});
