/**
 * The yearly coverage question as plain typed arrays: sites that need people in each block of
 * each day, members who belong to a site, and floaters who stand in where they are trained.
 *
 * For the butterfly estimate a site is an enclave, a member a fixed coach and a floater a
 * butterfly; for the stand-in what-if a site is a line enclave, a member one of its workers
 * and a floater an in-house stand-in. The calendar work (enclave calendars, Belgian holidays,
 * work patterns, school holidays) is done here once per year, so that the simulation itself
 * only reads typed arrays — thousands of simulated years depend on it being cheap.
 *
 * Everything is structured-cloneable, so the model can be sent to a worker thread as is.
 */
import { isBelgianPublicHoliday } from "../calendar/holidays.ts";
import { eachDate, weekday } from "../calendar/local-date.ts";
import { isBridgeDay, schoolHolidayDates } from "./school-holidays.ts";

/** Block bits in a day mask: am = 1, pm = 2 (both = 3). */
export const AM = 1;
export const PM = 2;

/**
 * Our choice: how much more likely a person picks a day for leave or ADV than an ordinary
 * working day. DOMAIN.md: "leave clusters in holidays". Parents book school holidays; a
 * bridge day (one day of leave for a four-day weekend) is the most wanted day of all.
 */
export const SCHOOL_HOLIDAY_WEIGHT = 3;
export const BRIDGE_DAY_WEIGHT = 8;

export interface AbsenceParameters {
  /** Per full-time person per year; part-timers get their share (Belgian leave is pro rata). */
  leaveDays: number;
  advDays: number;
  /** Expected sick working days of a full-time person per year. */
  sickDays: number;
  sickEpisodeMeanDays: number;
  /** Extra training days, floaters only (butterflies are trained on the shop floor). */
  trainingDays: number;
}

/**
 * "clustered": the realistic model (leave in holidays and bridge days, sickness in episodes).
 * "independent": every person absent on each working day with probability p, independently
 * — the textbook case the exact binomial computation checks the simulation against.
 */
export type AbsencePlacement = { kind: "clustered" } | { kind: "independent"; probability: number };

export interface YearCalendar {
  year: number;
  dates: string[];
  /** 1 on Monday–Friday days that are not a closing public holiday. */
  workingDay: Uint8Array;
  /** Working days of a full-time person (the reference for pro-rata leave). */
  fullTimeDays: number;
  /** Preference weight of each date for leave and ADV (0 on days off). */
  leaveWeight: Float64Array;
  /** 1 on dates in a Flemish school holiday. */
  schoolHoliday: Uint8Array;
  /** 1 on a weekday that is a closing public holiday. */
  closed: Uint8Array;
}

export interface SiteSpec {
  id: string;
  /** People needed in each running block. */
  need: number;
  /** Per date: the blocks in which the site runs (AM | PM). */
  runs: Uint8Array;
}

export interface PersonSpec {
  id: string;
  /** Index of the home site, or -1. */
  home: number;
  /** Sites (indices, home excluded) where the person may stand in. */
  qualified: readonly number[];
  /** Per date: the blocks the person's work pattern schedules (AM | PM). */
  schedule: Uint8Array;
}

export interface CoverageModel {
  days: number;
  workingDay: Uint8Array;
  fullTimeDays: number;
  leaveWeight: Float64Array;
  schoolHoliday: Uint8Array;
  siteIds: string[];
  siteCount: number;
  need: Int32Array;
  /** siteCount × days block masks. */
  siteRuns: Uint8Array;
  /** Half-days an uncovered block of the site is worth: 1, or 2 for a site running one block a day. */
  halfWeight: Int32Array;
  /** Members of each site: memberStart[s]..memberStart[s+1] into memberOrder. */
  memberStart: Int32Array;
  memberOrder: Int32Array;
  /** People: members first (0..memberCount-1), then floaters in the order they are added. */
  personIds: string[];
  memberCount: number;
  floaterCount: number;
  home: Int32Array;
  /** personCount × days schedule masks. */
  schedule: Uint8Array;
  /** Qualified sites: adjStart[p]..adjStart[p+1] into adjSites. */
  adjStart: Int32Array;
  adjSites: Int32Array;
  /** Share of a full-time year the person works (for pro-rata leave). */
  workFraction: Float64Array;
  /** Days on which at least one site runs. */
  runningDays: Int32Array;
  /** Site-days in the year (a site running one block a day counts a whole day). */
  siteDays: number;
}

/** Dates, working days and leave preferences of one year, under the scenario's holiday rule. */
export function buildYearCalendar(year: number, publicHolidays: "BE" | "none"): YearCalendar {
  const y = String(year).padStart(4, "0");
  const dates = eachDate(`${y}-01-01`, `${y}-12-31`);
  const school = schoolHolidayDates(year);
  const workingDay = new Uint8Array(dates.length);
  const leaveWeight = new Float64Array(dates.length);
  const schoolHoliday = new Uint8Array(dates.length);
  const closedDay = new Uint8Array(dates.length);
  let fullTimeDays = 0;
  dates.forEach((date, d) => {
    const day = weekday(date);
    const closed = publicHolidays === "BE" && isBelgianPublicHoliday(date);
    if (school.has(date)) schoolHoliday[d] = 1;
    if (closed) closedDay[d] = 1;
    if (day === 0 || day === 6 || closed) return;
    workingDay[d] = 1;
    fullTimeDays++;
    leaveWeight[d] = isBridgeDay(date) ? BRIDGE_DAY_WEIGHT : school.has(date) ? SCHOOL_HOLIDAY_WEIGHT : 1;
  });
  return { year, dates, workingDay, fullTimeDays, leaveWeight, schoolHoliday, closed: closedDay };
}

function countBits(mask: number): number {
  return (mask & AM ? 1 : 0) + (mask & PM ? 1 : 0);
}

/**
 * Packs sites, members and floaters into one model. A person's schedule is cut to the days
 * the calendar lets anyone work (no one works on a closing public holiday).
 */
export function buildCoverageModel(
  calendar: YearCalendar,
  sites: readonly SiteSpec[],
  members: readonly PersonSpec[],
  floaters: readonly PersonSpec[],
): CoverageModel {
  const days = calendar.dates.length;
  const siteCount = sites.length;
  const people = [...members, ...floaters];
  const need = Int32Array.from(sites, (site) => site.need);
  const siteRuns = new Uint8Array(siteCount * days);
  const halfWeight = new Int32Array(siteCount);
  const runningDays: number[] = [];
  let siteDays = 0;
  sites.forEach((site, s) => {
    siteRuns.set(site.runs, s * days);
    let blocks = 0;
    let runDays = 0;
    for (let d = 0; d < days; d++) {
      const mask = site.runs[d] ?? 0;
      if (mask === 0) continue;
      blocks |= mask;
      runDays++;
    }
    halfWeight[s] = countBits(blocks) === 1 ? 2 : 1;
    siteDays += runDays;
  });
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < siteCount; s++) {
      if ((siteRuns[s * days + d] ?? 0) !== 0) {
        runningDays.push(d);
        break;
      }
    }
  }
  const memberStart = new Int32Array(siteCount + 1);
  for (const member of members) if (member.home >= 0) memberStart[member.home + 1]! += 1;
  for (let s = 0; s < siteCount; s++) memberStart[s + 1]! += memberStart[s]!;
  const memberOrder = new Int32Array(memberStart[siteCount] ?? 0);
  const fill = memberStart.slice(0, siteCount);
  members.forEach((member, m) => {
    if (member.home >= 0) memberOrder[fill[member.home]!++] = m;
  });

  const schedule = new Uint8Array(people.length * days);
  const workFraction = new Float64Array(people.length);
  const adjStart = new Int32Array(people.length + 1);
  const adjList: number[] = [];
  people.forEach((person, p) => {
    let blocks = 0;
    for (let d = 0; d < days; d++) {
      // No one works on a closing public holiday; a weekend day keeps its scheduled blocks.
      const allowed = calendar.closed[d] === 1 ? 0 : (person.schedule[d] ?? 0);
      schedule[p * days + d] = allowed;
      blocks += countBits(allowed);
    }
    workFraction[p] = calendar.fullTimeDays > 0 ? Math.min(1, blocks / (2 * calendar.fullTimeDays)) : 0;
    for (const site of new Set(person.qualified)) if (site !== person.home && site >= 0 && site < siteCount) adjList.push(site);
    adjStart[p + 1] = adjList.length;
  });
  return {
    days,
    workingDay: calendar.workingDay,
    fullTimeDays: calendar.fullTimeDays,
    leaveWeight: calendar.leaveWeight,
    schoolHoliday: calendar.schoolHoliday,
    siteIds: sites.map((site) => site.id),
    siteCount,
    need,
    siteRuns,
    halfWeight,
    memberStart,
    memberOrder,
    personIds: people.map((person) => person.id),
    memberCount: members.length,
    floaterCount: floaters.length,
    home: Int32Array.from(people, (person) => person.home),
    schedule,
    adjStart,
    adjSites: Int32Array.from(adjList),
    workFraction,
    runningDays: Int32Array.from(runningDays),
    siteDays,
  };
}
