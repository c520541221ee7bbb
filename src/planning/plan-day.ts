/**
 * The 07:30 question as a use case: a scenario and a date in, a checked plan out.
 *
 * planDay reads like the planner's morning: find what runs and who is there, let the solver
 * cover as many enclaves as can be covered with as few moves as possible, explain every gap,
 * list every change, and pass the result through the independent validator before anyone
 * sees it. A re-plan (`previous`) keeps as much of the plan already sent out as it can.
 */
import type { Block, Plan, PlanEnclave, Scenario } from "../scenario/schema.ts";
import { solveDay, type DaySolution } from "../../solver/index.ts";
import { validatePlan } from "../validation/validate-plan.ts";
import type { Violation } from "../validation/violation.ts";
import { buildDayContext, previousPlacements, type DayContext } from "./build-day-instance.ts";
import { explainEnclave, personLabel, unavailableReason } from "./explain.ts";

/** The planner waits at most this long by default; the plan then says which levels are proven. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface PlanDayOptions {
  /** The plan already sent out: re-plan with the fewest changes to it. */
  previous?: Plan;
  timeoutMs?: number;
}

export interface PlanDayResult {
  plan: Plan;
  /** The optimum of the single weighted objective in `lp()` (what HiGHS must reproduce). */
  objective: number;
  /** The model in CPLEX LP format. */
  lp: () => string;
  solution: DaySolution;
  context: DayContext;
}

export class PlanInvalidError extends Error {
  readonly code = "PLAN_INVALID";
  constructor(readonly violations: Violation[]) {
    super(`the planner produced a plan that breaks ${violations.length} rule(s): ${violations.map((v) => v.message).join("; ")}`);
  }
}

export function planDay(scenario: Scenario, date: string, options: PlanDayOptions = {}): PlanDayResult {
  const context = buildDayContext(scenario, date, options.previous ?? null);
  const solution = solveDay(context.day, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const plan = assemblePlan(context, solution);
  assertPlanIsValid(scenario, plan);
  return { plan, objective: solution.weightedObjective, lp: solution.lp, solution, context };
}

/** Every plan goes through the independent validator before anyone sees it. */
export function assertPlanIsValid(scenario: Scenario, plan: Plan): void {
  const violations = validatePlan(scenario, plan);
  if (violations.length > 0) throw new PlanInvalidError(violations);
}

function assemblePlan(context: DayContext, solution: DaySolution): Plan {
  const { scenario, date } = context;
  const { assignment } = solution;
  const enclaves: PlanEnclave[] = scenario.enclaves.map((enclave) => {
    const status = context.enclaveStatus.get(enclave.id)!;
    const teams = assignment.teams.get(enclave.id) ?? { am: { coachIds: [], workerIds: [] }, pm: { coachIds: [], workerIds: [] } };
    const { covered, problems } = explainEnclave(context, status, assignment, teams);
    return {
      enclaveId: enclave.id,
      running: status.runs,
      blocks: { am: { ...teams.am }, pm: { ...teams.pm } },
      covered,
      problems,
    };
  });
  const running = enclaves.filter((entry) => entry.running);
  const idleWorkers = scenario.workers
    .filter((worker) => (context.available.get(worker.id) ?? []).length > 0 && !assignment.placement.has(worker.id))
    .map((worker) => worker.id);
  const idleCoaches = scenario.coaches
    .filter(
      (coach) =>
        (context.available.get(coach.id) ?? []).length > 0 &&
        !assignment.placement.has(coach.id) &&
        !(coach.role === "interim" && !scenario.rules.interimCoachesAllowed),
    )
    .map((coach) => coach.id);
  return {
    version: 1,
    date,
    status: running.every((entry) => entry.covered) ? "covered" : "partial",
    enclaves,
    transport: assignment.transport,
    idle: { workerIds: idleWorkers, coachIds: idleCoaches },
    changes: listChanges(context, solution),
    stats: {
      solveMs: Math.round(solution.solveMs * 10) / 10,
      optimal: solution.optimal,
      objective: solution.levels.map((level) => level.value),
      levels: solution.levels.map((level) => level.name),
      proven: solution.levels.map((level) => level.optimal),
    },
  };
}

/**
 * Every person who is not where they belong (the previous plan when re-planning, else their
 * home enclave), with the reason in words a planner uses.
 */
function listChanges(context: DayContext, solution: DaySolution): Plan["changes"] {
  const { scenario } = context;
  const { placement } = solution.assignment;
  const before = previousPlacements(context.previous);
  const changes: Plan["changes"] = [];
  const people = [...scenario.coaches, ...scenario.workers];
  for (const person of people) {
    const now = placement.get(person.id) ?? {};
    for (const block of ["am", "pm"] as const) {
      const from = context.previous ? (before.get(person.id)?.[block] ?? null) : homeIfRunning(context, person.homeEnclaveId, block);
      const to = now[block] ?? null;
      if (from === to) continue;
      // A whole-day change is listed once, without a block.
      changes.push({ personId: person.id, from, to, reason: changeReason(context, person.id, from, to, block), block });
    }
  }
  return mergeWholeDay(changes);
}

function homeIfRunning(context: DayContext, home: string | null, block: Block): string | null {
  if (home === null) return null;
  const status = context.enclaveStatus.get(home);
  if (!status || !status.runs || !status.blocks.includes(block)) return null;
  return home;
}

function changeReason(context: DayContext, personId: string, from: string | null, to: string | null, block: Block): string {
  const available = (context.available.get(personId) ?? []).includes(block);
  if (!available) return unavailableReason(context, personId, block);
  if (from !== null && to === null) {
    const status = context.enclaveStatus.get(from);
    if (status && !status.notified) return `${from} must not be staffed: ${status.notifiedReason}`;
    return `${personLabel(context, personId)} is not needed or cannot be supervised at ${from}: in-house work`;
  }
  if (to !== null) {
    const why = gapAt(context, to);
    const origin = from === null ? "" : ` from ${from}`;
    return `${personLabel(context, personId)} stands in at ${to}${origin}${why ? `: ${why}` : ""}`;
  }
  return "";
}

/** Why an enclave needed a stand-in: its own people who are missing today. */
function gapAt(context: DayContext, enclaveId: string): string {
  const missing = [...context.scenario.coaches, ...context.scenario.workers]
    .filter((person) => person.homeEnclaveId === enclaveId && (context.available.get(person.id) ?? []).length < 2)
    .filter((person) => (context.absencesByPerson.get(person.id) ?? []).some((a) => a.from <= context.date && a.to >= context.date));
  if (missing.length === 0) return "";
  const names = missing.slice(0, 3).map((person) => unavailableReason(context, person.id, "am").replace(/ \(reported.*\)$/, ""));
  return names.join(", ") + (missing.length > 3 ? ` and ${missing.length - 3} more` : "");
}

function mergeWholeDay(changes: Plan["changes"]): Plan["changes"] {
  const merged: Plan["changes"] = [];
  for (const change of changes) {
    const twin = merged.find(
      (other) => other.personId === change.personId && other.from === change.from && other.to === change.to && other.block === "am",
    );
    if (twin && change.block === "pm") {
      delete twin.block;
      continue;
    }
    merged.push({ ...change });
  }
  return merged;
}
