/**
 * Exhaustive oracle: the largest number of enclaves that can be covered on a day.
 *
 * Written from the rules alone (DOMAIN.md, SCENARIO-FORMAT.md, solver/types.ts) and sharing
 * no code with solver/, so that a property test comparing the two can catch a wrong model.
 * Only for tiny days (≤ 4 enclaves, ≤ 10 workers, ≤ 4 coaches); the search is exponential.
 *
 * The rules, per enclave and per block the enclave works:
 * - a worker is placed at most once for the whole day, at an `eligible` enclave, and is
 *   present in those of their `blocks` that the enclave works (workers never move at noon);
 * - a coach is placed per block at most at one eligible enclave, in blocks it is available;
 *   without `canSwitchAtNoon` its two blocks are at the same enclave (or one is empty);
 *   interim coaches only when the rules allow them;
 * - workers ≤ max; any worker present ⇒ coaches ≥ minCoachesPerEnclave;
 *   Σ 1/ratio[guidance] over the workers present ≤ coaches (in integers: × lcm of ratios);
 * - a placed person with `needsSeat` takes a seat on a route that stops at their enclave:
 *   the `day` run when present both blocks there, `morning` for am only, `afternoon` for pm
 *   only; each route and run has its number of seats.
 * Covered: in every block it works, coaches ≥ minCoachesPerEnclave and workers ≥ min.
 *
 * Search: depth-first over coach placements, then over workers; states already seen at the
 * same depth are skipped (identical people lead to identical states), and a branch stops
 * when an optimistic count of still-coverable enclaves cannot beat the best found. Seats are
 * checked with Hall's condition per run (demand of every set of enclaves ≤ seats of the
 * routes stopping at any of them), which is exact for this transportation problem.
 */
import type { Block, DayInstance } from "../../solver/types.ts";

const BLOCKS: readonly Block[] = ["am", "pm"];
type RunIndex = 0 | 1 | 2; // day, morning, afternoon
const RUN_NAMES = ["day", "morning", "afternoon"] as const;

interface Placement {
  /** Enclave index per block (am, pm), -1 when not there. */
  at: [number, number];
  /** Seat demands this placement adds: [run, enclave] pairs. */
  seats: [RunIndex, number][];
}

interface Person {
  options: Placement[]; // options[0] is "not placed"
}

interface WorkerOption extends Placement {
  enclave: number;
  weight: number;
}

export interface BruteForceResult {
  covered: number;
  /** Search nodes visited (for tests of the search itself and for timing). */
  nodes: number;
}

export function maxCoveredEnclaves(day: DayInstance): number {
  return bruteForceCoverage(day).covered;
}

export function bruteForceCoverage(day: DayInstance): BruteForceResult {
  const n = day.enclaves.length;
  if (n > 12) throw new Error(`brute force is for tiny days (got ${n} enclaves)`);
  const indexOf = new Map(day.enclaves.map((e, i) => [e.id, i]));
  const works = day.enclaves.map((e) => BLOCKS.map((b) => e.blocks.includes(b)));
  const minCoaches = day.rules.minCoachesPerEnclave;
  const lcm = [day.rules.ratios.low, day.rules.ratios.medium, day.rules.ratios.high].reduce(lcmOf, 1);
  const weightOf = { low: lcm / day.rules.ratios.low, medium: lcm / day.rules.ratios.medium, high: lcm / day.rules.ratios.high };

  // Hall's condition needs, per run and per set of enclaves, the seats of the routes that stop at any of them.
  const masks = 1 << n;
  const routeMasks = day.routes.map((route) =>
    route.enclaveIds.reduce((mask, id) => {
      const i = indexOf.get(id);
      return i === undefined ? mask : mask | (1 << i);
    }, 0),
  );
  const seatsFor: number[][] = RUN_NAMES.map((run) => {
    const capacity = new Array<number>(masks).fill(0);
    for (let mask = 1; mask < masks; mask++) {
      day.routes.forEach((route, r) => {
        if (((routeMasks[r] ?? 0) & mask) !== 0) capacity[mask] = (capacity[mask] ?? 0) + Math.max(0, route.seats[run] ?? 0);
      });
    }
    return capacity;
  });

  const eligibleIndices = (ids: readonly string[]): number[] =>
    [...new Set(ids)].map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);

  // --- Coach placements ---------------------------------------------------------------------
  const coaches: Person[] = day.coaches.map((coach) => {
    const none: Placement = { at: [-1, -1], seats: [] };
    if (coach.role === "interim" && !day.rules.interimCoachesAllowed) return { options: [none] };
    const eligible = eligibleIndices(coach.eligible);
    const choices = BLOCKS.map((b, bi) =>
      coach.blocks.includes(b) ? [-1, ...eligible.filter((e) => works[e]?.[bi] === true)] : [-1],
    );
    const options: Placement[] = [];
    for (const am of choices[0] ?? [-1]) {
      for (const pm of choices[1] ?? [-1]) {
        if (!coach.canSwitchAtNoon && am !== -1 && pm !== -1 && am !== pm) continue;
        const seats: [RunIndex, number][] = [];
        if (coach.needsSeat) {
          if (am !== -1 && am === pm) seats.push([0, am]);
          else {
            if (am !== -1) seats.push([1, am]);
            if (pm !== -1) seats.push([2, pm]);
          }
        }
        options.push({ at: [am, pm], seats });
      }
    }
    return { options };
  });

  // --- Worker options ------------------------------------------------------------------------
  const workers: WorkerOption[][] = day.workers.map((worker) => {
    const options: WorkerOption[] = [];
    for (const e of eligibleIndices(worker.eligible)) {
      const present = BLOCKS.map((b, bi) => worker.blocks.includes(b) && works[e]?.[bi] === true);
      if (!present[0] && !present[1]) continue;
      const run: RunIndex = present[0] && present[1] ? 0 : present[0] ? 1 : 2;
      options.push({
        enclave: e,
        at: [present[0] ? e : -1, present[1] ? e : -1],
        seats: worker.needsSeat ? [[run, e]] : [],
        weight: weightOf[worker.guidance],
      });
    }
    return options;
  });

  // Enclaves working no block are covered by definition; they take no part in the search.
  const vacuous = day.enclaves.filter((e) => !BLOCKS.some((b) => e.blocks.includes(b))).length;
  const active = day.enclaves.map((_, e) => works[e]?.some(Boolean) === true);
  const enclaveMin = day.enclaves.map((e) => e.min);
  const enclaveMax = day.enclaves.map((e) => e.max);

  // Optimistic worker counts, ignoring coaches: an enclave no set of workers can staff is never covered.
  const reachableWorkers = day.enclaves.map((_, e) =>
    BLOCKS.map((_b, bi) => workers.filter((options) => options.some((o) => o.enclave === e && o.at[bi] === e)).length),
  );
  const staffable = day.enclaves.map(
    (_, e) =>
      active[e] === true &&
      BLOCKS.every((_b, bi) => works[e]?.[bi] !== true || ((reachableWorkers[e]?.[bi] ?? 0) >= (enclaveMin[e] ?? 0) && (enclaveMax[e] ?? 0) >= (enclaveMin[e] ?? 0))),
  );

  // For the coach bound: how many coaches from index k on could still stand at (e, b).
  const coachSuffix: number[][][] = [];
  for (let k = coaches.length; k >= 0; k--) {
    coachSuffix[k] = day.enclaves.map((_, e) =>
      BLOCKS.map((_b, bi) => {
        const later = k < coaches.length ? (coachSuffix[k + 1]?.[e]?.[bi] ?? 0) : 0;
        const here = k < coaches.length && coaches[k]?.options.some((o) => o.at[bi] === e) ? 1 : 0;
        return later + here;
      }),
    );
  }

  const placeableWorkers = workers.filter((options) => options.length > 0).length;

  let best = -1;
  let nodes = 0;
  const coachCount = new Array<number>(2 * n).fill(0);
  const seatDemand = new Array<number>(3 * n).fill(0);

  const seatsHold = (run: RunIndex, enclave: number): boolean => {
    const capacity = seatsFor[run] ?? [];
    for (let mask = 1; mask < masks; mask++) {
      if ((mask & (1 << enclave)) === 0) continue;
      let demand = 0;
      for (let e = 0; e < n; e++) if ((mask & (1 << e)) !== 0) demand += seatDemand[run * n + e] ?? 0;
      if (demand > (capacity[mask] ?? 0)) return false;
    }
    return true;
  };

  /** Adds a placement's seats; returns false (and adds nothing) when they do not fit. */
  const takeSeats = (placement: Placement): boolean => {
    const taken: [RunIndex, number][] = [];
    for (const [run, e] of placement.seats) {
      seatDemand[run * n + e] = (seatDemand[run * n + e] ?? 0) + 1;
      taken.push([run, e]);
      if (!seatsHold(run, e)) {
        for (const [r, x] of taken) seatDemand[r * n + x] = (seatDemand[r * n + x] ?? 0) - 1;
        return false;
      }
    }
    return true;
  };
  const releaseSeats = (placement: Placement): void => {
    for (const [run, e] of placement.seats) seatDemand[run * n + e] = (seatDemand[run * n + e] ?? 0) - 1;
  };

  const coachSeen = new Set<string>();

  const placeCoaches = (k: number): void => {
    nodes++;
    const key = `${k}|${coachCount.join(",")}|${seatDemand.join(",")}`;
    if (coachSeen.has(key)) return;
    coachSeen.add(key);
    const deficits: number[] = [];
    for (let e = 0; e < n; e++) {
      if (staffable[e] !== true) continue;
      if (BLOCKS.every((_b, bi) => works[e]?.[bi] !== true || (coachCount[2 * e + bi] ?? 0) + (coachSuffix[k]?.[e]?.[bi] ?? 0) >= minCoaches)) {
        deficits.push(Math.max(0, enclaveMin[e] ?? 0));
      }
    }
    const bound = fitCount(deficits, placeableWorkers);
    if (bound <= best) return;
    if (k === coaches.length) {
      placeWorkersFor();
      return;
    }
    for (const option of coaches[k]?.options ?? []) {
      if (!takeSeats(option)) continue;
      option.at.forEach((e, bi) => {
        if (e !== -1) coachCount[2 * e + bi] = (coachCount[2 * e + bi] ?? 0) + 1;
      });
      placeCoaches(k + 1);
      option.at.forEach((e, bi) => {
        if (e !== -1) coachCount[2 * e + bi] = (coachCount[2 * e + bi] ?? 0) - 1;
      });
      releaseSeats(option);
    }
  };

  /** With the coaches fixed, the best covered count over all worker placements. */
  const placeWorkersFor = (): void => {
    // Only enclaves with enough coaches in every block they work can be covered; a worker
    // anywhere else would only take a seat, so workers go to these candidates or nowhere.
    const candidate = day.enclaves.map(
      (_, e) =>
        staffable[e] === true &&
        BLOCKS.every((_b, bi) => works[e]?.[bi] !== true || (coachCount[2 * e + bi] ?? 0) >= minCoaches),
    );
    const candidateCount = candidate.filter(Boolean).length;
    if (candidateCount <= best) return;
    const options = workers.map((list) => list.filter((o) => candidate[o.enclave] === true));
    const suffix: number[][][] = [];
    for (let k = options.length; k >= 0; k--) {
      suffix[k] = day.enclaves.map((_, e) =>
        BLOCKS.map((_b, bi) => {
          const later = k < options.length ? (suffix[k + 1]?.[e]?.[bi] ?? 0) : 0;
          return later + (k < options.length && options[k]?.some((o) => o.at[bi] === e) ? 1 : 0);
        }),
      );
    }
    const remainingWorkers: number[] = [];
    for (let k = options.length; k >= 0; k--) {
      remainingWorkers[k] = (remainingWorkers[k + 1] ?? 0) + (k < options.length && (options[k]?.length ?? 0) > 0 ? 1 : 0);
    }
    const headcount = new Array<number>(2 * n).fill(0);
    const loadUsed = new Array<number>(2 * n).fill(0);
    const seen = new Set<string>();

    const place = (k: number): void => {
      nodes++;
      const deficits: number[] = [];
      for (let e = 0; e < n; e++) {
        if (candidate[e] !== true) continue;
        let deficit = 0;
        let reachable = true;
        for (let bi = 0; bi < 2; bi++) {
          if (works[e]?.[bi] !== true) continue;
          const missing = (enclaveMin[e] ?? 0) - (headcount[2 * e + bi] ?? 0);
          if (missing > (suffix[k]?.[e]?.[bi] ?? 0)) reachable = false;
          deficit = Math.max(deficit, missing);
        }
        if (reachable) deficits.push(deficit);
      }
      // Each remaining worker fills at most one enclave's gap.
      const bound = fitCount(deficits, remainingWorkers[k] ?? 0);
      if (bound <= best) return;
      if (k === options.length) {
        // No workers left: every enclave in the bound has its minimum, so the bound is the covered count.
        best = bound;
        return;
      }
      const key = `${k}|${headcount.join(",")}|${loadUsed.join(",")}|${seatDemand.join(",")}`;
      if (seen.has(key)) return;
      seen.add(key);
      for (const option of options[k] ?? []) {
        const e = option.enclave;
        const fits = option.at.every(
          (at, bi) =>
            at === -1 ||
            ((headcount[2 * e + bi] ?? 0) + 1 <= (enclaveMax[e] ?? 0) &&
              (loadUsed[2 * e + bi] ?? 0) + option.weight <= (coachCount[2 * e + bi] ?? 0) * lcm),
        );
        if (!fits || !takeSeats(option)) continue;
        option.at.forEach((at, bi) => {
          if (at === -1) return;
          headcount[2 * e + bi] = (headcount[2 * e + bi] ?? 0) + 1;
          loadUsed[2 * e + bi] = (loadUsed[2 * e + bi] ?? 0) + option.weight;
        });
        place(k + 1);
        option.at.forEach((at, bi) => {
          if (at === -1) return;
          headcount[2 * e + bi] = (headcount[2 * e + bi] ?? 0) - 1;
          loadUsed[2 * e + bi] = (loadUsed[2 * e + bi] ?? 0) - option.weight;
        });
        releaseSeats(option);
      }
      place(k + 1); // this worker not placed
    };
    place(0);
  };

  placeCoaches(0);
  return { covered: Math.max(0, best) + vacuous, nodes };
}

/** How many of the gaps can be filled at once by `supply` people, each filling one gap: smallest first. */
function fitCount(deficits: number[], supply: number): number {
  deficits.sort((a, b) => a - b);
  let used = 0;
  let count = 0;
  for (const deficit of deficits) {
    if (used + deficit > supply) break;
    used += deficit;
    count++;
  }
  return count;
}

function gcdOf(a: number, b: number): number {
  return b === 0 ? a : gcdOf(b, a % b);
}

function lcmOf(a: number, b: number): number {
  return (a / gcdOf(a, b)) * b;
}
