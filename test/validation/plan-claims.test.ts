// What the plan says about itself: covered flags, problems, status and idle lists, compared
// with what its teams actually amount to.
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { at, codes, tinyScenario, validTinyPlan, without } from "./tiny-scenario.ts";

const scenario = tinyScenario();

/** W2 stays home: E1 has only W1 in the afternoon, under its minimum of 2. */
function shortPlan(): Plan {
  const plan = validTinyPlan();
  const e1 = at(plan, "E1");
  without(e1.blocks.am.workerIds, "W2");
  without(e1.blocks.pm.workerIds, "W2");
  without(plan.transport[0]?.personIds ?? [], "W2");
  plan.idle.workerIds.push("W2");
  return plan;
}

describe("checkCoveredFlag", () => {
  it("rejects covered: false on an enclave whose teams satisfy every rule", () => {
    const plan = validTinyPlan();
    at(plan, "E1").covered = false;
    at(plan, "E1").problems = [{ code: "UNDER_MIN_HEADCOUNT", message: "?", options: [] }];
    plan.status = "partial";
    // E1 is covered in truth, so "partial" is wrong as well
    expect(codes(validatePlan(scenario, plan))).toEqual(["COVERED_FLAG_WRONG", "STATUS_WRONG"]);
  });

  it("rejects covered: true on an enclave that does not run", () => {
    const plan = validTinyPlan();
    at(plan, "E3").covered = true;
    expect(codes(validatePlan(scenario, plan))).toEqual(["COVERED_FLAG_WRONG"]);
  });

  it("catches a hand edit that removes a worker but keeps the flags", () => {
    const violations = validatePlan(scenario, shortPlan());
    expect(codes(violations)).toEqual(["COVERED_FLAG_WRONG", "SILENT_PROBLEM", "STATUS_WRONG"]);
    expect(violations.find((v) => v.rule === "COVERED_FLAG_WRONG")?.message).toBe(
      "E1 is marked as covered, but pm: 1 worker, minimum 2",
    );
  });
});

describe("checkProblemsListed", () => {
  it("accepts an uncovered enclave whose shortfall is listed for its block", () => {
    const plan = shortPlan();
    at(plan, "E1").covered = false;
    at(plan, "E1").problems = [{ code: "UNDER_MIN_HEADCOUNT", block: "pm", message: "1 of 2", options: [] }];
    plan.status = "partial";
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("accepts a problem without a block as covering both", () => {
    const plan = shortPlan();
    at(plan, "E1").covered = false;
    at(plan, "E1").problems = [{ code: "UNDER_MIN_HEADCOUNT", message: "1 of 2", options: [] }];
    plan.status = "partial";
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("rejects an uncovered enclave with no problem", () => {
    const plan = shortPlan();
    at(plan, "E1").covered = false;
    plan.status = "partial";
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["SILENT_PROBLEM"]);
    expect(violations[0]?.message).toBe(
      "E1 is not covered: it has 1 worker in the pm block (minimum 2), but the plan lists no UNDER_MIN_HEADCOUNT problem for pm",
    );
  });

  it("rejects a problem of another kind or block", () => {
    const plan = shortPlan();
    at(plan, "E1").covered = false;
    at(plan, "E1").problems = [
      { code: "UNDER_MIN_HEADCOUNT", block: "am", message: "wrong block", options: [] },
      { code: "NO_TRANSPORT", block: "pm", message: "wrong code", options: [] },
    ];
    plan.status = "partial";
    expect(codes(validatePlan(scenario, plan))).toEqual(["SILENT_PROBLEM"]);
  });

  it("rejects a running enclave that was not notified without NOT_NOTIFIED", () => {
    const late = tinyScenario((input) => {
      const e3 = input.enclaves.find((e) => e.id === "E3");
      if (!e3) throw new Error("no E3");
      e3.schedule = { dtstart: "2026-11-23", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" };
      e3.contract = { start: "2026-11-23", end: null, notifiedOn: null };
    });
    const plan = validTinyPlan();
    at(plan, "E3").running = true;
    at(plan, "E3").problems = [{ code: "NO_QUALIFIED_COACH", message: "no coach", options: [] }];
    plan.status = "partial";
    const violations = validatePlan(late, plan);
    expect(codes(violations)).toEqual(["SILENT_PROBLEM"]);
    expect(violations[0]?.message).toContain("no NOT_NOTIFIED problem");
  });
});

describe("checkStatus", () => {
  it("rejects status partial when every running enclave is covered", () => {
    const plan = validTinyPlan();
    plan.status = "partial";
    expect(codes(validatePlan(scenario, plan))).toEqual(["STATUS_WRONG"]);
  });

  it("rejects status covered when a running enclave is not", () => {
    const plan = shortPlan();
    at(plan, "E1").covered = false;
    at(plan, "E1").problems = [{ code: "UNDER_MIN_HEADCOUNT", block: "pm", message: "1 of 2", options: [] }];
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["STATUS_WRONG"]);
    expect(violations[0]?.message).toBe(`The plan's status is "covered", but E1 is not covered`);
  });
});

describe("checkIdle", () => {
  it("rejects an available person who is placed nowhere and not listed as idle", () => {
    const plan = validTinyPlan();
    without(plan.idle.coachIds, "V1");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["IDLE_WRONG"]);
    expect(violations[0]?.message).toBe("V1 is available (am+pm) and placed nowhere, but is missing from idle");
  });

  it("rejects an absent person listed as idle", () => {
    const plan = validTinyPlan();
    plan.idle.workerIds.push("W6");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["IDLE_WRONG"]);
    expect(violations[0]?.message).toContain("W6 is listed as idle but is not available on 2026-11-23: is sick");
  });

  it("rejects a person listed as idle twice", () => {
    const plan = validTinyPlan();
    plan.idle.workerIds.push("W5");
    expect(codes(validatePlan(scenario, plan))).toEqual(["IDLE_WRONG"]);
  });

  it("lists interim coaches as idle only when the rules allow them", () => {
    const allowed = tinyScenario((input) => {
      input.rules = { interimCoachesAllowed: true };
    });
    expect(codes(validatePlan(allowed, validTinyPlan()))).toEqual(["IDLE_WRONG"]);
    const plan = validTinyPlan();
    plan.idle.coachIds.push("I1");
    expect(validatePlan(allowed, plan)).toEqual([]);
  });
});
