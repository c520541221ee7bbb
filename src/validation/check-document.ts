/**
 * Checks of the plan as a document: it is for the right date, it names every enclave of the
 * scenario exactly once, and every id it uses exists and is of the kind its place asks for.
 * Everything else in the validator assumes these hold and skips what does not.
 */
import { BLOCKS } from "../scenario/schema.ts";
import type { PlanContext } from "./plan-context.ts";
import { inBlock } from "./plan-context.ts";
import type { Violation } from "./violation.ts";

/**
 * The plan answers for one date: "A plan is the answer for one date" (SCENARIO-FORMAT.md).
 * `plan.date` must be the date the plan is checked for.
 */
export function checkPlanDate(ctx: PlanContext): Violation[] {
  if (ctx.plan.date === ctx.date) return [];
  return [{ rule: "WRONG_DATE", message: `The plan is dated ${ctx.plan.date} but is checked for ${ctx.date}` }];
}

/**
 * Every enclave of the scenario appears exactly once in `plan.enclaves` ("running: false:
 * not scheduled that day", so an enclave that does not run is listed too), and only those.
 */
export function checkEnclaveList(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const seen = new Map<string, number>();
  for (const entry of ctx.plan.enclaves) {
    seen.set(entry.enclaveId, (seen.get(entry.enclaveId) ?? 0) + 1);
  }
  for (const [enclaveId, count] of seen) {
    if (!ctx.enclaves.has(enclaveId)) {
      violations.push({
        rule: "UNKNOWN_ID",
        enclaveId,
        message: `The plan lists enclave ${enclaveId}, which is not in the scenario`,
      });
    } else if (count > 1) {
      violations.push({
        rule: "DUPLICATE_ENCLAVE",
        enclaveId,
        message: `${enclaveId} is listed ${count} times in the plan (once expected)`,
      });
    }
  }
  for (const enclave of ctx.scenario.enclaves) {
    if (!seen.has(enclave.id)) {
      violations.push({
        rule: "MISSING_ENCLAVE",
        enclaveId: enclave.id,
        message: `${enclave.id} (${enclave.name}) is missing from the plan`,
      });
    }
  }
  return violations;
}

/**
 * "ids are non-empty strings, unique per kind" and "References to unknown ids … are all
 * errors" (SCENARIO-FORMAT.md): every person, route and enclave id in the plan exists, and a
 * person is in a list of their own kind (a worker id in `coachIds` is an error).
 */
export function checkIds(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const { plan, workers, coaches, enclaves, routes } = ctx;

  const person = (
    id: string,
    expected: "worker" | "coach",
    where: string,
    extra: Pick<Violation, "enclaveId" | "block"> = {},
  ): void => {
    const isWorker = workers.has(id);
    const isCoach = coaches.has(id);
    if (!isWorker && !isCoach) {
      violations.push({ rule: "UNKNOWN_ID", personId: id, ...extra, message: `${id} ${where} is not in the scenario` });
    } else if (expected === "coach" && !isCoach) {
      violations.push({
        rule: "WRONG_KIND",
        personId: id,
        ...extra,
        message: `${id} is a worker but is listed as a coach ${where}`,
      });
    } else if (expected === "worker" && !isWorker) {
      violations.push({
        rule: "WRONG_KIND",
        personId: id,
        ...extra,
        message: `${id} is a coach but is listed as a worker ${where}`,
      });
    }
  };

  for (const entry of plan.enclaves) {
    for (const block of BLOCKS) {
      const team = entry.blocks[block];
      const where = `at ${entry.enclaveId} ${inBlock(block)}`;
      const extra = { enclaveId: entry.enclaveId, block };
      for (const id of team.coachIds) person(id, "coach", where, extra);
      for (const id of team.workerIds) person(id, "worker", where, extra);
    }
  }

  for (const row of plan.transport) {
    if (!routes.has(row.routeId)) {
      violations.push({
        rule: "UNKNOWN_ID",
        message: `Transport names route ${row.routeId}, which is not in the scenario`,
      });
    }
    for (const id of row.personIds) {
      if (!workers.has(id) && !coaches.has(id)) {
        violations.push({
          rule: "UNKNOWN_ID",
          personId: id,
          message: `${id} on the ${row.run} run of ${row.routeId} is not in the scenario`,
        });
      }
    }
  }

  for (const id of plan.idle.workerIds) person(id, "worker", "in idle");
  for (const id of plan.idle.coachIds) person(id, "coach", "in idle");

  for (const change of plan.changes) {
    if (!workers.has(change.personId) && !coaches.has(change.personId)) {
      violations.push({
        rule: "UNKNOWN_ID",
        personId: change.personId,
        message: `${change.personId} in the list of changes is not in the scenario`,
      });
    }
    for (const enclaveId of [change.from, change.to]) {
      if (enclaveId !== null && !enclaves.has(enclaveId)) {
        violations.push({
          rule: "UNKNOWN_ID",
          enclaveId,
          personId: change.personId,
          message: `The change for ${change.personId} names enclave ${enclaveId}, which is not in the scenario`,
        });
      }
    }
  }
  return violations;
}
