// Team rules block by block: permanent supervision (minCoachesPerEnclave) and the maximum
// headcount. The ratio norms have their own file (ratio.test.ts).
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { at, codes, tinyScenario, validTinyPlan, without } from "./tiny-scenario.ts";

const scenario = tinyScenario();

describe("checkMinCoaches", () => {
  it("rejects workers placed without a coach (flagged as a problem, so only that rule)", () => {
    const plan = validTinyPlan();
    const e2 = at(plan, "E2");
    e2.blocks.am.coachIds = [];
    e2.blocks.pm.coachIds = [];
    e2.covered = false;
    e2.problems = [{ code: "NO_QUALIFIED_COACH", message: "no coach", options: [] }];
    plan.status = "partial";
    plan.idle.coachIds.push("C2");
    without(plan.transport[0]?.personIds ?? [], "C2");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NO_COACH_WITH_WORKERS"]);
    expect(violations.map((v) => v.block)).toEqual(["am", "pm"]);
    expect(violations[0]?.message).toBe(
      "E2 am: 1 worker placed with no coach; at least 1 coach is required wherever workers are placed",
    );
  });

  it("accepts a running enclave left empty (not covered, flagged)", () => {
    const plan = validTinyPlan();
    const e2 = at(plan, "E2");
    e2.blocks.am = { coachIds: [], workerIds: [] };
    e2.blocks.pm = { coachIds: [], workerIds: [] };
    e2.covered = false;
    e2.problems = [
      { code: "NO_QUALIFIED_COACH", message: "no coach", options: [] },
      { code: "UNDER_MIN_HEADCOUNT", message: "no workers", options: [] },
    ];
    plan.status = "partial";
    plan.idle.coachIds.push("C2");
    plan.idle.workerIds.push("W4");
    plan.transport = [{ routeId: "R1", run: "day", personIds: ["W1", "W2"] }];
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("asks for more coaches when the rules say so", () => {
    const twoCoaches = tinyScenario((input) => {
      input.rules = { minCoachesPerEnclave: 2 };
    });
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("V1");
    at(plan, "E1").blocks.pm.coachIds.push("V1");
    without(plan.idle.coachIds, "V1");
    const e2 = at(plan, "E2");
    e2.covered = false;
    e2.problems = [{ code: "NO_QUALIFIED_COACH", message: "one coach short", options: [] }];
    plan.status = "partial";
    const violations = validatePlan(twoCoaches, plan);
    expect(codes(violations)).toEqual(["NO_COACH_WITH_WORKERS"]);
    expect(violations.every((v) => v.enclaveId === "E2")).toBe(true);
  });
});

describe("checkMaxHeadcount", () => {
  it("accepts a team at the maximum", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("W5");
    at(plan, "E2").blocks.pm.workerIds.push("W5");
    without(plan.idle.workerIds, "W5");
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("rejects a team over the maximum, block by block", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("W5", "W8");
    at(plan, "E2").blocks.pm.workerIds.push("W5", "W8");
    without(plan.idle.workerIds, "W5", "W8");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["OVER_MAX_HEADCOUNT"]);
    expect(violations.map((v) => v.message)).toEqual([
      "E2 am: 3 workers placed, the maximum is 2",
      "E2 pm: 3 workers placed, the maximum is 2",
    ]);
  });
});
