/**
 * Each rule of the daily model on its own (DOMAIN.md rules 1–10, SCENARIO-FORMAT.md), on tiny
 * hand-made days: one case the rule allows and one it forbids. Most run straight on
 * `solveDay`; the rules that live in the scenario → day step (exclusions, calendars,
 * notification, interim problems) run through `planDay`.
 *
 * Then the priorities of the lexicographic objective (coverage, minimum shortfall, target
 * shortfall, stability), and the LP writer.
 */
import { describe, expect, it } from "vitest";
import { solveDay } from "../../solver/index.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { planDay } from "../../src/planning/plan-day.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import {
  absence,
  coachInput,
  DATE,
  enclaveInput,
  planEnclave,
  placements,
  scenario,
  workerInput,
} from "../planning/scenario-builders.ts";
import { coach, coveredEnclaves, day, enclave, placement, route, team, worker, workers } from "./day-builders.ts";

const solve = (d: Parameters<typeof solveDay>[0]) => {
  const solution = solveDay(d, { timeoutMs: 10_000 });
  expect(solution.optimal, `solver status ${solution.status}`).toBe(true);
  return solution;
};

describe("rule 3: qualification", () => {
  it("when a butterfly is trained for E2, then it covers E2", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("V1", "butterfly", ["E1", "E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E2", pm: "E2" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1", "E2"]);
  });

  it("when the only free butterfly is not trained for E2, then it is not placed there and E2 stays uncovered", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("V1", "butterfly", ["E1"])],
    });
    const solution = solve(d);
    expect(placement(solution, "V1").am).not.toBe("E2");
    expect(team(solution, "E2", "am")).toEqual({ coachIds: [], workerIds: [] });
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
  });
});

describe("exclusions", () => {
  it("when a stand-in's eligible list leaves out E2, then the solver does not place them at E2 even though E2 is short", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1 }), enclave("E2", { min: 2 })],
      workers: [worker("W1", ["E2"]), worker("S1", ["E1"], { home: null })],
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "S1").am).not.toBe("E2");
    expect(team(solution, "E2", "am").workerIds).toEqual(["W1"]);
  });

  it("when the same stand-in is eligible for E2, then they fill E2's gap", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 0, target: 0 }), enclave("E2", { min: 2 })],
      workers: [worker("W1", ["E2"]), worker("S1", ["E1", "E2"], { home: null })],
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });
    const solution = solve(d);
    expect(team(solution, "E2", "am").workerIds).toEqual(["S1", "W1"]);
  });

  const excludedScenario = (excluded: string[]) =>
    scenario({
      enclaves: [enclaveInput("E1", { min: 1, target: 1, max: 3 }, ["C1"]), enclaveInput("E2", { min: 2, target: 2, max: 3 }, ["C2"])],
      workers: [
        workerInput("W1", "E1"),
        workerInput("W2", "E1", { qualified: ["E2"], excluded }),
        workerInput("W3", "E2"),
      ],
      coaches: [coachInput("C1", "fixed", "E1"), coachInput("C2", "fixed", "E2")],
    });

  it("when a worker trained for E2 is not excluded, then planDay moves them to E2 to reach its minimum", () => {
    const { plan } = planDay(excludedScenario([]), DATE);
    expect(planEnclave(plan, "E2").blocks.am.workerIds).toEqual(["W2", "W3"]);
    expect(planEnclave(plan, "E2").covered).toBe(true);
  });

  it("when a worker trained for E2 is in excludedEnclaveIds, then planDay never places them at E2 and reports E2 under its minimum", () => {
    const { plan, context } = planDay(excludedScenario(["E2"]), DATE);
    expect(context.day.workers.find((w) => w.id === "W2")?.eligible).toEqual(["E1"]);
    expect(placements(plan).get("W2")).toEqual({ am: "E1", pm: "E1" });
    expect(planEnclave(plan, "E2").covered).toBe(false);
    expect(planEnclave(plan, "E2").problems.map((p) => p.code)).toContain("UNDER_MIN_HEADCOUNT");
  });
});

describe("rule 4: availability per block", () => {
  it("when a worker works mornings only, then they count in the am team only", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 2 })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { blocks: ["am"] })],
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toEqual(["W1", "W2"]);
    expect(team(solution, "E1", "pm").workerIds).toEqual(["W1"]);
    expect(coveredEnclaves(d, solution)).toEqual([]);
  });

  it("when a coach works afternoons only, then a full-day enclave with only that coach is not covered in the morning", () => {
    const d = day({
      enclaves: [enclave("E1")],
      workers: [worker("W1", ["E1"])],
      coaches: [coach("C1", "fixed", ["E1"], { blocks: ["pm"] })],
    });
    const solution = solve(d);
    expect(placement(solution, "C1").am).toBeUndefined();
    // Without a coach in the morning, the worker (present both blocks) cannot be placed at all.
    expect(team(solution, "E1", "am")).toEqual({ coachIds: [], workerIds: [] });
    expect(coveredEnclaves(d, solution)).toEqual([]);
  });

  it("when a person has no available block, then they are not placed", () => {
    const d = day({
      enclaves: [enclave("E1")],
      workers: [worker("W1", ["E1"], { blocks: [] }), worker("W2", ["E1"])],
      coaches: [coach("C1", "fixed", ["E1"], { blocks: [] }), coach("C2", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(placement(solution, "W1")).toEqual({});
    expect(placement(solution, "C1")).toEqual({});
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
  });
});

describe("one place per person per block", () => {
  it("when two enclaves need a coach and one coach is trained for both, then the coach covers one of them, not both", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"])],
    });
    const solution = solve(d);
    const amTeams = ["E1", "E2"].filter((e) => team(solution, e, "am").coachIds.includes("V1"));
    const pmTeams = ["E1", "E2"].filter((e) => team(solution, e, "pm").coachIds.includes("V1"));
    expect(amTeams).toHaveLength(1);
    expect(pmTeams).toHaveLength(1);
    expect(coveredEnclaves(d, solution)).toHaveLength(1);
  });

  it("when two coaches are trained for both enclaves, then each enclave gets one", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"]), coach("V2", "butterfly", ["E1", "E2"])],
    });
    expect(coveredEnclaves(d, solve(d))).toEqual(["E1", "E2"]);
  });

  it("when one worker could reach the minimum of two enclaves, then they are counted at one only", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("S1", ["E1", "E2"], { home: null })],
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });
    const solution = solve(d);
    const where = ["E1", "E2"].filter((e) => team(solution, e, "am").workerIds.includes("S1"));
    expect(where).toHaveLength(1);
    expect(coveredEnclaves(d, solution)).toHaveLength(1);
  });
});

describe("workers never change enclave at noon", () => {
  const halfDays = (stand: number) =>
    day({
      enclaves: [enclave("E1", { blocks: ["am"] }), enclave("E2", { blocks: ["pm"] })],
      workers: workers("S", stand, ["E1", "E2"], { home: null }),
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });

  it("when one full-day worker could fill a morning enclave and an afternoon enclave, then they fill only one", () => {
    const solution = solve(halfDays(1));
    const at = placement(solution, "S1");
    expect(Object.keys(at)).toHaveLength(1);
    expect(coveredEnclaves(halfDays(1), solution)).toHaveLength(1);
  });

  it("when two such workers are available, then both half-day enclaves are covered", () => {
    const d = halfDays(2);
    expect(coveredEnclaves(d, solve(d))).toEqual(["E1", "E2"]);
  });
});

describe("coaches switch enclave at noon only with their own transport", () => {
  const split = (van: boolean) =>
    day({
      enclaves: [enclave("E1", { blocks: ["am"] }), enclave("E2", { blocks: ["pm"] })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"], { van })],
      routes: [route("R1", ["E1", "E2"], { day: 2, morning: 2, afternoon: 2 })],
    });

  it("when a butterfly has its own transport, then it covers E1 in the morning and E2 in the afternoon", () => {
    const d = split(false);
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E1", pm: "E2" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1", "E2"]);
  });

  it("when a van coach is needed at one enclave all day, then it stays there both blocks", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2", { min: 0, target: 0 })],
      workers: [worker("W1", ["E1"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"], { van: true })],
      routes: [route("R1", ["E1", "E2"], { day: 1 })],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E1", pm: "E1" });
    expect(solution.assignment.transport).toEqual([{ routeId: "R1", run: "day", personIds: ["V1"] }]);
  });

  it("when the butterfly travels by van, then it cannot split the day and only one of E1 am / E2 pm is covered", () => {
    // Was a bug: one variable per enclave "for the whole day" let a morning-only enclave and an
    // afternoon-only one both take the van coach.
    const d = split(true);
    const solution = solve(d);
    expect(Object.keys(placement(solution, "V1"))).toHaveLength(1);
    expect(coveredEnclaves(d, solution)).toHaveLength(1);
  });

  it("when planDay has a van butterfly and an allowed interim for a morning and an afternoon enclave, then each covers one", () => {
    const s = scenario({
      rules: { interimCoachesAllowed: true },
      enclaves: [
        enclaveInput("E1", { min: 1, target: 1, max: 2 }, [], { hours: { start: "07:30", end: "12:00" } }),
        enclaveInput("E2", { min: 1, target: 1, max: 2 }, [], { hours: { start: "12:00", end: "16:00" } }),
      ],
      workers: [workerInput("W1", "E1"), workerInput("W2", "E2")],
      coaches: [
        coachInput("V1", "butterfly", null, { qualified: ["E1", "E2"], transport: "van" }),
        coachInput("I1", "interim", null, { qualified: ["E1", "E2"] }),
      ],
      routes: [{ id: "R1", enclaveIds: ["E1", "E2"], seats: { day: 2, morning: 2, afternoon: 2 } }],
    });
    const { plan } = planDay(s, DATE);
    expect(validatePlan(s, plan)).toEqual([]);
    const v1 = placements(plan).get("V1");
    expect(v1?.am === null || v1?.pm === null, `V1 at ${JSON.stringify(v1)}`).toBe(true);
    expect(plan.status).toBe("covered");
  });

  it("when a morning-only butterfly and a van butterfly with an afternoon seat share a full-day enclave, then it is covered", () => {
    // Was a bug (tiny seed 300): a van coach could only be placed for all of their blocks.
    const d = day({
      enclaves: [enclave("E1")],
      workers: [worker("W1", ["E1"])],
      coaches: [coach("V1", "butterfly", ["E1"], { blocks: ["am"] }), coach("V2", "butterfly", ["E1"], { van: true })],
      routes: [route("R1", ["E1"], { afternoon: 1 })],
    });
    const solution = solve(d);
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
    expect(placement(solution, "V2")).toEqual({ pm: "E1" });
    expect(solution.assignment.transport).toEqual([{ routeId: "R1", run: "afternoon", personIds: ["V2"] }]);
  });
});

describe("rule 2: ratio norms", () => {
  it("when 13 low-need workers have 1 coach, then all 13 are placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 13, target: 13, max: 15 })],
      workers: workers("W", 13, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toHaveLength(13);
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
  });

  it("when 14 low-need workers have 1 coach, then at most 13 are placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 13, target: 14, max: 15 })],
      workers: workers("W", 14, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toHaveLength(13);
    expect(team(solution, "E1", "pm").workerIds).toHaveLength(13);
  });

  it("when 14 low-need workers have 2 coaches, then all 14 are placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 13, target: 14, max: 15 })],
      workers: workers("W", 14, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toHaveLength(14);
    expect(team(solution, "E1", "am").coachIds).toEqual(["C1", "C2"]);
  });

  it("when a mixed team's load (6 high + 2 medium = 6/7 + 2/10) exceeds one coach, then one coach takes only part of it", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 8, max: 8 })],
      workers: [...workers("H", 6, ["E1"], { guidance: "high" }), ...workers("M", 2, ["E1"], { guidance: "medium" })],
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const solution = solve(d);
    const placed = team(solution, "E1", "am").workerIds;
    const load = placed.reduce((sum, id) => sum + (id.startsWith("H") ? 1 / 7 : 1 / 10), 0);
    expect(load).toBeLessThanOrEqual(1 + 1e-9);
    expect(placed).toHaveLength(7); // 6 high + 1 medium = 0.957, or 5 high + 2 medium = 0.914
  });

  it("when the organisation's norms are stricter (2 low per coach), then they apply", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 4, max: 4 })],
      workers: workers("W", 4, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
      rules: { ratios: { low: 2, medium: 2, high: 1 } },
    });
    expect(team(solve(d), "E1", "am").workerIds).toHaveLength(2);
  });
});

describe("minCoachesPerEnclave 2", () => {
  it("when two coaches are available, then the enclave is covered with both", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 2 })],
      workers: workers("W", 2, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E1"])],
      rules: { minCoachesPerEnclave: 2 },
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").coachIds).toEqual(["C1", "C2"]);
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
  });

  it("when only one coach is available, then no worker is placed and the enclave is not covered", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 2 })],
      workers: workers("W", 2, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E1"], { blocks: [] })],
      rules: { minCoachesPerEnclave: 2 },
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toEqual([]);
    expect(team(solution, "E1", "pm").workerIds).toEqual([]);
    expect(coveredEnclaves(d, solution)).toEqual([]);
  });
});

describe("rule 6: maximum headcount", () => {
  it("when more workers are eligible than the maximum, then exactly the maximum is placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 3, max: 3 })],
      workers: workers("W", 5, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toHaveLength(3);
    expect(team(solution, "E1", "pm").workerIds).toHaveLength(3);
  });

  it("when the team is within the maximum, then everybody is placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 3, max: 3 })],
      workers: workers("W", 3, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    expect(team(solve(d), "E1", "am").workerIds).toHaveLength(3);
  });
});

describe("rule 7: van seats by run", () => {
  it("when a route has 1 day seat, then only 1 of 2 van workers is placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 })],
      workers: workers("W", 2, ["E1"], { needsSeat: true }),
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E1"], { day: 1 })],
    });
    const solution = solve(d);
    expect(team(solution, "E1", "am").workerIds).toHaveLength(1);
    expect(solution.assignment.transport).toEqual([{ routeId: "R1", run: "day", personIds: team(solution, "E1", "am").workerIds }]);
  });

  it("when a route has 2 day seats, then both van workers ride the day run", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 })],
      workers: workers("W", 2, ["E1"], { needsSeat: true }),
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E1"], { day: 2 })],
    });
    expect(solve(d).assignment.transport).toEqual([{ routeId: "R1", run: "day", personIds: ["W1", "W2"] }]);
  });

  it("when a morning-only van worker has only day seats to ride, then they are not placed", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { blocks: ["am"], needsSeat: true })],
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E1"], { day: 5 })],
    });
    const solution = solve(d);
    expect(placement(solution, "W2")).toEqual({});
  });

  it("when the route also has a morning seat, then the morning-only van worker rides the morning run", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { blocks: ["am"], needsSeat: true })],
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E1"], { day: 5, morning: 1 })],
    });
    const solution = solve(d);
    expect(placement(solution, "W2")).toEqual({ am: "E1" });
    expect(solution.assignment.transport).toEqual([{ routeId: "R1", run: "morning", personIds: ["W2"] }]);
  });

  it("when an afternoon-only van worker has an afternoon seat on a route to their enclave, then they ride it", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { blocks: ["pm"], needsSeat: true })],
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E1"], { morning: 3, afternoon: 1 })],
    });
    const solution = solve(d);
    expect(placement(solution, "W2")).toEqual({ pm: "E1" });
    expect(solution.assignment.transport).toEqual([{ routeId: "R1", run: "afternoon", personIds: ["W2"] }]);
  });

  it("when no route stops at the enclave, then a van worker is not placed there", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 }), enclave("E2", { min: 0, target: 0 })],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { needsSeat: true })],
      coaches: [coach("C1", "fixed", ["E1"])],
      routes: [route("R1", ["E2"], { day: 5 })],
    });
    expect(placement(solve(d), "W2")).toEqual({});
  });
});

describe("rule 5: enclave calendars (planDay)", () => {
  const wednesdayOnly = () =>
    scenario({
      enclaves: [
        enclaveInput("E1", { min: 1, target: 1, max: 3 }, ["C1"]),
        enclaveInput("E2", { min: 1, target: 1, max: 2 }, ["C2"], { rrule: "FREQ=WEEKLY;BYDAY=WE" }),
      ],
      workers: [workerInput("W1", "E1"), workerInput("W2", "E2", { qualified: ["E1"] }), workerInput("W3", "E2")],
      coaches: [coachInput("C1", "fixed", "E1"), coachInput("C2", "fixed", "E2", { qualified: ["E1"] })],
    });

  it("when an enclave runs on Wednesdays only, then on a Monday nobody is placed there and it has no problems", () => {
    const { plan } = planDay(wednesdayOnly(), DATE);
    const e2 = planEnclave(plan, "E2");
    expect(e2.running).toBe(false);
    expect(e2.blocks).toEqual({ am: { coachIds: [], workerIds: [] }, pm: { coachIds: [], workerIds: [] } });
    expect(e2.problems).toEqual([]);
    expect(validatePlan(wednesdayOnly(), plan)).toEqual([]);
  });

  it("when the same enclave runs (Wednesday), then its own people are placed there", () => {
    const { plan } = planDay(wednesdayOnly(), "2026-11-25");
    expect(planEnclave(plan, "E2").running).toBe(true);
    expect(planEnclave(plan, "E2").blocks.am).toEqual({ coachIds: ["C2"], workerIds: ["W2", "W3"] });
  });
});

describe("rule 10: notification", () => {
  const lateContract = (notifiedOn: string) =>
    scenario({
      enclaves: [
        enclaveInput("E1", { min: 1, target: 1, max: 2 }, ["C1"]),
        enclaveInput("E2", { min: 1, target: 1, max: 2 }, ["C2"], { contractStart: DATE, notifiedOn }),
      ],
      workers: [workerInput("W1", "E1"), workerInput("W2", "E2")],
      coaches: [coachInput("C1", "fixed", "E1"), coachInput("C2", "fixed", "E2")],
    });

  it("when a new enclave's contract was notified the working day before, then it is staffed", () => {
    const { plan } = planDay(lateContract("2026-11-20"), DATE);
    expect(planEnclave(plan, "E2").covered).toBe(true);
    expect(planEnclave(plan, "E2").blocks.am).toEqual({ coachIds: ["C2"], workerIds: ["W2"] });
  });

  it("when it was notified on its start day, then nobody is placed there and the plan lists NOT_NOTIFIED", () => {
    const { plan } = planDay(lateContract(DATE), DATE);
    const e2 = planEnclave(plan, "E2");
    expect(e2.running).toBe(true);
    expect(e2.covered).toBe(false);
    expect(e2.blocks).toEqual({ am: { coachIds: [], workerIds: [] }, pm: { coachIds: [], workerIds: [] } });
    expect(e2.problems.map((p) => p.code)).toEqual(["NOT_NOTIFIED"]);
    expect(e2.problems[0]?.message).toContain("E2");
    expect(plan.status).toBe("partial");
  });
});

describe("interim coaches", () => {
  const interimDay = (interimCoachesAllowed: boolean) =>
    day({
      enclaves: [enclave("E1")],
      workers: [worker("W1", ["E1"])],
      coaches: [coach("I1", "interim", ["E1"])],
      rules: { interimCoachesAllowed },
    });

  it("when the rules do not allow interim coaches, then the interim is not placed and the enclave stays uncovered", () => {
    const solution = solve(interimDay(false));
    expect(placement(solution, "I1")).toEqual({});
    expect(coveredEnclaves(interimDay(false), solution)).toEqual([]);
  });

  it("when they are allowed, then the interim covers the enclave", () => {
    const solution = solve(interimDay(true));
    expect(placement(solution, "I1")).toEqual({ am: "E1", pm: "E1" });
    expect(coveredEnclaves(interimDay(true), solution)).toEqual(["E1"]);
  });

  it("when planDay proposes an interim, then the enclave lists INTERIM_PROPOSED naming the interim", () => {
    const s = scenario({
      rules: { interimCoachesAllowed: true },
      enclaves: [enclaveInput("E1", { min: 1, target: 1, max: 2 }, ["C1"])],
      workers: [workerInput("W1", "E1")],
      coaches: [coachInput("C1", "fixed", "E1"), coachInput("I1", "interim", null, { qualified: ["E1"], name: "Agency Anna" })],
      absences: [absence("C1", "sick", { reportedAt: "2026-11-23T07:05:00+01:00" })],
    });
    const { plan } = planDay(s, DATE);
    const e1 = planEnclave(plan, "E1");
    expect(e1.blocks.am.coachIds).toEqual(["I1"]);
    const interim = e1.problems.filter((p) => p.code === "INTERIM_PROPOSED");
    expect(interim.map((p) => p.block)).toEqual(["am", "pm"]);
    expect(interim[0]?.message).toContain("I1 (Agency Anna)");
  });

  it("when an own coach is available, then the interim is not used even though allowed", () => {
    const d = day({
      enclaves: [enclave("E1")],
      workers: [worker("W1", ["E1"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("I1", "interim", ["E1"])],
      rules: { interimCoachesAllowed: true },
    });
    const solution = solve(d);
    expect(placement(solution, "I1")).toEqual({});
    expect(team(solution, "E1", "am").coachIds).toEqual(["C1"]);
  });
});

describe("priorities", () => {
  it("(1) when covering one more enclave costs more shortfall below the minimum, then coverage still wins", () => {
    // V1 at E1 covers E1 (1 worker) and leaves E2 5 short per block; V1 at E2 covers nothing
    // (4 of minimum 5) but leaves only 1 + 1 short per block.
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 1, max: 1 }), enclave("E2", { min: 5, target: 5, max: 5 })],
      workers: [worker("W1", ["E1"]), ...workers("X", 4, ["E2"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E1", pm: "E1" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1"]);
    expect(solution.levels.map((l) => l.value).slice(0, 2)).toEqual([1, 10]);
  });

  it("(2) when two choices cover as many enclaves, then less shortfall below the minimum beats less shortfall below the target", () => {
    // V1 at E1: E1 covered (3/3), E2 empty: minimum shortfall 1 + 1, target shortfall 6 + 6.
    // V1 at E2: E2 covered (5, min 1), E1 empty: minimum shortfall 3 + 3, target shortfall 4 + 4.
    const d = day({
      enclaves: [enclave("E1", { min: 3, target: 3, max: 3 }), enclave("E2", { min: 1, target: 6, max: 6 })],
      workers: [...workers("A", 3, ["E1"]), ...workers("B", 5, ["E2"])],
      coaches: [coach("V1", "butterfly", ["E1", "E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E1", pm: "E1" });
    expect(solution.levels.map((l) => l.value).slice(0, 3)).toEqual([1, 2, 12]);
  });

  it("(4) when a butterfly or a spare fixed coach of another enclave could fill a gap, then the butterfly goes and the fixed coach stays home", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [
        coach("C1", "fixed", ["E1"], { blocks: [] }), // sick
        coach("C2", "fixed", ["E2"]),
        coach("C3", "fixed", ["E2", "E1"]), // E2's second coach, trained for E1
        coach("V1", "butterfly", ["E1"]),
      ],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({ am: "E1", pm: "E1" });
    // C3 stays at E2, not sent to in-house work (was a bug: staying and idling both cost 0).
    expect(placement(solution, "C3")).toEqual({ am: "E2", pm: "E2" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1", "E2"]);
  });

  it("(4) when planDay fills a gap with a butterfly, then the spare fixed coach stays home and only the sick coach and the butterfly change", () => {
    const s = scenario({
      enclaves: [enclaveInput("E1", { min: 1, target: 1, max: 3 }, ["C1"]), enclaveInput("E2", { min: 1, target: 1, max: 3 }, ["C2", "C3"])],
      workers: [workerInput("W1", "E1"), workerInput("W2", "E2")],
      coaches: [
        coachInput("C1", "fixed", "E1"),
        coachInput("C2", "fixed", "E2"),
        coachInput("C3", "fixed", "E2", { qualified: ["E1"] }),
        coachInput("V1", "butterfly", null, { qualified: ["E1"] }),
      ],
      absences: [absence("C1", "sick")],
    });
    const { plan } = planDay(s, DATE);
    expect(placements(plan).get("V1")).toEqual({ am: "E1", pm: "E1" });
    expect(placements(plan).get("C3")).toEqual({ am: "E2", pm: "E2" });
    expect(plan.changes.map((c) => c.personId).sort()).toEqual(["C1", "V1"]);
  });

  it("(4) when no butterfly is free, then the spare fixed coach moves to fill the gap", () => {
    const d = day({
      enclaves: [enclave("E1"), enclave("E2")],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [coach("C1", "fixed", ["E1"], { blocks: [] }), coach("C2", "fixed", ["E2"]), coach("C3", "fixed", ["E2", "E1"])],
    });
    const solution = solve(d);
    expect(placement(solution, "C3")).toEqual({ am: "E1", pm: "E1" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1", "E2"]);
  });

  it("(4) when an enclave is at its target, then a worker trained there stays home", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 2, target: 2, max: 4 }), enclave("E2", { min: 1, target: 1, max: 4 })],
      workers: [...workers("A", 2, ["E1"]), worker("B1", ["E2", "E1"]), worker("B2", ["E2"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "B1")).toEqual({ am: "E2", pm: "E2" });
  });

  it("(4) when an enclave falls below its minimum and another keeps its own, then a worker trained there moves", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 2, target: 2, max: 4 }), enclave("E2", { min: 1, target: 1, max: 4 })],
      workers: [worker("A1", ["E1"]), worker("A2", ["E1"], { blocks: [] }), worker("B1", ["E2", "E1"]), worker("B2", ["E2"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
    });
    const solution = solve(d);
    expect(placement(solution, "B1")).toEqual({ am: "E1", pm: "E1" });
    expect(placement(solution, "B2")).toEqual({ am: "E2", pm: "E2" });
    expect(coveredEnclaves(d, solution)).toEqual(["E1", "E2"]);
  });

  it("(5) when nothing is short, then idle butterflies and stand-ins stay idle", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 1, max: 4 })],
      workers: [worker("W1", ["E1"]), worker("S1", ["E1"], { home: null })],
      coaches: [coach("C1", "fixed", ["E1"]), coach("V1", "butterfly", ["E1"])],
    });
    const solution = solve(d);
    expect(placement(solution, "V1")).toEqual({});
    expect(placement(solution, "S1")).toEqual({});
  });
});

describe("LP format", () => {
  it("when a tiny model is written, then the LP text has every row by name, the objective, bounds and General", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 1, target: 2 }), enclave("E-2 (noord)", { min: 1, target: 1 })],
      workers: [worker("W1", ["E1"], { needsSeat: true }), worker("W2", ["E-2 (noord)", "E1"])],
      coaches: [coach("C1", "fixed", ["E1"]), coach("V1", "butterfly", ["E1", "E-2 (noord)"], { van: true })],
      routes: [route("R 1", ["E1", "E-2 (noord)"], { day: 2, morning: 1 })],
      rules: { minCoachesPerEnclave: 2 },
    });
    const solution = solve(d);
    const lp = solution.lp();
    expect(lp).toBe(writeCplexLp(solution.model, "vlinder day model 2026-11-23"));
    expect(lp).toMatch(/^Minimize$/m);
    expect(lp).toMatch(/^Subject To$/m);
    expect(lp).toMatch(/^Bounds$/m);
    expect(lp).toMatch(/^General$/m);
    expect(lp.trimEnd().endsWith("End")).toBe(true);
    expect(solution.model.rows.length).toBeGreaterThan(10);
    const rowNames = new Set([...lp.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_.]*):/gm)].map((m) => m[1]));
    for (const row of solution.model.rows) expect(rowNames.has(lpName(row.name)), `row ${row.name} in the LP text`).toBe(true);
    for (const name of solution.model.variables.keys()) expect(lp).toContain(lpName(name));
    // Every name in the text is LP-safe.
    for (const row of solution.model.rows) expect(lpName(row.name)).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
  });
});
