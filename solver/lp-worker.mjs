// Runs javascript-lp-solver in a worker thread so that the caller can enforce a hard deadline:
// the library checks its timeout only between branch-and-bound nodes, and one LP can run on
// for minutes. Plain JavaScript so the thread needs no TypeScript loader.
//
// A job carries the wall-clock time it must stop at (`stopAt`), and may carry a pivot limit per
// simplex (`maxPivotsPerSimplex`: a simplex that pivots past it is taken to cycle). The library has no such limit
// for one LP, so the thread checks it before every simplex pivot (the library's Tableau
// pivot, wrapped below) and gives the job up there: the thread stays alive and warm. The
// caller's hard cut-off (terminating the thread) is then only a backstop for a job stuck
// between pivots.
//
// A thread started as a spare (workerData.warm) first solves a few models shaped like a day's
// (placements in one-place rows, headcount and ratio rows, some integer), so that V8 has
// compiled the simplex before the spare takes over from a thread that was cut off: a cold
// thread solves its first relaxation about five times slower than a warm one.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

const solver = createRequire(import.meta.url)("javascript-lp-solver");

/** A day-like model: `people` placements over `enclaves`, deterministic. */
function warmUpModel(people, enclaves, integer) {
  const variables = {};
  const constraints = {};
  const ints = {};
  for (let e = 0; e < enclaves; e++) {
    constraints[`max${e}`] = { max: 9 };
    constraints[`min${e}`] = { min: 3 };
    constraints[`ratio${e}`] = { max: 0 };
  }
  for (let p = 0; p < people; p++) {
    constraints[`one${p}`] = { max: 1 };
    const coach = p % 7 === 0;
    for (let k = 0; k < 3; k++) {
      const e = (p * 5 + k * 3) % enclaves;
      const name = `x${p}_${e}`;
      const column = { [`one${p}`]: 1, objective: ((p + e) % 5) + (coach ? 3 : 1) };
      if (coach) column[`ratio${e}`] = -13;
      else Object.assign(column, { [`max${e}`]: 1, [`min${e}`]: 1, [`ratio${e}`]: 1 + (p % 3) });
      variables[name] = column;
      if (integer) ints[name] = 1;
    }
  }
  return { optimize: "objective", opType: "max", constraints, variables, ints, options: { timeout: 100 } };
}

/** What the wrapped pivot throws when the job's time is up (never leaves this thread). */
const STOPPED = new Error("stopped at the job's deadline");
/** What it throws when one simplex of the job pivots more often than the job allows. */
const STALLED = new Error("stopped: a simplex ran past the job's pivot limit");
/** The running job's most pivots per simplex (Infinity: no limit), and the current simplex's count. */
let pivotLimit = Infinity;
let pivotsThisSimplex = 0;
/** When the running job must stop (ms since the epoch, as performance.timeOrigin + now()). */
let stopAt = Infinity;

/**
 * Wraps the library's simplex pivot with the deadline check and the pivot limit. The Tableau
 * class is not exported; its prototype is reached through the model of one tiny solve. Every
 * simplex phase (primal phase 1 and 2, each branch node's re-solve in its branch and cut)
 * pivots through `this.pivot`, and a pivot is at most a few milliseconds even on the largest
 * day models, so a job stops within one pivot of its deadline. Returns false when the library
 * no longer looks like that (the hard cut-off alone then keeps the deadline).
 */
function installDeadline() {
  solver.Solve({ optimize: "v", opType: "max", constraints: { c: { max: 1 } }, variables: { x: { v: 1, c: 1 } } });
  const tableau = solver.lastSolvedModel && solver.lastSolvedModel.tableau;
  const prototype = tableau ? Object.getPrototypeOf(tableau) : null;
  if (!prototype || typeof prototype.pivot !== "function") return false;
  const pivot = prototype.pivot;
  prototype.pivot = function pivotBeforeDeadline(row, column) {
    if (++pivotsThisSimplex > pivotLimit) throw STALLED;
    if (performance.timeOrigin + performance.now() > stopAt) throw STOPPED;
    pivot.call(this, row, column);
  };
  // Each simplex (the root's, and every branch node's in the library's branch and cut) counts
  // its own pivots.
  const simplex = prototype.simplex;
  prototype.simplex = function simplexCountingPivots() {
    pivotsThisSimplex = 0;
    return simplex.call(this);
  };
  return true;
}
installDeadline();

if (workerData && workerData.warm) {
  // About 150 ms of solving, on the spare's own thread while the active one works.
  for (let round = 0; round < 8; round++) solver.Solve(warmUpModel(90, 12, false));
  solver.Solve(warmUpModel(90, 12, true));
}
if (workerData && workerData.ready) {
  const ready = new Int32Array(workerData.ready);
  Atomics.store(ready, 0, 1);
}

parentPort.on("message", ({ model, port, flag, stopAt: jobStopAt, maxPivotsPerSimplex }) => {
  let reply;
  stopAt = typeof jobStopAt === "number" ? jobStopAt : Infinity;
  pivotLimit = typeof maxPivotsPerSimplex === "number" ? maxPivotsPerSimplex : Infinity;
  pivotsThisSimplex = 0;
  try {
    reply = { ok: true, result: solver.Solve(model) };
  } catch (error) {
    if (error === STOPPED) reply = { ok: false, stopped: "deadline" };
    else if (error === STALLED) reply = { ok: false, stopped: "pivots" };
    else reply = { ok: false, error: String(error && error.stack ? error.stack : error) };
  } finally {
    stopAt = Infinity;
    pivotLimit = Infinity;
  }
  port.postMessage(reply);
  const signal = new Int32Array(flag);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
