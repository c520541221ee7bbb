/**
 * Late sick calls on the Westhoek Monday (2026-11-23), one fixed coach at a time: the re-plan
 * against the plan already sent out must be proven optimal on every priority level and reach
 * HiGHS's optimum of the same model, level by level. Before the level above the last was folded
 * into it (foldLevels), the re-plan after C09's call kept six needless stand-ins (level 5 at 7
 * instead of 1) because the last level's relaxation stalled.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { repairPoint } from "../../solver/decompose.ts";
import { solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { evaluate } from "../../solver/linear-model.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";
import { expectProvenAndEqualToHighs } from "./expect-highs-optimum.ts";

const DATE = "2026-11-23";
let scenario: Scenario;
let sentOut: Plan;

beforeAll(() => {
  scenario = westhoekScenario();
  sentOut = planDay(scenario, DATE, { timeoutMs: 60_000 }).plan;
}, 120_000);

function withSickCall(coachId: string): Scenario {
  return {
    ...scenario,
    absences: [...scenario.absences, { personId: coachId, from: DATE, to: DATE, blocks: ["am", "pm"], kind: "sick", reportedAt: "2026-11-23T07:25:00+01:00" }],
  };
}

describe("Westhoek re-plans after a late sick call of one fixed coach", () => {
  it.each(["C02", "C05", "C09", "C15"])(
    "when %s calls in sick at 07:25, then the re-plan is proven optimal on every level and equals HiGHS's optimum",
    async (coachId) => {
      const sick = withSickCall(coachId);
      const result = planDay(sick, DATE, { previous: sentOut, timeoutMs: 30_000 });
      expect(validatePlan(sick, result.plan)).toEqual([]);
      await expectProvenAndEqualToHighs(result);
    },
    120_000,
  );
});

describe("the bounds that prove a re-plan without branching", () => {
  it("when C02 calls in sick, then the stand-in level is proven by a relaxation, with no branch node (the Lagrangian bound)", () => {
    // Folded with the moves level, the stand-in level's relaxation lies 55 units below the
    // optimum and took 5 branch nodes; the Lagrangian bound (holds in the objective at unit
    // weight) meets the incumbent at once.
    const daily = buildDailyModel(buildDayContext(withSickCall("C02"), DATE, sentOut).day);
    const result = solveLexicographic(daily.model, { timeoutMs: 30_000, incumbent: bestGreedyStart(daily) });
    expect(result.levels.map((level) => level.optimal)).toEqual([true, true, true, true, true]);
    expect(result.levels[4]!.nodes).toBe(0);
  }, 60_000);
});

describe("a poor start still ends at the optimum", () => {
  it("when the re-plan after C02 starts from nobody placed, then every level equals HiGHS's optimum", async () => {
    const daily = buildDailyModel(buildDayContext(withSickCall("C02"), DATE, sentOut).day);
    const nobody = repairPoint(daily.model, new Map());
    const result = solveLexicographic(daily.model, { timeoutMs: 30_000, incumbent: nobody });
    const highs = await solveLpWithHighs(writeCplexLp(daily.model), { timeLimitSeconds: 60 });
    const point = new Map([...daily.model.variables.keys()].map((name) => [name, highs.columns[lpName(name)] ?? 0]));
    const expected = daily.model.objectives.map((objective) => Math.round(evaluate(objective.terms, point)));
    expect(result.levels.map((level) => Math.round(level.value))).toEqual(expected);
  }, 120_000);
});
