/**
 * A planner's manual change to a plan: put one person at another enclave (or take them off).
 *
 * The planner knows things the model does not ("Bart gets on better with the team of E05"), so
 * the board lets them move people by hand. The rules still hold: the moved plan is rebuilt the
 * way the solver's plans are (teams, seats, coverage, problems, changes with reasons) and goes
 * through the same independent validator. A move that breaks a rule is refused with the rules
 * it breaks; a move that merely leaves an enclave short is allowed, and the plan says so, in
 * the language asked for (the refusals themselves are API errors and stay English).
 */
import type { Block, Plan, Scenario } from "../scenario/schema.ts";
import { BLOCKS } from "../scenario/schema.ts";
import { assignSeats, type DayAssignment } from "../../solver/decode.ts";
import type { Run } from "../../solver/types.ts";
import { validatePlan } from "../validation/validate-plan.ts";
import type { Violation } from "../validation/violation.ts";
import { buildDayContext, type DayContext } from "./build-day-instance.ts";
import { assemblePlan } from "./plan-day.ts";
import { PlanningError } from "./planning-error.ts";
import type { Language } from "./phrases.ts";

export interface ManualMove {
  personId: string;
  /** The enclave to work at, or null to take the person off every enclave (in-house work). */
  toEnclaveId: string | null;
  /** The blocks to move; by default every block the person works and the enclave runs. */
  blocks?: Block[];
  /** Keep the person at `toEnclaveId` in later re-plans (a manual move always drops an older pin). */
  pin?: boolean;
}

export interface MoveOptions {
  /** The language of the moved plan's texts: "en" (default) or "nl". */
  language?: Language;
  /**
   * The day's context for this scenario, date, reference and language, when the caller already
   * built it (suggestions try one move per candidate on the same day).
   */
  context?: DayContext;
}

export interface MoveOutcome {
  plan: Plan;
  /** Hard-rule violations of the moved plan; empty when the move is allowed. */
  violations: Violation[];
}

/**
 * `current` with `move` applied. `reference` is the plan the changes are counted against (the
 * published plan when there is one); unknown people or enclaves are a PlanningError NOT_FOUND.
 */
export function applyManualMove(
  scenario: Scenario,
  current: Plan,
  move: ManualMove,
  reference: Plan | null = null,
  options: MoveOptions = {},
): MoveOutcome {
  assertKnownPerson(scenario, move.personId);
  if (move.toEnclaveId !== null) assertKnownEnclave(scenario, move.toEnclaveId);
  const context = options.context ?? buildDayContext(scenario, current.date, reference, [], options.language ?? "en");
  const teams = teamsOf(current);
  for (const team of teams.values()) {
    for (const block of BLOCKS) {
      team[block].coachIds = team[block].coachIds.filter((id) => id !== move.personId);
      team[block].workerIds = team[block].workerIds.filter((id) => id !== move.personId);
    }
  }
  if (move.toEnclaveId !== null) {
    const blocks = move.blocks ?? defaultBlocks(context, move.personId, move.toEnclaveId);
    if (blocks.length === 0) {
      throw new PlanningError(
        "RULE_BROKEN",
        `${move.personId} cannot be placed at ${move.toEnclaveId} on ${current.date}: they do not work any block it runs`,
        [{ rule: "NOT_AVAILABLE", personId: move.personId, enclaveId: move.toEnclaveId, message: `${move.personId} is not available in any block ${move.toEnclaveId} runs` }],
      );
    }
    const kind = context.coachesById.has(move.personId) ? "coachIds" : "workerIds";
    const team = teams.get(move.toEnclaveId)!;
    for (const block of blocks) team[block][kind] = [...team[block][kind], move.personId].sort();
  }
  const plan = rebuildPlan(context, teams);
  const pins = (current.pins ?? []).filter((pin) => pin.personId !== move.personId);
  if (move.pin && move.toEnclaveId !== null) pins.push({ personId: move.personId, enclaveId: move.toEnclaveId });
  if (pins.length > 0) plan.pins = pins;
  for (const change of plan.changes) {
    if (change.personId !== move.personId) continue;
    // Taken off by hand, the model's "why not placed" would describe a choice nobody made
    // ("E02 has the coaches it needs" while it has none): the planner's decision is the reason.
    const available = (context.available.get(move.personId) ?? []).includes(change.block ?? "am");
    const keep = change.to !== null || !available;
    change.reason = context.phrases.movedByPlanner({ reason: keep ? change.reason : "" });
  }
  return { plan, violations: validatePlan(scenario, plan) };
}

/** The plan for people placed as `teams` say, with seats handed out again and everything explained (in the context's language). */
export function rebuildPlan(context: DayContext, teams: Map<string, Record<Block, { coachIds: string[]; workerIds: string[] }>>): Plan {
  const placement: DayAssignment["placement"] = new Map();
  for (const [enclaveId, team] of teams) {
    for (const block of BLOCKS) {
      for (const id of [...team[block].coachIds, ...team[block].workerIds]) {
        placement.set(id, { ...placement.get(id), [block]: enclaveId });
      }
    }
  }
  const requests: { personId: string; enclaveId: string; run: Run }[] = [];
  for (const [personId, slot] of placement) {
    const person = context.workersById.get(personId) ?? context.coachesById.get(personId);
    if (person?.transport !== "van") continue;
    // A van person rides out to where they start; a worker never changes enclave at noon.
    const enclaveId = (slot.am ?? slot.pm)!;
    const run: Run = slot.am && slot.pm ? "day" : slot.am ? "morning" : "afternoon";
    requests.push({ personId, enclaveId, run });
  }
  const { transport, unseated } = assignSeats(context.day, requests);
  const assignment: DayAssignment = { teams, placement, transport, unseated };
  return assemblePlan(context, assignment, { solveMs: 0, optimal: false });
}

function teamsOf(plan: Plan): Map<string, Record<Block, { coachIds: string[]; workerIds: string[] }>> {
  return new Map(
    plan.enclaves.map((entry) => [
      entry.enclaveId,
      {
        am: { coachIds: [...entry.blocks.am.coachIds], workerIds: [...entry.blocks.am.workerIds] },
        pm: { coachIds: [...entry.blocks.pm.coachIds], workerIds: [...entry.blocks.pm.workerIds] },
      },
    ]),
  );
}

function defaultBlocks(context: DayContext, personId: string, enclaveId: string): Block[] {
  const status = context.enclaveStatus.get(enclaveId)!;
  const available = context.available.get(personId) ?? [];
  return status.blocks.filter((block) => available.includes(block));
}

function assertKnownPerson(scenario: Scenario, personId: string): void {
  if (!scenario.workers.some((w) => w.id === personId) && !scenario.coaches.some((c) => c.id === personId)) {
    throw new PlanningError("NOT_FOUND", `there is no worker or coach ${personId}`);
  }
}

function assertKnownEnclave(scenario: Scenario, enclaveId: string): void {
  if (!scenario.enclaves.some((e) => e.id === enclaveId)) throw new PlanningError("NOT_FOUND", `there is no enclave ${enclaveId}`);
}
