// Van seats (DOMAIN.md rule 7, SCENARIO-FORMAT.md): the right run on a route that stops at
// the enclave, one seat each, no more people than seats, no seats for others.
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { codes, tinyScenario, validTinyPlan, without, workerInput } from "./tiny-scenario.ts";

const scenario = tinyScenario();

describe("checkVanSeats", () => {
  it("rejects a placed van worker without a seat", () => {
    const plan = validTinyPlan();
    without(plan.transport[0]?.personIds ?? [], "W1");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["NO_SEAT"]);
    expect(violations[0]?.message).toBe(
      "W1 travels by van and works at E1 all day but has no seat: needs a day seat on a route that stops at E1 (R1)",
    );
  });

  it("rejects a van coach without a seat", () => {
    const plan = validTinyPlan();
    without(plan.transport[0]?.personIds ?? [], "C2");
    expect(codes(validatePlan(scenario, plan))).toEqual(["NO_SEAT"]);
  });

  it("rejects a seat on a route that does not stop at the enclave", () => {
    const plan = validTinyPlan();
    without(plan.transport[0]?.personIds ?? [], "W1");
    plan.transport.push({ routeId: "R2", run: "day", personIds: ["W1"] });
    expect(codes(validatePlan(scenario, plan))).toEqual(["WRONG_SEAT"]);
  });

  it("rejects a morning seat for someone who works all day", () => {
    const plan = validTinyPlan();
    without(plan.transport[0]?.personIds ?? [], "W1");
    plan.transport.push({ routeId: "R1", run: "morning", personIds: ["W1"] });
    expect(codes(validatePlan(scenario, plan))).toEqual(["WRONG_SEAT"]);
  });

  it("accepts a morning seat for a van worker who works the morning only, and rejects a day seat", () => {
    const vanPartTimer = tinyScenario((input) => {
      workerInput(input, "W3").transport = "van";
    });
    const plan = validTinyPlan();
    plan.transport.push({ routeId: "R1", run: "morning", personIds: ["W3"] });
    expect(validatePlan(vanPartTimer, plan)).toEqual([]);

    const wrong = validTinyPlan();
    wrong.transport[0]?.personIds.push("W3");
    expect(codes(validatePlan(vanPartTimer, wrong))).toEqual(["WRONG_SEAT"]);
  });
});

describe("checkOneSeatPerPerson", () => {
  it("rejects a person with two seats", () => {
    const plan = validTinyPlan();
    plan.transport.push({ routeId: "R1", run: "morning", personIds: ["W1"] });
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["DOUBLE_SEATED"]);
    expect(violations[0]?.message).toBe("W1 has 2 seats (R1 day, R1 morning); one is expected");
  });
});

describe("checkSeatCapacity", () => {
  it("accepts a full van", () => {
    const full = tinyScenario((input) => {
      const r1 = input.routes?.find((r) => r.id === "R1");
      if (r1) r1.seats = { day: 4 };
    });
    expect(validatePlan(full, validTinyPlan())).toEqual([]);
  });

  it("rejects more people than seats", () => {
    const small = tinyScenario((input) => {
      const r1 = input.routes?.find((r) => r.id === "R1");
      if (r1) r1.seats = { day: 3 };
    });
    const violations = validatePlan(small, validTinyPlan());
    expect(codes(violations)).toEqual(["SEATS_EXCEEDED"]);
    expect(violations[0]?.message).toBe("The day run of R1 has 3 seats but carries 4 people");
  });

  it("counts the rows of one run together", () => {
    const small = tinyScenario((input) => {
      const r1 = input.routes?.find((r) => r.id === "R1");
      if (r1) r1.seats = { day: 3 };
    });
    const plan = validTinyPlan();
    plan.transport = [
      { routeId: "R1", run: "day", personIds: ["W1", "W2"] },
      { routeId: "R1", run: "day", personIds: ["W4", "C2"] },
    ];
    expect(codes(validatePlan(small, plan))).toEqual(["SEATS_EXCEEDED"]);
  });
});

describe("checkSeatsOnlyForPlaced", () => {
  it("rejects a seat for someone who is not placed", () => {
    const plan = validTinyPlan();
    plan.transport.push({ routeId: "R2", run: "day", personIds: ["W7"] });
    expect(codes(validatePlan(scenario, plan))).toEqual(["SEAT_NOT_NEEDED"]);
  });

  it("rejects a seat for someone with own transport", () => {
    const plan = validTinyPlan();
    plan.transport[0]?.personIds.push("C1");
    const violations = validatePlan(scenario, plan);
    expect(codes(violations)).toEqual(["SEAT_NOT_NEEDED"]);
    expect(violations[0]?.message).toBe("C1 has a seat on the day run of R1 but travels by own transport");
  });
});
