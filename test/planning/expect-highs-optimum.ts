/**
 * The planner's answer against HiGHS on the planner's own model (the LP text `vlinder plan
 * --lp` writes): proven on every level, and each level equal to the level of HiGHS's optimum.
 */
import { expect } from "vitest";
import type { planDay } from "../../src/planning/plan-day.ts";
import { evaluate } from "../../solver/linear-model.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";

export async function expectProvenAndEqualToHighs(result: ReturnType<typeof planDay>): Promise<void> {
  expect(result.plan.stats.proven).toEqual([true, true, true, true, true]);
  const { model } = result.solution;
  const highs = await solveLpWithHighs(writeCplexLp(model), { timeLimitSeconds: 60 });
  const point = new Map([...model.variables.keys()].map((name) => [name, highs.columns[lpName(name)] ?? 0]));
  const expected = model.objectives.map((objective) => Math.round(evaluate(objective.terms, point) + (objective.offset ?? 0)));
  expect(result.plan.stats.objective).toEqual(expected);
}
