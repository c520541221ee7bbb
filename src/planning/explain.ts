/**
 * Explanations: for every enclave that is not fully covered, what is short, why, who could
 * have filled it and why they did not, and what the planner can do about it.
 *
 * DOMAIN: "Where that is impossible, say exactly which enclave is short, of what, why, and what
 * the options are (a butterfly who is not trained there, an interim coach if the rules allow, a
 * smaller team, temporary unemployment for N workers)."
 *
 * Every sentence comes from the context's phrase book (phrases.ts), so a plan explains itself
 * in the planner's language; this module decides what to say, the phrase book how.
 */
import type { Absence, Block, Coach, Problem, Ratios, Worker } from "../scenario/schema.ts";
import type { DayAssignment } from "../../solver/decode.ts";
import type { DayContext, EnclaveDayStatus } from "./build-day-instance.ts";
import { coachesNeeded, countGuidance } from "../validation/ratio.ts";
import { notificationDeadline } from "../calendar/enclave-calendar.ts";

export function personLabel(context: DayContext, id: string): string {
  const person = context.workersById.get(id) ?? context.coachesById.get(id);
  return person ? `${id} (${person.name})` : id;
}

/** The absence that takes a person out of a block on the plan's date, if any. */
export function absenceOn(context: DayContext, id: string, block: Block): Absence | undefined {
  return (context.absencesByPerson.get(id) ?? []).find((a) => a.from <= context.date && a.to >= context.date && a.blocks.includes(block));
}

/**
 * Why a person is not available in a block: their absence (with the time a sick call came in,
 * unless `withReportedAt` is false), or their work pattern.
 */
export function unavailableReason(context: DayContext, id: string, block: Block, withReportedAt = true): string {
  const absence = absenceOn(context, id, block);
  const who = personLabel(context, id);
  if (absence) {
    const reportedAt = withReportedAt && absence.reportedAt ? absence.reportedAt.slice(11, 16) : undefined;
    return context.phrases.absent({ who, kind: absence.kind, ...(reportedAt ? { reportedAt } : {}) });
  }
  return context.phrases.notWorking({ who, date: context.date, block });
}

/** Why nobody may be placed at an enclave whose contract was not notified to WSE in time. */
export function notNotifiedReason(context: DayContext, status: EnclaveDayStatus): string {
  const { enclave } = status;
  return context.phrases.mustNotBeStaffed({
    enclave: enclave.id,
    reason: context.phrases.notNotified({
      enclave: enclave.id,
      notifiedOn: enclave.contract.notifiedOn,
      deadline: notificationDeadline(enclave, context.scenario.rules),
      start: enclave.contract.start,
    }),
  });
}

function placedAt(assignment: DayAssignment, id: string, block: Block): string | undefined {
  return assignment.placement.get(id)?.[block];
}

function trainedFor(person: Worker | Coach, enclaveId: string): boolean {
  return person.homeEnclaveId === enclaveId || person.qualifiedEnclaveIds.includes(enclaveId);
}

/** Why a coach (other than the enclave's own) did not cover this enclave in this block. */
function coachNotUsedReason(context: DayContext, assignment: DayAssignment, coach: Coach, enclaveId: string, block: Block): string {
  const who = personLabel(context, coach.id);
  const { phrases } = context;
  if (!(context.available.get(coach.id) ?? []).includes(block)) return unavailableReason(context, coach.id, block);
  if (coach.role === "interim" && !context.scenario.rules.interimCoachesAllowed) return phrases.interimNotAllowed({ who });
  if (!trainedFor(coach, enclaveId)) return phrases.notTrained({ who, enclave: enclaveId });
  const elsewhere = placedAt(assignment, coach.id, block);
  if (elsewhere && elsewhere !== enclaveId) return phrases.neededAt({ who, at: elsewhere });
  if (coach.transport === "van") return phrases.noVanSeatTo({ who, enclave: enclaveId });
  return phrases.couldNotBePlaced({ who, enclave: enclaveId });
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
  const { scenario, phrases } = context;
  const enclave = status.enclave;
  const problems: Problem[] = [];
  if (!status.runs) return { covered: false, problems };
  if (!status.notified) {
    problems.push({
      code: "NOT_NOTIFIED",
      message: notNotifiedReason(context, status),
      options: [
        phrases.notifyNow({ enclave: enclave.id }),
        phrases.sendTeamInHouse({ count: enclave.staffing.target, enclave: enclave.id }),
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
    if (team.coachIds.length < minCoaches) {
      covered = false;
      problems.push(noCoachProblem(context, assignment, enclave.id, block, team.coachIds.length));
    } else if (workers.length < enclave.staffing.min) {
      const idle = idleTrainedWorkers(context, enclave.id, block, assignment);
      if (idle.length > 0) {
        problems.push({
          code: "RATIO_EXCEEDED",
          block,
          message: phrases.ratioCapped({
            enclave: enclave.id,
            block,
            coaches: team.coachIds.length,
            supervised: workers.length,
            ratios: scenario.rules.ratios,
            idleIds: idle.slice(0, 5).map((w) => w.id),
            idleCount: idle.length,
          }),
          options: [
            phrases.oneMoreCoachForMin({ enclave: enclave.id, block }),
            ...(scenario.rules.interimCoachesAllowed ? [phrases.interimFor({ enclave: enclave.id })] : []),
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
        message: phrases.ratioExceeded({
          enclave: enclave.id,
          block,
          workers: workers.length,
          guidance: countGuidance(workers),
          needed,
          present: team.coachIds.length,
        }),
        options: [
          phrases.oneMoreCoach({ enclave: enclave.id, block }),
          phrases.fewerWorkers({ count: workers.length - maxSupervised(workers, team.coachIds.length, scenario.rules.ratios), enclave: enclave.id }),
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
        message: phrases.interimProposed({ enclave: enclave.id, block, who: interims.map((id) => personLabel(context, id)) }),
        options: [phrases.confirmInterim()],
      });
    }
  }
  const transport = transportProblem(context, assignment, enclave.id, teams);
  if (transport) problems.push(transport);
  return { covered, problems };
}

function noCoachProblem(context: DayContext, assignment: DayAssignment, enclaveId: string, block: Block, present: number): Problem {
  const { scenario, phrases } = context;
  const enclave = context.enclaveStatus.get(enclaveId)!.enclave;
  const minCoaches = scenario.rules.minCoachesPerEnclave;
  const own = scenario.coaches.filter((coach) => coach.homeEnclaveId === enclaveId || enclave.fixedCoachIds.includes(coach.id));
  const ownReasons = own.map((coach) =>
    (context.available.get(coach.id) ?? []).includes(block)
      ? phrases.neededAt({ who: personLabel(context, coach.id), at: placedAt(assignment, coach.id, block) ?? null })
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
  for (const coach of untrained) options.push(phrases.notTrained({ who: personLabel(context, coach.id), enclave: enclaveId }));
  options.push(scenario.rules.interimCoachesAllowed ? phrases.interimFor({ enclave: enclaveId }) : phrases.interimNotAllowedOption());
  if (homeWorkers.length > 0) options.push(phrases.homeWorkersOut({ count: homeWorkers.length, enclave: enclaveId }));
  return {
    code: "NO_QUALIFIED_COACH",
    block,
    message: phrases.noCoach({
      enclave: enclaveId,
      block,
      date: context.date,
      present,
      min: minCoaches,
      reasons: [...ownReasons, ...otherReasons],
    }),
    options,
  };
}

/** Trained workers left idle: when there are any, the ratio, not a lack of workers, kept the team small. */
function idleTrainedWorkers(context: DayContext, enclaveId: string, block: Block, assignment: DayAssignment): Worker[] {
  return context.scenario.workers.filter(
    (worker) =>
      trainedFor(worker, enclaveId) &&
      !worker.excludedEnclaveIds.includes(enclaveId) &&
      (context.available.get(worker.id) ?? []).includes(block) &&
      placedAt(assignment, worker.id, block) === undefined,
  );
}

function underMinProblem(context: DayContext, assignment: DayAssignment, enclaveId: string, block: Block, present: number): Problem {
  const { scenario, phrases } = context;
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
  const couldNot: { text: string; untrained: boolean }[] = [];
  for (const worker of standIns) {
    const who = personLabel(context, worker.id);
    if (worker.excludedEnclaveIds.includes(enclaveId)) continue;
    if (!trainedFor(worker, enclaveId)) {
      if (worker.homeEnclaveId === null) couldNot.push({ text: phrases.notTrained({ who, enclave: enclaveId }), untrained: true });
      continue;
    }
    const elsewhere = placedAt(assignment, worker.id, block);
    if (elsewhere) couldNot.push({ text: phrases.neededAt({ who, at: elsewhere }), untrained: false });
    else if (worker.transport === "van") couldNot.push({ text: phrases.noVanSeatTo({ who, enclave: enclaveId }), untrained: false });
  }
  const options = [
    phrases.smallerTeam({ present, min }),
    ...couldNot
      .filter((entry) => entry.untrained)
      .slice(0, 3)
      .map((entry) => entry.text),
    phrases.teamOut({ count: present }),
  ];
  const message = phrases.underMin({
    enclave: enclaveId,
    block,
    present,
    min,
    target,
    missing,
    couldNot: couldNot.slice(0, 6).map((entry) => entry.text),
  });
  return { code: "UNDER_MIN_HEADCOUNT", block, message, options };
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
  const routes = context.scenario.routes
    .filter((route) => route.enclaveIds.includes(enclaveId))
    .map((route) => ({ id: route.id, ...route.seats }));
  const { phrases } = context;
  return {
    code: "NO_TRANSPORT",
    message: phrases.noSeatLeft({ who: stranded.map((w) => personLabel(context, w.id)), enclave: enclaveId, routes }),
    options: [phrases.extraSeat(), phrases.ownTransportStandIn()],
  };
}

/** How many of `workers` (taken in the order given) `coaches` may supervise by the ratio norms. */
function maxSupervised(workers: readonly Worker[], coaches: number, ratios: Ratios): number {
  for (let n = workers.length; n > 0; n--) {
    if (coachesNeeded(countGuidance(workers.slice(0, n)), ratios) <= coaches) return n;
  }
  return 0;
}
