/**
 * javascript-lp-solver behind a hard deadline.
 *
 * The library's own `timeout` is checked only between branch-and-bound nodes; a single LP can
 * run on far past it (seen on day models: minutes). At 07:30 an answer that never comes is
 * the worst answer, so every call runs in a worker thread and the caller blocks on it with
 * `Atomics.wait`: planDay stays synchronous.
 *
 * At the deadline the thread itself gives the call up, before its next simplex pivot
 * (lp-worker.mjs), and stays alive: its compiled code stays warm for the next call. Only a
 * call that has not answered a grace period after its deadline is cut off: the thread is
 * terminated and replaced. Either is reported as "timeout".
 *
 * Cutting off was the only way before, and it cascaded. A new thread is cold (its first
 * relaxation about five times slower), so the next relaxation overran its budget too: the
 * first plan of generated 80 enclaves with 1 s cut off 40 calls in turn and left every site's
 * coverage level unproven.
 */
import { receiveMessageOnPort } from "node:worker_threads";
import type { Model as JsLpModel } from "javascript-lp-solver";
import { packRows } from "./lp-pack.mjs";
import { startChannelThread, waitForAnswer, type ThreadChannel } from "./thread-channel.ts";

/**
 * One LP (or MILP) as the solver thread takes it: columns and rows by number, the rows'
 * terms packed (CSR). The thread builds the library's Model from it (lp-build.mjs buildModel)
 * so that the tableau is the one the library's loadJson would build from the JSON model.
 * Before, each call went as JSON text with our long variable names: a 28-enclave plan spent
 * about as long on stringifying, parsing and loadJson (and on building the JSON model's
 * objects of named keys) as the simplex spent pivoting.
 */
export interface SolverLp {
  sense: "max" | "min";
  /** Each column's name (ours): stays in this thread, the solver thread sees column numbers. */
  names: string[];
  /** The objective's coefficient per column. */
  cost: Float64Array;
  /** 1 for an integer column; null: an LP (the library's simplex, not its branch and cut). */
  integer: Uint8Array | null;
  /** Per row: 1 for Σ ≤ rhs, 0 for Σ ≥ rhs. */
  upper: Uint8Array;
  rhs: Float64Array;
  /** Row r's terms are entries rowStart[r] … rowStart[r + 1] − 1 of `column` and `coefficient`. */
  rowStart: Int32Array;
  column: Int32Array;
  coefficient: Float64Array;
  /** Where each row comes from (for tests and debugging): a model row's index, or −1 − column for a column's bound row. */
  origin: Int32Array;
  /** The library's options: `presolve`, `tolerance`, `exitOnCycles` (the timeout is the call's). */
  options?: { presolve?: boolean; tolerance?: number; exitOnCycles?: boolean };
}

/** The library's answer to one LP or MILP. */
export interface LpAnswer {
  feasible: boolean;
  bounded: boolean;
  /** The objective's value (the library's `result`). */
  evaluation: number;
  /** Each column's value, as the library rounds them (to its precision, 1e-8). */
  values: Float64Array;
  /** An LP's optimum in the library's minimising form (the objective for "min", its negative for "max"). */
  minimised?: number;
  /**
   * An LP's reduced costs by column, in that form (≥ 0 at the optimum; 0 for basic columns):
   * every point of the LP costs at least `minimised` + Σ reducedCosts[c] · x[c].
   */
  reducedCosts?: Float64Array;
}

/** A library JSON model as a SolverLp, in the order loadJson reads it (for tests and small callers). */
export function solverLpFromJson(json: JsLpModel): SolverLp {
  const rowNames = Object.keys(json.constraints);
  const names = Object.keys(json.variables);
  const objective = json.optimize as string;
  const ints = { ...(json.ints ?? {}), ...(json.binaries ?? {}) } as Record<string, unknown>;
  const rows: { upper: number; rhs: number; terms: [number, number][]; origin: number }[] = [];
  const rowsOf = new Map<string, number[]>();
  rowNames.forEach((name, r) => {
    const bounds = json.constraints[name] as { min?: number; max?: number; equal?: number };
    const at: number[] = [];
    const add = (upper: number, rhs: number) => {
      at.push(rows.length);
      rows.push({ upper, rhs, terms: [], origin: r });
    };
    if (bounds.equal !== undefined) {
      add(0, bounds.equal);
      add(1, bounds.equal);
    } else {
      if (bounds.min !== undefined) add(0, bounds.min);
      if (bounds.max !== undefined) add(1, bounds.max);
    }
    rowsOf.set(name, at);
  });
  const cost = new Float64Array(names.length);
  const integer = new Uint8Array(names.length);
  names.forEach((name, c) => {
    const column = json.variables[name] as Record<string, number>;
    cost[c] = column[objective] ?? 0;
    integer[c] = ints[name] ? 1 : 0;
    for (const [rowName, coefficient] of Object.entries(column)) {
      if (rowName === objective) continue;
      for (const r of rowsOf.get(rowName) ?? []) rows[r]!.terms.push([c, coefficient]);
    }
  });
  return {
    sense: json.opType === "max" ? "max" : "min",
    names,
    cost,
    integer: integer.includes(1) ? integer : null,
    ...packRows(rows),
    origin: Int32Array.from(rows, (row) => row.origin),
    ...(json.options ? { options: json.options as SolverLp["options"] } : {}),
  };
}

/** "stalled": a simplex of the call pivoted more often than `maxPivotsPerSimplex` allowed. */
export type BackendAnswer = { status: "solved"; result: LpAnswer } | { status: "timeout" } | { status: "stalled" };

export interface BackendOptions {
  /**
   * Stop the call when one simplex in it (the root's or a branch node's) pivots more often than
   * this: the sign of a simplex cycling on a degenerate vertex, which would run to the deadline.
   */
  maxPivotsPerSimplex?: number;
  /** Run our branch and bound on the model in the thread (lp-worker.mjs searchTree) instead of solving it. */
  search?: TreeSearch;
}

/** What the thread's branch and bound needs besides the LP; see lp-worker.mjs searchTree. */
export interface TreeSearch {
  /** The integer columns to branch on. */
  integers: Int32Array;
  /** Each one's tier (aligned with `integers`): higher tiers are branched on first. */
  tiers: Float64Array;
  step: number;
  /** The incumbent's objective in the library's minimising form. */
  incumbent: number;
  nodeLimit: number;
  /** Rows added to the root's optimal tableau before anything else (lp-worker.mjs addRootRows). */
  rootRows?: Pick<SolverLp, "rhs" | "upper" | "rowStart" | "column" | "coefficient">;
  /** Gomory cuts at the root first, to prove it there (lp-worker.mjs cutRoot). */
  cuts?: boolean;
  /** Most pivots a round of those cuts may take (default: lp-worker.mjs CUT_ROUND_PIVOTS). */
  cutRoundPivots?: number;
  /**
   * The incumbent by column (in the LP's coordinates): a cut it breaks was made invalid by
   * rounding and is left out.
   */
  incumbentPoint?: Float64Array;
}

/** How the root's cuts went (lp-worker.mjs cutRoot). */
export interface RootCuts {
  rounds: number;
  /** Cut rows in the tableau at the end. */
  cuts: number;
  proven: boolean;
  /** A round's simplex ran past its pivot limit (cutRoundPivots): cutting stopped there. */
  stalled: boolean;
  /** Unless proven: root columns fixed by their reduced costs under the cuts' bound. */
  fixed?: number;
}

/** The thread's branch and bound's answer. */
export interface TreeSearchResult {
  complete: boolean;
  nodes: number;
  /** Nodes skipped because their simplex stalled (the pivot limit). */
  stalled: number;
  /** The best point found that beats the incumbent by a step, by column, or null. */
  best: Float64Array | null;
  /** The root's cuts, when asked for and tried: rounds, cuts in the tableau, whether they proved the level. */
  cuts: RootCuts | null;
  /** Columns fixed at 0 by their reduced costs, over all nodes (gomory.mjs fixByReducedCosts). */
  fixed: number;
}

/** The solver thread's channel (thread-channel.ts). */
type SolverThread = ThreadChannel;

let active: SolverThread | null = null;

/** How calls ended that ran out of time, since the process started (for tests and benchmarks). */
const endings = { stopped: 0, cutOff: 0 };

export function timeoutEndings(): { stopped: number; cutOff: number } {
  return { ...endings };
}
/**
 * A second thread, started when the active one is first cut off, that warms up (compiles the
 * simplex) on its own core and takes over at the next cut-off. Without it, every cut-off left
 * the solver a cold thread whose next relaxation was slow enough to be cut off too (generated
 * 80 enclaves with 1-3 s: every site's first relaxation timed out in turn). A spare still
 * warming up is not handed a job (it would wait behind the warm-up): a fresh thread is.
 */
let spare: SolverThread | null = null;

/** A solver thread (lp-worker.mjs) with its channel; `warm`: a spare, which warms up first. */
function startThread(warm: boolean): SolverThread {
  return startChannelThread(new URL("./lp-worker.mjs", import.meta.url), { warm });
}

function getThread(): SolverThread {
  active ??= startThread(false);
  return active;
}

/**
 * Starts the solver thread now, if it is not running yet, so that its start-up (loading the
 * library, about 40 ms in a fresh process) overlaps reading the scenario and building the day
 * instead of delaying the first LP. The first plan of a fresh process (Westhoek): planDay
 * 140–154 ms before, 120–138 ms with the thread started as planDay starts; `vlinder plan`,
 * which starts it before reading the scenario, solves in 51–57 ms instead of 78–83 ms.
 */
export function startSolverThread(): void {
  getThread();
}

/** The active thread was cut off: terminate it, hand over to the spare if it is warm, keep a spare warming. */
function replaceWorker(): void {
  void active?.worker.terminate();
  if (spare !== null && Atomics.load(spare.ready, 0) === 1) {
    active = spare;
    spare = startThread(true);
  } else {
    active = startThread(false);
    spare ??= startThread(true);
  }
}

/**
 * How long after its deadline a call that has not answered is cut off. The thread stops a
 * call within one pivot of the deadline (at most a few milliseconds on the largest day
 * models); what is still running after this is stuck outside the simplex.
 */
function cutOffGraceMs(budgetMs: number): number {
  return Math.max(25, budgetMs * 0.1);
}

function isSolverLp(model: SolverLp | JsLpModel): model is SolverLp {
  return (model as SolverLp).cost instanceof Float64Array;
}

/** Each model's number, given when it is first sent: the same model sent again has the same number. */
const lpNumbers = new WeakMap<SolverLp, number>();
let lastLpNumber = 0;
function lpNumber(lp: SolverLp): number {
  let number = lpNumbers.get(lp);
  if (number === undefined) lpNumbers.set(lp, (number = ++lastLpNumber));
  return number;
}

/**
 * Solves within `deadlineMs`: the library's soft timeout (between its branch-and-bound nodes)
 * at 90% of it, so that its best point so far comes back; the thread's stop at 100%; the cut-off
 * a grace period later.
 */
export function solveWithDeadline(model: SolverLp | JsLpModel, deadlineMs: number, options: BackendOptions = {}): BackendAnswer {
  const lp = isSolverLp(model) ? model : solverLpFromJson(model);
  const budget = Math.max(1, Math.floor(deadlineMs));
  const lpOptions = { ...(lp.options ?? {}), timeout: Math.max(1, Math.floor(budget * 0.9)) };
  const thread = getThread();
  const call = ++thread.sent;
  const stopAt = performance.timeOrigin + performance.now() + budget;
  // Typed arrays only (structured cloning copies each in one go; the names stay here), and the
  // model's number: the thread's search reuses the relaxation it has just solved for the same
  // model (lp-worker.mjs).
  const { sense, cost, integer, upper, rhs, rowStart, column, coefficient } = lp;
  const sent = { id: lpNumber(lp), sense, cost, integer, upper, rhs, rowStart, column, coefficient };
  thread.jobs.postMessage({ call, model: sent, options: lpOptions, stopAt, maxPivotsPerSimplex: options.maxPivotsPerSimplex, search: options.search });
  const message = waitForAnswer(thread, call, budget + cutOffGraceMs(budget)) ? receiveMessageOnPort(thread.answers) : undefined;
  if (message === undefined) {
    endings.cutOff++;
    replaceWorker();
    return { status: "timeout" };
  }
  const reply = message!.message as { ok: true; result: LpAnswer } | { ok: false; stopped?: "deadline" | "pivots"; error?: string };
  if (!reply.ok) {
    if (reply.stopped === "pivots") return { status: "stalled" };
    if (reply.stopped === "deadline") {
      endings.stopped++;
      return { status: "timeout" };
    }
    throw new Error(`javascript-lp-solver failed: ${reply.error}`);
  }
  return { status: "solved", result: reply.result };
}
