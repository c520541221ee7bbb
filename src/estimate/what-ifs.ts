/**
 * What-ifs beside the butterfly estimate (issue 4, item 4), each simulated with the same
 * engine, seed and service level as the estimate itself:
 *
 * - Stand-in workers for line enclaves. DOMAIN rule 6: "Many enclaves are line work: with only
 *   five of seven present it is very stressful for the workers and the output collapses".
 *   Our rule: a line enclave is one whose contract minimum equals its target (the line needs
 *   its whole team). Its home workers are the members, staffing.min the need per block, the
 *   in-house workers trained for it the stand-ins, and extra stand-ins are trained for every
 *   line enclave. Workers get the scenario's absence model (the only one there is).
 * - Fixed coaches at 4/5: every full-time fixed coach takes one weekday off, spread over
 *   Monday to Friday (coach i gets weekday i mod 5), with leave and ADV pro rata.
 * - The shared coaching pilot. DOMAIN.md: "the sector pilots one coach for two or three small
 *   enclaves close to each other (a rule switch: "shared coaching" within a travel-time
 *   limit)". Small means fewer than 5 workers at target ("enclaves of fewer than 5 workers
 *   are rarely profitable"). Travel time is our estimate from the coordinates: straight-line
 *   distance × 1.3 for the road, at 50 km/h. Groups are formed greedily (enclaves in scenario
 *   order, each joining the first group whose every enclave is within reach). A group keeps
 *   one fixed coach and runs as one site on the union of its calendars; a butterfly covers it
 *   only when trained for all its enclaves. The rule from the scenario is used when set, else
 *   the pilot's "two or three within 15 minutes".
 */
import type { EstimateWhatIfs, Scenario } from "../scenario/schema.ts";
import { AM, PM, type AbsenceParameters, type PersonSpec, type SiteSpec, type YearCalendar } from "./coverage-model.ts";
import { blockMask, patternMask } from "./enclave-sites.ts";
import { curveRow, curveRows, simulateCurve, type CurveProblem, type CurveResult, type ProgressSpan, type ResolvedOptions } from "./estimate.ts";
import type { CoverageRow } from "./curve.ts";

export interface WhatIfContext {
  scenario: Scenario;
  calendar: YearCalendar;
  sites: readonly SiteSpec[];
  members: readonly PersonSpec[];
  butterflies: readonly PersonSpec[];
  absence: AbsenceParameters;
  options: ResolvedOptions;
  base: CurveResult;
}

/** Our choice: the what-ifs are comparisons, so fewer years suffice (and keep the HR page quick). */
export const WHAT_IF_MAX_RUNS = 1000;
export const SMALL_ENCLAVE_WORKERS = 5;
export const DEFAULT_SHARED_COACHING = { maxEnclaves: 3, maxTravelMinutes: 15 } as const;
const ROAD_FACTOR = 1.3;
const SPEED_KMH = 50;

export async function estimateWhatIfs(context: WhatIfContext, span: ProgressSpan): Promise<EstimateWhatIfs> {
  const options = { ...context.options, runs: Math.min(context.options.runs, WHAT_IF_MAX_RUNS) };
  const third = (span.to - span.from) / 3;
  const part = (i: number): ProgressSpan => ({ hooks: span.hooks, from: span.from + i * third, to: span.from + (i + 1) * third });
  const fourFifthCoaches = await fourFifths(context, options, part(0));
  const sharedCoaching = await shared(context, options, part(1));
  const standInWorkers = await standIns(context, options, part(2));
  return { standInWorkers, fourFifthCoaches, sharedCoaching };
}

function runsNote(options: ResolvedOptions): string {
  return options.runs < WHAT_IF_MAX_RUNS ? "" : ` (${options.runs} simulated years)`;
}

function baseProblem(context: WhatIfContext): Omit<CurveProblem, "initialFloaters"> {
  const { calendar, sites, members, butterflies, absence } = context;
  const all = Array.from({ length: sites.length }, (_, s) => s);
  return {
    calendar,
    sites,
    members,
    floaters: butterflies,
    extra: (n) => ({ id: `extra-${n}`, home: -1, qualified: all, schedule: Uint8Array.from(calendar.workingDay, (w) => (w ? AM | PM : 0)) }),
    absence,
  };
}

async function fourFifths(context: WhatIfContext, options: ResolvedOptions, span: ProgressSpan): Promise<NonNullable<EstimateWhatIfs["fourFifthCoaches"]>> {
  const { calendar } = context;
  let changed = 0;
  const members = context.members.map((member) => {
    const fullTime = calendar.dates.every((_, d) => calendar.workingDay[d] !== 1 || member.schedule[d] === (AM | PM));
    if (!fullTime) return member;
    const dayOff = 1 + (changed++ % 5); // Monday..Friday
    const schedule = Uint8Array.from(member.schedule, (mask, d) => (new Date(`${calendar.dates[d]}T00:00:00Z`).getUTCDay() === dayOff ? 0 : mask));
    return { ...member, schedule };
  });
  const base = context.base.recommended ?? 0;
  const result = await simulateCurve({ ...baseProblem(context), members, initialFloaters: base + 4 }, options, span);
  const recommended = result.recommended;
  const change = recommended === null ? "more butterflies than the simulation looked at" : recommended === base ? "no extra butterfly" : `${recommended - base} more butterfl${recommended - base === 1 ? "y" : "ies"}`;
  return {
    coaches: changed,
    curve: curveRows(result, context.butterflies.length).map(curveRow),
    recommended,
    note: `${changed} full-time fixed coaches each take one weekday off (spread over Monday to Friday), with leave and ADV pro rata: ${change} to keep the same service level${runsNote(options)}.`,
  };
}

function travelMinutes(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.sqrt(h));
  return ((km * ROAD_FACTOR) / SPEED_KMH) * 60;
}

async function shared(context: WhatIfContext, options: ResolvedOptions, span: ProgressSpan): Promise<NonNullable<EstimateWhatIfs["sharedCoaching"]>> {
  const { scenario, sites } = context;
  const rule = scenario.rules.sharedCoaching ?? DEFAULT_SHARED_COACHING;
  const small = scenario.enclaves
    .map((enclave, s) => ({ enclave, s }))
    .filter(({ enclave, s }) => enclave.staffing.target < SMALL_ENCLAVE_WORKERS && enclave.location !== undefined && sites[s]!.runs.some((mask) => mask !== 0));
  const groups: (typeof small)[] = [];
  for (const entry of small) {
    const group = groups.find(
      (candidate) => candidate.length < rule.maxEnclaves && candidate.every((other) => travelMinutes(other.enclave.location!, entry.enclave.location!) <= rule.maxTravelMinutes),
    );
    if (group) group.push(entry);
    else groups.push([entry]);
  }
  const shared = groups.filter((group) => group.length >= 2);
  const base = context.base;
  const source = scenario.rules.sharedCoaching ? "the scenario's rule" : "the pilot's rule (no sharedCoaching in the scenario)";
  if (shared.length === 0) {
    return {
      ...rule,
      groups: [],
      coachesSaved: 0,
      curve: curveRows(base, context.butterflies.length).map(curveRow),
      recommended: base.recommended,
      butterfliesSaved: 0,
      note: `With ${source}, no two small enclaves (fewer than ${SMALL_ENCLAVE_WORKERS} workers) that run this year are within reach of each other: nothing changes.`,
    };
  }
  // Merge each group into its first site; the other sites disappear.
  const mergedInto = new Map<number, number>();
  for (const group of shared) for (const { s } of group) mergedInto.set(s, group[0]!.s);
  const keep = sites.map((_, s) => !mergedInto.has(s) || mergedInto.get(s) === s);
  const newIndex = new Map<number, number>();
  sites.forEach((_, s) => {
    if (keep[s]) newIndex.set(s, newIndex.size);
  });
  const siteOf = (s: number): number => newIndex.get(mergedInto.get(s) ?? s)!;
  const newSites: SiteSpec[] = sites.filter((_, s) => keep[s]).map((site) => ({ ...site, runs: Uint8Array.from(site.runs) }));
  for (const group of shared) {
    const target = newSites[siteOf(group[0]!.s)]!;
    target.id = group.map(({ enclave }) => enclave.id).join("+");
    target.need = Math.max(...group.map(({ s }) => sites[s]!.need));
    for (const { s } of group) sites[s]!.runs.forEach((mask, d) => (target.runs[d] = target.runs[d]! | mask));
  }
  // One fixed coach per group stays (the first of the group's first enclave); the others go.
  let coachesSaved = 0;
  const keptCoach = new Set<number>();
  const members: PersonSpec[] = [];
  context.members.forEach((member) => {
    const group = member.home >= 0 ? mergedInto.get(member.home) : undefined;
    if (group !== undefined) {
      if (keptCoach.has(group)) {
        coachesSaved++;
        return;
      }
      keptCoach.add(group);
    }
    members.push(remap(member, siteOf, shared));
  });
  const floaters = context.butterflies.map((butterfly) => remap(butterfly, siteOf, shared));
  const all = Array.from({ length: newSites.length }, (_, s) => s);
  const { calendar } = context;
  const result = await simulateCurve(
    {
      calendar,
      sites: newSites,
      members,
      floaters,
      extra: (n) => ({ id: `extra-${n}`, home: -1, qualified: all, schedule: Uint8Array.from(calendar.workingDay, (w) => (w ? AM | PM : 0)) }),
      absence: context.absence,
      initialFloaters: (base.recommended ?? 0) + 4,
    },
    options,
    span,
  );
  return {
    ...rule,
    groups: shared.map((group) => group.map(({ enclave }) => enclave.id)),
    coachesSaved,
    curve: curveRows(result, context.butterflies.length).map(curveRow),
    recommended: result.recommended,
    butterfliesSaved: result.recommended === null || base.recommended === null ? null : base.recommended - result.recommended,
    note: `With ${source}: each group keeps one fixed coach and runs on the union of its calendars; a butterfly covers a group only when trained for all of it; an uncovered group counts as one enclave-day${runsNote(options)}.`,
  };
}

/** A person's home and qualifications in the merged sites; a group counts only when trained for all of it. */
function remap(person: PersonSpec, siteOf: (s: number) => number, groups: readonly { s: number }[][]): PersonSpec {
  const trained = new Set(person.qualified);
  if (person.home >= 0) trained.add(person.home);
  const qualified = new Set<number>();
  for (const s of person.qualified) {
    const group = groups.find((g) => g.some((entry) => entry.s === s));
    if (group && !group.every((entry) => trained.has(entry.s))) continue;
    qualified.add(siteOf(s));
  }
  const home = person.home >= 0 ? siteOf(person.home) : -1;
  qualified.delete(home);
  return { ...person, home, qualified: [...qualified] };
}

async function standIns(context: WhatIfContext, options: ResolvedOptions, span: ProgressSpan): Promise<NonNullable<EstimateWhatIfs["standInWorkers"]>> {
  const { scenario, calendar, sites } = context;
  const lines = scenario.enclaves
    .map((enclave, s) => ({ enclave, s }))
    .filter(({ enclave, s }) => enclave.staffing.min === enclave.staffing.target && enclave.staffing.min > 0 && sites[s]!.runs.some((mask) => mask !== 0));
  const lineIndex = new Map(lines.map(({ enclave }, i) => [enclave.id, i]));
  const lineSites: SiteSpec[] = lines.map(({ enclave, s }) => ({ id: enclave.id, need: enclave.staffing.min, runs: sites[s]!.runs }));
  const qualifiedLines = (ids: readonly string[], excluded: readonly string[]) =>
    ids.filter((id) => !excluded.includes(id)).map((id) => lineIndex.get(id)).filter((i): i is number => i !== undefined);
  const members: PersonSpec[] = scenario.workers
    .filter((worker) => worker.homeEnclaveId !== null && lineIndex.has(worker.homeEnclaveId))
    .map((worker) => ({
      id: worker.id,
      home: lineIndex.get(worker.homeEnclaveId!)!,
      qualified: qualifiedLines(worker.qualifiedEnclaveIds, worker.excludedEnclaveIds),
      schedule: patternMask(worker.workPattern, calendar),
    }));
  const inHouse: PersonSpec[] = scenario.workers
    .filter((worker) => worker.homeEnclaveId === null)
    .map((worker) => ({ id: worker.id, home: -1, qualified: qualifiedLines(worker.qualifiedEnclaveIds, worker.excludedEnclaveIds), schedule: patternMask(worker.workPattern, calendar) }))
    .filter((worker) => worker.qualified.length > 0);
  const enclaveDays = lineSites.reduce((sum, site) => sum + site.runs.filter((mask) => mask !== 0).length, 0);
  const note =
    "A line enclave (contract minimum = target) is short when fewer than its minimum of home workers and stand-ins are present in a block; " +
    "in-house workers stand in where trained, extra stand-ins are trained for every line enclave, workers of a line enclave above its minimum move where trained. " +
    `Workers get the scenario's absence model${runsNote(options)}.`;
  if (lines.length === 0) {
    return { lineEnclaveIds: [], inHouseStandIns: inHouse.length, enclaveDays: 0, curve: [], recommendedExtra: 0, note: `No enclave runs as a line this year. ${note}` };
  }
  const all = Array.from({ length: lineSites.length }, (_, s) => s);
  const fullTime = Uint8Array.from(calendar.workingDay, (w) => (w ? blockMask(["am", "pm"]) : 0));
  const absence = { ...context.absence, trainingDays: 0 };
  const result = await simulateCurve(
    {
      calendar,
      sites: lineSites,
      members,
      floaters: inHouse,
      extra: (n) => ({ id: `stand-in-${n}`, home: -1, qualified: all, schedule: fullTime }),
      absence,
      initialFloaters: inHouse.length + 6,
    },
    options,
    span,
  );
  const rows: CoverageRow[] = result.rows.slice(inHouse.length);
  const recommendedExtra = result.recommended === null ? null : Math.max(0, result.recommended - inHouse.length);
  const last = Math.min(rows.length - 1, (recommendedExtra ?? rows.length) + 2);
  return {
    lineEnclaveIds: lines.map(({ enclave }) => enclave.id),
    inHouseStandIns: inHouse.length,
    enclaveDays,
    curve: rows.slice(0, last + 1).map((row, i) => ({
      people: i,
      coveredShare: Math.round(row.coveredShare * 10_000) / 10_000,
      fullDaysShare: Math.round(row.fullDaysShare * 10_000) / 10_000,
      uncoveredDays: { mean: Math.round(row.uncovered.mean * 10) / 10, p50: row.uncovered.p50, p95: row.uncovered.p95 },
    })),
    recommendedExtra,
    note,
  };
}
