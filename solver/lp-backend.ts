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
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { Model as JsLpModel } from "javascript-lp-solver";

/** "stalled": a simplex of the call pivoted more often than `maxPivotsPerSimplex` allowed. */
export type BackendAnswer = { status: "solved"; result: Record<string, unknown> } | { status: "timeout" } | { status: "stalled" };

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
  integers: string[];
  tiers: Record<string, number>;
  step: number;
  /** The incumbent's objective in the library's minimising form. */
  incumbent: number;
  nodeLimit: number;
}

/** The thread's branch and bound's answer. */
export interface TreeSearchResult {
  complete: boolean;
  nodes: number;
  /** Nodes skipped because their simplex stalled (the pivot limit). */
  stalled: number;
  /** The best point found that beats the incumbent by a step, by JSON variable name, or null. */
  best: Record<string, number> | null;
}

interface SolverThread {
  worker: Worker;
  /** Set to 1 by the thread when it is ready (after its warm-up, for a spare). */
  ready: Int32Array;
}

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

function startThread(warm: boolean): SolverThread {
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./lp-worker.mjs", import.meta.url), { workerData: { warm, ready: ready.buffer } });
  // Do not keep the process alive for an idle solver thread.
  worker.unref();
  return { worker, ready };
}

function getWorker(): Worker {
  active ??= startThread(false);
  return active.worker;
}

/**
 * Starts the solver thread now, if it is not running yet, so that its start-up (loading the
 * library, about 40 ms in a fresh process) overlaps reading the scenario and building the day
 * instead of delaying the first LP. The first plan of a fresh process (Westhoek): planDay
 * 140–154 ms before, 120–138 ms with the thread started as planDay starts; `vlinder plan`,
 * which starts it before reading the scenario, solves in 51–57 ms instead of 78–83 ms.
 */
export function startSolverThread(): void {
  getWorker();
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

/**
 * Solves within `deadlineMs`: the library's soft timeout (between its branch-and-bound nodes)
 * at 90% of it, so that its best point so far comes back; the thread's stop at 100%; the cut-off
 * a grace period later.
 */
export function solveWithDeadline(model: JsLpModel, deadlineMs: number, options: BackendOptions = {}): BackendAnswer {
  const budget = Math.max(1, Math.floor(deadlineMs));
  model.options = { ...(model.options ?? {}), timeout: Math.max(1, Math.floor(budget * 0.9)) };
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const signal = new Int32Array(flag);
  const stopAt = performance.timeOrigin + performance.now() + budget;
  // As JSON text: the thread parses it in about half the time structured cloning takes to
  // rebuild the model's many small objects (14-enclave plans: 1.7 -> 1.2 ms a call in all,
  // about a quarter of an average call). Models hold finite numbers only (toJsLpModel). The
  // options (the timeout differs per call) go apart, so that the same model is the same text:
  // the thread's search reuses the relaxation it has just solved for it (lp-worker.mjs).
  const { options: modelOptions, ...rest } = model;
  getWorker().postMessage({ model: JSON.stringify(rest), options: modelOptions, port: port2, flag, stopAt, maxPivotsPerSimplex: options.maxPivotsPerSimplex, search: options.search }, [port2]);
  const waited = Atomics.wait(signal, 0, 0, budget + cutOffGraceMs(budget));
  const message = receiveMessageOnPort(port1);
  port1.close();
  if (waited === "timed-out" && message === undefined) {
    endings.cutOff++;
    replaceWorker();
    return { status: "timeout" };
  }
  const reply = message!.message as { ok: true; result: Record<string, unknown> } | { ok: false; stopped?: "deadline" | "pivots"; error?: string };
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
