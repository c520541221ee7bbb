// Enclave calendars and notification (DOMAIN.md rules 5 and 10), one rule at a time.
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { at, codes, enclaveInput, tinyScenario, validTinyPlan, without } from "./tiny-scenario.ts";

const scenario = tinyScenario();

/** C3 and W7 (who rides route R2) placed at E3 all day, out of the idle lists: a plan staffs E3. */
function staffE3(plan: ReturnType<typeof validTinyPlan>): void {
  const e3 = at(plan, "E3");
  e3.blocks.am = { coachIds: ["C3"], workerIds: ["W7"] };
  e3.blocks.pm = { coachIds: ["C3"], workerIds: ["W7"] };
  without(plan.idle.coachIds, "C3");
  without(plan.idle.workerIds, "W7");
  plan.transport.push({ routeId: "R2", run: "day", personIds: ["W7"] });
}

describe("checkRunningFlag", () => {
  it("rejects running: true for an enclave that does not run that day", () => {
    const plan = validTinyPlan();
    at(plan, "E3").running = true;
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["RUNNING_FLAG_WRONG"]);
    expect(violations[0]?.message).toContain("does not run on 2026-11-23");
  });

  it("rejects running: false for an enclave that runs", () => {
    const plan = validTinyPlan();
    at(plan, "E1").running = false;
    expect(codes(validatePlan(scenario, plan))).toEqual(["RUNNING_FLAG_WRONG"]);
  });
});

describe("checkNotRunning", () => {
  it("rejects people placed at an enclave that does not run, whatever its flag", () => {
    const plan = validTinyPlan();
    staffE3(plan);
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NOT_RUNNING"]);
    expect(violations[0]?.message).toContain("C3, W7");
  });
});

describe("checkBlocksWorked", () => {
  // E2 works mornings only; its people ride the morning run, which has two seats here.
  const halfDay = tinyScenario((input) => {
    enclaveInput(input, "E2").hours = { start: "07:30", end: "12:00" };
    const r1 = input.routes?.find((r) => r.id === "R1");
    if (r1) r1.seats = { day: 6, morning: 2, afternoon: 1 };
  });
  const halfDayPlan = () => {
    const plan = validTinyPlan();
    at(plan, "E2").blocks.pm = { coachIds: [], workerIds: [] };
    plan.transport = [
      { routeId: "R1", run: "day", personIds: ["W1", "W2"] },
      { routeId: "R1", run: "morning", personIds: ["W4", "C2"] },
    ];
    return plan;
  };

  it("accepts a half-day enclave staffed in its one block", () => {
    expect(validatePlan(halfDay, halfDayPlan())).toEqual([]);
  });

  it("rejects people placed in the block the enclave does not work", () => {
    const plan = halfDayPlan();
    at(plan, "E2").blocks.pm = { coachIds: [], workerIds: ["W4"] };
    plan.transport = [
      { routeId: "R1", run: "day", personIds: ["W1", "W2", "W4"] },
      { routeId: "R1", run: "morning", personIds: ["C2"] },
    ];
    const violations = validatePlan(halfDay, plan);
    expect(codes(violations)).toEqual(["BLOCK_NOT_WORKED"]);
    expect(violations[0]).toMatchObject({ enclaveId: "E2", block: "pm" });
  });
});

describe("checkNotificationUnstaffed", () => {
  // E3 now runs on weekdays, but its contract (start today) was notified only today.
  const late = tinyScenario((input) => {
    const e3 = enclaveInput(input, "E3");
    e3.schedule = { dtstart: "2026-11-23", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" };
    e3.contract = { start: "2026-11-23", end: null, notifiedOn: "2026-11-23" };
  });
  const latePlan = () => {
    const plan = validTinyPlan();
    const e3 = at(plan, "E3");
    e3.running = true;
    e3.problems = [{ code: "NOT_NOTIFIED", message: "contract not notified in time", options: [] }];
    plan.status = "partial";
    return plan;
  };

  it("accepts a running enclave that was not notified, left unstaffed and flagged", () => {
    expect(validatePlan(late, latePlan())).toEqual([]);
  });

  it("rejects staffing it", () => {
    const plan = latePlan();
    staffE3(plan);
    const violations = validatePlan(late, plan);
    expect(codes(violations)).toEqual(["NOT_NOTIFIED_STAFFED"]);
    expect(violations[0]?.message).toContain("too late");
  });
});
