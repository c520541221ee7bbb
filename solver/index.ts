/**
 * The solver's front door: a day in, the best assignment out, with proof status.
 *
 * solveDay builds the model, solves it level by level, checks the answer against every row of
 * the model (never trusting the back end), and decodes it into teams and seats.
 */
import type { DayInstance } from "./types.ts";
import { buildDailyModel, type DailyModelIndex } from "./daily-model.ts";
import { polishSlacks, solveLexicographic, type LevelResult, type LexicographicResult } from "./lexicographic-solve.ts";
import { decodeAssignment, type DayAssignment } from "./decode.ts";
import { evaluate, restrictPoint, violatedRows, weightedObjective, type LinearModel } from "./linear-model.ts";
import { splitComponents } from "./components.ts";
import { bestGreedyStart } from "./greedy-start.ts";
import { writeCplexLp } from "./lp-format.ts";
import { MAX_SITE_VARIABLES, polishByPairs, solveByDecomposition, type RivalOutcome } from "./decompose.ts";
import { partitionModel } from "./partition.ts";
import { idlePartThread, shareParts, solvePartsInThread, startPartThreads, type PendingParts } from "./part-threads.ts";
import { combineResults, nobodyPlaced, type PartsResult } from "./parts-result.ts";

/** Parts larger than this are tried site by site first (solveByDecomposition). */
const DECOMPOSE_MIN_VARIABLES = 600;

/**
 * Parts of up to this many variables (and more than DECOMPOSE_MIN_VARIABLES) are first solved
 * whole for WHOLE_FIRST_MS, without the neighbourhoods the lexicographic solve tries first on
 * large models; only when that does not prove every level are they solved site by site, from the
 * point it reached. A generated 28-enclave company (577-762 variables, two sites) is mostly
 * proven whole in 15-40 ms, where the site-by-site search takes 40-130 (seeds 21-50: plan median
 * 45 -> 19 ms, re-plans 20 -> 14; seeds 11-20: 57 -> 34); one whose whole solve needs more
 * (company 27: its moves level) pays the attempt, up to WHOLE_FIRST_MS more. Larger parts lose:
 * generated 40 (956 variables) proves all but its moves level whole in 70 ms and then needs the
 * sites anyway (62 -> 98 ms); 40-enclave plans, seeds 1-10: median 105 -> 183 ms.
 */
const WHOLE_FIRST_MAX_VARIABLES = 800;
const WHOLE_FIRST_MS = 100;
/**
 * Parts of up to this many variables whose site-by-site search is still unproven after its
 * share of the time (decompose.ts WHOLE_SEARCH_SHARE) are given the rest whole, from the
 * search's best point, instead of to pairs of sites (DecomposeOptions.wholeAfterSearch).
 * Generated 40-enclave companies, seeds 1-10: company 4's plan and re-plan, not proven in 10 s
 * site by site, are proven (9.9 s and 4.4 s); the others end their search in time, as before.
 * Larger parts (generated 80's six sites: 1,582 variables; 160's thirteen) are beyond the
 * dense simplex as a whole. Where a part thread is idle (the service, the bench), a search of
 * such a part still open after RIVAL_AFTER_MS races the whole part there instead, from its best
 * point, to the end (decompose.ts DecomposeOptions.rival): company 4's plan, not proven in 10 s
 * this way, is proven in 6.8-7.0 s, its re-plan in 1.5-1.6 s instead of 4.1-4.5 s.
 */
const WHOLE_AFTER_MAX_VARIABLES = 1500;

/** How a large part was solved site by site, for benchmarks. */
export interface Decomposition {
  parts: number;
  linkingRows: number;
  nodes: number;
  partSolves: number;
  /** Pair solves that improved the best point after an unfinished search (polishByPairs). */
  polished: number;
  /** Site solves given more time for a node whose site solve had run out of it. */
  solvedAgain: number;
  /** The rival in a part thread alongside the search (the whole part, or a pairs polish; DecomposeOptions.rival): what came of it. */
  rival: RivalOutcome;
}

export type { DayInstance } from "./types.ts";
export { startSolverThread } from "./lp-backend.ts";
export { startPartThreads } from "./part-threads.ts";
export type { PartsResult } from "./parts-result.ts";
export type { DayAssignment } from "./decode.ts";

export interface DaySolution {
  status: "optimal" | "feasible" | "timeout" | "infeasible";
  optimal: boolean;
  assignment: DayAssignment;
  levels: LevelResult[];
  /** The answer as a point of the model: each variable's value. */
  values: Map<string, number>;
  /** Sizes of the independent parts left after presolve (variables, rows), for benchmarks. */
  components: { variables: number; rows: number }[];
  /** Large parts solved site by site. */
  decompositions: Decomposition[];
  /** Value of the single weighted objective written by `lp()`: HiGHS must find the same optimum. */
  weightedObjective: number;
  solveMs: number;
  model: LinearModel;
  index: DailyModelIndex;
  lp: () => string;
}

export interface SolveDayOptions {
  timeoutMs?: number;
}

export function solveDay(day: DayInstance, options: SolveDayOptions = {}): DaySolution {
  const started = performance.now();
  const { model, index } = buildDailyModel(day);
  const buildMs = performance.now() - started;
  const warmStart = bestGreedyStart({ model, index });
  // The budget is the whole solve's: building the model and the warm start count (generated 80:
  // 45-90 ms, which a 1 s plan overran by before), and the checks after it are given about as
  // long as building the model took (generated 80: 8-12 ms of checks, 13-27 ms of building).
  const result = solveModel(model, Math.max(1, (options.timeoutMs ?? 10_000) - (performance.now() - started) - buildMs), warmStart);
  const values = result.values;
  if (result.status === "infeasible") {
    // The empty plan (nobody placed) always satisfies every hard row, so this is a solver fault.
    throw new Error(`solver reported the day ${day.date} infeasible; the empty plan is always feasible`);
  }
  const broken = violatedRows(model, values);
  if (result.status !== "timeout" && broken.length > 0) {
    throw new Error(`solver returned a point that breaks ${broken.slice(0, 5).join(", ")}`);
  }
  const weighted = evaluate(weightedObjective(model).terms, values);
  const assignment = decodeAssignment(index, values);
  return {
    status: result.status,
    optimal: result.status === "optimal",
    assignment,
    levels: result.levels,
    values,
    components: result.components,
    decompositions: result.decompositions,
    weightedObjective: weighted,
    solveMs: performance.now() - started,
    model,
    index,
    lp: () => writeCplexLp(model, `vlinder day model ${day.date}`),
  };
}

/**
 * Split into independent parts, solve each part lexicographically, and put the
 * point back together. Lexicographic optima add up over independent parts: the best total at
 * level k is only reached when every part is at its own best at level k.
 *
 * Large parts are solved at the same time as the rest on other cores (part-threads.ts), when
 * a part thread is ready: generated 80 is a part of six sites (230 ms) and a separate site of
 * 232 variables (176 ms), which one thread solved one after the other. A part thread left idle
 * may race a long site-by-site search with the whole part (SolvePartsOptions.rival).
 */
export function solveModel(
  model: LinearModel,
  timeoutMs: number,
  warmStart: Map<string, number>,
): {
  status: "optimal" | "feasible" | "timeout" | "infeasible";
  values: Map<string, number>;
  levels: LevelResult[];
  components: { variables: number; rows: number }[];
  decompositions: Decomposition[];
} {
  const deadline = performance.now() + timeoutMs;
  const parts = splitComponents(model);
  const { here, elsewhere } = shareParts(parts);
  const sent = elsewhere.map((bucket) => solvePartsInThread(bucket, model.objectives.length, deadline, warmStart));
  // A part thread left idle by the sharing may race a long site-by-site search with the whole part.
  // A process that has not started part threads (a one-off `vlinder plan`) starts them now: a
  // search this long (RIVAL_AFTER_MS) pays for the few hundred milliseconds a thread takes to
  // load on another core, and is asked again until one is ready.
  // A part too large to be solved whole is polished by pairs of its sites there instead.
  const rival = (part: LinearModel, partDeadline: number) => (point: Map<string, number>, settled: number) => {
    startPartThreads();
    const thread = idlePartThread();
    if (thread === null) return null;
    const options = part.variables.size <= WHOLE_AFTER_MAX_VARIABLES ? { whole: true } : { polishFrom: settled };
    return solvePartsInThread({ thread, parts: [part] }, model.objectives.length, partDeadline, point, options);
  };
  let result: PartsResult;
  try {
    result = combineResults([solveParts(here, model.objectives.length, deadline, warmStart, { rival }), ...sent.map((pending) => pending.answer())], model.objectives.length);
  } catch (error) {
    // Answers nobody will collect would stay on the threads' ports: call the jobs off.
    for (const pending of sent) pending.callOff();
    throw error;
  }
  if (result.status === "infeasible") return { status: "infeasible", values: new Map(), levels: [], components: [], decompositions: [] };
  const { status, values, proven, decompositions } = result;
  polishSlacks(model, values);
  const levels: LevelResult[] = model.objectives.map((objective, i) => ({
    name: objective.name,
    value: Math.round((evaluate(objective.terms, values) + (objective.offset ?? 0)) * 1e6) / 1e6,
    optimal: proven[i]!,
    ms: 0,
    nodes: 0,
  }));
  return {
    status,
    values,
    levels,
    components: parts.map((part) => ({ variables: part.variables.size, rows: part.rows.length })),
    decompositions,
  };
}

export interface SolvePartsOptions {
  /** How long a mid-sized part is tried whole before site by site (WHOLE_FIRST_MS; 0: never). */
  wholeFirstMs?: number;
  /** Every part solved whole, none site by site: a part thread racing a search (DecomposeOptions.rival). */
  whole?: boolean;
  /**
   * Every part's point (the warm start) only polished by pairs of its sites from this level
   * on, to the deadline, and proven on no level: a part thread helping the search of a part too
   * large to solve whole (DecomposeOptions.rival).
   */
  polishFrom?: number;
  /**
   * For a part solved site by site, given the part and its deadline: what starts its rival
   * elsewhere (a part thread) from a point and the levels the search has settled — the whole
   * part up to WHOLE_AFTER_MAX_VARIABLES, a polish by pairs of sites beyond — or null.
   */
  rival?: (part: LinearModel, deadline: number) => (point: Map<string, number>, settled: number) => PendingParts | null;
}

/**
 * Independent parts one after the other, each given the time left in proportion to its size,
 * so that a first part that cannot be proven does not leave the others none.
 */
export function solveParts(
  parts: LinearModel[],
  levelCount: number,
  deadline: number,
  warmStart: Map<string, number>,
  options: SolvePartsOptions = {},
): PartsResult {
  const wholeFirstMs = options.wholeFirstMs ?? WHOLE_FIRST_MS;
  const results: PartsResult[] = [];
  let sizeLeft = parts.reduce((sum, part) => sum + part.variables.size, 0);
  for (const part of parts) {
    let incumbent = restrictPoint(warmStart, part);
    const partDeadline = performance.now() + ((deadline - performance.now()) * part.variables.size) / Math.max(1, sizeLeft);
    sizeLeft -= part.variables.size;
    // A rival's polish (SolvePartsOptions.polishFrom): the point improved by pairs of sites only.
    if (options.polishFrom !== undefined) {
      const partition = partitionModel(part, { maxPartVariables: MAX_SITE_VARIABLES });
      const values = partition.parts.length > 1 ? polishByPairs(part, partition, incumbent, options.polishFrom, partDeadline).values : incumbent;
      results.push({ status: "feasible", values, proven: new Array<boolean>(levelCount).fill(false), decompositions: [] });
      continue;
    }
    const large = part.variables.size > DECOMPOSE_MIN_VARIABLES && options.whole !== true;
    if (large && part.variables.size <= WHOLE_FIRST_MAX_VARIABLES && wholeFirstMs > 0) {
      // At most half of a short budget: the attempt may fail, and the sites need their time
      // (28-enclave company 27 with 300 ms in all: 20 move points with the half, 48 without).
      const timeoutMs = Math.max(1, Math.min(wholeFirstMs, (partDeadline - performance.now()) / 2));
      const whole = solveLexicographic(part, { timeoutMs, incumbent, neighbourhoodsFirst: false });
      if (whole.status === "optimal") {
        results.push(answerOf(part, whole));
        continue;
      }
      if (whole.status === "feasible") incumbent = whole.values;
    }
    // A large part is usually several sites sharing a few people: solve it site by site.
    const wholeAfter = part.variables.size <= WHOLE_AFTER_MAX_VARIABLES;
    const rival = options.rival?.(part, partDeadline);
    const decomposed = large ? solveByDecomposition(part, { deadline: partDeadline, incumbent, wholeAfterSearch: wholeAfter, ...(rival ? { rival } : {}) }) : null;
    if (decomposed !== null) {
      const decomposition = { parts: decomposed.parts, linkingRows: decomposed.linkingRows, nodes: decomposed.nodes, partSolves: decomposed.partSolves, polished: decomposed.polished, solvedAgain: decomposed.solvedAgain, rival: decomposed.rival };
      results.push({ status: decomposed.status, values: decomposed.values, proven: decomposed.proven, decompositions: [decomposition] });
      continue;
    }
    const result = solveLexicographic(part, { timeoutMs: Math.max(1, partDeadline - performance.now()), incumbent });
    if (result.status === "infeasible") {
      results.push({ status: "infeasible", values: new Map(), proven: new Array<boolean>(levelCount).fill(false), decompositions: [] });
      break;
    }
    // Nothing usable for a part that ran out of time: nobody placed there, not proven.
    if (result.status === "timeout") results.push(nobodyPlaced([part], levelCount));
    else results.push(answerOf(part, result));
  }
  return combineResults(results, levelCount);
}

/** A part's lexicographic answer (optimal or feasible) as solveParts reports it: which levels are proven. */
function answerOf(part: LinearModel, result: LexicographicResult): PartsResult {
  return { status: result.status, values: result.values, proven: part.objectives.map((_, i) => result.levels[i]?.optimal ?? false), decompositions: [] };
}
