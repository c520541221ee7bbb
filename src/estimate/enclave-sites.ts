/**
 * From a scenario to the coverage model's sites and people: which enclave runs in which block
 * of each day of the year, how many coaches it needs, who its fixed coaches are, and the
 * butterflies (those of the scenario and any extra ones the curve asks for).
 *
 * The calendar rules are the product's own (`enclaveRunsOn`, `enclaveBlocks`,
 * `workPatternBlocks`), so the estimate counts exactly the days the daily planner would plan.
 */
import { workPatternBlocks } from "../calendar/availability.ts";
import { enclaveBlocks, enclaveRunsOn } from "../calendar/enclave-calendar.ts";
import type { Block, Coach, Enclave, Rules, Scenario, Worker, WorkPatternRule } from "../scenario/schema.ts";
import { AM, PM, type PersonSpec, type SiteSpec, type YearCalendar } from "./coverage-model.ts";

export function blockMask(blocks: readonly Block[]): number {
  let mask = 0;
  for (const block of blocks) mask |= block === "am" ? AM : PM;
  return mask;
}

/** Per date of the year: the blocks in which the enclave runs (DOMAIN rule 5, via enclaveRunsOn). */
export function enclaveRunMask(enclave: Enclave, calendar: YearCalendar, rules: Pick<Rules, "publicHolidays">): Uint8Array {
  const mask = blockMask(enclaveBlocks(enclave));
  return Uint8Array.from(calendar.dates, (date) => (enclaveRunsOn(enclave, date, rules).runs ? mask : 0));
}

/** Per date of the year: the blocks a work pattern schedules (DOMAIN rule 4). */
export function patternMask(pattern: readonly WorkPatternRule[], calendar: YearCalendar): Uint8Array {
  return Uint8Array.from(calendar.dates, (date) => blockMask(workPatternBlocks(pattern, date)));
}

/**
 * Coaches an enclave needs in a block. DOMAIN rule 1: "every enclave that runs has at least
 * 1 coach present" (minCoachesPerEnclave); rule 2: "the number of coaches present must be at
 * least that load (rounded up)", the load being "the sum of 1/13, 1/10, 1/7 per worker
 * present". Our choice for a yearly estimate: the ratio is taken at the contract's minimum
 * headcount with the home workers of the lightest guidance need — the fewest coaches the
 * planner can run the enclave with (heavier-need workers can go to in-house work, the team
 * cannot shrink below its minimum). Missing home workers count as low need.
 */
export function coachesNeeded(enclave: Enclave, workers: readonly Worker[], rules: Pick<Rules, "ratios" | "minCoachesPerEnclave">): number {
  const loads = workers
    .filter((worker) => worker.homeEnclaveId === enclave.id)
    .map((worker) => 1 / rules.ratios[worker.guidance])
    .sort((a, b) => a - b);
  let load = 0;
  for (let i = 0; i < enclave.staffing.min; i++) load += loads[i] ?? 1 / rules.ratios.low;
  return Math.max(rules.minCoachesPerEnclave, Math.ceil(load - 1e-9));
}

export interface EnclaveSites {
  sites: SiteSpec[];
  members: PersonSpec[];
  /** The scenario's butterflies, most widely trained first (ties: scenario order). */
  butterflies: PersonSpec[];
  siteIndex: Map<string, number>;
}

function qualifiedSites(coach: Pick<Coach, "qualifiedEnclaveIds">, siteIndex: ReadonlyMap<string, number>): number[] {
  return coach.qualifiedEnclaveIds.map((id) => siteIndex.get(id)).filter((s): s is number => s !== undefined);
}

/**
 * The enclaves as sites, the fixed coaches as members and the butterflies as floaters.
 * Interim coaches are left out: they are not allowed today, and where a company allows them
 * they are what one calls when the butterflies run out, not part of the count.
 */
export function enclaveSites(scenario: Scenario, calendar: YearCalendar): EnclaveSites {
  const { rules } = scenario;
  const siteIndex = new Map(scenario.enclaves.map((enclave, i) => [enclave.id, i]));
  const sites = scenario.enclaves.map((enclave) => ({
    id: enclave.id,
    need: coachesNeeded(enclave, scenario.workers, rules),
    runs: enclaveRunMask(enclave, calendar, rules),
  }));
  const members = scenario.coaches
    .filter((coach) => coach.role === "fixed")
    .map((coach) => ({
      id: coach.id,
      home: coach.homeEnclaveId === null ? -1 : (siteIndex.get(coach.homeEnclaveId) ?? -1),
      qualified: qualifiedSites(coach, siteIndex),
      schedule: patternMask(coach.workPattern, calendar),
    }));
  const butterflies = scenario.coaches
    .filter((coach) => coach.role === "butterfly")
    .map((coach, order) => ({
      order,
      spec: {
        id: coach.id,
        home: -1,
        qualified: qualifiedSites(coach, siteIndex),
        schedule: patternMask(coach.workPattern, calendar),
      },
    }))
    .sort((a, b) => b.spec.qualified.length - a.spec.qualified.length || a.order - b.order)
    .map((entry) => entry.spec);
  return { sites, members, butterflies, siteIndex };
}

/**
 * Our assumption for butterflies beyond the scenario's: full-time (Monday to Friday, both
 * blocks) and trained for every enclave, as a company would train a new butterfly.
 */
export function extraButterfly(n: number, siteCount: number, calendar: YearCalendar): PersonSpec {
  return {
    id: `extra-${n}`,
    home: -1,
    qualified: Array.from({ length: siteCount }, (_, s) => s),
    schedule: Uint8Array.from(calendar.workingDay, (working) => (working ? AM | PM : 0)),
  };
}
