/**
 * The neighbourhood search that large models get before their whole relaxation (a 40-enclave
 * company: 956 variables, far too many for javascript-lp-solver's dense simplex in seconds).
 * It must only ever return points that satisfy every row of the whole model, and here it must
 * cover more enclaves than the warm start it starts from.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { improveByNeighbourhoods } from "../../solver/lexicographic-solve.ts";
import { evaluate, violatedRows } from "../../solver/linear-model.ts";
import { generateScenario } from "../generators/scenario-generator.ts";

describe("improveByNeighbourhoods", () => {
  it("when a 40-enclave day starts from the warm start, then it covers more enclaves and every row still holds", () => {
    const scenario = scenarioSchema.parse(generateScenario({ seed: 40, enclaves: 40, date: "2026-11-23" }));
    const daily = buildDailyModel(buildDayContext(scenario, "2026-11-23").day);
    const start = bestGreedyStart(daily);
    const coverage = daily.model.objectives[0]!;
    const { point, solves } = improveByNeighbourhoods(daily.model, coverage, [], new Map(), start, performance.now() + 20_000);
    expect(solves).toBeGreaterThan(0);
    expect(point).not.toBeNull();
    expect(violatedRows(daily.model, point!)).toEqual([]);
    expect(evaluate(coverage.terms, point!)).toBeGreaterThan(evaluate(coverage.terms, start));
  }, 60_000);
});
