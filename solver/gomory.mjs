// Gomory mixed-integer cuts, and other rows added to javascript-lp-solver's optimal tableau, for
// the solver thread's branch and bound (lp-worker.mjs searchTree). Plain JavaScript, like the
// thread.
//
// The tableau, as the library keeps it: row 0 is the objective, column 0 the right-hand side;
// row r ≥ 1 reads x_B(r) = b_r − Σ_c a_rc · x_N(c), every variable (structural or a row's
// slack) ≥ 0 and nonbasic ones at 0 (upper bounds are rows of their own). For a row whose
// basic variable must be integral and whose value b has the fractional part f0, every point
// with the integer variables integral keeps (Gomory 1960; Cornuéjols, "Revival of the Gomory
// cuts in the 1990's", 2007):
//
//   Σ_{j integer, f_j ≤ f0} f_j / f0 · x_j + Σ_{j integer, f_j > f0} (1 − f_j) / (1 − f0) · x_j
//     + Σ_{j continuous, a_j > 0} a_j / f0 · x_j + Σ_{j continuous, a_j < 0} −a_j / (1 − f0) · x_j ≥ 1
//
// (f_j the fractional part of a_j), which the current vertex (all x_N = 0) breaks. It is added
// to the tableau as a row in the nonbasic variables: no translation back to the model is
// needed. The solver thread uses the cuts to prove a level at the root of its search
// (rootCuts); javascript-lp-solver has none of its own that do (HiGHS proves generated 80's hard
// site with cuts at its root, and the library's search could not in any budget).
import { performance } from "node:perf_hooks";

/** Rounds of cuts at most, and cuts per round. */
const MAX_ROUNDS = 30;
const CUTS_PER_ROUND = 30;
/** Room by variable index for the cuts' slacks (the library numbers them on from the last). */
const ROOM = MAX_ROUNDS * CUTS_PER_ROUND + 64;

/** Rows whose basic value is this close to an integer give no cut (numerically unsafe). */
const MIN_FRACTION = 0.01;
/** A cut whose largest coefficient is this many times its smallest is left out (unsafe). */
const MAX_DYNAMISM = 1e6;
/** A tableau entry within this of an integer counts as that integer. */
const ENTRY_TOLERANCE = 1e-9;
/**
 * A tableau entry this small is rounding noise: left out of the cut (which could strengthen it
 * by at most this times the variable's value over f0, within RHS_SAFETY on these models).
 */
const ENTRY_ZERO = 1e-12;
/** Each cut's right-hand side is lowered by this (a weaker, safer cut). */
const RHS_SAFETY = 1e-6;

const isWhole = (value) => Math.abs(value - Math.round(value)) <= ENTRY_TOLERANCE;

/** 1 for each of the `integers` columns, of `count`. */
function integerColumns(integers, count) {
  const integer = new Uint8Array(count);
  for (const column of integers) integer[column] = 1;
  return integer;
}

/**
 * Rows given as SolverLp rows (rhs, upper, rowStart, column, coefficient; lp-backend.ts):
 * whether row r's terms are all on integer columns with integer coefficients.
 */
function wholeTerms(rows, r, integerColumn) {
  for (let k = rows.rowStart[r]; k < rows.rowStart[r + 1]; k++) if (integerColumn[rows.column[k]] !== 1 || !isWhole(rows.coefficient[k])) return false;
  return true;
}

/** Row r's slack at `columns` (a point by column): rhs − Σ a·x for "≤", Σ a·x − rhs for "≥". */
function rowSlack(rows, r, columns) {
  let activity = 0;
  for (let k = rows.rowStart[r]; k < rows.rowStart[r + 1]; k++) activity += rows.coefficient[k] * columns[rows.column[k]];
  return rows.upper[r] === 1 ? rows.rhs[r] - activity : activity - rows.rhs[r];
}

/**
 * Adds rows to the tableau, each given in its nonbasic variables (`rhs`, and `coefficients` by
 * column, [0] unused, times `scale`): made by the library's own call (the slack variable
 * registered as it does for a branching bound), then overwritten. Returns each row's slack's
 * variable index.
 */
function appendRows(tableau, rows, scale) {
  const { width } = tableau;
  const first = tableau.height;
  tableau.addCutConstraints(rows.map(() => ({ type: "max", varIndex: tableau.varIndexByCol[1], value: 0 })));
  const matrix = tableau.matrix;
  return rows.map(({ rhs, coefficients }, i) => {
    const offset = (first + i) * width;
    matrix[offset] = rhs;
    for (let c = 1; c < width; c++) matrix[offset + c] = scale * coefficients[c];
    return tableau.varIndexByRow[first + i];
  });
}

/**
 * Which of the tableau's variables (by the library's variable index) are integral at every
 * integer point, with the rows that can be made so: the `integers` columns, and the slack of
 * every row whose terms are all on integer columns with integer coefficients (row r of `lp` is
 * the library's constraint r, as lp-build.mjs builds it). Such a row with a fractional
 * right-hand side — a level held with a little slack (Σ z ≥ 8.999), a bound row x ≤ 1.5 — is
 * tightened to the integer below in the library's "≤" form (Σ z ≥ 9), which every integer
 * point keeps: its slack s becomes s − δ, so every row of the tableau gets δ times its entry
 * in that slack's column off its right-hand side (its own row δ, where the slack is basic).
 * The tableau then needs a simplex. Without it the slack of the hold row is not integral, and
 * the cuts are weaker (generated 80's hard site: 2.86 after 14 rounds instead of 3.002 after 8).
 * Returns `integral` and `shift` (each row's δ, for pointByVariable).
 */
export function integralVariables(tableau, lp, variables, integers) {
  const constraints = tableau.model.constraints;
  const integral = new Uint8Array(tableau.lastElementIndex + ROOM);
  const shift = new Float64Array(lp.rhs.length);
  const integerColumn = integerColumns(integers, lp.cost.length);
  for (const column of integers) integral[variables[column].index] = 1;
  const { width, matrix } = tableau;
  for (let r = 0; r < lp.rhs.length; r++) {
    if (!wholeTerms(lp, r, integerColumn)) continue;
    const index = constraints[r].index;
    integral[index] = 1;
    const b = lp.upper[r] === 1 ? lp.rhs[r] : -lp.rhs[r];
    if (isWhole(b)) continue;
    const delta = b - Math.floor(b);
    shift[r] = delta;
    const row = tableau.rowByVarIndex[index];
    if (row !== -1) {
      matrix[row * width] -= delta;
    } else {
      const column = tableau.colByVarIndex[index];
      for (let R = 0; R < tableau.height; R++) matrix[R * width] -= delta * matrix[R * width + column];
    }
  }
  return { integral, shift };
}

/**
 * A known integer point (the incumbent, by column of `lp`) as the value of every variable of
 * the tableau by the library's variable index: the columns, and each row's slack (the
 * library keeps a "≥" row negated, so its slack is Σ a·x − rhs), less the row's `shift`
 * (integralVariables). Cuts' slacks are added as the cuts are (addGomoryCuts). Null when the
 * point breaks a row: it then proves nothing.
 */
export function pointByVariable(tableau, lp, variables, columns, shift) {
  const point = new Float64Array(tableau.lastElementIndex + ROOM).fill(Number.NaN);
  for (let c = 0; c < columns.length; c++) point[variables[c].index] = columns[c];
  const constraints = tableau.model.constraints;
  for (let r = 0; r < lp.rhs.length; r++) {
    const slack = rowSlack(lp, r, columns) - shift[r];
    if (slack < -1e-6) return null;
    point[constraints[r].index] = Math.max(0, slack);
  }
  return point;
}

/**
 * One round of Gomory mixed-integer cuts: from up to `maxCuts` rows of the optimal `tableau`
 * whose basic variable is integral (`integral`, by variable index) but fractional, the most
 * fractional first, each cut added as a row (its slack continuous) unless the known integer
 * `point` (pointByVariable) breaks it. Returns how many were added; the tableau then needs a
 * simplex (the new rows are violated).
 */
export function addGomoryCuts(tableau, integral, maxCuts, point = null) {
  const { width, matrix } = tableau;
  const candidates = [];
  for (let r = 1; r < tableau.height; r++) {
    const index = tableau.varIndexByRow[r];
    if (integral[index] !== 1) continue;
    const value = matrix[r * width];
    const f0 = value - Math.floor(value);
    if (f0 < MIN_FRACTION || f0 > 1 - MIN_FRACTION) continue;
    candidates.push({ r, score: Math.min(f0, 1 - f0) });
  }
  candidates.sort((a, b) => b.score - a.score);
  const rows = [];
  for (const { r } of candidates) {
    if (rows.length >= maxCuts) break;
    const row = gomoryRow(tableau, integral, r);
    if (row !== null && (point === null || keeps(tableau, row, point) !== null)) rows.push(row);
  }
  if (rows.length === 0) return 0;
  // Each cut as the row s = −(1 − safety) + Σ g_j · x_j ≥ 0.
  const slacks = appendRows(tableau, rows.map((g) => ({ rhs: -(1 - RHS_SAFETY), coefficients: g })), -1);
  if (point !== null) rows.forEach((g, i) => (point[slacks[i]] = keeps(tableau, g, point) - (1 - RHS_SAFETY)));
  return rows.length;
}

/**
 * The cut's left-hand side at `point` (Σ g_c · x_N(c)), or null when the point breaks the cut
 * or a variable's value there is unknown: rounding in the tableau made the cut invalid.
 */
function keeps(tableau, g, point) {
  const { width, varIndexByCol } = tableau;
  let lhs = 0;
  for (let c = 1; c < width; c++) if (g[c] !== 0) lhs += g[c] * point[varIndexByCol[c]];
  return lhs >= 1 - RHS_SAFETY ? lhs : null;
}

/** The cut's coefficients by column (g[0] unused), or null when it is numerically unsafe. */
function gomoryRow(tableau, integral, r) {
  const { width, matrix, varIndexByCol } = tableau;
  const offset = r * width;
  const value = matrix[offset];
  const f0 = value - Math.floor(value);
  const g = new Float64Array(width);
  let largest = 0;
  let smallest = Infinity;
  for (let c = 1; c < width; c++) {
    const a = matrix[offset + c];
    if (Math.abs(a) <= ENTRY_ZERO) continue;
    let coefficient;
    if (integral[varIndexByCol[c]] === 1) {
      const fj = a - Math.floor(a);
      if (fj <= ENTRY_TOLERANCE || fj >= 1 - ENTRY_TOLERANCE) continue;
      coefficient = fj <= f0 ? fj / f0 : (1 - fj) / (1 - f0);
    } else {
      coefficient = a > 0 ? a / f0 : -a / (1 - f0);
    }
    g[c] = coefficient;
    if (coefficient > largest) largest = coefficient;
    if (coefficient < smallest) smallest = coefficient;
  }
  if (largest === 0 || largest > MAX_DYNAMISM * smallest) return null;
  return g;
}

/** Cutting stops when a round moves the bound by less than this share of the gap it had to close… */
const MIN_PROGRESS = 0.01;
/**
 * …three rounds in a row: one weak round is often followed by strong ones (generated 80's hard
 * site from another basis: stopped at 2.39 after 5 rounds, proven at 3.33 after 15).
 */
const PATIENCE = 3;
/**
 * Cutting also stops, once it has had PATIENCE rounds, when at the pace of its last PATIENCE
 * rounds (bound moved a round, time a round) it would need more rounds than MAX_ROUNDS leaves,
 * or more than this many times the time it has left, to reach the threshold (cannotReach):
 * rounds that cannot prove the level only take the tree's time. Generated 80's hard site: its
 * moves level's 12 rounds moved the bound from −30.6 to −21.5 of the −14 they needed (about
 * 0.2 a round at the end), its stand-in level's from −2,832 to −2,830.9 of −2,829 (0.02–0.05 a
 * round), 150–180 ms each in a plan; the tree then proved each in 35 and 5 nodes (40–45 ms).
 * The levels above, which the cuts prove, need a few rounds at their pace (minimum shortfall:
 * 0.6 left after three rounds of 0.11).
 */
const PROJECTION_MARGIN = 2;

/**
 * Rounds of Gomory cuts on a level's optimal root `tableau`, to prove it: each round's cuts are
 * added and the tableau re-solved (the library's phase 1 walks back to feasibility from the
 * optimal tableau, as for a branching bound), until `pruned(evaluation)` says the bound prunes
 * the root — the level is then proven —, a round moves the bound by less than MIN_PROGRESS of the
 * gap to `threshold` (where pruning starts, in the library's minimising form) PATIENCE times in
 * a row, the last rounds' pace could not reach the threshold in the rounds or time left
 * (cannotReach), MAX_ROUNDS, the time `until` (performance.now()), or a round's simplex does
 * not end optimal (`recoverable(error)`: a stall; or infeasible, which valid cuts cannot make
 * while the incumbent keeps them). After each round the cut rows no longer tight are taken out
 * again, so that the next rounds pay only for the ones that matter.
 *
 * `point` (pointByVariable): the safety net against cuts made invalid by rounding in the
 * tableau: a cut that this known integer point (the incumbent) breaks is left out.
 *
 * Returns the rounds, the cuts in the tableau, and `proven`. Unless proven the tableau is left
 * as the cuts made it (the caller puts its own copy back: cut rows are dense, and a search under
 * them pivots several times slower; 20-enclave company 32's target-shortfall level: 1 ms a pivot
 * instead of 0.28, unproven in 10 s instead of proven in 4 s). Any other error of the simplex
 * (the deadline) is thrown.
 */
export function rootCuts(tableau, integral, threshold, point, pruned, recoverable, until) {
  const gap = threshold - tableau.evaluation;
  let rounds = 0;
  let cuts = 0;
  if (pruned(tableau.evaluation)) return { rounds, cuts, proven: true };
  if (!(gap > 0)) return { rounds, cuts, proven: false };
  const firstCutIndex = tableau.lastElementIndex;
  let weak = 0;
  /** The bound's move and the time of the last rounds (at most PATIENCE). */
  const recent = [];
  while (rounds < MAX_ROUNDS && performance.now() < until) {
    const before = tableau.evaluation;
    const roundStart = performance.now();
    const count = addGomoryCuts(tableau, integral, CUTS_PER_ROUND, point);
    if (count === 0) break;
    rounds++;
    try {
      tableau.simplex();
    } catch (error) {
      if (!recoverable(error)) throw error;
      return { rounds, cuts, proven: false };
    }
    if (tableau.feasible !== true || tableau.bounded === false) return { rounds, cuts, proven: false };
    cuts += count - dropSlackCuts(tableau, firstCutIndex);
    if (pruned(tableau.evaluation)) return { rounds, cuts, proven: true };
    if (tableau.evaluation - before < MIN_PROGRESS * gap) {
      if (++weak >= PATIENCE) break;
    } else weak = 0;
    recent.push({ moved: tableau.evaluation - before, ms: performance.now() - roundStart });
    if (recent.length > PATIENCE) recent.shift();
    if (recent.length === PATIENCE && cannotReach(recent, threshold - tableau.evaluation, MAX_ROUNDS - rounds, until - performance.now())) break;
  }
  return { rounds, cuts, proven: false };
}

/**
 * Whether rounds at the pace of `recent` (each: how far a round moved the bound, and its time)
 * would need more than `roundsLeft` rounds, or more than PROJECTION_MARGIN times `msLeft`, to
 * close `remaining`.
 */
export function cannotReach(recent, remaining, roundsLeft, msLeft) {
  let moved = 0;
  let ms = 0;
  for (const round of recent) {
    moved += round.moved;
    ms += round.ms;
  }
  if (!(moved > 0)) return true;
  const paces = remaining / moved;
  return paces * recent.length > roundsLeft || paces * ms > PROJECTION_MARGIN * msLeft;
}

/**
 * Takes out the rows of cuts (variable index ≥ `firstCutIndex`) whose slack is basic and
 * positive: not tight at this vertex, so the vertex stays optimal without them.
 */
function dropSlackCuts(tableau, firstCutIndex) {
  const { width, matrix, varIndexByRow, rowByVarIndex, colByVarIndex } = tableau;
  let write = 1;
  let dropped = 0;
  for (let r = 1; r < tableau.height; r++) {
    const index = varIndexByRow[r];
    if (index >= firstCutIndex && matrix[r * width] > 1e-7) {
      rowByVarIndex[index] = -1;
      colByVarIndex[index] = -1;
      tableau.variablesPerIndex[index] = undefined;
      dropped++;
      continue;
    }
    if (write !== r) {
      matrix.copyWithin(write * width, r * width, (r + 1) * width);
      varIndexByRow[write] = index;
      rowByVarIndex[index] = write;
    }
    write++;
  }
  tableau.height = write;
  varIndexByRow.length = write;
  tableau.nVars = tableau.width + tableau.height - 2;
  return dropped;
}

/**
 * Rows added to an optimal tableau (`rows`: over the LP's columns, as lp-backend.ts SolverLp
 * rows: rhs, upper, rowStart, column, coefficient): each written in the nonbasic variables (a
 * basic column replaced by its tableau row) and added as a row of its own, as the library adds
 * a branching bound. The tableau then needs a simplex (phase 1 walks back from the optimal
 * tableau, where solving the LP with the row from the start may stall). Returns each row's
 * slack: its variable index, its value at `incumbentPoint` (by column; NaN without one) and
 * whether it is integral (integer coefficients on `integers` columns, integer right-hand side).
 */
export function addRootRows(tableau, variables, rows, integers, incumbentPoint) {
  const { width } = tableau;
  const integerColumn = integerColumns(integers, variables.length);
  const written = [];
  for (let r = 0; r < rows.rhs.length; r++) {
    const sign = rows.upper[r] === 1 ? 1 : -1;
    const coefficients = new Float64Array(width);
    let rhs = sign * rows.rhs[r];
    for (let k = rows.rowStart[r]; k < rows.rowStart[r + 1]; k++) {
      const a = sign * rows.coefficient[k];
      const index = variables[rows.column[k]].index;
      const row = tableau.rowByVarIndex[index];
      if (row === -1) {
        coefficients[tableau.colByVarIndex[index]] += a;
      } else {
        // x = value − Σ m_c · x_N(c)
        const offset = row * width;
        rhs -= a * tableau.matrix[offset];
        for (let c = 1; c < width; c++) coefficients[c] -= a * tableau.matrix[offset + c];
      }
    }
    written.push({ rhs, coefficients });
  }
  // (Written in the tableau as it was: a new row changes none of the others.)
  return appendRows(tableau, written, 1).map((index, r) => ({
    index,
    value: incumbentPoint ? rowSlack(rows, r, incumbentPoint) : Number.NaN,
    whole: isWhole(rows.rhs[r]) && wholeTerms(rows, r, integerColumn),
  }));
}

/**
 * Reduced-cost fixing on an optimal `tableau`, for a search that only looks for points that
 * `pruned` does not prune: every point costs at least the objective row's value plus each
 * nonbasic column's reduced cost times its value, so an integer column (of `indexes`, by the
 * library's variable index) at 0 whose reduced cost alone lifts the bound to where `pruned`
 * says no point better by a step is left stays 0 in every point the search looks for (an
 * integer that leaves 0 is at least 1). Those columns are fixed (fixColumns): no simplex
 * brings them into the basis again, so they stay 0 in every node below. Returns the indexes
 * fixed.
 */
export function fixByReducedCosts(tableau, indexes, pruned) {
  const fixed = fixableByReducedCosts(tableau, indexes, pruned);
  fixColumns(tableau, fixed);
  return fixed;
}

/**
 * The columns fixByReducedCosts would fix, left as they are (cutRoot notes them on the cut
 * tableau it then puts back). The bound is read from the objective row, not from
 * tableau.evaluation: that is the last simplex's, and the tableau may have been put back since
 * (cutRoot puts back the tableau its cuts raised).
 */
export function fixableByReducedCosts(tableau, indexes, pruned) {
  const { matrix, width } = tableau;
  // The bound needs every reduced cost ≥ 0 (an optimal tableau, or one dual feasible on its way
  // back to primal feasibility; one stopped in the middle of phase 2 is not).
  for (let c = 1; c < width; c++) if (matrix[c] > DUAL_TOLERANCE) return [];
  const bound = matrix[tableau.rhsColumn];
  const fixable = [];
  for (const index of indexes) {
    const column = tableau.colByVarIndex[index];
    if (column === undefined || column <= 0) continue;
    const reducedCost = -matrix[column];
    if (reducedCost > 0 && pruned(bound + reducedCost)) fixable.push(index);
  }
  return fixable;
}

/** A reduced cost this far below 0 means the tableau is not optimal (rounding aside). */
const DUAL_TOLERANCE = 1e-9;

/**
 * Fixes at 0 those of `indexes` (library variable indexes) that are nonbasic in `tableau`: their
 * columns set to zeros, so that no simplex brings them into the basis. Returns how many.
 */
export function fixColumns(tableau, indexes) {
  const { matrix, width, height } = tableau;
  let fixed = 0;
  for (const index of indexes) {
    const column = tableau.colByVarIndex[index];
    if (column === undefined || column <= 0) continue;
    for (let r = 0; r < height; r++) matrix[r * width + column] = 0;
    fixed++;
  }
  return fixed;
}
