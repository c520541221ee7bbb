/**
 * What every check of the plan validator needs to know, computed once: the scenario's people,
 * enclaves and routes by id, each enclave's calendar for the plan's date, each person's
 * available blocks, where the plan places whom, and what each enclave's teams actually amount
 * to (coaches, workers, the coaches the ratio norms ask for).
 *
 * The facts come from the scenario and the calendar, never from the plan's own flags, so a
 * hand-edited plan is judged by what it places, not by what it claims. Ids that are unknown or
 * of the wrong kind are left out of the placements (they are reported once, by
 * `checkIds`), so that one typo does not cascade into a dozen violations.
 */
import { availableBlocks, indexAbsences, unavailability } from "../calendar/availability.ts";
import { enclaveBlocks, enclaveRunsOn, isNotifiedInTime } from "../calendar/enclave-calendar.ts";
import type {
  Absence,
  Block,
  Coach,
  Enclave,
  Plan,
  PlanEnclave,
  Route,
  Scenario,
  Worker,
} from "../scenario/schema.ts";
import { BLOCKS } from "../scenario/schema.ts";
import { coachesNeeded, countGuidance } from "./ratio.ts";
import type { GuidanceCounts } from "./ratio.ts";

/** An enclave's calendar on the plan's date. */
export interface EnclaveDay {
  runs: boolean;
  runsReason: string;
  /** The blocks the enclave works, from its hours. */
  blocks: readonly Block[];
  notified: boolean;
  notifiedReason: string;
}

/** One person in one team of the plan (known id of the right kind). */
export type Placement =
  | { kind: "worker"; person: Worker; entry: PlanEnclave; enclave: Enclave | undefined; block: Block }
  | { kind: "coach"; person: Coach; entry: PlanEnclave; enclave: Enclave | undefined; block: Block };

/** What one worked block of one enclave amounts to in the plan. */
export interface BlockAssessment {
  block: Block;
  coaches: readonly Coach[];
  workers: readonly Worker[];
  guidance: GuidanceCounts;
  /** Coaches the ratio norms ask for, rounded up exactly. */
  ratioNeed: number;
  /** Fewer coaches than `rules.minCoachesPerEnclave`. */
  coachShort: boolean;
  /** Fewer coaches than the ratio norms ask for. */
  ratioShort: boolean;
  /** Fewer workers than `staffing.min`. */
  underMin: boolean;
}

/** What one plan entry of a known enclave amounts to. */
export interface EnclaveAssessment {
  entry: PlanEnclave;
  enclave: Enclave;
  day: EnclaveDay;
  /** Worked blocks only; empty when the enclave does not run. */
  blocks: readonly BlockAssessment[];
  /** The truth the plan's `covered` flag must match. */
  covered: boolean;
}

export interface PlanContext {
  scenario: Scenario;
  plan: Plan;
  /** The date the plan is checked for (`plan.date` unless the caller named one). */
  date: string;
  workers: ReadonlyMap<string, Worker>;
  coaches: ReadonlyMap<string, Coach>;
  enclaves: ReadonlyMap<string, Enclave>;
  routes: ReadonlyMap<string, Route>;
  /** Absences by person (the calendar's index). */
  absences: ReadonlyMap<string, readonly Absence[]>;
  /** Calendar facts per scenario enclave id. */
  enclaveDays: ReadonlyMap<string, EnclaveDay>;
  /** Every placement of a known person in their own kind's list. */
  placements: readonly Placement[];
  /** One per plan entry whose enclave exists in the scenario. */
  assessments: readonly EnclaveAssessment[];
  /** The blocks a person (worker or coach) is available in on the date. */
  available(personId: string): ReadonlySet<Block>;
}

export function buildPlanContext(scenario: Scenario, plan: Plan, date: string): PlanContext {
  const workers = byId(scenario.workers);
  const coaches = byId(scenario.coaches);
  const enclaves = byId(scenario.enclaves);
  const routes = byId(scenario.routes);
  const absences = indexAbsences(scenario.absences);

  const enclaveDays = new Map<string, EnclaveDay>();
  for (const enclave of scenario.enclaves) {
    const run = enclaveRunsOn(enclave, date, scenario.rules);
    const notified = isNotifiedInTime(enclave, scenario.rules);
    enclaveDays.set(enclave.id, {
      runs: run.runs,
      runsReason: run.reason,
      blocks: enclaveBlocks(enclave),
      notified: notified.ok,
      notifiedReason: notified.reason,
    });
  }

  const availability = new Map<string, ReadonlySet<Block>>();
  const available = (personId: string): ReadonlySet<Block> => {
    const known = availability.get(personId);
    if (known) return known;
    const person = workers.get(personId) ?? coaches.get(personId);
    const blocks = new Set<Block>(person ? availableBlocks(person, date, absences) : []);
    availability.set(personId, blocks);
    return blocks;
  };

  const placements: Placement[] = [];
  for (const entry of plan.enclaves) {
    const enclave = enclaves.get(entry.enclaveId);
    for (const block of BLOCKS) {
      const team = entry.blocks[block];
      for (const id of team.coachIds) {
        const person = coaches.get(id);
        if (person) placements.push({ kind: "coach", person, entry, enclave, block });
      }
      for (const id of team.workerIds) {
        const person = workers.get(id);
        if (person) placements.push({ kind: "worker", person, entry, enclave, block });
      }
    }
  }

  const assessments: EnclaveAssessment[] = [];
  for (const entry of plan.enclaves) {
    const enclave = enclaves.get(entry.enclaveId);
    const day = enclaveDays.get(entry.enclaveId);
    if (!enclave || !day) continue;
    assessments.push(assessEnclave(scenario, entry, enclave, day, workers, coaches));
  }

  return {
    scenario,
    plan,
    date,
    workers,
    coaches,
    enclaves,
    routes,
    absences,
    enclaveDays,
    placements,
    assessments,
    available,
  };
}

function assessEnclave(
  scenario: Scenario,
  entry: PlanEnclave,
  enclave: Enclave,
  day: EnclaveDay,
  workers: ReadonlyMap<string, Worker>,
  coaches: ReadonlyMap<string, Coach>,
): EnclaveAssessment {
  const { minCoachesPerEnclave, ratios } = scenario.rules;
  const blocks: BlockAssessment[] = [];
  if (day.runs) {
    for (const block of day.blocks) {
      const team = entry.blocks[block];
      const teamCoaches = known(team.coachIds, coaches);
      const teamWorkers = known(team.workerIds, workers);
      const guidance = countGuidance(teamWorkers);
      const ratioNeed = coachesNeeded(guidance, ratios);
      blocks.push({
        block,
        coaches: teamCoaches,
        workers: teamWorkers,
        guidance,
        ratioNeed,
        coachShort: teamCoaches.length < minCoachesPerEnclave,
        ratioShort: teamCoaches.length < ratioNeed,
        underMin: teamWorkers.length < enclave.staffing.min,
      });
    }
  }
  const covered =
    day.runs && day.notified && blocks.every((b) => !b.coachShort && !b.ratioShort && !b.underMin);
  return { entry, enclave, day, blocks, covered };
}

/** The distinct known people of a team list (a duplicate id counts once). */
function known<T>(ids: readonly string[], people: ReadonlyMap<string, T>): T[] {
  const result: T[] = [];
  for (const id of new Set(ids)) {
    const person = people.get(id);
    if (person) result.push(person);
  }
  return result;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

// ---------------------------------------------------------------------------------------------
// Words for messages

export function inBlock(block: Block): string {
  return block === "am" ? "in the morning" : "in the afternoon";
}

/** "C01, C05" or "none". */
export function listIds(ids: readonly string[]): string {
  return ids.length > 0 ? ids.join(", ") : "none";
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "1 coach", "2 coaches". */
export function coachCount(count: number): string {
  return `${count} ${count === 1 ? "coach" : "coaches"}`;
}

const ABSENCE_WORDS: Record<Absence["kind"], string> = {
  sick: "is sick",
  leave: "is on leave",
  adv: "has an ADV day",
  training: "is in training",
  other: "is absent",
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function weekday(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay()] ?? date;
}

/**
 * Why a person is not available in these blocks, from the calendar's `unavailability`:
 * "is on leave (2026-11-23, pm)" or "does not work on Monday afternoons by their work pattern".
 */
export function whyUnavailable(ctx: PlanContext, personId: string, blocks: readonly Block[]): string {
  const person = ctx.workers.get(personId) ?? ctx.coaches.get(personId);
  if (!person) return "is not in the scenario";
  const missing = unavailability(person, ctx.date, ctx.absences).filter((u) => blocks.includes(u.block));
  const absence = missing.find((u) => u.absence !== undefined)?.absence;
  if (absence) {
    const when = absence.from === absence.to ? absence.from : `${absence.from} to ${absence.to}`;
    return `${ABSENCE_WORDS[absence.kind]} (${when}, ${absence.blocks.join("+")})`;
  }
  const off = missing.map((u) => u.block);
  const part = off.length === 1 ? (off[0] === "am" ? " mornings" : " afternoons") : "s";
  return `does not work on ${weekday(ctx.date)}${part} by their work pattern`;
}
