/**
 * The warm start's two anchors (solver/greedy-start.ts): where they put everyone in the same
 * place (a first plan), the two warm starts are one and bestGreedyStart builds it once.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { anchorsCoincide, bestGreedyStart, greedyStart } from "../../solver/greedy-start.ts";
import { violatedRows } from "../../solver/linear-model.ts";
import { generateScenario } from "../generators/scenario-generator.ts";

const DATE = "2026-11-23";

function firstPlanDay(seed: number) {
  return buildDailyModel(buildDayContext(scenarioSchema.parse(generateScenario({ seed, enclaves: 14, date: DATE })), DATE).day);
}

describe("anchorsCoincide", () => {
  it("when it is a first plan, then both anchors coincide and give the same feasible warm start", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const daily = firstPlanDay(seed);
      expect(anchorsCoincide(daily.index.day)).toBe(true);
      const fromHome = greedyStart(daily, "home");
      expect(greedyStart(daily, "reference")).toEqual(fromHome);
      expect(bestGreedyStart(daily)).toEqual(fromHome);
      expect(violatedRows(daily.model, fromHome)).toEqual([]);
    }
  });

  it("when a worker's or a coach's reference is not their home (a re-plan), then the anchors differ", () => {
    const { day } = firstPlanDay(3).index;
    const elsewhere = day.enclaves.find((enclave) => enclave.id !== day.workers[0]!.home)!.id;
    expect(anchorsCoincide({ ...day, workers: day.workers.map((w, i) => (i === 0 ? { ...w, reference: elsewhere } : w)) })).toBe(false);
    expect(anchorsCoincide({ ...day, workers: day.workers.map((w, i) => (i === 0 ? { ...w, reference: null } : w)) })).toBe(false);
    expect(anchorsCoincide({ ...day, coaches: day.coaches.map((c, i) => (i === 0 ? { ...c, reference: { am: c.home, pm: null } } : c)) })).toBe(false);
  });
});
