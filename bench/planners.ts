/**
 * The planners the benchmark can time, behind one small interface.
 *
 * `vlinder` is the product's planDay (src/planning/plan-day.ts): its plan, its weighted
 * objective and the LP text of that same model, which HiGHS must solve to the same optimum.
 * `oracle` is a stand-in that exercises the harness end to end without the product solver:
 * the day is built by the product's day builder and the plain coverage MIP of
 * test/oracles/highs-coverage.ts is solved with HiGHS (so both columns time HiGHS).
 */
import type { Plan, Scenario } from "../src/scenario/schema.ts";
import type { DayInstance } from "../solver/types.ts";
import { evaluate } from "../solver/linear-model.ts";
import { lpName } from "../solver/lp-format.ts";
import { buildDayContext } from "../src/planning/build-day-instance.ts";
import { planDay } from "../src/planning/plan-day.ts";
import { buildCoverageLp } from "../test/oracles/highs-coverage.ts";
import { solveLpWithHighs } from "../test/reference/highs-runner.ts";

export interface PlannerRun {
  /** The plan, when the planner makes one (the oracle stand-in does not). */
  plan: Plan | null;
  objective: number;
  optimal: boolean;
  /** Per objective level, whether it was proven optimal (plan.stats.proven), when reported. */
  proven: boolean[] | null;
  /** The planner's own solve time, when it reports one (plan.stats.solveMs). */
  solveMs: number | null;
  /** The model as CPLEX LP text, whose optimum must equal `objective`. */
  lp: () => string;
  /** Enclaves and people the solver saw (staffable enclaves, available people). */
  size: { enclaves: number; people: number };
  /** The day the solver saw, for the independent coverage oracle. */
  day: DayInstance;
  /** Enclaves the plan covers (null when the planner makes no plan). */
  covered: number | null;
  /** The value of each objective level (plan.stats.objective), when reported. */
  levels: number[] | null;
  /**
   * The same levels, on the same basis (constants included), at another solver's point of the
   * same model given by its LP column names; null when the planner cannot say.
   */
  levelsAt: (columns: Readonly<Record<string, number>>) => number[] | null;
}

export interface BenchPlanner {
  name: string;
  /** Whether a run can be given the previous plan (re-plan). */
  replans: boolean;
  plan(scenario: Scenario, date: string, options: { previous?: Plan; timeoutMs?: number }): Promise<PlannerRun>;
}

export const vlinderPlanner: BenchPlanner = {
  name: "vlinder planDay",
  replans: true,
  async plan(scenario, date, options) {
    const result = await Promise.resolve(planDay(scenario, date, options));
    const day = result.context.day;
    return {
      plan: result.plan,
      objective: result.objective,
      optimal: result.plan.stats.optimal,
      proven: result.plan.stats.proven ?? null,
      solveMs: result.plan.stats.solveMs,
      lp: result.lp,
      size: { enclaves: day.enclaves.length, people: availablePeople(day) },
      day,
      covered: result.plan.enclaves.filter((entry) => entry.running && entry.covered).length,
      levels: result.plan.stats.objective ?? null,
      levelsAt: (columns) => {
        const point = new Map([...result.solution.model.variables.keys()].map((name) => [name, columns[lpName(name)] ?? 0]));
        return result.solution.model.objectives.map((objective) => Math.round((evaluate(objective.terms, point) + (objective.offset ?? 0)) * 1e6) / 1e6);
      },
    };
  },
};

export const oraclePlanner: BenchPlanner = {
  name: "coverage oracle (HiGHS stand-in)",
  replans: false,
  async plan(scenario, date, options) {
    const day = buildDayContext(scenario, date).day;
    const { lp } = buildCoverageLp(day);
    const result = await solveLpWithHighs(lp, options.timeoutMs !== undefined ? { timeLimitSeconds: options.timeoutMs / 1000 } : {});
    return {
      plan: null,
      objective: result.objective ?? Number.NaN,
      optimal: result.status === "Optimal",
      proven: null,
      solveMs: result.ms,
      lp: () => lp,
      size: { enclaves: day.enclaves.length, people: availablePeople(day) },
      day,
      covered: result.objective === null ? null : Math.round(result.objective),
      levels: null,
      levelsAt: () => null,
    };
  },
};

function availablePeople(day: { workers: { blocks: unknown[] }[]; coaches: { blocks: unknown[] }[] }): number {
  return [...day.workers, ...day.coaches].filter((person) => person.blocks.length > 0).length;
}
