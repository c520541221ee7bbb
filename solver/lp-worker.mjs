// Runs javascript-lp-solver in a worker thread so that the caller can enforce a hard deadline:
// the library checks its timeout only between branch-and-bound nodes, and one LP can run on
// for minutes. Plain JavaScript so the thread needs no TypeScript loader.
//
// A job carries its model as typed arrays (lp-backend.ts SolverLp), the wall-clock time it
// must stop at (`stopAt`), and may carry a pivot limit per simplex (`maxPivotsPerSimplex`: a
// simplex that pivots past it is taken to cycle). The library has no such limits for one LP,
// so the thread checks both before every simplex pivot (the library's Tableau pivot, wrapped
// below) and gives the job up there: the thread stays alive and warm. The caller's hard
// cut-off (terminating the thread) is then only a backstop for a job stuck between pivots. A
// job may also ask for our branch and bound on the model (`search`, see searchTree) instead of
// the library's solve. Jobs come on `workerData.jobs`; each answer goes on `workerData.answers`,
// then the job's number into `workerData.answered` (lp-backend.ts waits on it).
//
// A thread started as a spare (workerData.warm) first solves a few models shaped like a day's
// (placements in one-place rows, headcount and ratio rows, some integer), so that V8 has
// compiled the simplex before the spare takes over from a thread that was cut off: a cold
// thread solves its first relaxation about five times slower than a warm one.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { workerData } from "node:worker_threads";
import { solveModel } from "./lp-build.mjs";
import { packRows } from "./lp-pack.mjs";
import { pseudocosts } from "./branching.mjs";
import { addRootRows, fixableByReducedCosts, fixByReducedCosts, fixColumns, integralVariables, pointByVariable, rootCuts } from "./gomory.mjs";

const solver = createRequire(import.meta.url)("javascript-lp-solver");

/**
 * A day-like model (as lp-backend.ts SolverLp): `people` placements over `enclaves`, three
 * each, in one-place rows, headcount and ratio rows; deterministic.
 */
function warmUpModel(people, enclaves, integer) {
  // Rows: per enclave max (≤ 9), min (≥ 3), ratio (≤ 0); then one per person (≤ 1).
  const rows = [];
  for (let e = 0; e < enclaves; e++) rows.push({ upper: 1, rhs: 9, terms: [] }, { upper: 0, rhs: 3, terms: [] }, { upper: 1, rhs: 0, terms: [] });
  const cost = [];
  for (let p = 0; p < people; p++) {
    const one = rows.push({ upper: 1, rhs: 1, terms: [] }) - 1;
    const coach = p % 7 === 0;
    for (let k = 0; k < 3; k++) {
      const e = (p * 5 + k * 3) % enclaves;
      const c = cost.push(((p + e) % 5) + (coach ? 3 : 1)) - 1;
      rows[one].terms.push([c, 1]);
      if (coach) rows[3 * e + 2].terms.push([c, -13]);
      else {
        rows[3 * e].terms.push([c, 1]);
        rows[3 * e + 1].terms.push([c, 1]);
        rows[3 * e + 2].terms.push([c, 1 + (p % 3)]);
      }
    }
  }
  return {
    id: 0,
    sense: "max",
    cost: Float64Array.from(cost),
    integer: integer ? new Uint8Array(cost.length).fill(1) : null,
    ...packRows(rows),
  };
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
/** What the wrapped pivot throws when the root's cuts have used their share of the time (cutRoot). */
const CUTS_STOPPED = new Error("stopped: the root's cuts ran out of their share of the job's time");
/** When the root's cuts must stop (as stopAt); Infinity outside them. */
let cutStopAt = Infinity;

/**
 * Wraps the library's simplex pivot with the deadline check and the pivot limit. Every
 * simplex phase (primal phase 1 and 2, each branch node's re-solve in its branch and cut)
 * pivots through `this.pivot`, and a pivot is at most a few milliseconds even on the largest
 * day models, so a job stops within one pivot of its deadline. Returns false when the library
 * no longer looks like that (the hard cut-off alone then keeps the deadline).
 */
function installDeadline() {
  const prototype = typeof solver.Tableau === "function" ? solver.Tableau.prototype : null;
  if (!prototype || typeof prototype.pivot !== "function") return false;
  const pivot = prototype.pivot;
  prototype.pivot = function pivotBeforeDeadline(row, column) {
    if (++pivotsThisSimplex > pivotLimit) throw STALLED;
    const now = performance.timeOrigin + performance.now();
    if (now > stopAt) throw STOPPED;
    if (now > cutStopAt) throw CUTS_STOPPED;
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

/** Most memory the branch and bound keeps in snapshots of nodes waiting to be searched. */
const SAVED_BYTES = 256 * 1024 * 1024;

/** A value within this of an integer counts as integral (as INTEGRALITY in lexicographic-solve.ts). */
const INTEGRALITY = 1e-6;

/**
 * The last LP this thread solved to its optimum (a job without integers, not a search): the
 * model's number (lp-backend.ts), its variables and its tableau as the simplex left it. A
 * search of the same model (the level's relaxation, then its branch and bound) starts from it
 * instead of solving the LP again.
 */
let lastRelaxation = null;

/**
 * Matrices of snapshots no longer needed, reused by the next snapshot: a node's copy of its
 * parent then allocates nothing (allocating and collecting a fresh matrix per branching was a
 * third of the search's time on generated 40).
 */
const spareMatrices = [];

/** Cut rows a snapshot's matrix has room for beyond its own, before the library must grow it. */
const SNAPSHOT_SPARE_ROWS = 48;

/**
 * The parts of the library's tableau a branch node changes (its matrix, basis and cut rows),
 * copied: only the rows in use, into a spare matrix with room for more cut rows.
 */
function snapshot(tableau) {
  const size = tableau.height * tableau.width;
  let matrix = spareMatrices.pop();
  if (matrix === undefined || matrix.length < size) matrix = new Float64Array(size + SNAPSHOT_SPARE_ROWS * tableau.width);
  matrix.set(tableau.matrix.subarray(0, size));
  return {
    matrix,
    height: tableau.height,
    nVars: tableau.nVars,
    lastElementIndex: tableau.lastElementIndex,
    varIndexByRow: tableau.varIndexByRow.slice(0, tableau.height),
    varIndexByCol: tableau.varIndexByCol.slice(0, tableau.width),
    rowByVarIndex: tableau.rowByVarIndex.slice(0, tableau.lastElementIndex),
    colByVarIndex: tableau.colByVarIndex.slice(0, tableau.lastElementIndex),
  };
}

/**
 * Puts a snapshot back into the tableau. `consume`: the snapshot is not needed again, so its
 * matrix becomes the tableau's (no copy) and the tableau's old one a spare.
 */
function restoreSnapshot(tableau, saved, consume) {
  const size = saved.height * tableau.width;
  if (consume) {
    spareMatrices.push(tableau.matrix);
    tableau.matrix = saved.matrix;
  } else {
    if (tableau.matrix.length < size) tableau.matrix = new Float64Array(size + SNAPSHOT_SPARE_ROWS * tableau.width);
    tableau.matrix.set(saved.matrix.subarray(0, size));
  }
  tableau.height = saved.height;
  tableau.nVars = saved.nVars;
  tableau.lastElementIndex = saved.lastElementIndex;
  tableau.availableIndexes.length = 0;
  const copyInto = (target, source) => {
    for (let i = 0; i < source.length; i++) target[i] = source[i];
    target.length = source.length;
  };
  copyInto(tableau.varIndexByRow, saved.varIndexByRow);
  copyInto(tableau.varIndexByCol, saved.varIndexByCol);
  copyInto(tableau.rowByVarIndex, saved.rowByVarIndex);
  copyInto(tableau.colByVarIndex, saved.colByVarIndex);
}

/**
 * Nodes a search may take with its root rows (addRootRows) before it starts again without them:
 * generated 80's hard site proves its stand-in level with them in 5 nodes (2,917 without); a
 * 14-enclave re-plan (company 21) did not prove its stand-in level with them in 2,500 nodes and
 * 10 s, and proves it without them at once (with 50 nodes first: 0.15 s instead of 0.06).
 */
const ROOT_ROWS_NODES = 50;
/** Pivots a node's simplex may take under the root rows, at least. */
const ROOT_ROWS_MIN_PIVOTS = 100;

/**
 * The share of a search's time its root cuts may take, simplex included: a round's simplex on
 * the dense cut rows can be long (20-enclave company 32's target-shortfall level, 564 rows:
 * 0.85 ms a pivot, 5 rounds in 3.4 s of a 4.7 s search when the share was only checked between
 * rounds; the tree then had 1.4 s for 76 nodes and did not prove the level).
 */
const CUT_SHARE = 0.25;

/**
 * Most pivots one round of root cuts may take, per row and column of the tableau as cutting
 * starts: a round's simplex walks back from an optimal vertex past a few cut rows, which takes
 * few pivots where the cuts work. Over generated 10- to 28-enclave companies (184 plans and
 * re-plans), no round of cuts that proved its level took more than 0.07; 20-enclave company 3's
 * stand-in level (its bound a hair from the threshold, moved by nothing) took 1.57 in a round
 * that ran until the cuts' share of the time was up: 1.2 s of its 1.3 s plan.
 */
const CUT_ROUND_PIVOTS = 0.25;
/** …and at least this many (a small site's tableau). */
const CUT_ROUND_MIN_PIVOTS = 50;

/**
 * Gomory cuts at the root of the search (gomory.mjs rootCuts), to prove the level there: first
 * the rows that can be are made integral (integralVariables), then rounds of cuts, each checked
 * against the incumbent, each round's simplex within CUT_ROUND_PIVOTS. Proven: the search ends
 * at its root. Otherwise the columns the cuts' bound fixes by their reduced costs are noted,
 * the tableau is put back as it was, those of them nonbasic there are fixed, and the search
 * goes on without the cuts. Returns rootCuts's answer with `stalled` and `fixed` (null when
 * nothing was tried: no incumbent to check the cuts with); throws STOPPED at the deadline.
 */
function cutRoot(tableau, lp, variables, search, pruned, rootSlacks, integerIndexes) {
  if (!search.incumbentPoint) return null;
  const before = snapshot(tableau);
  const { integral, shift } = integralVariables(tableau, lp, variables, search.integers);
  let point = pointByVariable(tableau, lp, variables, search.incumbentPoint, shift);
  for (const { index, value, whole } of rootSlacks) {
    if (whole) integral[index] = 1;
    // (As pointByVariable: a point that breaks a row proves nothing.)
    if (value < -1e-6) point = null;
    else if (point !== null) point[index] = Math.max(0, value);
  }
  let answer = null;
  if (point !== null) {
    // Cutting may take a share of the search's time: the search itself may still prove it.
    const shareMs = CUT_SHARE * Math.max(0, stopAt - performance.timeOrigin - performance.now());
    const until = performance.now() + shareMs;
    cutStopAt = performance.timeOrigin + until;
    let stalled = false;
    const recoverable = (error) => {
      if (error === STALLED) stalled = true;
      return error === STALLED || error === CUTS_STOPPED;
    };
    const jobPivotLimit = pivotLimit;
    const roundPivots = search.cutRoundPivots ?? Math.max(CUT_ROUND_MIN_PIVOTS, Math.ceil(CUT_ROUND_PIVOTS * (tableau.height + tableau.width)));
    pivotLimit = Math.min(jobPivotLimit, roundPivots);
    try {
      tableau.simplex();
      const optimal = tableau.feasible === true && tableau.bounded !== false;
      answer = optimal ? rootCuts(tableau, integral, search.incumbent - search.step, point, pruned, recoverable, until) : null;
    } catch (error) {
      if (!recoverable(error)) throw error;
    } finally {
      cutStopAt = Infinity;
      pivotLimit = jobPivotLimit;
    }
    if (answer !== null) answer.stalled = stalled;
  }
  if (answer !== null && answer.proven) {
    spareMatrices.push(before.matrix);
  } else {
    // The cuts' bound, higher than the root's, fixes more columns by their reduced costs
    // (valid for the root too: every point the search looks for keeps the cuts); those that
    // are nonbasic at the root are fixed there.
    const fixable = answer === null ? [] : fixableByReducedCosts(tableau, integerIndexes, pruned);
    restoreSnapshot(tableau, before, true);
    if (answer !== null) answer.fixed = fixColumns(tableau, fixable);
  }
  return answer;
}

/**
 * Our depth-first branch and bound, run on the library's tableau in this thread: the root LP
 * is solved once; a node adds its bound as a cut row to its parent's tableau and re-solves
 * from there (the child searched right after its parent from the tableau as it is, the other
 * from a copy kept for it; the library's own branch and cut re-solves every node from the
 * root), so a node costs a few pivots instead of a model built, sent and set up anew (0.3-0.5
 * ms a node against about 3 ms on a 14-enclave company's moves level). The rules are the
 * caller's (lexicographic-solve.ts branchAndBound): branch on the fractional variable of the
 * highest tier, by pseudocosts within it (branching.mjs), the side nearer the relaxation first; prune a
 * node whose relaxation, rounded up to the level's step, is no better than the incumbent by a
 * whole step. At the root and at every node, the integer columns whose reduced cost alone
 * would make the node's relaxation prunable are fixed at 0 for the node's subtree
 * (gomory.mjs fixByReducedCosts): 20-enclave company 8's re-plan proved its target shortfall
 * in 16 nodes instead of 1,444; unseen 20-enclave companies 44 (plan) and 46 (re-plan), not
 * proven in 10 s before, are proven now.
 *
 * `lp`, `options`: the LP (no integers) as sent (see buildModel); `search.integers`: the integer
 * columns; `search.tiers`: their tiers; `search.step`; `search.incumbent`: the incumbent's
 * objective in the library's own minimising form (the objective for "min", its negative for
 * "max"). Returns whether the tree was searched completely, the nodes, and the best point
 * found that beats the incumbent by a step (by column), or null. A node whose simplex stalls (the
 * pivot limit) is skipped: the search is then not complete. At the deadline it stops.
 * `search.cuts`: first try to prove the root with Gomory cuts (cutRoot). `fixed`: how many
 * columns reduced-cost fixing fixed, over all nodes.
 */
function searchTree(lp, options, search) {
  const result = { complete: true, nodes: 0, stalled: 0, best: null, cuts: null, fixed: 0 };
  spareMatrices.length = 0; // another model's sizes
  let tableau;
  let variables;
  try {
    if (lastRelaxation !== null && lastRelaxation.id === lp.id) {
      // The relaxation the caller has just solved for this level: its optimal tableau is the root.
      ({ tableau, variables } = lastRelaxation);
    } else {
      const { built } = solveModel(lp, options);
      ({ variables } = built);
      tableau = built.model.tableau;
      if (tableau.feasible !== true) return result;
    }
    lastRelaxation = null; // the search changes the tableau
  } catch (error) {
    if (error === STOPPED) return { ...result, complete: false };
    if (error === STALLED) return { ...result, complete: false, stalled: 1 };
    throw error;
  }
  const step = search.step;
  let incumbent = search.incumbent;
  const integers = Array.from(search.integers, (column, i) => ({ index: variables[column].index, tier: search.tiers[i] }));
  const integerIndexes = integers.map(({ index }) => index);
  /** Whether a relaxation's objective (the library's minimising form) cannot beat the incumbent by a step. */
  const pruned = (evaluation) => Math.ceil(evaluation / step - 1e-6) * step > incumbent - step + 1e-6 * step;
  let rootSlacks = [];
  const jobPivotLimit = pivotLimit;
  /** The root before its root rows, while they are in the tableau. */
  let beforeRootRows = null;
  /** Whether a node's simplex stalled under the root rows. */
  let rootRowsStalled = false;
  if (search.rootRows) {
    // The rows the caller knows every point searched keeps (the optimum of each level above,
    // as a bound from the other side): added to the optimal tableau; if its simplex then
    // stalls (or finds no point, which such rows cannot make), the search goes on without them.
    const before = snapshot(tableau);
    const evaluation = tableau.evaluation;
    let keep = false;
    try {
      rootSlacks = addRootRows(tableau, variables, search.rootRows, search.integers, search.incumbentPoint);
      tableau.simplex();
      // Kept only where they move the bound: a degenerate row that changes nothing slows every node.
      keep = tableau.feasible === true && tableau.bounded !== false && tableau.evaluation > evaluation + 1e-6 * Math.max(1, Math.abs(evaluation));
    } catch (error) {
      if (error === STOPPED) return { ...result, complete: false };
      if (error !== STALLED) throw error;
    }
    if (keep) {
      beforeRootRows = before;
      // A node that stalls under them costs its whole pivot limit before the search can go on
      // without them: a tenth of it here (20-enclave company 6's re-plan: 0.9 s for one stall).
      pivotLimit = Math.max(ROOT_ROWS_MIN_PIVOTS, Math.floor(jobPivotLimit / 10));
    } else {
      restoreSnapshot(tableau, before, true);
      rootSlacks = [];
    }
  }
  if (search.cuts === true) {
    try {
      result.cuts = cutRoot(tableau, lp, variables, search, pruned, rootSlacks, integerIndexes);
    } catch (error) {
      if (error === STOPPED) return { ...result, complete: false };
      throw error;
    }
  }

  // (Not where the cuts proved the root: the search ends there.)
  result.fixed = result.cuts?.fixed ?? 0;
  if (result.cuts?.proven !== true) result.fixed += fixByReducedCosts(tableau, integerIndexes, pruned).length;
  let root = snapshot(tableau);
  const valueOf = (index) => {
    const row = tableau.rowByVarIndex[index];
    return row === -1 ? 0 : tableau.matrix[row * tableau.width + tableau.rhsColumn];
  };
  const pseudo = pseudocosts(integers.length);
  const tierOf = (position) => integers[position].tier;
  const valueOfCandidate = (position) => valueOf(integers[position].index);
  // A node: its cuts (all bounds from the root), its parent's relaxation value, the branch
  // that made it (for the pseudocosts: which candidate, which way, how far), and where its
  // simplex starts. "current": the tableau as its parent left it (the child pushed last, so
  // popped right after its parent); a snapshot of the parent (the other child, searched
  // later), plus its own new cut; or null: the root with all its cuts (when the snapshots
  // would take too much memory).
  let savedBytes = 0;
  /** A stack holding only the root node (no cuts, started from the root snapshot). */
  const rootOnly = () => [{ cuts: [], from: null, cut: null, parentEvaluation: -Infinity }];
  let stack = rootOnly();
  // (A node that stalled under the root rows may have been the last one waiting: the search
  // must still start again without them, or it would end "complete" without that node.)
  while (stack.length > 0 || (rootRowsStalled && beforeRootRows !== null)) {
    if (result.nodes >= search.nodeLimit || performance.timeOrigin + performance.now() > stopAt) {
      result.complete = false;
      break;
    }
    if (beforeRootRows !== null && (result.nodes >= ROOT_ROWS_NODES || rootRowsStalled)) {
      // The root rows have had their nodes, or a node's simplex stalled under them: the search
      // starts again from the root without them (a degenerate row in every node's tableau can
      // make the tree slower than its bound makes it smaller). What it found so far stays: its
      // incumbent prunes.
      for (const waiting of stack) if (waiting.from !== null && waiting.from !== "current") spareMatrices.push(waiting.from.matrix);
      spareMatrices.push(root.matrix);
      restoreSnapshot(tableau, beforeRootRows, true);
      beforeRootRows = null;
      result.fixed += fixByReducedCosts(tableau, integerIndexes, pruned).length;
      pivotLimit = jobPivotLimit;
      root = snapshot(tableau);
      savedBytes = 0;
      stack = rootOnly();
    }
    const node = stack.pop();
    const saved = node.from !== null && node.from !== "current" ? node.from : null;
    if (saved !== null) savedBytes -= saved.matrix.length * 8;
    if (pruned(node.parentEvaluation)) {
      // The incumbent has improved since the node was made: its parent's bound prunes it.
      if (saved !== null) spareMatrices.push(saved.matrix);
      continue;
    }
    result.nodes++;
    try {
      if (node.from === "current") {
        tableau.addCutConstraints([node.cut]);
      } else if (saved !== null) {
        restoreSnapshot(tableau, saved, true);
        tableau.addCutConstraints([node.cut]);
      } else {
        restoreSnapshot(tableau, root, false);
        tableau.addCutConstraints(node.cuts);
      }
      tableau.simplex();
    } catch (error) {
      if (error === STALLED && beforeRootRows !== null) {
        // Under the root rows: the search starts again without them (at the top of the loop).
        rootRowsStalled = true;
        continue;
      }
      if (error === STALLED) {
        // Skipped. The tableau is left mid-simplex, but no node waits for it: the next one
        // starts from a snapshot or the root.
        result.complete = false;
        result.stalled++;
        continue;
      }
      if (error === STOPPED) {
        result.complete = false;
        break;
      }
      throw error;
    }
    // What the branch into this node gained (branching.mjs): an infeasible child gained at least
    // what its parent needed to be pruned.
    if (node.branched !== undefined) {
      const gain = tableau.feasible === true ? tableau.evaluation - node.parentEvaluation : incumbent - node.parentEvaluation;
      pseudo.record(node.branched.position, node.branched.up, node.branched.distance, gain);
    }
    if (tableau.feasible !== true) continue;
    if (tableau.bounded === false) {
      result.complete = false;
      continue;
    }
    if (pruned(tableau.evaluation)) continue;
    // What this node's bound and the incumbent now leave of its subtree (both children).
    result.fixed += fixByReducedCosts(tableau, integerIndexes, pruned).length;
    const choice = pseudo.choose(tierOf, valueOfCandidate, INTEGRALITY);
    if (choice === null) {
      // An integral point better by a step: the new incumbent.
      incumbent = Math.round(tableau.evaluation / step) * step;
      result.best = Float64Array.from(variables, (variable) => valueOf(variable.index));
      continue;
    }
    const chosen = integers[choice.position].index;
    const chosenValue = choice.value;
    const keep = (type) => node.cuts.filter((cut) => cut.varIndex !== chosen || cut.type !== type);
    const downCut = { type: "max", varIndex: chosen, value: Math.floor(chosenValue) };
    const upCut = { type: "min", varIndex: chosen, value: Math.ceil(chosenValue) };
    const parentEvaluation = tableau.evaluation;
    const f = chosenValue - Math.floor(chosenValue);
    const down = { cuts: [...keep("max"), downCut], cut: downCut, parentEvaluation, branched: { position: choice.position, up: false, distance: f } };
    const up = { cuts: [...keep("min"), upCut], cut: upCut, parentEvaluation, branched: { position: choice.position, up: true, distance: 1 - f } };
    // Depth first, the side nearer the relaxation's value first (pushed last): it goes on from
    // this tableau; the other waits with a snapshot of it, while they fit in SAVED_BYTES.
    const [near, far] = f >= 0.5 ? [up, down] : [down, up];
    if (savedBytes + tableau.height * tableau.width * 8 <= SAVED_BYTES) {
      far.from = snapshot(tableau);
      savedBytes += far.from.matrix.length * 8;
    } else {
      far.from = null;
    }
    near.from = "current";
    stack.push(far, near);
  }
  if (beforeRootRows !== null) spareMatrices.push(beforeRootRows.matrix);
  // Snapshots left on the stack (the search stopped) give their matrices back too.
  for (const node of stack) if (node.from !== null && node.from !== "current") spareMatrices.push(node.from.matrix);
  return result;
}

if (workerData && workerData.warm) {
  // About 150 ms of solving, on the spare's own thread while the active one works.
  for (let round = 0; round < 8; round++) solveModel(warmUpModel(90, 12, false), { timeout: 100 });
  solveModel(warmUpModel(90, 12, true), { timeout: 100 });
}
if (workerData && workerData.ready) {
  const ready = new Int32Array(workerData.ready);
  Atomics.store(ready, 0, 1);
}

const { jobs, answers } = workerData;
const answered = new Int32Array(workerData.answered);

function handle({ call, model: lp, options, stopAt: jobStopAt, maxPivotsPerSimplex, search }) {
  let reply;
  stopAt = typeof jobStopAt === "number" ? jobStopAt : Infinity;
  pivotLimit = typeof maxPivotsPerSimplex === "number" ? maxPivotsPerSimplex : Infinity;
  pivotsThisSimplex = 0;
  try {
    if (search) {
      reply = { ok: true, result: searchTree(lp, options, search) };
    } else {
      // An integer job (a dive's, the library's search) leaves the last relaxation be.
      const relaxation = lp.integer === null;
      if (relaxation) lastRelaxation = null;
      const { built, answer } = solveModel(lp, options);
      const tableau = built.model.tableau;
      if (relaxation && tableau.feasible === true) lastRelaxation = { id: lp.id, tableau, variables: built.variables };
      reply = { ok: true, result: answer };
    }
  } catch (error) {
    if (error === STOPPED) reply = { ok: false, stopped: "deadline" };
    else if (error === STALLED) reply = { ok: false, stopped: "pivots" };
    else reply = { ok: false, error: String(error && error.stack ? error.stack : error) };
  } finally {
    stopAt = Infinity;
    pivotLimit = Infinity;
  }
  answers.postMessage(reply);
  Atomics.store(answered, 0, call);
  Atomics.notify(answered, 0);
}

jobs.on("message", handle);
