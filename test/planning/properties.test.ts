/**
 * Seeded properties of planDay over many random days:
 *
 * - tiny days (`generateTinyScenario(seed)`, seeds 1–300): planDay returns a plan, the
 *   independent validator accepts it, it is proven optimal, and the number of covered running
 *   enclaves equals the exhaustive oracle's `maxCoveredEnclaves(context.day)`;
 * - medium days (`generateScenario`, 30 seeds, 4–7 enclaves): the same, against the HiGHS oracle.
 *
 * Every failure names its seed and how to rebuild the day. Where planDay refuses a plan (its
 * validator gate throws), the coverage comparison still runs on the solver's own answer for
 * the same day, so that a modelling error is not hidden behind an explanation error.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { solveDay } from "../../solver/index.ts";
import type { DayInstance } from "../../solver/types.ts";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { planDay, PlanInvalidError } from "../../src/planning/plan-day.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { assertValidScenario } from "../../src/scenario/validate-scenario.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { generateScenario, generateTinyScenario, TINY_SCENARIO_DATE } from "../generators/scenario-generator.ts";
import { maxCoveredEnclaves } from "../oracles/brute-force-coverage.ts";
import { maxCoveredEnclavesHighs } from "../oracles/highs-coverage.ts";
import { coveredEnclaves } from "../solver/day-builders.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { evaluate } from "../../solver/linear-model.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";

const TINY_SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const MEDIUM_SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
const MEDIUM_DATE = "2026-11-23";
const TIMEOUT_MS = 20_000;

interface Outcome {
  seed: number;
  /** How to rebuild the scenario, for failure messages. */
  rebuild: string;
  scenario: Scenario;
  day: DayInstance;
  plan: Plan | null;
  /** Why planDay threw, when it did. */
  error: string | null;
  optimal: boolean;
  /** Covered running enclaves: from the plan, or (when planDay threw) from the solver's teams. */
  covered: number;
  coveredFrom: "plan" | "solver";
}

function plan(seed: number, rebuild: string, scenario: Scenario, date: string): Outcome {
  try {
    const result = planDay(scenario, date, { timeoutMs: TIMEOUT_MS });
    return {
      seed,
      rebuild,
      scenario,
      day: result.context.day,
      plan: result.plan,
      error: null,
      optimal: result.plan.stats.optimal,
      covered: result.plan.enclaves.filter((e) => e.running && e.covered).length,
      coveredFrom: "plan",
    };
  } catch (error) {
    if (!(error instanceof PlanInvalidError)) throw new Error(`${rebuild}: planDay threw ${String(error)}`, { cause: error });
    const day = buildDayContext(scenario, date).day;
    const solution = solveDay(day, { timeoutMs: TIMEOUT_MS });
    return {
      seed,
      rebuild,
      scenario,
      day,
      plan: null,
      error: error.violations.map((v) => `${v.rule} ${v.message}`).join("; "),
      optimal: solution.optimal,
      covered: coveredEnclaves(day, solution).length,
      coveredFrom: "solver",
    };
  }
}

function tinyOutcomes(): Outcome[] {
  return TINY_SEEDS.map((seed) =>
    plan(seed, `generateTinyScenario(${seed}) on ${TINY_SCENARIO_DATE}`, assertValidScenario(generateTinyScenario(seed)), TINY_SCENARIO_DATE),
  );
}

const mediumOptions = (seed: number) => ({ seed, enclaves: 4 + (seed % 4), workersPerEnclave: 6, date: MEDIUM_DATE });
function mediumOutcomes(): Outcome[] {
  return MEDIUM_SEEDS.map((seed) =>
    plan(seed, `generateScenario(${JSON.stringify(mediumOptions(seed))})`, assertValidScenario(generateScenario(mediumOptions(seed))), MEDIUM_DATE),
  );
}

/** "3 of 300 seeds fail: …" with the first few in full, or "" when none fails. */
function report(failures: string[], total: number): string {
  if (failures.length === 0) return "";
  const shown = failures.slice(0, 8).map((f) => `  ${f.length > 400 ? `${f.slice(0, 400)}…` : f}`);
  const more = failures.length > shown.length ? `\n  … and ${failures.length - shown.length} more` : "";
  return `${failures.length} of ${total} seeds fail:\n${shown.join("\n")}${more}`;
}

function expectNone(failures: string[], total: number): void {
  expect(failures, report(failures, total)).toEqual([]);
}

describe(`tiny days (seeds ${TINY_SEEDS[0]}–${TINY_SEEDS.at(-1)})`, () => {
  let outcomes: Outcome[] = [];
  // A few seconds today; the budget allows a few days that hit the solver's timeout.
  beforeAll(() => {
    outcomes = tinyOutcomes();
  }, 300_000);

  it("when a tiny day is planned, then planDay returns a plan (its validator gate passes)", () => {
    expectNone(
      outcomes.filter((o) => o.error !== null).map((o) => `seed ${o.seed} (${o.rebuild}): PlanInvalidError ${o.error}`),
      outcomes.length,
    );
  });

  it("when planDay returns a plan, then validatePlan accepts it", () => {
    const failures: string[] = [];
    for (const o of outcomes) {
      if (!o.plan) continue;
      const violations = validatePlan(o.scenario, o.plan);
      if (violations.length > 0) failures.push(`seed ${o.seed} (${o.rebuild}): ${violations.map((v) => v.message).join("; ")}`);
    }
    expectNone(failures, outcomes.length);
  });

  it("when a tiny day is solved, then the answer is proven optimal", () => {
    expectNone(
      outcomes.filter((o) => !o.optimal).map((o) => `seed ${o.seed} (${o.rebuild}): not proven optimal (${o.coveredFrom})`),
      outcomes.length,
    );
  });

  it("when a tiny day is solved, then it covers as many running enclaves as the exhaustive oracle", () => {
    const failures: string[] = [];
    for (const o of outcomes) {
      const oracle = maxCoveredEnclaves(o.day);
      if (o.covered !== oracle) failures.push(`seed ${o.seed} (${o.rebuild}): ${o.covered} covered (${o.coveredFrom}), oracle ${oracle}`);
    }
    expectNone(failures, outcomes.length);
  });

  it("when the same tiny day is solved twice, then the teams are the same (seeds 1–50 that solve to optimality)", () => {
    const failures: string[] = [];
    for (const o of outcomes.slice(0, 50).filter((x) => x.optimal)) {
      const teams = () => JSON.stringify([...solveDay(o.day, { timeoutMs: TIMEOUT_MS }).assignment.teams]);
      if (teams() !== teams()) failures.push(`seed ${o.seed} (${o.rebuild}): two solves differ`);
    }
    expectNone(failures, 50);
  });
});

describe(`medium days (generateScenario, ${MEDIUM_SEEDS.length} seeds, 4–7 enclaves)`, () => {
  let outcomes: Outcome[] = [];
  // Seeds 3 and 27 (7 enclaves) take the full solver timeout today; the rest well under a second.
  beforeAll(() => {
    outcomes = mediumOutcomes();
  }, 600_000);

  it("when a medium day is planned, then planDay returns a plan that validatePlan accepts", () => {
    const failures: string[] = [];
    for (const o of outcomes) {
      if (!o.plan) failures.push(`seed ${o.seed} (${o.rebuild}): PlanInvalidError ${o.error}`);
      else {
        const violations = validatePlan(o.scenario, o.plan);
        if (violations.length > 0) failures.push(`seed ${o.seed} (${o.rebuild}): ${violations.map((v) => v.message).join("; ")}`);
      }
    }
    expectNone(failures, outcomes.length);
  });

  it("when a medium day is solved, then it covers as many enclaves as the independent HiGHS oracle", async () => {
    const failures: string[] = [];
    for (const o of outcomes) {
      const oracle = await maxCoveredEnclavesHighs(o.day);
      if (o.covered !== oracle) failures.push(`seed ${o.seed} (${o.rebuild}): ${o.covered} covered (${o.coveredFrom}), HiGHS ${oracle}`);
    }
    expectNone(failures, outcomes.length);
  }, 120_000);

  it("when a medium day is planned, then every priority level reaches HiGHS's optimum of the same model", async () => {
    const failures: string[] = [];
    for (const o of outcomes) {
      if (!o.plan) continue;
      const { model } = buildDailyModel(o.day);
      const highs = await solveLpWithHighs(writeCplexLp(model), { timeLimitSeconds: 60 });
      const point = new Map([...model.variables.keys()].map((name) => [name, highs.columns[lpName(name)] ?? 0]));
      const expected = model.objectives.map((objective) => Math.round(evaluate(objective.terms, point) + (objective.offset ?? 0)));
      if (JSON.stringify(o.plan.stats.objective) !== JSON.stringify(expected)) {
        failures.push(`seed ${o.seed} (${o.rebuild}): levels ${JSON.stringify(o.plan.stats.objective)}, HiGHS ${JSON.stringify(expected)}`);
      }
      // The model's cuts are valid inequalities: HiGHS's optimum, found without them, keeps them.
      for (const cut of model.cuts ?? []) {
        if (evaluate(cut.terms, point) < cut.rhs - 1e-6) failures.push(`seed ${o.seed} (${o.rebuild}): HiGHS's optimum breaks cut ${cut.name}`);
      }
    }
    expectNone(failures, outcomes.length);
  }, 120_000);

  // Seeds 3 and 27 were not proven at level 5 while the level above was held by a row (the
  // simplex stalled on it); folding the level above into the objective (foldLevels) proves them.
  it("when a medium day is solved, then it is proven optimal on every level", () => {
    const failures = outcomes.filter((o) => !o.optimal).map((o) => `seed ${o.seed} (${o.rebuild}): not proven optimal (${o.coveredFrom})`);
    expectNone(failures, outcomes.length);
  });
});
