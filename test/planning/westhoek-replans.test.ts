/**
 * Late sick calls on the Westhoek Monday (2026-11-23), one fixed coach at a time: the re-plan
 * against the plan already sent out must be proven optimal on every priority level and reach
 * HiGHS's optimum of the same model, level by level. Before the level above the last was folded
 * into it (foldLevels), the re-plan after C09's call kept six needless stand-ins (level 5 at 7
 * instead of 1) because the last level's relaxation stalled.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { planDay } from "../../src/planning/plan-day.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { readScenarioFile } from "../../src/scenario/validate-scenario.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { evaluate } from "../../solver/linear-model.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";

const DATE = "2026-11-23";
let scenario: Scenario;
let sentOut: Plan;

beforeAll(() => {
  const read = readScenarioFile(fileURLToPath(new URL("../fixtures/westhoek.json", import.meta.url)));
  if (!read.ok) throw new Error("westhoek.json does not read");
  scenario = read.scenario;
  sentOut = planDay(scenario, DATE, { timeoutMs: 60_000 }).plan;
}, 120_000);

describe("Westhoek re-plans after a late sick call of one fixed coach", () => {
  it.each(["C02", "C05", "C09", "C15"])(
    "when %s calls in sick at 07:25, then the re-plan is proven optimal on every level and equals HiGHS's optimum",
    async (coachId) => {
      const sick: Scenario = {
        ...scenario,
        absences: [...scenario.absences, { personId: coachId, from: DATE, to: DATE, blocks: ["am", "pm"], kind: "sick", reportedAt: "2026-11-23T07:25:00+01:00" }],
      };
      const result = planDay(sick, DATE, { previous: sentOut, timeoutMs: 30_000 });
      expect(validatePlan(sick, result.plan)).toEqual([]);
      expect(result.plan.stats.proven).toEqual([true, true, true, true, true]);
      const { model } = result.solution;
      const highs = await solveLpWithHighs(writeCplexLp(model), { timeLimitSeconds: 60 });
      const point = new Map([...model.variables.keys()].map((name) => [name, highs.columns[lpName(name)] ?? 0]));
      const expected = model.objectives.map((objective) => Math.round(evaluate(objective.terms, point) + (objective.offset ?? 0)));
      expect(result.plan.stats.objective).toEqual(expected);
    },
    120_000,
  );
});
