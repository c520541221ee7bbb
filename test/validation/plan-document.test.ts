// The plan as a document: date, enclave list, ids and their kinds; and the CLI formatting.
import { describe, expect, it } from "vitest";
import { formatViolations, validatePlan } from "../../src/validation/validate-plan.ts";
import { at, codes, tinyScenario, validTinyPlan } from "./tiny-scenario.ts";

const scenario = tinyScenario();

describe("the valid tiny plan", () => {
  it("breaks no rule", () => {
    expect(validatePlan(scenario, validTinyPlan())).toEqual([]);
  });
});

describe("checkPlanDate", () => {
  it("accepts a plan checked for its own date", () => {
    expect(validatePlan(scenario, validTinyPlan(), { date: "2026-11-23" })).toEqual([]);
  });

  it("rejects a plan checked for another date", () => {
    const violations = validatePlan(scenario, validTinyPlan(), { date: "2026-11-24" });
    expect(codes(violations)).toEqual(["WRONG_DATE"]);
  });
});

describe("checkEnclaveList", () => {
  it("rejects a plan that leaves out an enclave (even one that does not run)", () => {
    const plan = validTinyPlan();
    plan.enclaves = plan.enclaves.filter((e) => e.enclaveId !== "E3");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["MISSING_ENCLAVE"]);
    expect(violations[0]).toMatchObject({ enclaveId: "E3" });
  });

  it("rejects a plan that lists an enclave twice", () => {
    const plan = validTinyPlan();
    plan.enclaves.push(structuredClone(at(plan, "E3")));
    expect(codes(validatePlan(scenario, plan))).toEqual(["DUPLICATE_ENCLAVE"]);
  });

  it("rejects an enclave that is not in the scenario", () => {
    const plan = validTinyPlan();
    plan.enclaves.push({ ...structuredClone(at(plan, "E3")), enclaveId: "E9" });
    expect(codes(validatePlan(scenario, plan))).toEqual(["UNKNOWN_ID"]);
  });
});

describe("checkIds", () => {
  it("rejects an unknown person in a team, without further consequences", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W99");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["UNKNOWN_ID"]);
    expect(violations[0]).toMatchObject({ personId: "W99", enclaveId: "E1", block: "pm" });
  });

  it("rejects a worker id in coachIds", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("W5");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["WRONG_KIND"]);
    expect(violations[0]?.message).toBe("W5 is a worker but is listed as a coach at E1 in the morning");
  });

  it("rejects a coach id in workerIds and in idle.workerIds", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("V2");
    plan.idle.coachIds = plan.idle.coachIds.filter((id) => id !== "V2");
    plan.idle.workerIds.push("V2");
    expect(codes(validatePlan(scenario, plan))).toEqual(["WRONG_KIND"]);
  });

  it("rejects unknown routes and people on transport rows, and unknown ids in changes", () => {
    const plan = validTinyPlan();
    plan.transport.push({ routeId: "R9", run: "day", personIds: [] });
    plan.transport.push({ routeId: "R1", run: "morning", personIds: ["X1"] });
    plan.changes.push({ personId: "W1", from: "E1", to: "E7", reason: "typo" });
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["UNKNOWN_ID"]);
    expect(violations).toHaveLength(3);
  });
});

describe("formatViolations", () => {
  it("writes one violation per line, the rule code first", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("W5");
    plan.enclaves = plan.enclaves.filter((e) => e.enclaveId !== "E3");
    expect(formatViolations(validatePlan(scenario, plan)).split("\n")).toEqual([
      "MISSING_ENCLAVE  E3 (Enclave E3) is missing from the plan",
      "WRONG_KIND       W5 is a worker but is listed as a coach at E1 in the morning",
    ]);
  });

  it("is empty for no violations", () => {
    expect(formatViolations([])).toBe("");
  });
});
