/**
 * Mid-sized parts (solver/index.ts WHOLE_FIRST_MAX_VARIABLES): solved whole first, for a short
 * time, and site by site only when that does not prove every level, from the point it reached.
 * Whichever way, the answer is proven and equal to HiGHS's optimum of the same model.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { splitComponents } from "../../solver/components.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { solveParts } from "../../solver/index.ts";
import { evaluate, violatedRows } from "../../solver/linear-model.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { generateScenario } from "../generators/scenario-generator.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";

const DATE = "2026-11-23";

describe("a mid-sized part, whole first", () => {
  // Generated 28-enclave company 3: one component of about 700 variables in two sites.
  const scenario = scenarioSchema.parse(generateScenario({ seed: 3, enclaves: 28, date: DATE }));
  const daily = buildDailyModel(buildDayContext(scenario, DATE).day);
  const parts = splitComponents(daily.model);
  const largest = Math.max(...parts.map((part) => part.variables.size));
  const start = bestGreedyStart(daily);
  const levels = (values: Map<string, number>) => daily.model.objectives.map((objective) => Math.round(evaluate(objective.terms, values)));

  it("has one part of 600 to 800 variables (the sizes tried whole first), the others far smaller", () => {
    expect(largest).toBeGreaterThan(600);
    expect(largest).toBeLessThanOrEqual(800);
    expect(parts.filter((part) => part.variables.size > 600)).toHaveLength(1);
  });

  it.each([
    ["given the time, it is proven whole", 10_000, 0],
    ["never tried whole, it is solved site by site", 0, 1],
    ["when the whole solve cannot prove it in its time (1 ms), it is solved site by site after it", 1, 1],
  ])("when %s, and equals HiGHS's optimum", async (_, wholeFirstMs, decompositions) => {
    const result = solveParts(parts, daily.model.objectives.length, performance.now() + 20_000, start, { wholeFirstMs });
    expect(result.status).toBe("optimal");
    expect(result.decompositions).toHaveLength(decompositions);
    const point = result.values;
    expect(violatedRows(daily.model, point)).toEqual([]);
    const highs = await solveLpWithHighs(writeCplexLp(daily.model), { timeLimitSeconds: 60 });
    const optimum = new Map([...daily.model.variables.keys()].map((name) => [name, highs.columns[lpName(name)] ?? 0]));
    expect(levels(point)).toEqual(levels(optimum));
  }, 60_000);
});
