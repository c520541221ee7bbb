// Packs rows given one by one into the solver thread's row arrays (lp-backend.ts SolverLp):
// shared by lp-backend.ts (a JSON model as a SolverLp) and lp-worker.mjs (its warm-up model).
// Plain JavaScript without imports, so that the solver thread loads it as it is and the main
// thread does not load the library for it.

/**
 * `rows`: each { upper: 1 for ≤ and 0 for ≥, rhs, terms: [column, coefficient][] }.
 * Returns the rows' `upper`, `rhs`, and their terms in CSR (`rowStart`, `column`, `coefficient`).
 */
export function packRows(rows) {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (rowStart[r + 1] = rowStart[r] + row.terms.length));
  const terms = rows.flatMap((row) => row.terms);
  return {
    upper: Uint8Array.from(rows, (row) => row.upper),
    rhs: Float64Array.from(rows, (row) => row.rhs),
    rowStart,
    column: Int32Array.from(terms, ([column]) => column),
    coefficient: Float64Array.from(terms, ([, coefficient]) => coefficient),
  };
}
