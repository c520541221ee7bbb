/**
 * The model of one morning: who goes where, block by block, as a small mixed-integer program.
 *
 * Formulation choices that make it fast on a dense-tableau solver (see BENCHMARKS.md):
 * - Interchangeable workers are aggregated. Workers with the same guidance need, blocks,
 *   eligible enclaves, seat need and reference enclave form one *class*; the model decides how
 *   many of a class go where (an integer), not which one. This removes the symmetry that makes
 *   a naive x[worker, enclave] model explode, and shrinks the tableau.
 * - The rule "at least one coach wherever workers are placed" needs no indicator when
 *   minCoachesPerEnclave is 1: the ratio row already forces an integer coach count ≥ 1 as soon
 *   as one worker is present.
 * - Bound rows are left out where another row implies them (binaries in "one place" rows).
 * - Seats: an enclave served by one route feeds its demand straight into that route's row;
 *   flow variables appear only for enclaves that several routes serve.
 *
 * Variables are named by index (w12_3, c4_7_am, z5) so that any id is safe in LP format;
 * `DailyModelIndex` maps them back.
 */
import type { Block, DayCoach, DayEnclave, DayInstance, DayWorker, Guidance, Run } from "./types.ts";
import { addRow, addTerm, addVariable, emptyModel, gcd, type LinearModel } from "./linear-model.ts";

export const BLOCKS: readonly Block[] = ["am", "pm"];

/** A group of interchangeable workers. */
export interface WorkerClass {
  index: number;
  workers: DayWorker[];
  guidance: Guidance;
  blocks: Block[];
  eligible: string[];
  reference: string | null;
  needsSeat: boolean;
}

export interface WorkerPlacementVar {
  name: string;
  classIndex: number;
  enclaveId: string;
  presence: Block[];
  run: Run | null;
}

export interface CoachPlacementVar {
  name: string;
  coachId: string;
  enclaveId: string;
  /** Blocks this variable puts the coach at the enclave (both for a coach who cannot switch at noon). */
  presence: Block[];
  run: Run | null;
}

export interface DailyModelIndex {
  day: DayInstance;
  classes: WorkerClass[];
  workerVars: WorkerPlacementVar[];
  coachVars: CoachPlacementVar[];
  /** z variable per enclave: 1 when the enclave is fully covered. */
  coveredVar: Map<string, string>;
  /** Weighted ratio load multiplier: coaches × lcm ≥ Σ workers × lcm / ratio. */
  ratioLcm: number;
}

export interface DailyModel {
  model: LinearModel;
  index: DailyModelIndex;
}

/** Level weights inside the stability level (4): what one move costs. */
export const MOVE_COST = {
  /** A worker placed away from where they belong (or left idle while their enclave runs). */
  worker: 2,
  /** A fixed coach away from their enclave, per block ("fixed coaches stay home"). */
  fixedCoachBlock: 2,
  /** A butterfly moved from where the previous plan had them, per block (re-plans only). */
  butterflyBlock: 1,
  /** An interim (agency) coach, per block: the last resort, even where the rules allow it. */
  interimBlock: 4,
} as const;

export const LEVEL_NAMES = [
  "enclaves fully covered",
  "shortfall below minimum headcount",
  "shortfall below target headcount",
  "moves (stability)",
  "stand-in blocks used",
] as const;

export function presenceBlocks(personBlocks: readonly Block[], enclave: DayEnclave): Block[] {
  return BLOCKS.filter((block) => personBlocks.includes(block) && enclave.blocks.includes(block));
}

/** SCENARIO-FORMAT: "a `day` seat when working both blocks, `morning` when working only am, `afternoon` when only pm." */
export function seatRun(presence: readonly Block[]): Run {
  if (presence.includes("am") && presence.includes("pm")) return "day";
  return presence.includes("am") ? "morning" : "afternoon";
}

export function ratioLcm(ratios: Record<Guidance, number>): number {
  const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
  return lcm(lcm(ratios.low, ratios.medium), ratios.high);
}

/** Routes with seats of a given run that stop at an enclave. */
export function routesServing(day: DayInstance, enclaveId: string, run: Run): string[] {
  return day.routes.filter((route) => route.enclaveIds.includes(enclaveId) && route.seats[run] > 0).map((r) => r.id);
}

export function groupWorkerClasses(workers: readonly DayWorker[]): WorkerClass[] {
  const byKey = new Map<string, WorkerClass>();
  for (const worker of workers) {
    if (worker.blocks.length === 0 || worker.eligible.length === 0) continue;
    const eligible = [...worker.eligible].sort();
    const key = [worker.guidance, worker.blocks.join("+"), eligible.join(","), worker.reference ?? "-", worker.needsSeat].join("|");
    let group = byKey.get(key);
    if (!group) {
      group = {
        index: byKey.size,
        workers: [],
        guidance: worker.guidance,
        blocks: [...worker.blocks],
        eligible,
        reference: worker.reference,
        needsSeat: worker.needsSeat,
      };
      byKey.set(key, group);
    }
    group.workers.push(worker);
  }
  return [...byKey.values()];
}

interface BlockExpressions {
  workers: Map<string, number>;
  coaches: Map<string, number>;
  load: Map<string, number>;
}

export function buildDailyModel(day: DayInstance): DailyModel {
  const model = emptyModel();
  const enclaves = new Map(day.enclaves.map((enclave, i) => [enclave.id, { enclave, i }]));
  const lcm = ratioLcm(day.rules.ratios);
  const index: DailyModelIndex = {
    day,
    classes: groupWorkerClasses(day.workers),
    workerVars: [],
    coachVars: [],
    coveredVar: new Map(),
    ratioLcm: lcm,
  };

  const perBlock = new Map<string, BlockExpressions>();
  const expr = (enclaveId: string, block: Block): BlockExpressions => {
    const key = `${enclaveId}|${block}`;
    let found = perBlock.get(key);
    if (!found) {
      found = { workers: new Map(), coaches: new Map(), load: new Map() };
      perBlock.set(key, found);
    }
    return found;
  };
  /** Seat demand per enclave and run: variable → seats it uses. */
  const seatDemand = new Map<string, Map<string, number>>();
  const demand = (enclaveId: string, run: Run) => {
    const key = `${enclaveId}|${run}`;
    let found = seatDemand.get(key);
    if (!found) {
      found = new Map();
      seatDemand.set(key, found);
    }
    return found;
  };

  const level4 = new Map<string, number>();
  const level5 = new Map<string, number>();
  let level4Range = 0;
  let level5Range = 0;

  const build: PlacementBuild = {
    day,
    model,
    index,
    enclaves,
    expr,
    demand,
    level4,
    level5,
    addRanges: (r4, r5) => {
      level4Range += r4;
      level5Range += r5;
    },
  };
  addWorkerPlacements(build);
  addCoachPlacements(build);
  // Level 4 is written as rewards for staying; adding back what staying could earn at most
  // turns it into the number of move costs (0 when everyone is where they belong).
  let level4Offset = 0;
  for (const group of index.classes) {
    if (group.reference !== null && enclaves.has(group.reference)) level4Offset += MOVE_COST.worker * group.workers.length;
  }
  for (const coach of day.coaches) {
    if (coach.role === "interim" || coach.blocks.length === 0) continue;
    for (const block of coach.blocks) {
      const reference = coach.reference[block];
      if (reference !== null && enclaves.has(reference) && enclaves.get(reference)!.enclave.blocks.includes(block)) {
        level4Offset += referenceCost(coach);
      }
    }
  }

  const level1 = new Map<string, number>();
  const level2 = new Map<string, number>();
  const level3 = new Map<string, number>();
  let level2Range = 0;
  let level3Range = 0;
  day.enclaves.forEach((enclave, e) => {
    const z = addVariable(model, `z${e}`, { upper: 1, integer: true, branchFirst: true });
    index.coveredVar.set(enclave.id, z);
    addTerm(level1, z, 1);
    for (const block of enclave.blocks) {
      const { workers, coaches, load } = expr(enclave.id, block);
      const tag = `${e}_${block}`;
      addMaxHeadcount(model, tag, workers, enclave);
      addRatioNorm(model, tag, load, coaches, lcm);
      addMinCoachesWhereWorkers(model, tag, workers, coaches, enclave, day.rules.minCoachesPerEnclave);
      const weights = lightestFirstLoads(model, load);
      const coachesToCover = Math.max(day.rules.minCoachesPerEnclave, coachesForMinimumTeam(weights, enclave.min, lcm));
      addCoverageDefinition(model, tag, z, workers, coaches, enclave, coachesToCover);
      const team: EnvelopeInput = { weights, coaches: coaches.size, lcm, max: enclave.max, minCoaches: day.rules.minCoachesPerEnclave };
      level2Range += addShortfall(model, `smin${tag}`, workers, coaches, team, enclave.min, level2);
      level3Range += addShortfall(model, `stgt${tag}`, workers, coaches, team, enclave.target, level3);
    }
  });
  addVanSeats(day, model, seatDemand);

  model.objectives.push(
    { name: LEVEL_NAMES[0], sense: "max", terms: level1, range: day.enclaves.length },
    { name: LEVEL_NAMES[1], sense: "min", terms: level2, range: level2Range },
    { name: LEVEL_NAMES[2], sense: "min", terms: level3, range: level3Range },
    { name: LEVEL_NAMES[3], sense: "min", terms: level4, range: level4Range, offset: level4Offset, foldable: true },
    { name: LEVEL_NAMES[4], sense: "min", terms: level5, range: level5Range },
  );
  return { model, index };
}

type ExprLookup = (enclaveId: string, block: Block) => BlockExpressions;
type DemandLookup = (enclaveId: string, run: Run) => Map<string, number>;
type EnclaveLookup = Map<string, { enclave: DayEnclave; i: number }>;

/** What the placement builders add to: the model, the per-block expressions, seat demand and the lower levels. */
interface PlacementBuild {
  day: DayInstance;
  model: LinearModel;
  index: DailyModelIndex;
  enclaves: EnclaveLookup;
  expr: ExprLookup;
  demand: DemandLookup;
  level4: Map<string, number>;
  level5: Map<string, number>;
  addRanges: (level4: number, level5: number) => void;
}

/**
 * Rule 3 (qualification) and rule 4 (availability): a worker class gets a variable only for the
 * enclaves its members may work at and in the blocks they are available. Rule "workers never
 * change enclave at noon": one variable per class and enclave covers the whole day.
 * Rule 7 (transport): a van worker only where a route with a seat of the right run stops.
 */
function addWorkerPlacements(build: PlacementBuild): void {
  const { day, model, index, enclaves, expr, demand, level4, level5, addRanges } = build;
  const weight: Record<Guidance, number> = {
    low: index.ratioLcm / day.rules.ratios.low,
    medium: index.ratioLcm / day.rules.ratios.medium,
    high: index.ratioLcm / day.rules.ratios.high,
  };
  for (const group of index.classes) {
    const size = group.workers.length;
    const onePlace = new Map<string, number>();
    const referenceRuns = group.reference !== null && enclaves.has(group.reference);
    for (const enclaveId of group.eligible) {
      const found = enclaves.get(enclaveId);
      if (!found) continue;
      const presence = presenceBlocks(group.blocks, found.enclave);
      if (presence.length === 0) continue;
      const run = group.needsSeat ? seatRun(presence) : null;
      if (run !== null && routesServing(day, enclaveId, run).length === 0) continue;
      const name = addVariable(model, `w${group.index}_${found.i}`, { upper: size, integer: true, upperImplied: true, branchFirst: false });
      index.workerVars.push({ name, classIndex: group.index, enclaveId, presence, run });
      addTerm(onePlace, name, 1);
      for (const block of presence) {
        const { workers, load } = expr(enclaveId, block);
        addTerm(workers, name, 1);
        addTerm(load, name, weight[group.guidance]);
      }
      if (run !== null) addTerm(demand(enclaveId, run), name, 1);
      // Stability: staying where one belongs is rewarded (equivalently, every move costs).
      if (referenceRuns && enclaveId === group.reference) addTerm(level4, name, -MOVE_COST.worker);
      if (!referenceRuns) addTerm(level5, name, 1);
    }
    addOnePlacePerPerson(model, `wone${group.index}`, onePlace, size);
    if (referenceRuns) addRanges(MOVE_COST.worker * size, 0);
    else addRanges(0, size);
  }
}

/** Every person is in at most one place per block (for a worker class: at most its size in all). */
function addOnePlacePerPerson(model: LinearModel, name: string, terms: Map<string, number>, capacity: number): void {
  addRow(model, name, terms, "<=", capacity);
}

/**
 * Rule 3, rule 4, and "coaches may switch enclave at noon only with `own`" transport: a coach
 * who can switch gets one binary per enclave and block; one who cannot gets one binary per
 * enclave for the whole day. Interim coaches only when the rules allow them.
 */
function addCoachPlacements(build: PlacementBuild): void {
  const { day, model, index, enclaves, expr, demand, level4, level5, addRanges } = build;
  day.coaches.forEach((coach, c) => {
    if (coach.blocks.length === 0) return;
    if (coach.role === "interim" && !day.rules.interimCoachesAllowed) return;
    const perBlock: Record<Block, Map<string, number>> = { am: new Map(), pm: new Map() };
    const options = coachOptions(day, coach, enclaves);
    for (const option of options) {
      const suffix = option.presence.length === 2 ? "" : `_${option.presence[0]}`;
      const name = addVariable(model, `c${c}_${option.i}${suffix}`, { upper: 1, integer: true, upperImplied: true, branchFirst: true });
      index.coachVars.push({ name, coachId: coach.id, enclaveId: option.enclaveId, presence: option.presence, run: option.run });
      for (const block of option.presence) {
        addTerm(expr(option.enclaveId, block).coaches, name, 1);
        addTerm(perBlock[block], name, 1);
        const stability = coachStabilityCost(coach, option.enclaveId, block, enclaves);
        if (stability.level4 !== 0) addTerm(level4, name, stability.level4);
        if (stability.level5 !== 0) addTerm(level5, name, stability.level5);
      }
      if (option.run !== null) addTerm(demand(option.enclaveId, option.run), name, 1);
    }
    for (const block of BLOCKS) addOnePlacePerPerson(model, `cone${c}_${block}`, perBlock[block], 1);
    if (!coach.canSwitchAtNoon) {
      // One enclave for the whole day: also when one enclave works only mornings and another
      // only afternoons, which the per-block rows alone would allow.
      addOnePlacePerPerson(model, `cday${c}`, new Map(index.coachVars.filter((v) => v.coachId === coach.id).map((v) => [v.name, 1])), 1);
    }
    const blocks = coach.blocks.length;
    addRanges(blocks * Math.max(MOVE_COST.fixedCoachBlock, MOVE_COST.interimBlock), blocks);
  });
}

interface CoachOption {
  enclaveId: string;
  i: number;
  presence: Block[];
  run: Run | null;
}

/** The placements open to a coach: whole-day ones, and per-block ones when they may switch at noon. */
function coachOptions(day: DayInstance, coach: DayCoach, enclaves: EnclaveLookup): CoachOption[] {
  const options: CoachOption[] = [];
  for (const enclaveId of coach.eligible) {
    const found = enclaves.get(enclaveId);
    if (!found) continue;
    const presence = presenceBlocks(coach.blocks, found.enclave);
    if (presence.length === 0) continue;
    // A coach who may switch at noon decides block by block. One who may not works one
    // enclave for the day: all their blocks there, or just one (a half day is no switch).
    const pieces = coach.canSwitchAtNoon || presence.length === 1 ? presence.map((block) => [block]) : [presence, ...presence.map((block) => [block])];
    for (const piece of pieces) {
      const run = coach.needsSeat ? seatRun(piece) : null;
      if (run !== null && routesServing(day, enclaveId, run).length === 0) continue;
      options.push({ enclaveId, i: found.i, presence: piece, run });
    }
  }
  return options;
}

/**
 * Rule 8 (stability), as costs per block: "fixed coaches stay home and butterflies move first".
 * A coach placed where they belong costs nothing, a fixed coach elsewhere costs a move, an
 * interim always costs the most; a stand-in block (someone with no place of their own today)
 * costs one unit at the last level, so nobody is sent out without need.
 */
function coachStabilityCost(
  coach: DayCoach,
  enclaveId: string,
  block: Block,
  enclaves: EnclaveLookup,
): { level4: number; level5: number } {
  const reference = coach.reference[block];
  const referenceRuns = reference !== null && enclaves.has(reference);
  if (coach.role === "interim") return { level4: MOVE_COST.interimBlock, level5: 0 };
  // Staying where one belongs is rewarded, so leaving (elsewhere or idle) costs the move.
  if (referenceRuns && reference === enclaveId) return { level4: -referenceCost(coach), level5: 0 };
  if (referenceRuns) return { level4: 0, level5: 0 };
  return { level4: 0, level5: 1 };
}

function referenceCost(coach: DayCoach): number {
  return coach.role === "fixed" ? MOVE_COST.fixedCoachBlock : MOVE_COST.butterflyBlock;
}

/** Rule 6 (headcount): "each enclave has a minimum, a target and a maximum" — the maximum is hard. */
function addMaxHeadcount(model: LinearModel, tag: string, workers: Map<string, number>, enclave: DayEnclave): void {
  addRow(model, `max${tag}`, workers, "<=", enclave.max);
}

/**
 * Rule 2 (ratio norms, BVR 17 Feb 2017 art. 46 and 79): "the coach load is the sum of 1/13,
 * 1/10, 1/7 per worker present, and the number of coaches present must be at least that load".
 * Multiplied by the lcm of the ratios so every coefficient is an integer and the row is exact.
 */
function addRatioNorm(
  model: LinearModel,
  tag: string,
  load: Map<string, number>,
  coaches: Map<string, number>,
  lcm: number,
): void {
  const terms = new Map(load);
  for (const [name, coefficient] of coaches) addTerm(terms, name, -lcm * coefficient);
  addRow(model, `ratio${tag}`, terms, "<=", 0);
}

/**
 * Rule 1 (permanent supervision): "every enclave that runs has at least 1 coach present".
 * With minCoachesPerEnclave = 1 the ratio row implies it (any worker makes the load positive,
 * so the integer coach count is ≥ 1). With more, an indicator a = "workers placed" is needed.
 */
function addMinCoachesWhereWorkers(
  model: LinearModel,
  tag: string,
  workers: Map<string, number>,
  coaches: Map<string, number>,
  enclave: DayEnclave,
  minCoaches: number,
): void {
  if (minCoaches <= 1 || workers.size === 0) return;
  const staffed = addVariable(model, `a${tag}`, { upper: 1, integer: true, branchFirst: true });
  const workerTerms = new Map(workers);
  addTerm(workerTerms, staffed, -enclave.max);
  addRow(model, `staffed${tag}`, workerTerms, "<=", 0);
  const coachTerms = new Map(coaches);
  addTerm(coachTerms, staffed, -minCoaches);
  addRow(model, `mincoach${tag}`, coachTerms, ">=", 0);
}

/**
 * How many coaches a covered block needs at least: minCoachesPerEnclave, and what the ratio
 * norm asks for the lightest team that reaches the minimum headcount ("the number of coaches
 * present must be at least that load", rounded up: coaches come whole). A covered block has at
 * least `min` workers, so its load is at least that of the `min` lightest workers who could be
 * there. The ratio row implies this for whole coaches; stating it on the coverage row keeps
 * the relaxation from covering an enclave of high-guidance workers with 1.4 coaches spread
 * over two enclaves (generated 14-enclave companies, 20 plans and 20 re-plans: 91 s with 7
 * not proven before this row, 40 s with 2 after; see BENCHMARKS.md).
 */
export function coachesForMinimumTeam(lightestFirst: readonly number[], minimum: number, lcm: number): number {
  let least = 0;
  for (const weight of lightestFirst.slice(0, Math.max(0, minimum))) least += weight;
  return Math.max(0, Math.ceil(least / lcm - 1e-9));
}

/**
 * The ratio load (lcm / ratio) of every worker who could be present in a block, one entry per
 * person (a class variable counts its size), lightest first: what coachesForMinimumTeam and
 * shortfallEnvelope reason about.
 */
export function lightestFirstLoads(model: LinearModel, load: Map<string, number>): number[] {
  const weights: number[] = [];
  for (const [worker, weight] of load) {
    for (let i = 0; i < model.variables.get(worker)!.upper; i++) weights.push(weight);
  }
  return weights.sort((a, b) => a - b);
}

/** z = 1 only if, in this block, the coaches and the minimum headcount are there (ratio is always hard). */
function addCoverageDefinition(
  model: LinearModel,
  tag: string,
  z: string,
  workers: Map<string, number>,
  coaches: Map<string, number>,
  enclave: DayEnclave,
  coachesToCover: number,
): void {
  const coachTerms = new Map(coaches);
  addTerm(coachTerms, z, -coachesToCover);
  addRow(model, `covc${tag}`, coachTerms, ">=", 0);
  if (enclave.min > 0) {
    const workerTerms = new Map(workers);
    addTerm(workerTerms, z, -enclave.min);
    addRow(model, `covw${tag}`, workerTerms, ">=", 0);
  }
}

/**
 * Shortfall s ≥ bound − workers, s ≥ 0: the part of the minimum (or target) left unfilled; with
 * the rows that say how far the coaches present can fill it (shortfallEnvelope).
 */
function addShortfall(
  model: LinearModel,
  name: string,
  workers: Map<string, number>,
  coaches: Map<string, number>,
  team: EnvelopeInput,
  bound: number,
  objective: Map<string, number>,
): number {
  if (bound <= 0) return 0;
  // No upper bound needed: s only appears in its own row (and in cuts, ≥ with a positive
  // coefficient) and is minimised, so s ≤ bound at any optimum.
  const s = addVariable(model, name, { upper: Infinity, integer: false });
  const terms = new Map(workers);
  addTerm(terms, s, 1);
  addRow(model, `row_${name}`, terms, ">=", bound);
  shortfallEnvelope(team, bound).forEach(({ slope, rhs }, piece) => {
    const cut = new Map([[s, 1]]);
    for (const [coach, coefficient] of coaches) addTerm(cut, coach, slope * coefficient);
    addRow(model, `env${piece}_${name}`, cut, ">=", rhs, "cut");
  });
  addTerm(objective, s, 1);
  return bound;
}

export interface EnvelopeInput {
  /** The ratio load of every worker who could be present, lightest first (lightestFirstLoads). */
  weights: readonly number[];
  /** How many coaches could be present at most. */
  coaches: number;
  lcm: number;
  /** Maximum headcount. */
  max: number;
  minCoaches: number;
}

/**
 * Rules 1 and 2 together, as rows the relaxation can use: with c whole coaches present, at most
 * `most(c)` workers can be (the lightest ones first, while their load fits c coaches, no more than
 * the maximum headcount, and none without a coach), so the shortfall is at least
 * h(c) = max(0, bound − most(c)). Each piece of the lower convex envelope of h over c = 0, 1, 2, …
 * is a row s + slope · coaches ≥ rhs: every integer point keeps it (it lies under h), and it
 * cuts off the relaxation's favourite trick of staffing an enclave on a fraction of a coach
 * (generated 80's hard site: the minimum-shortfall relaxation went from 0 to 2.07, optimum 4;
 * HiGHS closes that gap with its own cuts at the root, javascript-lp-solver has none).
 */
export function shortfallEnvelope(team: EnvelopeInput, bound: number): { slope: number; rhs: number }[] {
  const most = (coaches: number): number => {
    if (coaches < Math.max(1, team.minCoaches)) return 0;
    let budget = coaches * team.lcm;
    let count = 0;
    for (const weight of team.weights) {
      if (weight > budget + 1e-9 || count >= team.max) break;
      budget -= weight;
      count++;
    }
    return count;
  };
  const h: number[] = [];
  for (let c = 0; c <= team.coaches; c++) {
    h.push(Math.max(0, bound - most(c)));
    if (h[c] === 0) break;
  }
  // Lower convex hull of the points (c, h(c)), left to right.
  const hull: number[] = [];
  for (let c = 0; c < h.length; c++) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      if ((h[b]! - h[a]!) * (c - a) < (h[c]! - h[a]!) * (b - a)) break;
      hull.pop();
    }
    hull.push(c);
  }
  const pieces: { slope: number; rhs: number }[] = [];
  for (let i = 0; i + 1 < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[i + 1]!;
    const slope = (h[a]! - h[b]!) / (b - a);
    if (slope > 0) pieces.push({ slope, rhs: h[a]! + slope * a });
  }
  return pieces;
}

/**
 * Rule 7 (transport): "Seats are limited." Per route and run, the van people at the enclaves it
 * stops at fit in its seats. Where several routes stop at one enclave, flow variables split the
 * enclave's demand over them (a transportation problem: integral whenever demands are).
 */
function addVanSeats(day: DayInstance, model: LinearModel, seatDemand: Map<string, Map<string, number>>): void {
  const routeRows = new Map<string, Map<string, number>>();
  const routeRow = (routeId: string, run: Run) => {
    const key = `${routeId}|${run}`;
    let row = routeRows.get(key);
    if (!row) {
      row = new Map();
      routeRows.set(key, row);
    }
    return row;
  };
  let flowCount = 0;
  for (const [key, terms] of seatDemand) {
    const [enclaveId, run] = key.split("|") as [string, Run];
    const serving = routesServing(day, enclaveId, run);
    if (serving.length === 1) {
      const row = routeRow(serving[0]!, run);
      for (const [name, coefficient] of terms) addTerm(row, name, coefficient);
      continue;
    }
    const split = new Map(terms);
    for (const routeId of serving) {
      const flow = addVariable(model, `f${flowCount++}`, { upper: Infinity, integer: false });
      addTerm(split, flow, -1);
      addTerm(routeRow(routeId, run), flow, 1);
    }
    addRow(model, `seatsplit_${flowCount}`, split, "<=", 0);
  }
  for (const [key, terms] of routeRows) {
    const [routeId, run] = key.split("|") as [string, Run];
    const r = day.routes.findIndex((route) => route.id === routeId);
    // Named by index, like the variables: any route id is then safe in LP format.
    addRow(model, `seats_${r}_${run}`, terms, "<=", day.routes[r]!.seats[run]);
  }
}

