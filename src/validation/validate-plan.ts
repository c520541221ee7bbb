/**
 * The one plan validator: checks any plan — made by the solver, edited by hand, imported —
 * against every hard rule of DOMAIN.md and SCENARIO-FORMAT.md, and returns what is wrong in
 * words a planner understands. It is deliberately separate from the solver (nothing here
 * imports `solver/` or `src/planning/`), so a bug in how plans are made cannot hide in how
 * they are judged.
 *
 * Each rule is one named check (see the check-*.ts modules, each quoting its rule). Every
 * wrong thing is reported once, under its own rule: an unknown id is UNKNOWN_ID and is then
 * ignored, people at an enclave that does not run are NOT_RUNNING and are not also judged as
 * a team, and so on.
 */
import type { Plan, Scenario } from "../scenario/schema.ts";
import { checkBlocksWorked, checkNotificationUnstaffed, checkNotRunning, checkRunningFlag } from "./check-calendar.ts";
import { checkEnclaveList, checkIds, checkPlanDate } from "./check-document.ts";
import {
  checkAvailability,
  checkCoachNoonSwitch,
  checkExclusion,
  checkInterimAllowed,
  checkOnePlacePerBlock,
  checkQualification,
  checkWorkerNoonSwitch,
} from "./check-people.ts";
import { checkCoveredFlag, checkIdle, checkProblemsListed, checkStatus } from "./check-plan-claims.ts";
import { checkMaxHeadcount, checkMinCoaches, checkRatio } from "./check-teams.ts";
import {
  checkOneSeatPerPerson,
  checkSeatCapacity,
  checkSeatsOnlyForPlaced,
  checkVanSeats,
} from "./check-transport.ts";
import { buildPlanContext } from "./plan-context.ts";
import type { PlanContext } from "./plan-context.ts";
import type { Violation } from "./violation.ts";

export type { RuleCode, Violation } from "./violation.ts";
export { RULE_CODES, formatViolations } from "./violation.ts";

export type PlanCheck = (ctx: PlanContext) => Violation[];

/** Every check, in the order their violations are reported. */
export const PLAN_CHECKS: readonly PlanCheck[] = [
  checkPlanDate,
  checkEnclaveList,
  checkIds,
  checkRunningFlag,
  checkNotRunning,
  checkBlocksWorked,
  checkNotificationUnstaffed,
  checkQualification,
  checkExclusion,
  checkAvailability,
  checkOnePlacePerBlock,
  checkWorkerNoonSwitch,
  checkCoachNoonSwitch,
  checkInterimAllowed,
  checkMinCoaches,
  checkRatio,
  checkMaxHeadcount,
  checkVanSeats,
  checkOneSeatPerPerson,
  checkSeatCapacity,
  checkSeatsOnlyForPlaced,
  checkCoveredFlag,
  checkProblemsListed,
  checkStatus,
  checkIdle,
];

export interface ValidatePlanOptions {
  /** The date the plan must be for; defaults to `plan.date`. */
  date?: string;
}

/**
 * All violations of the hard rules in `plan` for `scenario` (both already parsed by the zod
 * schemas, so defaults are filled in). Empty when the plan is valid.
 */
export function validatePlan(scenario: Scenario, plan: Plan, options: ValidatePlanOptions = {}): Violation[] {
  const ctx = buildPlanContext(scenario, plan, options.date ?? plan.date);
  return PLAN_CHECKS.flatMap((check) => check(ctx));
}
