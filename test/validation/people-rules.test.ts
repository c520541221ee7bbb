// Rules about each person placed: qualification, exclusions, availability, one place per
// block, no switch at noon, interim coaches. One rule at a time on the tiny scenario.
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { at, codes, coachInput, tinyScenario, validTinyPlan, without } from "./tiny-scenario.ts";

const scenario = tinyScenario();

describe("checkQualification", () => {
  it("accepts a butterfly trained for the enclave", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("V1");
    at(plan, "E1").blocks.pm.coachIds.push("V1");
    without(plan.idle.coachIds, "V1");
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("accepts a stand-in worker trained for the enclave", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W5");
    without(plan.idle.workerIds, "W5");
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("rejects a butterfly not trained for the enclave", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("V2");
    at(plan, "E1").blocks.pm.coachIds.push("V2");
    without(plan.idle.coachIds, "V2");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NOT_QUALIFIED"]);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toBe("V2 is placed at E1 all day but is not trained there (trained for E3)");
  });

  it("rejects a worker placed away from home without training", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.pm.workerIds.push("W2");
    without(at(plan, "E1").blocks.pm.workerIds, "W2");
    at(plan, "E1").blocks.pm.workerIds.push("W5");
    without(plan.idle.workerIds, "W5");
    // W2 now works E1 am and E2 pm: also a noon switch, reported under its own rule
    expect(codes(validatePlan(scenario, plan))).toEqual(["NOT_QUALIFIED", "WORKER_SWITCHED_AT_NOON"]);
  });
});

describe("checkExclusion", () => {
  it("rejects a worker at an enclave they are excluded from, even when trained for it", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W8");
    without(plan.idle.workerIds, "W8");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["EXCLUDED"]);
    expect(violations[0]).toMatchObject({ personId: "W8", enclaveId: "E1", block: "pm" });
  });

  it("accepts the same worker at an enclave they are not excluded from", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("W8");
    at(plan, "E2").blocks.pm.workerIds.push("W8");
    without(plan.idle.workerIds, "W8");
    expect(validatePlan(scenario, plan)).toEqual([]);
  });
});

describe("checkAvailability", () => {
  it("rejects a sick worker and names the absence", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W6");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NOT_AVAILABLE"]);
    expect(violations[0]?.message).toBe("W6 is placed at E1 in the afternoon but is sick (2026-11-23 to 2026-11-27, am+pm)");
  });

  it("rejects a part-timer in the block they do not work", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W3");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NOT_AVAILABLE"]);
    expect(violations[0]?.message).toBe(
      "W3 is placed at E1 in the afternoon but does not work on Monday afternoons by their work pattern",
    );
  });

  it("rejects a coach on a half-day leave in that half", () => {
    const onLeave = tinyScenario((input) => {
      input.absences?.push({ personId: "C1", from: "2026-11-23", to: "2026-11-23", blocks: ["pm"], kind: "leave" });
    });
    const violations = validatePlan(onLeave, validTinyPlan());
    expect(codes(violations)).toEqual(["NOT_AVAILABLE"]);
    expect(violations[0]?.message).toBe("C1 is placed at E1 in the afternoon but is on leave (2026-11-23, pm)");
  });
});

describe("checkOnePlacePerBlock", () => {
  it("rejects a coach in two enclaves in the same block", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("V1");
    at(plan, "E2").blocks.am.coachIds.push("V1");
    without(plan.idle.coachIds, "V1");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["DOUBLE_BOOKED"]);
    expect(violations[0]?.message).toBe("V1 is placed at E1 and E2 in the morning (one place per block)");
  });

  it("rejects a worker listed twice in one team", () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.pm.workerIds.push("W1");
    expect(codes(validatePlan(scenario, plan))).toEqual(["DOUBLE_BOOKED"]);
  });

  it("rejects a placed person who is also listed as idle", () => {
    const plan = validTinyPlan();
    plan.idle.workerIds.push("W1");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["DOUBLE_BOOKED"]);
    expect(violations[0]?.message).toBe("W1 is placed at E1 but is also listed as idle");
  });
});

describe("checkWorkerNoonSwitch", () => {
  it("accepts a worker who works the morning only", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("W5");
    without(plan.idle.workerIds, "W5");
    expect(validatePlan(scenario, plan)).toEqual([]);
  });

  it("rejects a worker who changes enclave at noon", () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.am.workerIds.push("W5");
    at(plan, "E1").blocks.pm.workerIds.push("W5");
    without(plan.idle.workerIds, "W5");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["WORKER_SWITCHED_AT_NOON"]);
    expect(violations[0]?.message).toContain("W5 works at E2 in the morning and at E1 in the afternoon");
  });
});

describe("checkCoachNoonSwitch", () => {
  const switchPlan = () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("V1");
    at(plan, "E2").blocks.pm.coachIds.push("V1");
    without(plan.idle.coachIds, "V1");
    return plan;
  };

  it("accepts a coach with own transport who changes enclave at noon", () => {
    expect(validatePlan(scenario, switchPlan())).toEqual([]);
  });

  it("rejects a coach travelling by van who changes enclave at noon", () => {
    const byVan = tinyScenario((input) => {
      coachInput(input, "V1").transport = "van";
    });
    const plan = switchPlan();
    plan.transport[0]?.personIds.push("V1");
    const violations = validatePlan(byVan, plan);
    expect(codes(violations)).toEqual(["COACH_SWITCHED_WITHOUT_OWN_TRANSPORT"]);
  });
});

describe("checkInterimAllowed", () => {
  const interimPlan = () => {
    const plan = validTinyPlan();
    at(plan, "E1").blocks.am.coachIds.push("I1");
    at(plan, "E1").blocks.pm.coachIds.push("I1");
    return plan;
  };

  it("rejects an interim coach when the rules do not allow them", () => {
    const violations = validatePlan(scenario, interimPlan());
    expect(codes(violations)).toEqual(["INTERIM_NOT_ALLOWED"]);
  });

  it("accepts an interim coach when the rules allow them", () => {
    const allowed = tinyScenario((input) => {
      input.rules = { interimCoachesAllowed: true };
    });
    expect(validatePlan(allowed, interimPlan())).toEqual([]);
  });
});
