/**
 * The benchmark harness without the benchmark: medians, the markdown table, the instances
 * and the late sick call of the re-plan day.
 */
import { describe, expect, it } from "vitest";
import { BENCH_DATE, benchInstances, westhoekScenario, withLateSickCall } from "../../bench/instances.ts";
import { differingLevel, firstDifference, levelValues, levelWeights, markdownTable, median, sameObjective } from "../../bench/report.ts";
import type { Row } from "../../bench/report.ts";
import type { Plan } from "../../src/scenario/schema.ts";
import { planDay } from "../../src/planning/plan-day.ts";
import { lpName } from "../../solver/lp-format.ts";
import { vlinderPlanner } from "../../bench/planners.ts";

describe("bench report", () => {
  it("takes medians of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("compares objectives with a relative tolerance", () => {
    expect(sameObjective(11000722.000000015, 11000722)).toBe(true);
    expect(sameObjective(11000722, 11000721)).toBe(false);
    expect(sameObjective(0, 1e-9)).toBe(true);
    // Weighted objectives reach billions: one stand-in block (weight 1) must still show.
    expect(sameObjective(-6821049208.617473, -6821049215)).toBe(false);
    expect(sameObjective(-6821049215 - 5e-7, -6821049215)).toBe(true);
  });

  it("reads level weights from the LP header and the value of each level in a solution", () => {
    const lp = [
      "\\ vlinder day model 2026-11-23",
      "\\ lexicographic levels folded into one objective (weight per level):",
      "\\   1. max enclaves fully covered  weight 10000",
      "\\   2. min shortfall below minimum headcount  weight 100",
      "\\   3. min moves (stability)  weight 1",
      "Minimize",
      "obj: - 10000 z0 - 10000 z1 + 100 s0 + 200",
      "   s1 + 1 m0 + 3 m1 + m2",
      "Subject To",
      " c0: z0 + z1 <= 2",
      "End",
    ].join("\n");
    expect(levelWeights(lp).map((l) => [l.rank, l.weight])).toEqual([[1, 10000], [2, 100], [3, 1]]);
    const columns = { z0: 1, z1: 1, s0: 0, s1: 1, m0: 1, m1: 1, m2: 0 };
    expect(levelValues(lp, columns)).toEqual([2, 2, 4]);
    expect(levelValues("Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd", { x: 1 })).toBeNull();
  });

  it("names the first level where two level vectors differ", () => {
    expect(firstDifference([147, 9, 39, 108, 205], [147, 9, 39, 96, 206])).toBe(" (first difference at level 4: 108 against 96)");
    expect(firstDifference([3, 1], [3, 1 + 1e-9])).toBe(" (equal on every level)");
  });

  it("tells plans apart by their levels where the weighted objective cannot (beyond 2^52)", () => {
    // Generated 160: two move points (weight 708) apart, within sameObjective's 1e-12 of 5.6e15.
    expect(sameObjective(-5622137432868479, -5622137432869894)).toBe(true);
    expect(differingLevel([147, 9, 39, 98, 206], [147, 9, 39, 96, 206])).toBe(3);
    expect(differingLevel([147, 9, 39.0000004, 96, 206], [147, 9, 39, 96, 206])).toBe(-1);
  });

  it("reads another solver's point on the planner's own basis, each level's constant included", async () => {
    const scenario = westhoekScenario();
    const run = await vlinderPlanner.plan(scenario, BENCH_DATE, {});
    const { model, values } = planDay(scenario, BENCH_DATE).solution;
    // The moves level carries a constant (its offset): the reading must add it.
    expect(model.objectives.some((objective) => (objective.offset ?? 0) !== 0)).toBe(true);
    // The plan's own point, named as the LP names its columns: the levels plan.stats reports.
    const columns = Object.fromEntries([...model.variables.keys()].map((name) => [lpName(name), values.get(name) ?? 0]));
    expect(run.levels).not.toBeNull();
    expect(run.levelsAt(columns)).toEqual(run.levels);
  });

  it("prints one row per instance with the ratio of our solve time to HiGHS's", () => {
    const row: Row = {
      instance: "westhoek",
      enclaves: "11/13",
      people: "152/176",
      ourFirstMs: 700,
      ourMedianMs: 300,
      ourSolveMs: 250,
      optimal: "yes",
      ourObjective: 1234,
      covered: "11 / 11",
      highsFirstMs: 900,
      highsMedianMs: 100,
      highsObjective: 1234,
      highsStatus: "Optimal",
      peakRssMb: 210.4,
      note: "a | b",
    };
    const table = markdownTable([row]).split("\n");
    expect(table).toHaveLength(3);
    expect(table[2]).toBe("| westhoek | 11/13 | 152/176 | 700 | 300 | 250 | yes | 1234 | 11 / 11 | 900 | 100 | 1234 | 2.50× | 210 | a \\| b |");
  });
});

describe("bench instances", () => {
  it("are Westhoek, its re-plan, generated companies of 40, 80 and 160 enclaves and 80 again with a 1 s budget", () => {
    const instances = benchInstances();
    expect(instances.map((i) => [i.name, i.scenario.enclaves.length, i.runs])).toEqual([
      ["westhoek", 13, 7],
      ["westhoek-replan-07:25", 13, 7],
      ["generated-40", 40, 7],
      ["generated-80", 80, 7],
      ["generated-80-budget-1s", 80, 7],
      ["generated-160", 160, 3],
    ]);
    expect(instances.map((i) => i.timeoutMs)).toEqual([undefined, undefined, undefined, undefined, 1000, undefined]);
    expect(instances.every((i) => i.date === BENCH_DATE)).toBe(true);
  });

  it("makes the late sick call hit a fixed coach who is at their own enclave in the plan", () => {
    const scenario = westhoekScenario();
    const plan = {
      enclaves: [
        { enclaveId: "E02", blocks: { am: { coachIds: ["V02"], workerIds: [] }, pm: { coachIds: [], workerIds: [] } } },
        { enclaveId: "E03", blocks: { am: { coachIds: ["C03", "C02"], workerIds: [] }, pm: { coachIds: [], workerIds: [] } } },
      ],
    } as unknown as Plan;
    const { scenario: after, personId } = withLateSickCall(scenario, plan, BENCH_DATE);
    expect(personId).toBe("C03"); // C01 is already sick; C02 stands in at E03, not at home
    expect(after.absences).toHaveLength(scenario.absences.length + 1);
    expect(after.absences.at(-1)).toEqual({
      personId: "C03",
      from: BENCH_DATE,
      to: BENCH_DATE,
      blocks: ["am", "pm"],
      kind: "sick",
      reportedAt: "2026-11-23T07:25:00+01:00",
    });
    expect(scenario.absences.some((a) => a.personId === "C03")).toBe(false); // the original is untouched
  });
});
