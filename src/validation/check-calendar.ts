/**
 * Checks against the enclave calendars (DOMAIN.md rules 5 and 10): whether an enclave runs on
 * the plan's date, which blocks it works, and whether its contract was notified in time. The
 * calendar module decides the facts; these checks compare the plan with them.
 */
import { BLOCKS } from "../scenario/schema.ts";
import type { PlanContext } from "./plan-context.ts";
import { inBlock, listIds } from "./plan-context.ts";
import type { Violation } from "./violation.ts";

function placedIds(team: { coachIds: readonly string[]; workerIds: readonly string[] }): string[] {
  return [...new Set([...team.coachIds, ...team.workerIds])];
}

/**
 * "running: false: not scheduled that day (then no one is placed)" (SCENARIO-FORMAT.md):
 * the flag must say what the enclave's calendar says (rule 5: schedule, contract dates,
 * public holidays).
 */
export function checkRunningFlag(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const entry of ctx.plan.enclaves) {
    const day = ctx.enclaveDays.get(entry.enclaveId);
    if (!day || entry.running === day.runs) continue;
    violations.push({
      rule: "RUNNING_FLAG_WRONG",
      enclaveId: entry.enclaveId,
      message: day.runs
        ? `${entry.enclaveId} is marked as not running, but it runs on ${ctx.date} (${day.runsReason})`
        : `${entry.enclaveId} is marked as running, but it does not run on ${ctx.date} (${day.runsReason})`,
    });
  }
  return violations;
}

/**
 * "running: false: not scheduled that day (then no one is placed)" (SCENARIO-FORMAT.md):
 * nobody works at an enclave that does not run on the date, whatever the plan's flag says.
 */
export function checkNotRunning(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const entry of ctx.plan.enclaves) {
    const day = ctx.enclaveDays.get(entry.enclaveId);
    if (!day || day.runs) continue;
    const ids = [...new Set(BLOCKS.flatMap((block) => placedIds(entry.blocks[block])))];
    if (ids.length === 0) continue;
    violations.push({
      rule: "NOT_RUNNING",
      enclaveId: entry.enclaveId,
      message: `${entry.enclaveId} does not run on ${ctx.date} (${day.runsReason}), but the plan places ${listIds(ids)} there`,
    });
  }
  return violations;
}

/**
 * "a day has two blocks, "am" (start of the working day to 12:00) and "pm" (12:00 to the
 * end)" (SCENARIO-FORMAT.md): an enclave whose hours end by noon (or start after it) works one
 * block only, and nobody is placed in the other.
 */
export function checkBlocksWorked(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const entry of ctx.plan.enclaves) {
    const day = ctx.enclaveDays.get(entry.enclaveId);
    const enclave = ctx.enclaves.get(entry.enclaveId);
    if (!day || !enclave || !day.runs) continue;
    for (const block of BLOCKS) {
      if (day.blocks.includes(block)) continue;
      const ids = placedIds(entry.blocks[block]);
      if (ids.length === 0) continue;
      violations.push({
        rule: "BLOCK_NOT_WORKED",
        enclaveId: entry.enclaveId,
        block,
        message:
          `${entry.enclaveId} works ${enclave.hours.start}–${enclave.hours.end} only, ` +
          `but the plan places ${listIds(ids)} there ${inBlock(block)}`,
      });
    }
  }
  return violations;
}

/**
 * DOMAIN.md rule 10: "an enclave whose contract was not notified at least 1 working day before
 * its start must not be staffed (flag it)".
 */
export function checkNotificationUnstaffed(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const entry of ctx.plan.enclaves) {
    const day = ctx.enclaveDays.get(entry.enclaveId);
    if (!day || !day.runs || day.notified) continue;
    const ids = [...new Set(BLOCKS.flatMap((block) => placedIds(entry.blocks[block])))];
    if (ids.length === 0) continue;
    violations.push({
      rule: "NOT_NOTIFIED_STAFFED",
      enclaveId: entry.enclaveId,
      message:
        `${entry.enclaveId} must not be staffed because its contract was not notified in time ` +
        `(${day.notifiedReason}), but the plan places ${listIds(ids)} there`,
    });
  }
  return violations;
}
