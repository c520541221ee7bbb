/**
 * The benchmark harness without the benchmark: medians, the markdown table, the instances
 * and the late sick call of the re-plan day.
 */
import { describe, expect, it } from "vitest";
import { BENCH_DATE, benchInstances, westhoekScenario, withLateSickCall } from "../../bench/instances.ts";
import { markdownTable, median, sameObjective } from "../../bench/report.ts";
import type { Row } from "../../bench/report.ts";
import type { Plan } from "../../src/scenario/schema.ts";

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

  it("prints one row per instance with the ratio ours/HiGHS", () => {
    const row: Row = {
      instance: "westhoek",
      enclaves: "11/13",
      people: "152/176",
      ourMedianMs: 300,
      ourSolveMs: 250,
      optimal: "yes",
      ourObjective: 1234,
      highsFirstMs: 900,
      highsMedianMs: 100,
      highsObjective: 1234,
      highsStatus: "Optimal",
      peakRssMb: 210.4,
      note: "a | b",
    };
    const table = markdownTable([row]).split("\n");
    expect(table).toHaveLength(3);
    expect(table[2]).toBe("| westhoek | 11/13 | 152/176 | 300 | 250 | yes | 1234 | 900 | 100 | 1234 | 3.00× | 210 | a \\| b |");
  });
});

describe("bench instances", () => {
  it("are Westhoek, its re-plan and generated companies of 40, 80 and 160 enclaves", () => {
    const instances = benchInstances();
    expect(instances.map((i) => [i.name, i.scenario.enclaves.length, i.runs])).toEqual([
      ["westhoek", 13, 7],
      ["westhoek-replan-07:25", 13, 7],
      ["generated-40", 40, 7],
      ["generated-80", 80, 7],
      ["generated-160", 160, 3],
    ]);
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
