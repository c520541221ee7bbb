/**
 * From a scenario and a date to the solver's plain day: which enclaves may be staffed, who is
 * available in which block, who may work where, where each person belongs.
 *
 * Everything about dates happens here (through src/calendar), so the solver never sees one.
 * The facts kept aside (enclaves that do not run, enclaves not notified in time, people
 * unavailable and why) feed the explanations, in the language the context carries.
 */
import type { Absence, Block, Coach, Enclave, Plan, Scenario, Worker } from "../scenario/schema.ts";
import type { DayCoach, DayEnclave, DayInstance, DayWorker } from "../../solver/types.ts";
import { enclaveBlocks, enclaveRunsOn, isNotifiedInTime } from "../calendar/enclave-calendar.ts";
import { availableBlocks, indexAbsences } from "../calendar/availability.ts";
import { phrasesFor, type Language, type Phrases } from "./phrases.ts";

export interface EnclaveDayStatus {
  enclave: Enclave;
  runs: boolean;
  runsReason: string;
  notified: boolean;
  notifiedReason: string;
  blocks: Block[];
}

export interface DayContext {
  scenario: Scenario;
  date: string;
  day: DayInstance;
  enclaveStatus: Map<string, EnclaveDayStatus>;
  absencesByPerson: Map<string, Absence[]>;
  workersById: Map<string, Worker>;
  coachesById: Map<string, Coach>;
  /** Per person, the blocks they are available (work pattern minus absences). */
  available: Map<string, Block[]>;
  previous: Plan | null;
  /** The language of the planner-facing texts ("en" for the CLI, "nl" for the service's board). */
  language: Language;
  /** Its phrase book: every sentence of the plan's reasons, problems and options. */
  phrases: Phrases;
}

/** Where the previous plan had each person, per block. */
export function previousPlacements(previous: Plan | null): Map<string, { am: string | null; pm: string | null }> {
  const placements = new Map<string, { am: string | null; pm: string | null }>();
  if (!previous) return placements;
  for (const entry of previous.enclaves) {
    for (const block of ["am", "pm"] as const) {
      const team = entry.blocks[block];
      for (const id of [...team.coachIds, ...team.workerIds]) {
        const slot = placements.get(id) ?? { am: null, pm: null };
        slot[block] = entry.enclaveId;
        placements.set(id, slot);
      }
    }
  }
  return placements;
}

/** A planner's pin: this person works at this enclave in every re-plan (or nowhere, if they cannot). */
export interface Pin {
  personId: string;
  enclaveId: string;
}

export function buildDayContext(
  scenario: Scenario,
  date: string,
  previous: Plan | null = null,
  pins: readonly Pin[] = [],
  language: Language = "en",
): DayContext {
  const pinned = new Map(pins.map((pin) => [pin.personId, pin.enclaveId]));
  // A pin narrows where the person may go to the one enclave, and makes it where they belong.
  const narrow = (personId: string, eligible: string[]) => {
    const pin = pinned.get(personId);
    return pin === undefined ? eligible : eligible.filter((id) => id === pin);
  };
  const enclaveStatus = new Map<string, EnclaveDayStatus>();
  const staffable: DayEnclave[] = [];
  for (const enclave of scenario.enclaves) {
    const runs = enclaveRunsOn(enclave, date, scenario.rules);
    const notified = isNotifiedInTime(enclave, scenario.rules);
    const blocks = enclaveBlocks(enclave);
    enclaveStatus.set(enclave.id, {
      enclave,
      runs: runs.runs,
      runsReason: runs.reason,
      notified: notified.ok,
      notifiedReason: notified.reason,
      blocks,
    });
    // Rule 10: "an enclave whose contract was not notified at least 1 working day before its
    // start must not be staffed" — it runs, but nobody is placed there.
    if (runs.runs && notified.ok && blocks.length > 0) {
      const { min, target, max } = enclave.staffing;
      staffable.push({ id: enclave.id, blocks, min, target, max });
    }
  }
  const staffableIds = new Set(staffable.map((enclave) => enclave.id));
  const absencesByPerson = indexAbsences(scenario.absences);
  const before = previousPlacements(previous);
  const available = new Map<string, Block[]>();

  const workers: DayWorker[] = scenario.workers.map((worker) => {
    const blocks = availableBlocks(worker, date, absencesByPerson);
    available.set(worker.id, blocks);
    const excluded = new Set(worker.excludedEnclaveIds);
    const eligible = uniqueIds([worker.homeEnclaveId, ...worker.qualifiedEnclaveIds]).filter(
      (id) => staffableIds.has(id) && !excluded.has(id),
    );
    const was = before.get(worker.id);
    const reference = pinned.get(worker.id) ?? (previous ? (was?.am ?? was?.pm ?? null) : worker.homeEnclaveId);
    return {
      id: worker.id,
      guidance: worker.guidance,
      blocks,
      eligible: narrow(worker.id, eligible),
      reference,
      home: worker.homeEnclaveId,
      needsSeat: worker.transport === "van",
    };
  });

  const coaches: DayCoach[] = scenario.coaches.map((coach) => {
    const blocks = availableBlocks(coach, date, absencesByPerson);
    available.set(coach.id, blocks);
    const eligible = uniqueIds([coach.homeEnclaveId, ...coach.qualifiedEnclaveIds]).filter((id) => staffableIds.has(id));
    const was = before.get(coach.id);
    const pin = pinned.get(coach.id);
    const reference =
      pin !== undefined
        ? { am: pin, pm: pin }
        : previous
          ? { am: was?.am ?? null, pm: was?.pm ?? null }
          : { am: coach.homeEnclaveId, pm: coach.homeEnclaveId };
    return {
      id: coach.id,
      role: coach.role,
      blocks,
      eligible: narrow(coach.id, eligible),
      reference,
      home: coach.homeEnclaveId,
      needsSeat: coach.transport === "van",
      canSwitchAtNoon: coach.transport === "own",
    };
  });

  const day: DayInstance = {
    date,
    rules: {
      ratios: scenario.rules.ratios,
      minCoachesPerEnclave: scenario.rules.minCoachesPerEnclave,
      interimCoachesAllowed: scenario.rules.interimCoachesAllowed,
    },
    enclaves: staffable,
    workers,
    coaches,
    routes: scenario.routes.map((route) => ({
      id: route.id,
      enclaveIds: route.enclaveIds.filter((id) => staffableIds.has(id)),
      seats: route.seats,
    })),
  };
  return {
    scenario,
    date,
    day,
    enclaveStatus,
    absencesByPerson,
    workersById: new Map(scenario.workers.map((w) => [w.id, w])),
    coachesById: new Map(scenario.coaches.map((c) => [c.id, c])),
    available,
    previous,
    language,
    phrases: phrasesFor(language),
  };
}

function uniqueIds(ids: Array<string | null>): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
