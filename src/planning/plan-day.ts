/**
 * The 07:30 question as a use case: a scenario and a date in, a checked plan out.
 *
 * planDay reads like the planner's morning: find what runs and who is there, let the solver
 * cover as many enclaves as can be covered with as few moves as possible, explain every gap,
 * list every change, and pass the result through the independent validator before anyone
 * sees it. A re-plan (`previous`) keeps as much of the plan already sent out as it can.
 * The plan's reasons, problems and options are written in `language` (phrases.ts).
 */
import type { Block, Plan, PlanEnclave, Scenario } from "../scenario/schema.ts";
import { solveDay, startSolverThread, type DaySolution } from "../../solver/index.ts";
import type { DayAssignment } from "../../solver/decode.ts";
import { validatePlan } from "../validation/validate-plan.ts";
import type { Violation } from "../validation/violation.ts";
import { buildDayContext, previousPlacements, type DayContext, type Pin } from "./build-day-instance.ts";
import { absenceOn, explainEnclave, notNotifiedReason, personLabel, unavailableReason } from "./explain.ts";
import { coachesNeeded, countGuidance } from "../validation/ratio.ts";
import type { Language } from "./phrases.ts";

/** The planner waits at most this long by default; the plan then says which levels are proven. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface PlanDayOptions {
  /** The plan already sent out: re-plan with the fewest changes to it. */
  previous?: Plan;
  /** People the planner pinned: kept at their enclave (the plan carries the pins on). */
  pins?: Pin[];
  timeoutMs?: number;
  /** The language of the planner-facing texts: "en" (default, the CLI's) or "nl" (the board's). */
  language?: Language;
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
  startSolverThread();
  const pins = (options.pins ?? []).filter((pin) => scenario.enclaves.some((e) => e.id === pin.enclaveId));
  const context = buildDayContext(scenario, date, options.previous ?? null, pins, options.language ?? "en");
  const solution = solveDay(context.day, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const plan = assemblePlan(context, solution.assignment, {
    solveMs: Math.round(solution.solveMs * 10) / 10,
    optimal: solution.optimal,
    objective: solution.levels.map((level) => level.value),
    levels: solution.levels.map((level) => level.name),
    proven: solution.levels.map((level) => level.optimal),
  });
  if (pins.length > 0) plan.pins = pins.map((pin) => ({ ...pin }));
  assertPlanIsValid(scenario, plan);
  return { plan, objective: solution.weightedObjective, lp: solution.lp, solution, context };
}

/** Every plan goes through the independent validator before anyone sees it. */
export function assertPlanIsValid(scenario: Scenario, plan: Plan): void {
  const violations = validatePlan(scenario, plan);
  if (violations.length > 0) throw new PlanInvalidError(violations);
}

/**
 * The plan document for people placed as `assignment` says: each enclave's teams with their
 * coverage and problems explained, idle people, seats and every change with its reason. Used
 * for the solver's answer and for a planner's manual move alike.
 */
export function assemblePlan(context: DayContext, assignment: DayAssignment, stats: Plan["stats"]): Plan {
  const { scenario, date } = context;
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
    changes: listChanges(context, assignment),
    stats,
  };
}

/**
 * Every person who is not where they belong (the previous plan when re-planning, else their
 * home enclave), with the reason in words a planner uses (in the context's language).
 */
function listChanges(context: DayContext, assignment: DayAssignment): Plan["changes"] {
  const { scenario } = context;
  const { placement } = assignment;
  const before = previousPlacements(context.previous);
  const changes: Plan["changes"] = [];
  const people = [...scenario.coaches, ...scenario.workers];
  for (const person of people) {
    const now = placement.get(person.id) ?? {};
    for (const block of ["am", "pm"] as const) {
      const from = context.previous ? (before.get(person.id)?.[block] ?? null) : homeIfRunning(context, person.homeEnclaveId, block);
      const to = now[block] ?? null;
      if (from === to) continue;
      // A part-timer who does not work this block by contract has not changed anything.
      if (to === null && !absenceOn(context, person.id, block) && !(context.available.get(person.id) ?? []).includes(block)) continue;
      // A whole-day change is listed once, without a block.
      changes.push({ personId: person.id, from, to, reason: changeReason(context, assignment, person.id, from, to, block), block });
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

function changeReason(
  context: DayContext,
  assignment: DayAssignment,
  personId: string,
  from: string | null,
  to: string | null,
  block: Block,
): string {
  const { phrases } = context;
  const available = (context.available.get(personId) ?? []).includes(block);
  if (!available) return unavailableReason(context, personId, block);
  const who = personLabel(context, personId);
  if (from !== null && to === null) {
    const status = context.enclaveStatus.get(from);
    if (status && !status.notified) return notNotifiedReason(context, status);
    return phrases.goesInHouse({ who, why: whyNotPlaced(context, assignment, personId, from) });
  }
  if (to !== null) {
    const why =
      gapAt(context, to) ||
      (context.coachesById.has(personId) ? ratioNeed(context, assignment, to, block) : teamNeed(context, assignment, personId, to, block));
    return phrases.standsIn({ who, at: to, from, why });
  }
  return "";
}

/** Why an enclave needed a stand-in: its own people who are missing today. */
function gapAt(context: DayContext, enclaveId: string): string {
  const missing = [...context.scenario.coaches, ...context.scenario.workers]
    .filter((person) => person.homeEnclaveId === enclaveId && (context.available.get(person.id) ?? []).length < 2)
    .filter((person) => (context.absencesByPerson.get(person.id) ?? []).some((a) => a.from <= context.date && a.to >= context.date));
  if (missing.length === 0) return "";
  const names = missing.slice(0, 3).map((person) => unavailableReason(context, person.id, "am", false));
  return context.phrases.andMore({ names, more: Math.max(0, missing.length - 3) });
}

/**
 * Why someone who belongs at an enclave is not placed there: its maximum headcount, the
 * ratio norms with the coaches it has, or the van seats; said with the numbers of the plan.
 */
function whyNotPlaced(context: DayContext, assignment: DayAssignment, personId: string, enclaveId: string): string {
  const { phrases } = context;
  const status = context.enclaveStatus.get(enclaveId)!;
  const teams = assignment.teams.get(enclaveId);
  const worker = context.workersById.get(personId);
  const blocks = (context.available.get(personId) ?? []).filter((block) => status.blocks.includes(block));
  for (const block of blocks) {
    const team = teams?.[block];
    if (!team) continue;
    if (worker && team.workerIds.length >= status.enclave.staffing.max) {
      return phrases.atMaximum({ enclave: enclaveId, max: status.enclave.staffing.max, block });
    }
    if (worker) {
      const withWorker = [...team.workerIds.map((id) => context.workersById.get(id)!), worker];
      const needed = coachesNeeded(countGuidance(withWorker), context.scenario.rules.ratios);
      if (needed > team.coachIds.length) {
        return phrases.ratioFull({ coaches: team.coachIds.length, enclave: enclaveId, block });
      }
    }
  }
  if (worker?.transport === "van" && blocks.length > 0) {
    const run = blocks.length === 2 ? "day" : blocks[0] === "am" ? "morning" : "afternoon";
    const routes = context.scenario.routes.filter((route) => route.enclaveIds.includes(enclaveId) && route.seats[run] > 0);
    if (routes.length === 0) return phrases.noVanRun({ run, enclave: enclaveId });
    return phrases.vanSeatsTaken({ run, enclave: enclaveId, routes: routes.map((r) => r.id) });
  }
  if (!worker) return phrases.hasCoaches({ enclave: enclaveId });
  return phrases.hasWorkers({ enclave: enclaveId });
}

/** Why a coach stands in where the enclave's own coaches are present: the ratio norms. */
function ratioNeed(context: DayContext, assignment: DayAssignment, enclaveId: string, block: Block): string {
  const team = assignment.teams.get(enclaveId)?.[block];
  if (!team) return "";
  const counts = countGuidance(team.workerIds.map((id) => context.workersById.get(id)!));
  const needed = coachesNeeded(counts, context.scenario.rules.ratios);
  if (needed < 2) return "";
  return context.phrases.workersNeedCoaches({ workers: team.workerIds.length, guidance: counts, needed });
}

/** Why a worker stands in where nobody is absent: the team would fall short of its minimum or target. */
function teamNeed(context: DayContext, assignment: DayAssignment, personId: string, enclaveId: string, block: Block): string {
  const status = context.enclaveStatus.get(enclaveId)!;
  const placed = assignment.placement.get(personId) ?? {};
  for (const b of status.blocks) {
    if (placed[b] !== enclaveId) continue;
    const size = assignment.teams.get(enclaveId)?.[b].workerIds.length ?? 0;
    const { min, target } = status.enclave.staffing;
    if (size <= target) {
      return context.phrases.wouldFallShort({ enclave: enclaveId, size, block: b, min, target });
    }
  }
  return context.phrases.needsWorkersIn({ enclave: enclaveId, block });
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
