/**
 * Seeded generators of scenario files (SCENARIO-FORMAT.md) for tests and benchmarks.
 *
 * `generateScenario` builds a company that looks like test/fixtures/westhoek.json at any size
 * (40, 80, 160 enclaves …): teams of about twelve with the 55/35/10 guidance mix, part-time
 * patterns as RFC 5545 rules, a few stand-ins and cross-trained workers, butterflies trained
 * for most of their region, vans whose seats barely fit, and this morning's sick calls. Large
 * companies are split into regions (sites) and people and routes stay in their region, so a
 * 160-enclave company behaves like several 12-enclave ones that share a few people.
 *
 * `generateTinyScenario` builds days small enough for an exhaustive search, with the hard
 * rules varied (two coaches per enclave, tight ratios) so that each rule binds somewhere.
 *
 * Both are pure functions of their options: the same seed gives the same JSON.
 */
import type { AbsenceInput, CoachInput, EnclaveInput, RouteInput, RulesInput, ScenarioInput, WorkerInput } from "../../src/scenario/schema.ts";
import {
  addDays,
  addWorkingDays,
  brusselsMorningOffset,
  clockTime,
  mondayOnOrBefore,
} from "./calendar-helpers.ts";
import type { Weekday } from "./calendar-helpers.ts";
import { CLIENT_SECTORS, ENCLAVE_ACTIVITIES, FIRST_NAMES, REGION_PRESETS, SURNAME_INITIALS } from "./flemish-names.ts";
import { createRandom, deriveSeed } from "./seeded-random.ts";
import type { Random } from "./seeded-random.ts";

type Guidance = WorkerInput["guidance"];
type Block = "am" | "pm";
type WorkPattern = WorkerInput["workPattern"];

export interface ScenarioGeneratorOptions {
  seed: number;
  enclaves: number;
  /** Average home team (workers whose home enclave it is). Default 12. */
  workersPerEnclave?: number;
  /** Average fixed coaches per enclave. Default 1.5: half the enclaves have two. */
  coachesPerEnclave?: number;
  /** Butterfly coaches. Default round(enclaves / 3.5), as Westhoek's 4 for 13. */
  butterflies?: number;
  /** In-house workers without a home enclave, available as stand-ins. Default 10% of the home teams. */
  inHouseStandIns?: number;
  /** Share of workers and of coaches absent on `date`. Default 0.10. */
  absentShare?: number;
  /** The day the scenario is about: absences are placed on it. Pick a weekday (2026-11-23 is a Monday). */
  date: string;
  /** Sites; people and routes stay within theirs. Default round(enclaves / 12), at least 1. */
  regions?: number;
}

const RATIOS = { low: 13, medium: 10, high: 7 } as const;
const WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
const GUIDANCE_MIX: Record<Guidance, number> = { low: 0.55, medium: 0.35, high: 0.1 };

// ---------------------------------------------------------------------------------------------
// Work patterns

type PatternKind = "full" | "amOnly" | "fourFifthsBiweeklyFriday" | "noWednesday" | "mondayToWednesday";

/** Part-time is about 30% of the workers, within the 20–40% the hearing reports. */
const WORKER_PATTERN_MIX: Record<PatternKind, number> = {
  full: 0.7,
  amOnly: 0.08,
  fourFifthsBiweeklyFriday: 0.09,
  noWednesday: 0.07,
  mondayToWednesday: 0.06,
};

function workPattern(kind: PatternKind, start: string, random: Random): WorkPattern {
  const both: Block[] = ["am", "pm"];
  switch (kind) {
    case "full":
      return [{ dtstart: start, rrule: WEEKDAYS_RULE, blocks: both }];
    case "amOnly":
      return [{ dtstart: start, rrule: WEEKDAYS_RULE, blocks: ["am"] }];
    case "fourFifthsBiweeklyFriday":
      return [
        { dtstart: start, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", blocks: both },
        // `start` is a Monday: its Friday or the next one decides which Fridays are worked.
        { dtstart: addDays(start, random.chance(0.5) ? 4 : 11), rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", blocks: both },
      ];
    case "noWednesday":
      return [{ dtstart: start, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,TH,FR", blocks: both }];
    case "mondayToWednesday":
      return [{ dtstart: start, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE", blocks: both }];
  }
}

/** Whether a pattern surely works a block on a weekday (biweekly Fridays count as not worked). */
function patternWorks(kind: PatternKind, day: Weekday, block: Block): boolean {
  switch (kind) {
    case "full":
      return true;
    case "amOnly":
      return block === "am";
    case "fourFifthsBiweeklyFriday":
      return day !== "FR";
    case "noWednesday":
      return day !== "WE";
    case "mondayToWednesday":
      return day === "MO" || day === "TU" || day === "WE";
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts: plain records built first, turned into scenario JSON at the end

type ScheduleKind = "weekdays" | "wednesdayOnly" | "firstWeekOfMonth" | "shortRequest";

interface DraftEnclave {
  index: number;
  id: string;
  region: number;
  town: string;
  lat: number;
  lon: number;
  schedule: ScheduleKind;
  homeTeam: number;
  small: boolean;
  fixedCoaches: number;
  workerIds: string[];
  coachIds: string[];
}

interface DraftWorker {
  id: string;
  region: number;
  home: DraftEnclave | null;
  guidance: Guidance;
  pattern: PatternKind;
  van: boolean;
  qualified: string[];
  excluded: string[];
}

function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(count).length);
}

function makeId(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, "0")}`;
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick([...SURNAME_INITIALS])}.`;
}

/** Splits `total` into `parts` positive integers proportional to `weights` (largest remainder). */
function apportion(total: number, weights: readonly number[], atLeastOne: boolean): number[] {
  const parts = weights.length;
  const floor = atLeastOne && total >= parts ? 1 : 0;
  const rest = total - floor * parts;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts.map((c) => c + floor);
}

function load(guidance: readonly Guidance[]): number {
  return guidance.reduce((sum, g) => sum + 1 / RATIOS[g], 0);
}

// ---------------------------------------------------------------------------------------------
// The realistic generator

export function generateScenario(options: ScenarioGeneratorOptions): ScenarioInput {
  return generateCompany(options).scenario;
}

export interface GeneratedCompany {
  scenario: ScenarioInput;
  /** The sites the company was built from (not part of the scenario format). */
  regions: { name: string; enclaveIds: string[] }[];
}

/** `generateScenario` plus the regions it drew, for tests that check people stay in theirs. */
export function generateCompany(options: ScenarioGeneratorOptions): GeneratedCompany {
  const { seed, date } = options;
  const enclaveCount = Math.max(1, Math.floor(options.enclaves));
  const workersPerEnclave = options.workersPerEnclave ?? 12;
  const coachesPerEnclave = options.coachesPerEnclave ?? 1.5;
  const absentShare = options.absentShare ?? 0.1;
  const regionCount = Math.min(enclaveCount, Math.max(1, Math.floor(options.regions ?? Math.round(enclaveCount / 12))));
  const butterflyCount = Math.max(0, Math.floor(options.butterflies ?? Math.max(1, Math.round(enclaveCount / 3.5))));

  // Separate streams so that, say, a change in absences leaves the company itself unchanged.
  const structure = createRandom(deriveSeed(seed, "structure"));
  const people = createRandom(deriveSeed(seed, "people"));
  const names = createRandom(deriveSeed(seed, "names"));
  const absencesRandom = createRandom(deriveSeed(seed, "absences"));

  const patternStart = mondayOnOrBefore(addDays(date, -700));

  // --- Regions and enclaves -----------------------------------------------------------------
  const presetOffset = structure.int(0, REGION_PRESETS.length - 1);
  const regions = Array.from({ length: regionCount }, (_, r) => {
    const preset = REGION_PRESETS[(presetOffset + r) % REGION_PRESETS.length] ?? REGION_PRESETS[0];
    if (!preset) throw new Error("no region presets");
    const round = Math.floor((presetOffset + r) / REGION_PRESETS.length);
    return { ...preset, name: round === 0 ? preset.name : `${preset.name} ${round + 1}` };
  });
  const perRegion = apportion(
    enclaveCount,
    regions.map(() => structure.uniform(0.8, 1.2)),
    true,
  );

  const enclaveWidth = idWidth(enclaveCount, 2);
  const enclaves: DraftEnclave[] = [];
  perRegion.forEach((count, region) => {
    const preset = regions[region];
    if (!preset) return;
    for (let k = 0; k < count; k++) {
      const index = enclaves.length;
      const angle = structure.uniform(0, 2 * Math.PI);
      const distance = structure.uniform(0.02, 0.12);
      enclaves.push({
        index,
        id: makeId("E", index + 1, enclaveWidth),
        region,
        town: structure.pick(preset.towns),
        lat: Math.round((preset.lat + distance * Math.sin(angle)) * 1e4) / 1e4,
        lon: Math.round((preset.lon + distance * 1.6 * Math.cos(angle)) * 1e4) / 1e4,
        schedule: "weekdays",
        homeTeam: 0,
        small: false,
        fixedCoaches: 1,
        workerIds: [],
        coachIds: [],
      });
    }
  });

  // Schedules: mostly every weekday; some one day a week, one week a month, or a few days on request.
  for (const enclave of enclaves) {
    enclave.schedule = structure.weighted({ weekdays: 0.88, wednesdayOnly: 0.04, firstWeekOfMonth: 0.04, shortRequest: 0.04 });
  }

  // Team sizes: a few small enclaves (2–4), the rest around the mean so that the total is exact.
  const smallCount = enclaveCount >= 5 ? Math.max(1, Math.round(enclaveCount * 0.07)) : 0;
  for (const enclave of structure.sample(enclaves, smallCount)) {
    enclave.small = true;
    enclave.homeTeam = structure.int(2, 4);
  }
  const totalHome = Math.round(workersPerEnclave * enclaveCount);
  const regular = enclaves.filter((e) => !e.small);
  const smallTotal = enclaves.reduce((sum, e) => sum + (e.small ? e.homeTeam : 0), 0);
  const regularMean = regular.length > 0 ? (totalHome - smallTotal) / regular.length : 0;
  const sizeFloor = Math.max(1, Math.min(5, Math.round(regularMean)));
  const sizeCeiling = Math.max(sizeFloor, Math.round(regularMean * 2 - sizeFloor), 22);
  for (const enclave of regular) {
    enclave.homeTeam = Math.min(sizeCeiling, Math.max(sizeFloor, Math.round(structure.normal(regularMean, 3.5))));
  }
  let surplus = enclaves.reduce((sum, e) => sum + e.homeTeam, 0) - totalHome;
  for (let guard = 0; surplus !== 0 && regular.length > 0 && guard < 100_000; guard++) {
    const enclave = structure.pick(regular);
    if (surplus > 0 && enclave.homeTeam > sizeFloor) {
      enclave.homeTeam--;
      surplus--;
    } else if (surplus < 0 && enclave.homeTeam < sizeCeiling) {
      enclave.homeTeam++;
      surplus++;
    }
  }

  // Fixed coaches: floor/ceil of the average, the extra ones to the largest teams.
  const fixedTotal = Math.max(enclaveCount, Math.round(coachesPerEnclave * enclaveCount));
  const baseCoaches = Math.max(1, Math.floor(fixedTotal / enclaveCount));
  let extra = fixedTotal - baseCoaches * enclaveCount;
  for (const enclave of enclaves) enclave.fixedCoaches = enclave.small ? 1 : baseCoaches;
  extra += enclaves.filter((e) => e.small).length * (baseCoaches - 1);
  const bySize = [...enclaves].filter((e) => !e.small).sort((a, b) => b.homeTeam - a.homeTeam || a.index - b.index);
  for (const enclave of bySize) {
    if (extra <= 0) break;
    enclave.fixedCoaches++;
    extra--;
  }

  // --- Workers with a home enclave ----------------------------------------------------------
  const drafts: DraftWorker[] = [];
  for (const enclave of enclaves) {
    for (let k = 0; k < enclave.homeTeam; k++) {
      drafts.push({
        id: "",
        region: enclave.region,
        home: enclave,
        guidance: people.weighted(GUIDANCE_MIX),
        pattern: people.weighted(WORKER_PATTERN_MIX),
        van: people.chance(0.6),
        qualified: [],
        excluded: [],
      });
    }
  }
  balanceGuidanceForRatios(enclaves, drafts, people);

  // In-house stand-ins: no home enclave, trained for a handful of enclaves in their region.
  const standInCount = Math.max(0, Math.floor(options.inHouseStandIns ?? Math.round(totalHome * 0.1)));
  const standInsPerRegion = apportion(standInCount, perRegion, false);
  standInsPerRegion.forEach((count, region) => {
    for (let k = 0; k < count; k++) {
      drafts.push({
        id: "",
        region,
        home: null,
        guidance: people.weighted({ low: 0.7, medium: 0.25, high: 0.05 }),
        pattern: people.weighted({ full: 0.85, amOnly: 0.05, fourFifthsBiweeklyFriday: 0.05, noWednesday: 0.03, mondayToWednesday: 0.02 }),
        van: people.chance(0.5),
        qualified: [],
        excluded: [],
      });
    }
  });

  const byRegion = regions.map((_, r) => enclaves.filter((e) => e.region === r));
  const workerWidth = idWidth(drafts.length, 3);
  drafts.forEach((worker, i) => {
    worker.id = makeId("W", i + 1, workerWidth);
    worker.home?.workerIds.push(worker.id);
  });

  // Cross-training: ~15% of home workers know one or two other enclaves of their region;
  // a few of them trained across the regional border.
  for (const worker of drafts) {
    const own = byRegion[worker.region] ?? [];
    const others = own.filter((e) => e !== worker.home);
    if (worker.home === null) {
      worker.qualified = people.sample(others, people.int(2, Math.min(5, Math.max(2, others.length)))).map((e) => e.id);
    } else if (people.chance(0.15) && others.length > 0) {
      worker.qualified = people.sample(others, people.int(1, 2)).map((e) => e.id);
      if (regionCount > 1 && people.chance(0.08)) {
        const foreign = enclaves.filter((e) => e.region !== worker.region);
        worker.qualified.push(people.pick(foreign).id);
      }
    }
    if (people.chance(0.02)) {
      const candidates = own.filter((e) => e !== worker.home && !worker.qualified.includes(e.id));
      if (candidates.length > 0) worker.excluded = [people.pick(candidates).id];
    }
    worker.qualified.sort();
  }

  const workers: WorkerInput[] = drafts.map((worker) => ({
    id: worker.id,
    name: personName(names),
    guidance: worker.guidance,
    homeEnclaveId: worker.home?.id ?? null,
    qualifiedEnclaveIds: worker.qualified,
    excludedEnclaveIds: worker.excluded,
    workPattern: workPattern(worker.pattern, patternStart, people),
    transport: worker.van ? "van" : "own",
  }));

  // --- Coaches -------------------------------------------------------------------------------
  const fixedCount = enclaves.reduce((sum, e) => sum + e.fixedCoaches, 0);
  const coachWidth = idWidth(fixedCount, 2);
  const coaches: CoachInput[] = [];
  const vanCoaches = new Map<string, DraftEnclave>();
  for (const enclave of enclaves) {
    for (let k = 0; k < enclave.fixedCoaches; k++) {
      const id = makeId("C", coaches.length + 1, coachWidth);
      const others = (byRegion[enclave.region] ?? []).filter((e) => e !== enclave);
      const partTime = people.chance(0.2);
      const van = people.chance(0.1);
      coaches.push({
        id,
        name: personName(names),
        role: "fixed",
        homeEnclaveId: enclave.id,
        qualifiedEnclaveIds: people.chance(0.25) && others.length > 0 ? [people.pick(others).id] : [],
        workPattern: partTime
          ? [
              { dtstart: patternStart, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", blocks: ["am", "pm"] },
              { dtstart: patternStart, rrule: "FREQ=WEEKLY;BYDAY=FR", blocks: ["am"] },
            ]
          : [{ dtstart: patternStart, rrule: WEEKDAYS_RULE, blocks: ["am", "pm"] }],
        transport: van ? "van" : "own",
      });
      if (van) vanCoaches.set(id, enclave);
      enclave.coachIds.push(id);
    }
  }

  // Butterflies: spread over the regions, each trained for 60–90% of its region.
  const butterflyWidth = idWidth(butterflyCount, 2);
  const butterfliesPerRegion = apportion(butterflyCount, perRegion, true);
  let butterflyNumber = 0;
  butterfliesPerRegion.forEach((count, region) => {
    const own = byRegion[region] ?? [];
    for (let k = 0; k < count; k++) {
      butterflyNumber++;
      const share = people.uniform(0.6, 0.9);
      const trained = people.sample(own, Math.max(1, Math.round(own.length * share))).map((e) => e.id);
      if (regionCount > 1 && people.chance(0.1)) {
        const foreign = enclaves.filter((e) => e.region !== region);
        trained.push(...people.sample(foreign, people.int(1, 2)).map((e) => e.id));
      }
      coaches.push({
        id: makeId("V", butterflyNumber, butterflyWidth),
        name: personName(names),
        role: "butterfly",
        homeEnclaveId: null,
        qualifiedEnclaveIds: trained.sort(),
        workPattern: [{ dtstart: patternStart, rrule: WEEKDAYS_RULE, blocks: ["am", "pm"] }],
        transport: "own",
      });
    }
  });

  // --- Enclaves as JSON ----------------------------------------------------------------------
  const enclaveJson: EnclaveInput[] = enclaves.map((enclave) => {
    const sector = structure.pick(CLIENT_SECTORS);
    const activity = structure.pick(ENCLAVE_ACTIVITIES);
    const team = drafts.filter((w) => w.home === enclave);
    const runDays = scheduleWeekdays(enclave.schedule);
    // The home team as it is usually there: the median block headcount over the days the
    // enclave runs (part-timers make Fridays and afternoons thinner). The target is that
    // team, the maximum two more, the minimum 85–100% of it.
    const headcounts: number[] = [];
    for (const day of runDays) {
      for (const block of ["am", "pm"] as const) headcounts.push(team.filter((w) => patternWorks(w.pattern, day, block)).length);
    }
    headcounts.sort((a, b) => a - b);
    const usual = headcounts[Math.floor(headcounts.length / 2)] ?? team.length;
    const target = Math.max(1, usual);
    const min = enclave.small
      ? structure.int(1, Math.min(3, target))
      : Math.max(1, Math.min(target, Math.round(target * structure.uniform(0.85, 1.0))));
    return {
      id: enclave.id,
      name: `${activity} ${sector} ${enclave.town}`,
      client: `${sector} ${enclave.town} NV`,
      location: { lat: enclave.lat, lon: enclave.lon },
      ...scheduleJson(enclave.schedule, date, structure),
      hours: { start: "07:30", end: "16:00" },
      staffing: { min, target, max: target + 2 },
      fixedCoachIds: enclave.coachIds,
    };
  });

  // --- Routes: per region, 2–5 neighbouring enclaves each -------------------------------------
  const routes: RouteInput[] = [];
  byRegion.forEach((own, region) => {
    const preset = regions[region];
    if (!preset || own.length === 0) return;
    const around = [...own].sort(
      (a, b) => Math.atan2(a.lat - preset.lat, a.lon - preset.lon) - Math.atan2(b.lat - preset.lat, b.lon - preset.lon),
    );
    let start = 0;
    while (start < around.length) {
      let size = structure.int(2, 5);
      if (around.length - start - size === 1) size++; // no route of one enclave at the end
      const stops = around.slice(start, start + size);
      start += size;
      let dayNeed = 0;
      let morningNeed = 0;
      for (const worker of drafts) {
        if (!worker.van || worker.home === null || !stops.includes(worker.home)) continue;
        if (worker.pattern === "amOnly") morningNeed++;
        else dayNeed++;
      }
      for (const home of vanCoaches.values()) if (stops.includes(home)) dayNeed++;
      routes.push({
        id: makeId("R", routes.length + 1, 1),
        enclaveIds: stops.map((e) => e.id),
        seats: {
          day: Math.ceil(dayNeed * 1.05),
          morning: morningNeed > 0 ? morningNeed + structure.int(0, 2) : structure.int(0, 1),
          afternoon: structure.int(0, 2),
        },
      });
    }
  });

  // --- This morning's absences ---------------------------------------------------------------
  const absences: AbsenceInput[] = [
    ...absencesFor(
      absencesRandom.sample(workers.map((w) => w.id), Math.round(absentShare * workers.length)),
      date,
      absencesRandom,
      { sick: 0.55, leave: 0.35, adv: 0.1 },
    ),
    ...absencesFor(
      absencesRandom.sample(coaches.map((c) => c.id), Math.round(absentShare * coaches.length)),
      date,
      absencesRandom,
      { sick: 0.45, leave: 0.35, adv: 0.2 },
    ),
  ];

  const depot = regions[0];
  const scenario: ScenarioInput = {
    version: 1,
    organisation: {
      name: `Maatwerk ${regions.map((r) => r.name).join("-")} (${enclaveCount} enclaves, seed ${seed})`,
      timezone: "Europe/Brussels",
      ...(depot ? { depot: { name: `Site ${depot.towns[0] ?? depot.name}`, lat: depot.lat, lon: depot.lon } } : {}),
    },
    rules: defaultRules(),
    enclaves: enclaveJson,
    workers,
    coaches,
    routes,
    absences,
    absenceModel: { leaveDays: 10, advDays: 7, sickDays: 15, sickEpisodeMeanDays: 5, butterflyTrainingDays: 10 },
  };
  return {
    scenario,
    regions: regions.map((region, r) => ({ name: region.name, enclaveIds: (byRegion[r] ?? []).map((e) => e.id) })),
  };
}

function defaultRules(): RulesInput {
  return {
    ratios: { ...RATIOS },
    minCoachesPerEnclave: 1,
    interimCoachesAllowed: false,
    sharedCoaching: null,
    publicHolidays: "BE",
  };
}

/**
 * Swaps guidance needs between workers (keeping the company's mix) until every team at its
 * full size respects the ratio norms with its own fixed coaches, as a real company staffs.
 */
function balanceGuidanceForRatios(enclaves: readonly DraftEnclave[], drafts: DraftWorker[], random: Random): void {
  const teams = new Map<DraftEnclave, DraftWorker[]>();
  for (const enclave of enclaves) teams.set(enclave, []);
  for (const worker of drafts) if (worker.home) teams.get(worker.home)?.push(worker);
  const slack = (enclave: DraftEnclave): number =>
    enclave.fixedCoaches - load((teams.get(enclave) ?? []).map((w) => w.guidance));
  const heavier: Record<Guidance, Guidance | null> = { low: null, medium: "low", high: "medium" };
  for (let guard = 0; guard < 10_000; guard++) {
    const over = enclaves.find((e) => slack(e) < -1e-9);
    if (!over) return;
    const team = teams.get(over) ?? [];
    const heavy = team.filter((w) => heavier[w.guidance] !== null);
    if (heavy.length === 0) return; // all low and still over: team too large for its coaches
    const from = random.pick(heavy);
    const lighter = heavier[from.guidance];
    // A partner of lighter need in a team that can absorb the heavier one.
    const partners = drafts.filter(
      (w) =>
        w.home !== null &&
        w.home !== over &&
        w.guidance === lighter &&
        slack(w.home) - (1 / RATIOS[from.guidance] - 1 / RATIOS[w.guidance]) >= 0,
    );
    if (partners.length === 0) {
      from.guidance = lighter ?? from.guidance; // nowhere to put it: soften the need
      continue;
    }
    const partner = random.pick(partners);
    partner.guidance = from.guidance;
    from.guidance = lighter ?? from.guidance;
  }
}

function scheduleWeekdays(kind: ScheduleKind): Weekday[] {
  switch (kind) {
    case "weekdays":
    case "firstWeekOfMonth":
    case "shortRequest":
      return ["MO", "TU", "WE", "TH", "FR"];
    case "wednesdayOnly":
      return ["WE"];
  }
}

function scheduleJson(kind: ScheduleKind, date: string, random: Random): Pick<EnclaveInput, "contract" | "schedule"> {
  if (kind === "shortRequest") {
    // An SME asking for help for a few days around `date`, contract notified a week before.
    const start = addDays(date, -random.int(0, 21));
    const days = [addWorkingDays(date, 0), addWorkingDays(date, 1), addWorkingDays(date, 2)];
    return {
      contract: { start, end: addDays(date, 30), notifiedOn: addDays(start, -random.int(5, 10)) },
      schedule: { dtstart: start, rrule: null, exdates: [], rdates: days },
    };
  }
  const start = addDays(date, -random.int(90, 1400));
  const rrule =
    kind === "wednesdayOnly"
      ? "FREQ=WEEKLY;BYDAY=WE"
      : kind === "firstWeekOfMonth"
        ? "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=1,2,3,4,5,6,7"
        : WEEKDAYS_RULE;
  // A client shutdown now and then, never on the day itself.
  const exdates = random.chance(0.1) ? [addWorkingDays(addDays(date, random.int(7, 40)), 0)] : [];
  return {
    contract: { start, end: null, notifiedOn: addDays(start, -random.int(5, 20)) },
    schedule: { dtstart: start, rrule, exdates, rdates: [] },
  };
}

function absencesFor(
  personIds: readonly string[],
  date: string,
  random: Random,
  kinds: Record<"sick" | "leave" | "adv", number>,
): AbsenceInput[] {
  return [...personIds].sort().map((personId) => {
    const blocks = random.weighted({ both: 0.85, am: 0.09, pm: 0.06 });
    const halfDay = blocks !== "both";
    const kind = random.weighted(kinds);
    const absenceBlocks: Block[] = blocks === "both" ? ["am", "pm"] : [blocks];
    if (kind === "sick") {
      const from = halfDay || random.chance(0.7) ? date : addWorkingDays(addDays(date, -random.int(1, 4)), 0);
      const start = from > date ? date : from;
      return {
        personId,
        from: start,
        to: halfDay ? date : addDays(date, random.int(0, 4)),
        blocks: absenceBlocks,
        kind,
        reportedAt: `${start}T${clockTime(random.int(6 * 60 + 40, 7 * 60 + 20))}:00${brusselsMorningOffset(start)}`,
      };
    }
    if (kind === "adv" || halfDay) return { personId, from: date, to: date, blocks: absenceBlocks, kind };
    return { personId, from: addDays(date, -random.int(0, 4)), to: addDays(date, random.int(0, 4)), blocks: absenceBlocks, kind };
  });
}

// ---------------------------------------------------------------------------------------------
// Tiny scenarios for exhaustive property tests

export const TINY_SCENARIO_DATE = "2026-11-23";

/**
 * 2–4 enclaves, 3–10 workers, 1–4 coaches, 0–2 routes with few seats, one region, on Monday
 * 2026-11-23. Absences, guidance, headcounts and the hard rules are random, so some days
 * cannot be covered fully and every rule binds on some seed.
 */
export function generateTinyScenario(seed: number): ScenarioInput {
  const random = createRandom(deriveSeed(seed, "tiny"));
  const date = TINY_SCENARIO_DATE;
  const start = "2025-01-06";
  const enclaveCount = random.int(2, 4);
  const workerCount = random.int(3, 10);
  const coachCount = random.int(1, 4);
  const routeCount = random.int(0, 2);

  const ratios = random.chance(0.35)
    ? (() => {
        const high = random.int(1, 3);
        const medium = random.int(high, high + 2);
        return { low: random.int(medium, medium + 3), medium, high };
      })()
    : { ...RATIOS };
  const rules: RulesInput = {
    ratios,
    minCoachesPerEnclave: random.chance(0.2) ? 2 : 1,
    interimCoachesAllowed: random.chance(0.3),
    sharedCoaching: null,
    publicHolidays: "BE",
  };

  const enclaveIds = Array.from({ length: enclaveCount }, (_, i) => `E${i + 1}`);
  const coaches: CoachInput[] = [];
  for (let i = 0; i < coachCount; i++) {
    const role = random.weighted({ fixed: 0.55, butterfly: 0.35, interim: 0.1 });
    const home = role === "fixed" ? random.pick(enclaveIds) : null;
    const others = enclaveIds.filter((e) => e !== home);
    const qualified =
      role === "fixed"
        ? others.filter(() => random.chance(0.2))
        : random.sample(others, random.int(1, others.length)).sort();
    const pattern = random.weighted({ full: 0.8, amOnly: 0.1, pmOnly: 0.1 });
    coaches.push({
      id: role === "butterfly" ? `V${i + 1}` : role === "interim" ? `I${i + 1}` : `C${i + 1}`,
      name: personName(random),
      role,
      homeEnclaveId: home,
      qualifiedEnclaveIds: qualified,
      workPattern: [{ dtstart: start, rrule: WEEKDAYS_RULE, blocks: pattern === "full" ? ["am", "pm"] : pattern === "amOnly" ? ["am"] : ["pm"] }],
      transport: random.chance(0.25) ? "van" : "own",
    });
  }

  const enclaves: EnclaveInput[] = enclaveIds.map((id) => {
    const min = random.int(1, 4);
    const target = min + random.int(0, 2);
    const hours = random.weighted({ day: 0.85, morning: 0.1, afternoon: 0.05 });
    const late = random.chance(0.05);
    const wednesday = random.chance(0.08);
    return {
      id,
      name: `${random.pick(ENCLAVE_ACTIVITIES)} ${id}`,
      client: `${random.pick(CLIENT_SECTORS)} ${id} NV`,
      contract: late
        ? { start: date, end: null, notifiedOn: date } // not notified in time: may not be staffed
        : { start, end: null, notifiedOn: "2024-12-20" },
      schedule: { dtstart: start, rrule: wednesday ? "FREQ=WEEKLY;BYDAY=WE" : WEEKDAYS_RULE, exdates: [], rdates: [] },
      hours:
        hours === "day"
          ? { start: "07:30", end: "16:00" }
          : hours === "morning"
            ? { start: "07:30", end: "12:00" }
            : { start: "12:00", end: "16:00" },
      staffing: { min, target, max: target + random.int(0, 2) },
      fixedCoachIds: coaches.filter((c) => c.role === "fixed" && c.homeEnclaveId === id).map((c) => c.id),
    };
  });

  const workers: WorkerInput[] = Array.from({ length: workerCount }, (_, i) => {
    const home = random.chance(0.15) ? null : random.pick(enclaveIds);
    const trained = enclaveIds.filter((e) => e !== home && random.chance(0.3));
    // An in-house stand-in is trained somewhere, or they would never be placed.
    const qualified = home === null && trained.length === 0 ? [random.pick(enclaveIds)] : trained;
    const excluded = enclaveIds.filter((e) => e !== home && !qualified.includes(e) && random.chance(0.05));
    const pattern = random.weighted({ full: 0.7, amOnly: 0.15, pmOnly: 0.05, mondayToWednesday: 0.1 });
    return {
      id: `W${String(i + 1).padStart(2, "0")}`,
      name: personName(random),
      guidance: random.weighted({ low: 0.5, medium: 0.35, high: 0.15 }),
      homeEnclaveId: home,
      qualifiedEnclaveIds: qualified,
      excludedEnclaveIds: excluded,
      workPattern: [
        pattern === "mondayToWednesday"
          ? { dtstart: start, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE", blocks: ["am", "pm"] }
          : { dtstart: start, rrule: WEEKDAYS_RULE, blocks: pattern === "full" ? ["am", "pm"] : pattern === "amOnly" ? ["am"] : ["pm"] },
      ],
      transport: random.chance(0.5) ? "van" : "own",
    };
  });

  const routes: RouteInput[] = Array.from({ length: routeCount }, (_, i) => ({
    id: `R${i + 1}`,
    enclaveIds: random.sample(enclaveIds, random.int(1, enclaveCount)).sort(),
    seats: { day: random.int(1, 4), morning: random.int(0, 2), afternoon: random.int(0, 2) },
  }));

  const absences: AbsenceInput[] = [];
  for (const person of [...workers.map((w) => w.id), ...coaches.map((c) => c.id)]) {
    if (!random.chance(0.2)) continue;
    const blocks = random.weighted({ both: 0.7, am: 0.15, pm: 0.15 });
    const kind = random.weighted({ sick: 0.5, leave: 0.3, adv: 0.1, training: 0.1 });
    absences.push({
      personId: person,
      from: date,
      to: date,
      blocks: blocks === "both" ? ["am", "pm"] : [blocks],
      kind,
      ...(kind === "sick" ? { reportedAt: `${date}T${clockTime(random.int(6 * 60 + 45, 7 * 60 + 25))}:00+01:00` } : {}),
    });
  }

  return {
    version: 1,
    organisation: { name: `Tiny ${seed}`, timezone: "Europe/Brussels" },
    rules,
    enclaves,
    workers,
    coaches,
    routes,
    absences,
  };
}
