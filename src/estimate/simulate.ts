/**
 * The Monte Carlo year: for each simulated year, everyone's absences, then for every block of
 * every running day, which sites are left without enough people once the floaters have been
 * matched to them — for every number of floaters 0..K at once.
 *
 * We simulate per half-day block, not per day: work patterns are per block (a 4/5 coach who
 * works Friday mornings leaves the Friday afternoon uncovered) and a butterfly with its own
 * car may switch enclave at noon. An uncovered block counts as half an enclave-day (a whole
 * one for a site that runs only one block a day).
 *
 * DOMAIN rule 3 (qualification): "a butterfly not trained for an enclave cannot cover it".
 * So on each block the sites short of people are matched to the available floaters trained
 * for them — a maximum bipartite matching (Kuhn's augmenting paths; the graphs are tiny), not
 * a count. A site that needs two more people has two places ("slots") in the matching. Members
 * whose own site does not run, or who are more than their site needs, join as stand-ins where
 * they are trained (a fixed coach's qualifiedEnclaveIds), before any floater.
 *
 * One pass gives the answer for every k: Kuhn's algorithm adds the floaters one at a time,
 * after the i-th the matching is maximum for the first i, and a successful augmenting path
 * keeps every filled slot filled and fills exactly one more. So the level at which each slot
 * is filled is recorded, and a site is covered with k floaters when all its slots are filled
 * at levels ≤ k. (For a site that needs two stand-ins the matching maximises filled places,
 * which may leave one more site half-short than the best possible; with one missing person
 * per site — nearly every block — it is exact.)
 */
import { AbsenceSampler } from "./absences.ts";
import type { AbsenceParameters, AbsencePlacement, CoverageModel } from "./coverage-model.ts";
import { AM, PM } from "./coverage-model.ts";
import { createStream, mixSeed } from "./random.ts";

export interface SimulationRequest {
  model: CoverageModel;
  absence: AbsenceParameters;
  placement: AbsencePlacement;
  seed: number;
  /** Runs fromRun..toRun-1 (a run is one simulated year). */
  fromRun: number;
  toRun: number;
}

export interface SimulationTotals {
  /** K: floaters in the model; results exist for 0..K of them. */
  floaters: number;
  runs: number;
  /** runs × (K+1): uncovered half-days per run and number of floaters. */
  uncoveredHalves: Int32Array;
  /** Per number of floaters: running days with every site covered, summed over runs. */
  fullDays: Float64Array;
  /** Members' absent blocks on blocks their own site runs, summed over runs. */
  memberAbsenceHalves: number;
  /** Per floater: blocks scheduled and not absent on working days, summed over runs. */
  floaterAvailableHalves: Float64Array;
}

/** Runs the requested years; each year's randomness depends only on (seed, run, person). */
export function simulateYears(request: SimulationRequest): SimulationTotals {
  const { model, seed, fromRun, toRun } = request;
  const { days, siteCount, memberCount, floaterCount, need, siteRuns, halfWeight, memberStart, memberOrder, schedule, adjStart, adjSites, runningDays, home } = model;
  const K = floaterCount;
  const people = memberCount + floaterCount;
  const runs = Math.max(0, toRun - fromRun);
  const sampler = new AbsenceSampler(model, request.absence, request.placement);
  const totals: SimulationTotals = {
    floaters: K,
    runs,
    uncoveredHalves: new Int32Array(runs * (K + 1)),
    fullDays: new Float64Array(K + 1),
    memberAbsenceHalves: 0,
    floaterAvailableHalves: new Float64Array(K),
  };

  // --- Precomputed once: blocks, the sites running in each, members scheduled there. ---
  const blockCount = runningDays.length * 2;
  const runIndex = new Int32Array(days).fill(-1);
  runningDays.forEach((d, r) => (runIndex[d] = r));
  const blockStart = new Int32Array(blockCount + 1);
  const blockSiteList: number[] = [];
  /** Members of site s scheduled in block t, before absences: scheduled[t * siteCount + s]. */
  const scheduled = new Int16Array(blockCount * siteCount);
  for (let t = 0; t < blockCount; t++) {
    const d = runningDays[t >> 1]!;
    const bit = t & 1 ? PM : AM;
    for (let s = 0; s < siteCount; s++) {
      if (((siteRuns[s * days + d] ?? 0) & bit) === 0) continue;
      blockSiteList.push(s);
      for (let i = memberStart[s]!; i < memberStart[s + 1]!; i++) {
        if (((schedule[memberOrder[i]! * days + d] ?? 0) & bit) !== 0) scheduled[t * siteCount + s]!++;
      }
    }
    blockStart[t + 1] = blockSiteList.length;
  }
  const blockSites = Int32Array.from(blockSiteList);
  /** Members trained elsewhere: the only ones who can stand in at level 0. */
  const helpers: number[] = [];
  for (let m = 0; m < memberCount; m++) if (adjStart[m + 1]! > adjStart[m]!) helpers.push(m);
  // qualifies[p * siteCount + s]: person p may stand in at site s (a lookup beats walking the
  // adjacency list: only the one to three short sites of a block are ever looked at).
  const qualifies = new Uint8Array(people * siteCount);
  for (let p = 0; p < people; p++) for (let a = adjStart[p]!; a < adjStart[p + 1]!; a++) qualifies[p * siteCount + adjSites[a]!] = 1;
  const scheduledHalves = new Float64Array(people);
  for (let p = 0; p < people; p++) for (let d = 0; d < days; d++) scheduledHalves[p]! += bits(schedule[p * days + d] ?? 0);

  // --- Buffers reused by every run. ---
  const absent = new Uint8Array(people * days);
  const absentOf = Array.from({ length: people }, (_, p) => absent.subarray(p * days, (p + 1) * days));
  const marks = new Int32Array(days);
  /** Members of site s absent in block t: away[t * siteCount + s]. */
  const away = new Int16Array(blockCount * siteCount);
  const deficit = new Int32Array(siteCount);
  const unfilled = new Int32Array(siteCount);
  const coveredAt = new Int32Array(siteCount);
  const slotStart = new Int32Array(siteCount);
  const released = new Int32Array(siteCount);
  let maxSlots = 0;
  for (let s = 0; s < siteCount; s++) maxSlots += need[s]!;
  const slotSite = new Int32Array(maxSlots);
  const slotMatch = new Int32Array(maxSlots);
  const slotSeen = new Int32Array(maxSlots);
  const shortSites = new Int32Array(siteCount);
  const diff = new Int32Array(K + 2);
  const fullHist = new Int32Array(K + 2);
  let stamp = 0;
  let freedSlot = -1;
  let shortCount = 0;

  // Depth-first search for an augmenting path from person v (Kuhn).
  const augment = (v: number): boolean => {
    for (let i = 0; i < shortCount; i++) {
      const s = shortSites[i]!;
      if (qualifies[v * siteCount + s] === 0) continue;
      const first = slotStart[s]!;
      const last = first + deficit[s]!;
      for (let j = first; j < last; j++) {
        if (slotSeen[j] === stamp) continue;
        slotSeen[j] = stamp;
        const holder = slotMatch[j]!;
        if (holder < 0) {
          slotMatch[j] = v;
          freedSlot = j;
          return true;
        }
        if (augment(holder)) {
          slotMatch[j] = v;
          return true;
        }
      }
    }
    return false;
  };
  /** Records that slot's site got one more person at `level`. */
  const fill = (slot: number, level: number): void => {
    const s = slotSite[slot]!;
    unfilled[s]!--;
    if (unfilled[s] === 0) coveredAt[s] = level;
  };

  for (let run = fromRun; run < toRun; run++) {
    // Everyone's absences; members' absences are counted per site and block.
    absent.fill(0);
    away.fill(0);
    for (let p = 0; p < people; p++) {
      const count = sampler.fill(p, createStream(mixSeed(seed, run, p)), absentOf[p]!, p >= memberCount, marks);
      if (p >= memberCount) {
        let lost = 0;
        for (let i = 0; i < count; i++) lost += bits(schedule[p * days + marks[i]!] ?? 0);
        totals.floaterAvailableHalves[p - memberCount]! += scheduledHalves[p]! - lost;
        continue;
      }
      const s = home[p]!;
      if (s < 0) continue;
      for (let i = 0; i < count; i++) {
        const d = marks[i]!;
        const r = runIndex[d]!;
        if (r < 0) continue;
        const mask = schedule[p * days + d] ?? 0;
        const runs = siteRuns[s * days + d] ?? 0;
        if (mask & AM) {
          away[r * 2 * siteCount + s]!++;
          if (runs & AM) totals.memberAbsenceHalves++;
        }
        if (mask & PM) {
          away[(r * 2 + 1) * siteCount + s]!++;
          if (runs & PM) totals.memberAbsenceHalves++;
        }
      }
    }

    diff.fill(0);
    fullHist.fill(0);
    for (let r = 0; r < runningDays.length; r++) {
      const d = runningDays[r]!;
      let dayNeed = 0;
      for (let b = 0; b < 2; b++) {
        const t = r * 2 + b;
        const bit = b === 0 ? AM : PM;
        const row = t * siteCount;
        // Which running sites are short, and by how many people.
        shortCount = 0;
        let slots = 0;
        for (let i = blockStart[t]!; i < blockStart[t + 1]!; i++) {
          const s = blockSites[i]!;
          const short = need[s]! - scheduled[row + s]! + away[row + s]!;
          if (short <= 0) continue;
          deficit[s] = short;
          unfilled[s] = short;
          coveredAt[s] = K + 1;
          slotStart[s] = slots;
          for (let j = 0; j < short; j++) {
            slotSite[slots] = s;
            slotMatch[slots] = -1;
            slots++;
          }
          shortSites[shortCount++] = s;
        }
        if (shortCount === 0) continue;
        let open = slots;
        // Level 0: members free to stand in (own site not running, or more than it needs).
        for (let h = 0; h < helpers.length && open > 0; h++) {
          const m = helpers[h]!;
          if (((schedule[m * days + d] ?? 0) & bit) === 0 || absent[m * days + d] === 1) continue;
          const s = home[m]!;
          if (s >= 0 && ((siteRuns[s * days + d] ?? 0) & bit) !== 0) {
            if (released[s]! >= scheduled[row + s]! - away[row + s]! - need[s]!) continue;
            released[s]!++;
          }
          stamp++;
          if (augment(m)) {
            open--;
            fill(freedSlot, 0);
          }
        }
        for (let h = 0; h < helpers.length; h++) released[home[helpers[h]!]!] = 0;
        // Levels 1..K: the floaters, one at a time.
        for (let f = 0; f < K && open > 0; f++) {
          const p = memberCount + f;
          if (((schedule[p * days + d] ?? 0) & bit) === 0 || absent[p * days + d] === 1) continue;
          stamp++;
          if (augment(p)) {
            open--;
            fill(freedSlot, f + 1);
          }
        }
        for (let i = 0; i < shortCount; i++) {
          const s = shortSites[i]!;
          const level = coveredAt[s]!;
          diff[0]! += halfWeight[s]!;
          if (level <= K) diff[level]! -= halfWeight[s]!;
          if (level > dayNeed) dayNeed = level;
          deficit[s] = 0;
        }
      }
      fullHist[dayNeed]!++;
    }
    const first = (run - fromRun) * (K + 1);
    let uncovered = 0;
    let full = 0;
    for (let k = 0; k <= K; k++) {
      uncovered += diff[k]!;
      full += fullHist[k]!;
      totals.uncoveredHalves[first + k] = uncovered;
      totals.fullDays[k]! += full;
    }
  }
  return totals;
}

function bits(mask: number): number {
  return (mask & AM ? 1 : 0) + (mask & PM ? 1 : 0);
}
