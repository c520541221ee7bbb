// Builds javascript-lp-solver's Model from the solver thread's LP (lp-backend.ts SolverLp) and
// solves it. Apart from lp-worker.mjs so that tests can compare the tableau it builds with the
// one the library builds from the same model as JSON (test/solver/lp-build.test.ts).
import { createRequire } from "node:module";

const solver = createRequire(import.meta.url)("javascript-lp-solver");

/**
 * The library's Model of `lp` with the job's `options`, its tableau set up, and its variables
 * by column. Rows and columns are created with the library's own calls in the order its
 * loadJson takes a JSON model (every row first: a "≥" row by greaterThan, a "≤" row by
 * smallerThan; then the columns by addVariable), so every index, and with it every pivot, is
 * the one the JSON model would give. The terms then go straight into the tableau, where the
 * library's _resetMatrix would put them (a "≤" row as is, a "≥" row negated, column c at c + 1),
 * instead of through its Term objects: a 28-enclave plan spent a tenth of the solver thread's
 * time in the library's addTerm and in collecting what it leaves behind.
 *
 * The library's presolve never runs (it reads the Term objects, which are not made); on the
 * day models it fixed nothing and cost about a quarter of each LP.
 */
export function buildModel(lp, options) {
  const model = new solver.Model();
  model.isMinimization = lp.sense !== "max";
  // As loadJson reads the options.
  model.tolerance = options.tolerance || 0;
  if (options.timeout) model.timeout = options.timeout;
  model.checkForCycles = options.exitOnCycles === undefined ? true : options.exitOnCycles;
  model.keep_solutions = false;
  model.usePresolve = false;
  const rowCount = lp.rhs.length;
  for (let r = 0; r < rowCount; r++) {
    if (lp.upper[r] === 1) model.smallerThan(lp.rhs[r]);
    else model.greaterThan(lp.rhs[r]);
  }
  const columnCount = lp.cost.length;
  const variables = new Array(columnCount);
  for (let c = 0; c < columnCount; c++) variables[c] = model.addVariable(lp.cost[c], c, lp.integer !== null && lp.integer[c] === 1, false);
  const tableau = model.tableau;
  tableau.setModel(model);
  model.tableauInitialized = true;
  const { matrix, width } = tableau;
  for (let r = 0; r < rowCount; r++) {
    const offset = (r + 1) * width + 1;
    const sign = lp.upper[r] === 1 ? 1 : -1;
    for (let k = lp.rowStart[r]; k < lp.rowStart[r + 1]; k++) matrix[offset + lp.column[k]] += sign * lp.coefficient[k];
  }
  return { model, variables };
}

/**
 * Solves `lp` with the library (its simplex, or its branch and cut when `lp.integer` marks
 * columns): the model built, and the answer: feasible, bounded, the objective, each column's value.
 */
export function solveModel(lp, options) {
  const built = buildModel(lp, options);
  const solution = built.model.solve();
  const values = new Float64Array(built.variables.length);
  // tableau.solve() has set each variable's value (rounded to the library's precision).
  for (let c = 0; c < values.length; c++) values[c] = built.variables[c].value;
  const answer = { feasible: solution.feasible === true, bounded: solution.bounded !== false, evaluation: solution.evaluation, values };
  const tableau = built.model.tableau;
  if (lp.integer === null && answer.feasible && answer.bounded) {
    // An LP's optimum in the library's minimising form, and each column's reduced cost there:
    // the tableau's objective row reads z = z* − Σ_c row0[c] · x_N(c), so raising a nonbasic
    // column from 0 costs −row0 per unit (0 for basic columns).
    answer.minimised = tableau.matrix[tableau.rhsColumn];
    const reducedCosts = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++) {
      const column = tableau.colByVarIndex[built.variables[c].index];
      if (column > 0) reducedCosts[c] = -tableau.matrix[column];
    }
    answer.reducedCosts = reducedCosts;
  }
  return { built, answer };
}
