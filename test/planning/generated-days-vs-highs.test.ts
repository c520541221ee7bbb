/**
 * Generated 10-enclave companies (the benchmark's generator: about 12 workers and 1.5 coaches
 * per enclave, ~10% absent), planned and re-planned after a late sick call: every level proven
 * optimal and equal to HiGHS's optimum of the same model. These seeds were the hard ones: the
 * planner used its whole budget and missed the optimum of a shortfall level (seeds 6 and 8:
 * the target shortfall's optimum was not found in 841 and 569 branch nodes; seed 18's re-plan
 * thrashed on worker decisions above a coach conflict; seed 1's re-plan took 2 s to prove its
 * coverage). Before, with 5 s each, none of the four was proven; now each takes about half a
 * second on a quiet machine, so the 5 s budget leaves a wide margin for a busy CI machine.
 *
 * Seeds 17 (plan) and 13 (re-plan) guard the searches that prove a level: on 17's stand-in
 * level the library's branch and cut cycles in its first simplex (searching with it alone
 * gave no answer in 10 s), and on 13's minimum shortfall it took 2,257 nodes without a proof
 * when its cutoff let half a step through.
 */
import { describe, expect, it } from "vitest";
import { withLateSickCall } from "../../bench/instances.ts";
import { planDay } from "../../src/planning/plan-day.ts";
import { scenarioSchema, type Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { generateScenario } from "../generators/scenario-generator.ts";
import { expectProvenAndEqualToHighs } from "./expect-highs-optimum.ts";

const DATE = "2026-11-23";
const BUDGET_MS = 5_000;

/** The Monday's plan: valid, proven on every level, equal to HiGHS. */
async function expectMondayPlanEqualsHighs(scenario: Scenario): Promise<void> {
  const result = planDay(scenario, DATE, { timeoutMs: BUDGET_MS });
  expect(validatePlan(scenario, result.plan)).toEqual([]);
  await expectProvenAndEqualToHighs(result);
}

/** The re-plan after a sick call at 07:25 (bench/instances.ts withLateSickCall): the same. */
async function expectLateReplanEqualsHighs(scenario: Scenario): Promise<void> {
  const first = planDay(scenario, DATE, { timeoutMs: BUDGET_MS }).plan;
  const { scenario: late } = withLateSickCall(scenario, first, DATE);
  const result = planDay(late, DATE, { previous: first, timeoutMs: BUDGET_MS });
  expect(validatePlan(late, result.plan)).toEqual([]);
  await expectProvenAndEqualToHighs(result);
}

describe("generated 10-enclave days, plan and re-plan, against HiGHS", () => {
  const company = (seed: number) => scenarioSchema.parse(generateScenario({ seed, enclaves: 10, date: DATE }));

  it.each([6, 8, 17])("when generated company %i plans its Monday, then every level is proven and equals HiGHS", async (seed) => {
    await expectMondayPlanEqualsHighs(company(seed));
  }, 120_000);

  it.each([1, 13, 18])("when generated company %i re-plans after a sick call at 07:25, then every level is proven and equals HiGHS", async (seed) => {
    await expectLateReplanEqualsHighs(company(seed));
  }, 120_000);
});

describe("generated days where a wrong fixing in the solver thread once passed for a proof, against HiGHS", () => {
  // Reduced-cost fixing at the root of the thread's search read the bound of the tableau its
  // root cuts had raised, after that tableau was put back: it fixed columns that optimal
  // points need, and the search then "proved" a worse point (14-enclave company 23's re-plan:
  // 5 moves where 3 do; 20-enclave companies 24 and 44 too).
  const company = (seed: number, enclaves: number) => scenarioSchema.parse(generateScenario({ seed, enclaves, date: DATE }));

  it("when generated 14-enclave company 23 re-plans after a sick call at 07:25, then every level is proven and equals HiGHS", async () => {
    await expectLateReplanEqualsHighs(company(23, 14));
  }, 120_000);

  it("when generated 20-enclave company 24 plans its Monday, then every level is proven and equals HiGHS", async () => {
    await expectMondayPlanEqualsHighs(company(24, 20));
  }, 120_000);
});

describe("generated days the branching rule proves, against HiGHS", () => {
  // Branching on the most fractional variable of a tier, 20-enclave company 44's re-plan ran
  // into the thread search's 20,000 nodes on a level and was not proven (4.5 s); by pseudocosts
  // (solver/branching.mjs) it is proven in about 0.8 s.
  const company = (seed: number, enclaves: number) => scenarioSchema.parse(generateScenario({ seed, enclaves, date: DATE }));

  it("when generated 20-enclave company 44 re-plans after a sick call at 07:25, then every level is proven and equals HiGHS", async () => {
    await expectLateReplanEqualsHighs(company(44, 20));
  }, 120_000);
});
