/**
 * Explanations: for every enclave that is not fully covered, what is short, why, who could
 * have filled it and why they did not, and what the planner can do about it.
 *
 * DOMAIN: "Where that is impossible, say exactly which enclave is short, of what, why, and what
 * the options are (a butterfly who is not trained there, an interim coach if the rules allow, a
 * smaller team, temporary unemployment for N workers)."
 */
import type { Absence, Block, Coach, Problem, Ratios, Worker } from "../scenario/schema.ts";
import type { DayAssignment } from "../../solver/decode.ts";
import type { DayContext, EnclaveDayStatus } from "./build-day-instance.ts";
import { coachesNeeded, countGuidance, describeGuidance } from "../validation/ratio.ts";

export const BLOCK_WORD: Record<Block, string> = { am: "morning", pm: "afternoon" };

export function personLabel(context: DayContext, id: string): string {
  const person = context.workersById.get(id) ?? context.coachesById.get(id);
  return person ? `${id} (${person.name})` : id;
}

function absenceWords(absence: Absence): string {
  switch (absence.kind) {
    case "sick":
      return "is sick";
    case "leave":
      return "is on leave";
    case "adv":
      return "has an ADV day";
    case "training":
      return "is in training";
    default:
      return "is absent";
  }
}

/** The absence that takes a person out of a block on the plan's date, if any. */
export function absenceOn(context: DayContext, id: string, block: Block): Absence | undefined {
  return (context.absencesByPerson.get(id) ?? []).find((a) => a.from <= context.date && a.to >= context.date && a.blocks.includes(block));
}

/** Why a person is not available in a block: their absence, or their work pattern. */
export function unavailableReason(context: DayContext, id: string, block: Block): string {
  const absence = absenceOn(context, id, block);
  if (absence) {
    const reported = absence.reportedAt ? ` (reported ${absence.reportedAt.slice(11, 16)})` : "";
    return `${personLabel(context, id)} ${absenceWords(absence)}${reported}`;
  }
  return `${personLabel(context, id)} does not work on ${context.date} in the ${BLOCK_WORD[block]} (work pattern)`;
}

function placedAt(assignment: DayAssignment, id: string, block: Block): string | undefined {
  return assignment.placement.get(id)?.[block];
}

function trainedFor(person: Worker | Coach, enclaveId: string): boolean {
  return person.homeEnclaveId === enclaveId || person.qualifiedEnclaveIds.includes(enclaveId);
}

/** Why a coach (other than the enclave's own) did not cover this enclave in this block. */
function coachNotUsedReason(context: DayContext, assignment: DayAssignment, coach: Coach, enclaveId: string, block: Block): string {
  const label = personLabel(context, coach.id);
  if (!(context.available.get(coach.id) ?? []).includes(block)) return unavailableReason(context, coach.id, block);
  if (coach.role === "interim" && !context.scenario.rules.interimCoachesAllowed) {
    return `${label} is an interim coach and the rules do not allow interim coaches`;
  }
  if (!trainedFor(coach, enclaveId)) return `${label} is available but not trained for ${enclaveId}`;
  const elsewhere = placedAt(assignment, coach.id, block);
  if (elsewhere && elsewhere !== enclaveId) return `${label} is needed at ${elsewhere}`;
  if (coach.transport === "van") return `${label} has no van seat to ${enclaveId}`;
  return `${label} could not be placed at ${enclaveId}`;
}

export interface EnclaveExplanation {
  covered: boolean;
  problems: Problem[];
}

export function explainEnclave(
  context: DayContext,
  status: EnclaveDayStatus,
  assignment: DayAssignment,
  teams: Record<Block, { coachIds: string[]; workerIds: string[] }>,
): EnclaveExplanation {
  const { scenario } = context;
  const enclave = status.enclave;
  const problems: Problem[] = [];
  if (!status.runs) return { covered: false, problems };
  if (!status.notified) {
    problems.push({
      code: "NOT_NOTIFIED",
      message: `${enclave.id} must not be staffed: ${status.notifiedReason}`,
      options: [
        `notify the contract to WSE now; ${enclave.id} can be staffed from the next working day`,
        `send the ${enclave.staffing.target} workers of ${enclave.id} to in-house work today`,
      ],
    });
    return { covered: false, problems };
  }
  const minCoaches = scenario.rules.minCoachesPerEnclave;
  let covered = true;
  for (const block of status.blocks) {
    const team = teams[block];
    const workers = team.workerIds.map((id) => context.workersById.get(id)!);
    const needed = Math.max(minCoaches, coachesNeeded(countGuidance(workers), scenario.rules.ratios));
    const where = `${enclave.id} ${block}`;
    if (team.coachIds.length < minCoaches) {
      covered = false;
      problems.push(noCoachProblem(context, assignment, enclave.id, block, team.coachIds.length));
    } else if (workers.length < enclave.staffing.min) {
      const ratioCap = ratioCapped(context, enclave.id, block, team.coachIds.length, assignment);
      if (ratioCap) {
        problems.push({
          code: "RATIO_EXCEEDED",
          block,
          message: `${where}: ${team.coachIds.length} coach(es) present may supervise only ${workers.length} of the workers available (ratio 1 per ${scenario.rules.ratios.low}/${scenario.rules.ratios.medium}/${scenario.rules.ratios.high} by guidance need); ${ratioCap}`,
          options: [
            `one more coach at ${enclave.id} in the ${BLOCK_WORD[block]} lets the team reach its minimum`,
            ...(scenario.rules.interimCoachesAllowed ? [`an interim coach for ${enclave.id}`] : []),
          ],
        });
      }
    }
    // Only a manual change can place more workers than the coaches may supervise (the solver
    // never does); the plan must still say so rather than break the ratio rule silently.
    if (team.coachIds.length >= minCoaches && team.coachIds.length < needed && workers.length >= enclave.staffing.min) {
      problems.push({
        code: "RATIO_EXCEEDED",
        block,
        message: `${where}: ${workers.length} workers (${describeGuidance(countGuidance(workers))}) need ${needed} coaches by the ratio norms, ${team.coachIds.length} present`,
        options: [
          `one more coach at ${enclave.id} in the ${BLOCK_WORD[block]}`,
          `${workers.length - maxSupervised(workers, team.coachIds.length, scenario.rules.ratios)} worker(s) fewer at ${enclave.id}`,
        ],
      });
    }
    // Also without a coach: the team is short, and the planner needs to know of whom.
    if (workers.length < enclave.staffing.min) {
      covered = false;
      problems.push(underMinProblem(context, assignment, enclave.id, block, workers.length));
    }
    if (team.coachIds.length < needed) covered = false;
  }
  for (const block of status.blocks) {
    const interims = teams[block].coachIds.filter((id) => context.coachesById.get(id)?.role === "interim");
    if (interims.length > 0) {
      problems.push({
        code: "INTERIM_PROPOSED",
        block,
        message: `${enclave.id} ${block}: interim coach ${interims.map((id) => personLabel(context, id)).join(", ")} proposed (no own coach or butterfly can cover)`,
        options: ["confirm the interim coach with the agency before 08:00"],
      });
    }
  }
  const transport = transportProblem(context, assignment, enclave.id, teams);
  if (transport) problems.push(transport);
  return { covered, problems };
}

function noCoachProblem(context: DayContext, assignment: DayAssignment, enclaveId: string, block: Block, present: number): Problem {
  const { scenario } = context;
  const enclave = context.enclaveStatus.get(enclaveId)!.enclave;
  const minCoaches = scenario.rules.minCoachesPerEnclave;
  const own = scenario.coaches.filter((coach) => coach.homeEnclaveId === enclaveId || enclave.fixedCoachIds.includes(coach.id));
  const ownReasons = own.map((coach) =>
    (context.available.get(coach.id) ?? []).includes(block)
      ? `${personLabel(context, coach.id)} is needed at ${placedAt(assignment, coach.id, block) ?? "another enclave"}`
      : unavailableReason(context, coach.id, block),
  );
  const others = scenario.coaches.filter((coach) => !own.includes(coach) && coach.role !== "fixed");
  const otherReasons = others.map((coach) => coachNotUsedReason(context, assignment, coach, enclaveId, block));
  const untrained = others.filter(
    (coach) => (context.available.get(coach.id) ?? []).includes(block) && !trainedFor(coach, enclaveId) && coach.role === "butterfly",
  );
  const homeWorkers = scenario.workers.filter(
    (worker) => worker.homeEnclaveId === enclaveId && (context.available.get(worker.id) ?? []).includes(block),
  );
  const options: string[] = [];
  for (const coach of untrained) options.push(`${personLabel(context, coach.id)} is available but not trained for ${enclaveId}`);
  options.push(
    scenario.rules.interimCoachesAllowed
      ? `an interim coach for ${enclaveId}`
      : `an interim coach (not allowed by the current rules: interimCoachesAllowed is false)`,
  );
  if (homeWorkers.length > 0) {
    options.push(`${homeWorkers.length} workers of ${enclaveId} to in-house work or temporary unemployment`);
  }
  const reasons = [...ownReasons, ...otherReasons].join("; ");
  return {
    code: "NO_QUALIFIED_COACH",
    block,
    message: `${enclaveId} has no coach in the ${BLOCK_WORD[block]} on ${context.date} (${present} of ${minCoaches} needed): ${reasons || "no coach is trained for it"}`,
    options,
  };
}

/** Whether the ratio, not a lack of workers, kept the team small; returns a sentence or null. */
function ratioCapped(context: DayContext, enclaveId: string, block: Block, coaches: number, assignment: DayAssignment): string | null {
  const idleEligible = context.scenario.workers.filter(
    (worker) =>
      trainedFor(worker, enclaveId) &&
      !worker.excludedEnclaveIds.includes(enclaveId) &&
      (context.available.get(worker.id) ?? []).includes(block) &&
      placedAt(assignment, worker.id, block) === undefined,
  );
  if (idleEligible.length === 0) return null;
  return `${idleEligible.length} more trained worker(s) are available (${idleEligible
    .slice(0, 5)
    .map((w) => w.id)
    .join(", ")}) but ${coaches} coach(es) cannot supervise them`;
}

function underMinProblem(context: DayContext, assignment: DayAssignment, enclaveId: string, block: Block, present: number): Problem {
  const { scenario } = context;
  const enclave = context.enclaveStatus.get(enclaveId)!.enclave;
  const { min, target } = enclave.staffing;
  const missingHome = scenario.workers.filter(
    (worker) => worker.homeEnclaveId === enclaveId && !(context.available.get(worker.id) ?? []).includes(block),
  );
  const missing = missingHome.slice(0, 6).map((worker) => unavailableReason(context, worker.id, block));
  const standIns = scenario.workers.filter(
    (worker) =>
      worker.homeEnclaveId !== enclaveId &&
      (context.available.get(worker.id) ?? []).includes(block) &&
      placedAt(assignment, worker.id, block) !== enclaveId,
  );
  const couldNot: string[] = [];
  for (const worker of standIns) {
    const label = personLabel(context, worker.id);
    if (worker.excludedEnclaveIds.includes(enclaveId)) continue;
    if (!trainedFor(worker, enclaveId)) {
      if (worker.homeEnclaveId === null) couldNot.push(`${label} is available but not trained for ${enclaveId}`);
      continue;
    }
    const elsewhere = placedAt(assignment, worker.id, block);
    if (elsewhere) couldNot.push(`${label} is needed at ${elsewhere}`);
    else if (worker.transport === "van") couldNot.push(`${label} has no van seat to ${enclaveId}`);
  }
  const short = min - present;
  const options = [
    `run with a smaller team: ${present} of minimum ${min}, after agreement with the client`,
    ...couldNot.filter((text) => text.includes("not trained")).slice(0, 3),
    `${present} workers to in-house work or temporary unemployment if the enclave cannot start`,
  ];
  const parts = [`${enclaveId} ${block}: ${present} workers, minimum ${min} (target ${target}), ${short} short`];
  if (missing.length > 0) parts.push(`missing: ${missing.join("; ")}`);
  if (couldNot.length > 0) parts.push(`not available as stand-in: ${couldNot.slice(0, 6).join("; ")}`);
  else parts.push("no trained stand-in is available");
  return { code: "UNDER_MIN_HEADCOUNT", block, message: parts.join(". "), options };
}

/** A van worker who belongs here (or is trained here) and is idle while seats to here ran out. */
function transportProblem(
  context: DayContext,
  assignment: DayAssignment,
  enclaveId: string,
  teams: Record<Block, { coachIds: string[]; workerIds: string[] }>,
): Problem | null {
  const enclave = context.enclaveStatus.get(enclaveId)!.enclave;
  const belowTarget = (["am", "pm"] as const).some(
    (block) => context.enclaveStatus.get(enclaveId)!.blocks.includes(block) && teams[block].workerIds.length < enclave.staffing.target,
  );
  if (!belowTarget) return null;
  const stranded = context.scenario.workers.filter(
    (worker) =>
      worker.transport === "van" &&
      worker.homeEnclaveId === enclaveId &&
      (context.available.get(worker.id) ?? []).length > 0 &&
      !assignment.placement.has(worker.id),
  );
  if (stranded.length === 0) return null;
  const routes = context.scenario.routes.filter((route) => route.enclaveIds.includes(enclaveId));
  const seatText =
    routes.length === 0
      ? `no route stops at ${enclaveId}`
      : routes.map((route) => `${route.id} (${route.seats.day} day, ${route.seats.morning} morning, ${route.seats.afternoon} afternoon seats)`).join(", ");
  return {
    code: "NO_TRANSPORT",
    message: `${stranded.map((w) => personLabel(context, w.id)).join(", ")} could work at ${enclaveId} but no van seat is left: ${seatText}`,
    options: ["an extra seat or run on the route", "a worker with own transport as stand-in"],
  };
}

/** How many of `workers` (taken in the order given) `coaches` may supervise by the ratio norms. */
function maxSupervised(workers: readonly Worker[], coaches: number, ratios: Ratios): number {
  for (let n = workers.length; n > 0; n--) {
    if (coachesNeeded(countGuidance(workers.slice(0, n)), ratios) <= coaches) return n;
  }
  return 0;
}
