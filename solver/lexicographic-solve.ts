/**
 * Solves a LinearModel's objectives in strict priority order with javascript-lp-solver.
 *
 * Level by level: optimise level k, then hold it at its optimum (a row) while optimising
 * level k + 1. This is exact without the huge weights a single folded objective would need,
 * which a floating-point dense simplex cannot be trusted with.
 *
 * javascript-lp-solver is never trusted blindly: its branch and bound stops silently at the
 * timeout and may hand back a fractional point, so every answer is checked here for
 * feasibility, integrality and the time used; a point that fails is reported as not optimal,
 * or not returned at all.
 */
import { solveWithDeadline, type BackendAnswer, type SolverLp, type TreeSearch, type TreeSearchResult } from "./lp-backend.ts";
import { pseudocosts } from "./branching.mjs";
import { evaluate, gcd, rowsByVariable, violatedRows, type LinearModel, type Objective, type Row, type Variable } from "./linear-model.ts";

export interface LevelResult {
  name: string;
  value: number;
  /** Proven optimal for this level (given the levels above). */
  optimal: boolean;
  ms: number;
  nodes: number;
}

export interface LexicographicResult {
  status: "optimal" | "feasible" | "infeasible" | "timeout";
  values: Map<string, number>;
  levels: LevelResult[];
  ms: number;
}

export interface SolveOptions {
  /** Wall-clock budget for the whole solve. */
  timeoutMs?: number;
  /** A known feasible point (a warm start): each level starts from its value as a bound. */
  incumbent?: Map<string, number>;
  /**
   * Asked after each level proven optimal, with the proven values of the levels so far: true
   * stops the solve there (the result then has only those levels, and is "feasible"). The
   * decomposition's search stops a site's solve once the node it is for cannot win.
   */
  stopAfter?: (values: number[]) => boolean;
  /** Neighbourhoods before the relaxation (default: for models of more than LNS_MIN_VARIABLES). */
  neighbourhoodsFirst?: boolean;
}

const INTEGRALITY = 1e-6;
/** Models larger than this get a neighbourhood search before the whole relaxation is tried. */
const LNS_MIN_VARIABLES = 600;
/** The share of a level's remaining time the neighbourhood search may use. */
const LNS_SHARE = 0.5;
/** Variables freed per neighbourhood: small enough for an exact solve in milliseconds. */
const LNS_NEIGHBOURHOOD = 60;
/** Share of a level's search time for neighbourhood search before branch and bound. */
const NEIGHBOURHOOD_SHARE = 0.3;
/**
 * Neighbourhoods that find nothing better before that search gives way to branch and bound: on
 * a level with many terms (stand-ins) trying each costs more than branching (generated
 * 10-enclave company 20: 17 fruitless neighbourhoods, a quarter of its plan's time).
 */
const NEIGHBOURHOOD_FAILURES = 8;

/**
 * How far every model row is loosened when a relaxation that gives a bound does not answer
 * (solveRelaxation's later attempts, a branch node after NODE_LP_MS): a little, and by a
 * different amount per row. javascript-lp-solver's simplex cycles on degenerate relaxations
 * (random 8-enclave days, seeds 4 and 5: no answer in 10 s); distinct small right-hand sides
 * break the ties that make it cycle. Only loosened, never tightened: the perturbed relaxation
 * contains the true one, so its optimum is still a valid bound (a tightening perturbation once
 * gave a false proof on a tiny day). Integer solves (dives, the cutoff loop) use the exact
 * rows. Not the first choice: a perturbed optimum is another vertex, and the rounding
 * heuristics found worse points from it (generated 30 enclaves, seed 11: 17 instead of 18).
 */
const RELAXATION_PERTURBATION = 1e-7;
/**
 * Larger loosenings for the later attempts of a level's relaxation: which perturbation lets
 * the simplex finish is a matter of luck (generated 80, a site's minimum-shortfall level under
 * its coverage hold row: none of 0 and 1e-7 answered in 1.5 s; 1e-5 and 1e-4 did in ~150 ms).
 */
const LARGER_PERTURBATIONS = [1e-5, 1e-4] as const;
/**
 * A relaxation attempt that takes this many times longer than the last relaxation of the same
 * model that answered is taken to be cycling and cut off (at least STALL_FLOOR_MS): the
 * next attempt, perturbed differently, usually answers at once.
 */
const STALL_FACTOR = 5;
const STALL_FLOOR_MS = 150;
/** How long an LP may take before it counts as stalled, after one that took `lastMs`. */
function stallBudget(lastMs: number): number {
  return Math.max(STALL_FLOOR_MS, STALL_FACTOR * lastMs);
}

/** Below this, a relaxation attempt is given all the time left rather than a share of it. */
const RELAXATION_FLOOR_MS = 300;

/** The Lagrangian relaxation (lagrangianBound) gets at most this long. */
const LAGRANGIAN_MS = 300;

/** A branch node's relaxation gets this long before it is taken to cycle and perturbed. */
const NODE_LP_MS = 250;

/**
 * A simplex that pivots more than this many times its model's rows and columns is taken to
 * cycle and stopped (javascript-lp-solver's own cycle check sees only cycles of length 1, and
 * its phase 1 falls back to Bland's rule without an iteration limit). Healthy ones take far
 * fewer. Over 20 generated 10- and 14-enclave companies (plan and re-plan), the most pivots of
 * one simplex per row and column were, for the 2,014 LPs: 0.12 at the median, 0.23 at the 99th
 * percentile, 1.84 at most; for the 651 searches of the library's branch and cut (each node's
 * simplex started from the root's tableau): 0.06, 0.31 and 0.63.
 *
 * Stopped, a relaxation is tried again perturbed at once instead of at its time cap (14-enclave
 * company 6: the target shortfall's relaxation cycled for 2 s); a node of our branch and bound
 * is skipped (and retried perturbed by the search that rebuilds each node); the library's
 * search gives up instead of running to its deadline (10-enclave company 17's stand-in level
 * cycled in its first simplex: no answer in 10 s).
 */
const PIVOTS_PER_SIZE = { lp: 3, search: 1 } as const;

/** An LP's rows and columns: what PIVOTS_PER_SIZE is counted against. */
function modelSize(lp: SolverLp): number {
  return lp.rhs.length + lp.cost.length;
}

/**
 * One LP, the library's branch and cut when the model has integers, or our branch and bound
 * on the LP in the solver thread (`tree`), with its deadline and its pivot limit.
 */
function solveLp(lp: SolverLp, ms: number, tree?: TreeSearch): BackendAnswer {
  const librarySearch = lp.integer !== null;
  const maxPivotsPerSimplex = (librarySearch ? PIVOTS_PER_SIZE.search : PIVOTS_PER_SIZE.lp) * modelSize(lp);
  return solveWithDeadline(lp, ms, tree ? { maxPivotsPerSimplex, search: tree } : { maxPivotsPerSimplex });
}

/** The share of the time left that one level's proof search may use (see searchUntil). */
const LEVEL_SEARCH_SHARE = 0.5;

/** Time for one rounding heuristic's exact solve: the library answers these fast or not at all. */
const DIVE_MS = 150;

/** Perturbations of the hold rows, tried in turn when the simplex stalls (see heldRows). */
const HOLD_SLACKS = [1e-3, 0.013, 0.27] as const;

/**
 * A model's variables and rows by number (typed arrays), built once per model: each call's
 * translation (toSolverLp) then walks arrays instead of maps of names. Rebuilt if the model
 * has grown since.
 */
interface CompiledModel {
  names: string[];
  index: Map<string, number>;
  upper: Float64Array;
  /** 1 where a row implies the variable's upper bound (Variable.upperImplied). */
  upperImplied: Uint8Array;
  integer: Uint8Array;
  rowCount: number;
  /** Row r's terms: entries rowStart[r] … rowStart[r + 1] − 1 of `variable` and `coefficient`. */
  rowStart: Int32Array;
  variable: Int32Array;
  coefficient: Float64Array;
}

const compiledModels = new WeakMap<LinearModel, CompiledModel>();

function compileModel(model: LinearModel): CompiledModel {
  const known = compiledModels.get(model);
  if (known !== undefined && known.rowCount === model.rows.length && known.names.length === model.variables.size) return known;
  const names = [...model.variables.keys()];
  const index = new Map(names.map((name, i) => [name, i]));
  const variables = [...model.variables.values()];
  const rowStart = new Int32Array(model.rows.length + 1);
  model.rows.forEach((row, r) => (rowStart[r + 1] = rowStart[r]! + row.terms.size));
  const variable = new Int32Array(rowStart[model.rows.length]!);
  const coefficient = new Float64Array(variable.length);
  let k = 0;
  for (const row of model.rows) {
    for (const [name, a] of row.terms) {
      variable[k] = index.get(name)!;
      coefficient[k++] = a;
    }
  }
  const compiled: CompiledModel = {
    names,
    index,
    upper: Float64Array.from(variables, (v) => v.upper),
    upperImplied: Uint8Array.from(variables, (v) => (v.upperImplied ? 1 : 0)),
    integer: Uint8Array.from(variables, (v) => (v.integer ? 1 : 0)),
    rowCount: model.rows.length,
    rowStart,
    variable,
    coefficient,
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/**
 * What readValues needs to map a SolverLp's answer back to the model's variables: each
 * variable's column (−1: fixed, at `fixedValue`), and each column's complement (x = upper − x′;
 * NaN: not complemented).
 */
interface Translation {
  names: string[];
  columnOf: Int32Array;
  fixedValue: Float64Array;
  complement: Float64Array;
}

const translations = new WeakMap<SolverLp, Translation>();

/**
 * Translates our model to the solver thread's LP (lp-backend.ts SolverLp) for one objective,
 * with `fixed` variables substituted out and `extraRows` (held levels, cuts, branching bounds)
 * added to the model's rows.
 *
 * `start`: a point near which the answer is expected (the incumbent). Every variable that is
 * at its upper bound there is complemented (x = upper − x′, with the row x′ ≤ upper), so that
 * the library's simplex, which starts from all variables at 0, starts at that point instead.
 * Its phase 1 walks from 0 to a feasible vertex one violated row at a time; from a feasible
 * point it has almost nothing to do (generated 10-enclave company 3, the target-shortfall
 * relaxation: 659 phase-1 pivots and 18 ms from 0, 14 pivots and ~2 ms from the greedy start).
 * The model is the same: only the coordinates change.
 *
 * Rows in order: the model's and the extra rows that remain (r), then one bound row per column
 * that needs one (in column order): the order javascript-lp-solver's loadJson gave the JSON
 * model this replaced, so every pivot is the same.
 */
export function toSolverLp(
  model: LinearModel,
  objective: Map<string, number>,
  sense: "max" | "min",
  extraRows: Row[],
  fixed: Map<string, number> = new Map(),
  relax = 0,
  start?: Map<string, number>,
): SolverLp | null {
  const compiled = compileModel(model);
  const n = compiled.names.length;
  const fixedValue = new Float64Array(n).fill(Number.NaN);
  for (const [name, value] of fixed) {
    const i = compiled.index.get(name);
    if (i !== undefined) fixedValue[i] = value;
  }
  const columnOf = new Int32Array(n).fill(-1);
  const names: string[] = [];
  for (let i = 0; i < n; i++) if (Number.isNaN(fixedValue[i]!)) columnOf[i] = names.push(compiled.names[i]!) - 1;
  const columns = names.length;
  const integer = new Uint8Array(columns);
  const complement = new Float64Array(columns).fill(Number.NaN);
  /** The upper bound each column gets as a row of its own (x ≤ upper, or x′ ≤ upper complemented); NaN: none. */
  const boundRow = new Float64Array(columns).fill(Number.NaN);
  const caps = start !== undefined ? shortfallCapsOf(model) : null;
  // Under extra rows only where the objective is a shortfall (see shortfallCapsOf).
  const shortfallCaps = caps !== null && (extraRows.length === 0 || sharesAName(objective, caps)) ? caps : null;
  for (let i = 0; i < n; i++) {
    const c = columnOf[i]!;
    if (c < 0) continue;
    const name = compiled.names[i]!;
    integer[c] = compiled.integer[i]!;
    const startValue = start?.get(name) ?? 0;
    const cap = startValue > 1e-9 ? shortfallCaps?.get(name) : undefined;
    const upper = cap ?? compiled.upper[i]!;
    const atUpper = start !== undefined && Number.isFinite(upper) && upper > 0 && (cap !== undefined || Math.abs(startValue - upper) <= 1e-9);
    if (atUpper) complement[c] = upper;
    // x ≤ upper is a row unless another row implies it; complemented, x ≥ 0 becomes x′ ≤ upper,
    // which no other row implies.
    if (atUpper || (Number.isFinite(upper) && compiled.upperImplied[i] === 0)) boundRow[c] = upper;
  }
  const rowUpper: number[] = [];
  const rowRhs: number[] = [];
  const rowOrigin: number[] = [];
  const rowStart: number[] = [0];
  const termColumn: number[] = [];
  const termCoefficient: number[] = [];
  let contradiction = false;
  // One row's terms over the columns (scratch), before it is kept or left out.
  const rowColumns: number[] = [];
  const rowCoefficients: number[] = [];
  /** Adds row `r` (its terms in rowColumns/rowCoefficients, `rhs` with the fixings moved over) unless it can go. */
  const addRow = (r: number, upperSense: boolean, rhs: number) => {
    if (rowColumns.length === 0) {
      if (upperSense ? rhs < -1e-7 : rhs > 1e-7) contradiction = true;
      return;
    }
    // A relaxing perturbation of the model's own rows (never of the extra rows: branching
    // bounds and cutoffs stay exact), different per row; see RELAXATION_PERTURBATION.
    if (relax > 0 && r < compiled.rowCount) rhs += (upperSense ? 1 : -1) * relax * (1 + ((r * 7919) % 997) / 997);
    // As "≤" (a "≥" row negated), to see whether the library needs the row at all.
    const sign = upperSense ? 1 : -1;
    if (isRedundantRow(rowColumns, rowCoefficients, sign * rhs, sign, boundRow)) return;
    if (rowColumns.length === 1) {
      // A bound on one variable that has a bound row already: the tighter of the two, one row.
      const c = rowColumns[0]!;
      const a = rowCoefficients[0]!;
      const bound = boundRow[c]!;
      if (!Number.isNaN(bound) && sign * a > 0) {
        boundRow[c] = Math.min(bound, rhs / a);
        return;
      }
    }
    rowUpper.push(upperSense ? 1 : 0);
    rowRhs.push(rhs);
    rowOrigin.push(r);
    for (let t = 0; t < rowColumns.length; t++) {
      termColumn.push(rowColumns[t]!);
      termCoefficient.push(rowCoefficients[t]!);
    }
    rowStart.push(termColumn.length);
  };
  const place = { columnOf, fixedValue, complement };
  const addTerm = (i: number, a: number, rhs: number): number => moveTerm(place, i, a, rhs, rowColumns, rowCoefficients);
  for (let r = 0; r < compiled.rowCount; r++) {
    const row = model.rows[r]!;
    let rhs = row.rhs;
    rowColumns.length = 0;
    rowCoefficients.length = 0;
    for (let k = compiled.rowStart[r]!; k < compiled.rowStart[r + 1]!; k++) rhs = addTerm(compiled.variable[k]!, compiled.coefficient[k]!, rhs);
    addRow(r, row.sense === "<=", rhs);
  }
  extraRows.forEach((row, e) => {
    let rhs = row.rhs;
    rowColumns.length = 0;
    rowCoefficients.length = 0;
    for (const [name, a] of row.terms) rhs = addTerm(compiled.index.get(name)!, a, rhs);
    addRow(compiled.rowCount + e, row.sense === "<=", rhs);
  });
  if (contradiction) return null;
  for (let c = 0; c < columns; c++) {
    const bound = boundRow[c]!;
    if (Number.isNaN(bound)) continue;
    rowUpper.push(1);
    rowRhs.push(bound);
    rowOrigin.push(-1 - c);
    termColumn.push(c);
    termCoefficient.push(1);
    rowStart.push(termColumn.length);
  }
  // A complemented variable's objective term changes sign (plus a constant, which no caller
  // reads: they evaluate the objective on the values mapped back).
  const cost = new Float64Array(columns);
  for (const [name, coefficient] of objective) {
    const c = columnOf[compiled.index.get(name)!]!;
    if (c >= 0) cost[c] = Number.isNaN(complement[c]!) ? coefficient : -coefficient;
  }
  // The library's presolve only ever fixes variables and detects infeasibility early (the rows
  // it finds redundant stay in the tableau), and on the day models it fixed none: it cost about
  // a quarter of each LP (generated 80, a site's coverage relaxation: 1.6 ms with it, 1.2 without).
  const lp: SolverLp = {
    sense,
    names,
    cost,
    integer: integer.includes(1) ? integer : null,
    upper: Uint8Array.from(rowUpper),
    rhs: Float64Array.from(rowRhs),
    rowStart: Int32Array.from(rowStart),
    column: Int32Array.from(termColumn),
    coefficient: Float64Array.from(termCoefficient),
    origin: Int32Array.from(rowOrigin),
    options: { presolve: false },
  };
  translations.set(lp, { names: compiled.names, columnOf, fixedValue, complement });
  return lp;
}

/** Whether the two maps have a key in common. */
function sharesAName(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  for (const name of a.keys()) if (b.has(name)) return true;
  return false;
}

/**
 * Moves term a·x of a row (x the model's variable number i) onto the LP's columns (`columns`,
 * `coefficients`): a fixed variable into the right-hand side, a complemented one (x = u − x′)
 * turned. Returns the right-hand side.
 */
function moveTerm(place: Pick<Translation, "columnOf" | "fixedValue" | "complement">, i: number, a: number, rhs: number, columns: number[], coefficients: number[]): number {
  const c = place.columnOf[i]!;
  if (c < 0) return rhs - a * place.fixedValue[i]!;
  const upper = place.complement[c]!;
  columns.push(c);
  if (Number.isNaN(upper)) {
    coefficients.push(a);
    return rhs;
  }
  coefficients.push(-a);
  return rhs - a * upper;
}

/** A point of the model in the LP's coordinates, by column (x′ = u − x where the LP complemented x). */
function pointInLp(lp: SolverLp, point: Map<string, number>): Float64Array {
  const { complement } = translations.get(lp)!;
  return Float64Array.from(lp.names, (name, c) => {
    const value = point.get(name) ?? 0;
    return Number.isNaN(complement[c]!) ? value : complement[c]! - value;
  });
}

/** The LP's objective at `columns` (pointInLp), in the library's minimising form (negated for "max"), as LpAnswer.minimised. */
function minimisedValue(lp: SolverLp, columns: Float64Array): number {
  let value = 0;
  for (let c = 0; c < columns.length; c++) value += lp.cost[c]! * columns[c]!;
  return lp.sense === "max" ? -value : value;
}

/**
 * Whether a row Σ aᵢxᵢ ≤ b (`sign` −1: the row was "≥" and is given negated) holds at every
 * point within the columns' bound rows (x ≥ 0, x ≤ `boundRow`; NaN: none). The library keeps
 * every row in its dense tableau, and each costs every pivot; on a site with most of its
 * people fixed, a fifth of the rows had become "−x ≤ 0" (generated 40). Only bounds the LP
 * states as rows count: an implied upper bound (`upperImplied`) may be implied by this very row.
 */
function isRedundantRow(columns: number[], coefficients: number[], rhs: number, sign: 1 | -1, boundRow: Float64Array): boolean {
  let most = 0;
  for (let t = 0; t < columns.length; t++) {
    const a = sign * coefficients[t]!;
    if (a <= 0) continue;
    const upper = boundRow[columns[t]!]!;
    if (Number.isNaN(upper)) return false;
    most += a * upper;
  }
  return most <= rhs + 1e-9;
}

/**
 * The values of the library's answer to `lp` (by column), in the model's own coordinates, with
 * the variables that were fixed (substituted out of it) at their values.
 */
export function readValues(lp: SolverLp, columns: Float64Array): Map<string, number> {
  const { names, columnOf, fixedValue, complement } = translations.get(lp)!;
  const values = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const c = columnOf[i]!;
    if (c < 0) values.set(names[i]!, fixedValue[i]!);
    else {
      const upper = complement[c]!;
      values.set(names[i]!, Number.isNaN(upper) ? columns[c]! : upper - columns[c]!);
    }
  }
  return values;
}

function isIntegral(model: LinearModel, values: Map<string, number>): boolean {
  for (const variable of model.variables.values()) {
    if (!variable.integer) continue;
    const value = values.get(variable.name) ?? 0;
    if (Math.abs(value - Math.round(value)) > INTEGRALITY) return false;
  }
  return true;
}

function roundIntegers(model: LinearModel, values: Map<string, number>): Map<string, number> {
  const rounded = new Map(values);
  for (const variable of model.variables.values()) {
    if (variable.integer) rounded.set(variable.name, Math.round(values.get(variable.name) ?? 0));
  }
  return rounded;
}

/**
 * The step between a level's values at integer points: the greatest common divisor of its
 * coefficients when every term is an integer variable with an integer coefficient, else 1
 * (shortfalls are continuous, but integral wherever the workers are). A first plan's moves
 * level counts 2 per worker or fixed-coach block moved (MOVE_COST) and so takes only even
 * values: a relaxation at 10.3 bounds it by 12, not 11, and no search has to show that 11
 * cannot be reached.
 */
export function levelStep(model: LinearModel, objective: Objective): number {
  let step = 0;
  for (const [name, coefficient] of objective.terms) {
    if (!model.variables.get(name)!.integer || !Number.isInteger(coefficient)) return 1;
    step = gcd(step, Math.abs(coefficient));
  }
  return step === 0 ? 1 : step;
}

/** A relaxation's value rounded to the next value the level can take at integer points, toward the worse side. */
export function roundBound(lp: number, sense: "max" | "min", step: number): number {
  return sense === "max" ? Math.floor(lp / step + 1e-6) * step : Math.ceil(lp / step - 1e-6) * step;
}

/**
 * The row that holds a level at `value` for the levels below it, `slack` worse at most (see
 * solveLexicographic's heldRows; the least slack of HOLD_SLACKS unless said).
 */
export function holdRow(objective: Objective, value: number, slack: number = HOLD_SLACKS[0]): Row {
  const max = objective.sense === "max";
  return { name: `hold ${objective.name}`, terms: objective.terms, sense: max ? ">=" : "<=", rhs: max ? value - slack : value + slack };
}

/**
 * The row asking for a point better than `value` by at least one step, less a small slack
 * (HOLD_SLACKS[0]: rounding noise, and a row not exactly tight, which can make the library's
 * simplex cycle). Every relaxation under it is then at least a step better or infeasible: in
 * the library's branch and cut it prunes what our rounding of the bound prunes. Halfway short
 * (0.5) let through every node between one step and half a step better: a 10-enclave re-plan's
 * minimum-shortfall level (value 2, relaxation 0) took 2,257 nodes and 3 s without a proof,
 * and 3 nodes and 3 ms with the slack.
 */
export function improvementRow(objective: Objective, value: number, step: number): Row {
  const better = objective.sense === "max" ? 1 : -1;
  return { name: `improve ${objective.name}`, terms: objective.terms, sense: better > 0 ? ">=" : "<=", rhs: value + better * (step - HOLD_SLACKS[0]) };
}

/**
 * A continuous variable that only measures a shortfall (it is in one ≥ row and only ever
 * minimised), with that row. At any point its least value is what the row allows, and that is
 * the value every caller wants: the hold rows carry a small slack, so a relaxation's vertex may
 * leave it a little above (a site's minimum shortfall at 2.001), and that level then looked
 * unproven against its bound of 2, and a site re-solved in the search over shared rows
 * compared worse than it was. polishSlacks sets each to its least value.
 */
export interface ShortfallSlack {
  name: string;
  row: Row;
  coefficient: number;
}

export function shortfallSlacks(model: LinearModel): ShortfallSlack[] {
  const rowsOf = rowsByVariable(model.rows);
  const slacks: ShortfallSlack[] = [];
  for (const variable of model.variables.values()) {
    if (variable.integer) continue;
    const rows = rowsOf.get(variable.name) ?? [];
    const minimisedOnly = model.objectives.every(
      (objective) => !objective.terms.has(variable.name) || (objective.sense === "min" && objective.terms.get(variable.name)! > 0),
    );
    if (rows.length !== 1 || !minimisedOnly) continue;
    const row = rows[0]!;
    const coefficient = row.terms.get(variable.name)!;
    if (row.sense !== ">=" || coefficient <= 0) continue;
    slacks.push({ name: variable.name, row, coefficient });
  }
  return slacks;
}

/**
 * The shortfall variables' caps, by name: the most each ever needs to be (its row's right-hand
 * side over its coefficient, where the row's other terms are non-negative). A relaxation
 * started at the incumbent starts a shortfall the incumbent has at its cap (complemented)
 * instead of at 0, where its row would be violated and the library's phase 1 walks from there:
 * a 14-enclave company's coverage relaxation had 5-11 such rows and up to 789 phase-1 pivots
 * (90 ms; HiGHS solves the whole day in 20). A cap is harmless: a shortfall is only ever
 * minimised, and its row holds at the cap.
 *
 * Until session 11 only without extra rows: under hold rows the cap's start had changed which
 * optimal vertex the relaxation ended at, and the dives and searches after it did worse
 * (14-enclave plans then: relaxations 40% faster, searches 2.7 times slower). Now also under
 * extra rows where the objective is a shortfall (the minimum and target shortfall levels, with
 * their cut rounds): generated 80's hard site, its minimum shortfall's relaxation with the
 * model's cuts it broke took 596 phase-1 and 127 phase-2 pivots (25 ms) from 0, none and 144
 * (1.9 ms) from the caps. Under the rows holding the shortfalls (the moves and stand-in levels)
 * the shortfalls stay at 0: there the changed vertex still made the searches slower (generated
 * 40, median of 25 plans: 54 ms without, 66 ms with; generated 80: 380 ms and 505 ms).
 * Two same-process A/Bs, each against capping under every extra row, over 20 companies each of
 * 20 and 28 enclaves (1-20) and 30 unseen ones each of 14 and 20 (21-50), 200 plans and
 * re-plans: at 0 under every extra row 35.3 s in all and 2 unproven, against 25.9 s and 2; as
 * here 26.8 s and 1, against 26.9 s and 2 (20-enclave company 44's plan 0.8 s capped, 6.2 s
 * as here; company 17's plan unproven capped, 2.9 s as here).
 */
function shortfallCapsOf(model: LinearModel): Map<string, number> {
  let caps = capsByModel.get(model);
  if (caps === undefined) {
    caps = new Map();
    for (const { name, row, coefficient } of shortfallSlacks(model)) {
      const othersNonNegative = [...row.terms].every(([other, c]) => other === name || c >= 0);
      if (othersNonNegative && row.rhs > 0) caps.set(name, row.rhs / coefficient);
    }
    capsByModel.set(model, caps);
  }
  return caps;
}
const capsByModel = new WeakMap<LinearModel, Map<string, number>>();

/** Sets each shortfall variable of `values` to the least value its row allows (in place). */
export function polishSlacks(model: LinearModel, values: Map<string, number>, slacks: ShortfallSlack[] = shortfallSlacks(model)): void {
  for (const { name, row, coefficient } of slacks) {
    let rest = 0;
    for (const [other, c] of row.terms) if (other !== name) rest += c * (values.get(other) ?? 0);
    values.set(name, Math.max(0, (row.rhs - rest) / coefficient));
  }
}

/**
 * The best value a level could possibly reach, ignoring every row: each variable at whichever
 * of its bounds helps. A point that reaches it is optimal for that level without any search.
 */
export function trivialBound(model: LinearModel, objective: Objective): number {
  let bound = 0;
  for (const [name, coefficient] of objective.terms) {
    const upper = model.variables.get(name)!.upper;
    const helps = objective.sense === "max" ? coefficient > 0 : coefficient < 0;
    if (!helps) continue;
    if (!Number.isFinite(upper)) return objective.sense === "max" ? Infinity : -Infinity;
    bound += coefficient * upper;
  }
  return bound;
}

/** The values every term must take for the level to reach its trivial bound. */
export function boundFixings(model: LinearModel, objective: Objective): Map<string, number> {
  const fixings = new Map<string, number>();
  for (const [name, coefficient] of objective.terms) {
    const helps = objective.sense === "max" ? coefficient > 0 : coefficient < 0;
    fixings.set(name, helps ? model.variables.get(name)!.upper : 0);
  }
  return fixings;
}

/**
 * Level by level, starting from a feasible point (the warm start, or nobody placed):
 * 1. if the point reaches the level's trivial bound, the level is proven at once;
 * 2. otherwise bound it: the relaxation (the moves level folded into the next one), rounded to
 *    the integer side, and the Lagrangian bound where the fold is weak; rounding heuristics
 *    on the relaxation (dive) look for a point that reaches the bound;
 * 3. if none does, our branch and bound (in the solver thread), then the library's branch and
 *    cut for any time left, each asking for a point strictly better by at least a step
 *    (levelStep: at integer points a level takes only multiples of it, so nothing lies in
 *    between); "infeasible" proves the point optimal. A level's proof search stops at half
 *    the time left, so the levels below still get their turn;
 * 4. the level's value is then held (a row, or fixings at its trivial bound) for the levels
 *    below it.
 */
export function solveLexicographic(model: LinearModel, options: SolveOptions = {}): LexicographicResult {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? 10_000);
  /** Levels held at their value; `fractional`: the level's own relaxation was not integral. */
  const holds: { objective: Objective; value: number; fractional: boolean; proven: boolean }[] = [];
  /**
   * The rows that hold the levels above at their optimum, with a little slack: no integer
   * point lies in it (levels are integral there). The slack is a perturbation: a row exactly
   * tight at the relaxation's optimum can make javascript-lp-solver's simplex cycle, and which
   * slack avoids that varies, so callers retry with another one. More slack (0.5) would let a
   * later level's relaxation borrow from this one (Westhoek level 5: 9.81 instead of 10.06).
   */
  const heldRows = (slack: number, except: Objective | null = null): Row[] =>
    holds.filter(({ objective }) => objective !== except).map(({ objective, value }) => holdRow(objective, value, slack));
  let held = heldRows(HOLD_SLACKS[0]!);
  const heldValue = (objective: Objective) => holds.find((hold) => hold.objective === objective)!.value;
  const levels: LevelResult[] = [];
  const slacks = shortfallSlacks(model);
  let best = new Map(options.incumbent ?? zeroPoint(model));
  polishSlacks(model, best, slacks);
  if (violatedRows(model, best).length > 0) {
    throw new Error(`warm start breaks ${violatedRows(model, best).slice(0, 3).join(", ")}`);
  }
  let allOptimal = true;
  // Levels proven at their trivial bound are held by fixing their variables (substituted out),
  // not by a sum row: javascript-lp-solver's simplex can stall on such degenerate rows.
  const fixed = new Map<string, number>();
  /** How long the last relaxation that answered took: what an attempt that does not answer is measured by. */
  let lastRelaxationMs: number | null = null;

  let stopped = false;
  model.objectives.forEach((level, k) => {
    if (stopped) return;
    const levelStart = performance.now();
    // The level just above, when it is held by a row, may be folded into this one instead of
    // holding it (foldLevels) — used when the relaxation under the hold row stalls.
    const last = holds[holds.length - 1];
    const foldable = k > 0 && last !== undefined && last.objective === model.objectives[k - 1] && last.objective.foldable ? last.objective : null;
    let above: Objective | null = null;
    let objective = level;
    let better = objective.sense === "max" ? 1 : -1;
    let bound = trivialBound(model, objective);
    let value = evaluate(objective.terms, best);
    let proven = Math.abs(value - bound) < 1e-7;
    let nodes = 0;
    held = heldRows(HOLD_SLACKS[0]!);
    // The searches that only prove (or find a little better) stop halfway through the time
    // left, so that a level that cannot be proven still leaves time to optimise the levels
    // below it; the last level may use everything.
    const searchUntil = k === model.objectives.length - 1 ? deadline : levelStart + (deadline - levelStart) * LEVEL_SEARCH_SHARE;
    // A Lagrangian bound (see lagrangianBound): the held levels moved into the objective at
    // unit weight instead of kept as rows. One LP without the folded weight or the hold rows
    // that make the next ones stall; often tight where the folded relaxation is not (Westhoek
    // re-plan after C02: the stand-in level is proven by it at once; folded, its bound was 55
    // units short and took 5 branch nodes). Tried at most once per level: where the fold leaks,
    // and where there is no relaxation at all.
    let triedLagrangian = holds.length === 0;
    const lagrangianProves = (): boolean => {
      triedLagrangian = true;
      const lagrangian = lagrangianBound(model, level, holds, fixed, Math.min((deadline - performance.now()) / 4, LAGRANGIAN_MS), best);
      // The level's own value at the incumbent (`value` may be the folded objective's).
      const own = evaluate(level.terms, best);
      return lagrangian !== null && (level.sense === "max" ? own >= lagrangian - 1e-7 : own <= lagrangian + 1e-7);
    };
    // The LP relaxation's optimum, rounded to the integer side, bounds the level: a point that
    // reaches it is optimal with no branching at all.
    let lpBound: number | null = null;
    /** The LP of the level's relaxation, when it was solved with exact rows. */
    let relaxationModel: SolverLp | null = null;
    // The relaxation's value of this level itself (not folded), when it was solved.
    let lpValue: number | null = null;
    /** The level's relaxation as last solved (after its cut rounds), for reduced-cost fixing. */
    let solvedRelaxation: Relaxation | null = null;
    const reachesLpBound = () => lpBound !== null && (objective.sense === "max" ? value >= lpBound - 1e-7 : value <= lpBound + 1e-7);
    /** A better point found: it becomes the incumbent, proven when it reaches a bound. */
    const adopt = (point: Map<string, number>) => {
      polishSlacks(model, point, slacks);
      best = point;
      value = evaluate(objective.terms, best);
      proven = Math.abs(value - bound) < 1e-7 || reachesLpBound();
    };
    /**
     * The library's branch and cut, asked for a point better by a step (improvementRow) until
     * `until`: "infeasible" proves the incumbent optimal, a point found in time is optimal (its
     * search was complete) and becomes the incumbent. Its nodes are cheap (each re-solved from
     * the root's tableau, not rebuilt), but where a node's simplex cycles it never answers.
     * Returns whether the level is proven.
     */
    const librarySearch = (until: number): boolean => {
      const remaining = until - performance.now();
      if (remaining <= 1) return false;
      const step = levelStep(model, objective);
      // One step better is the trivial bound: fix the level's terms there instead of a cutoff row.
      const reachesBound = Math.abs(value + better * step - bound) < 1e-7;
      const attemptFixed = reachesBound ? new Map([...fixed, ...boundFixings(model, objective)]) : fixed;
      const cutoff: Row[] = reachesBound ? [] : [improvementRow(objective, value, step)];
      const search = exactSearch(model, objective, [...held, ...cutoff], attemptFixed, remaining, best);
      nodes++;
      if (search.point !== null) adopt(search.point);
      return proven || search.complete;
    };
    // Large models: the dense simplex cannot solve the whole relaxation in time, so first
    // improve the point neighbourhood by neighbourhood (exact small solves).
    if (!proven && (options.neighbourhoodsFirst ?? model.variables.size > LNS_MIN_VARIABLES)) {
      const improved = improveByNeighbourhoods(model, level, held, fixed, best, performance.now() + (deadline - performance.now()) * LNS_SHARE);
      nodes += improved.solves;
      if (improved.point !== null) adopt(improved.point);
    }
    // Folded into this level, a level whose own relaxation was fractional spends that fraction
    // W times over: the folded bound will be weak, so the Lagrangian bound goes first.
    const foldLeaks = foldable !== null && holds.find((hold) => hold.objective === foldable)!.fractional;
    if (!proven && foldLeaks) proven = lagrangianProves();
    if (!proven) {
      let relaxation: ReturnType<typeof solveRelaxation> = null;
      /** The perturbation the relaxation that answered was solved with. */
      let relaxedBy = 0;
      for (const attempt of relaxationAttempts(foldable !== null)) {
        relaxationModel = null;
        above = attempt.fold ? foldable : null;
        objective = above ? foldLevels(above, level) : level;
        held = heldRows(attempt.slack, above);
        const left = deadline - performance.now();
        // A short budget is not split: the first attempt may use up to RELAXATION_FLOOR_MS whole.
        // (Chosen when an attempt that ran out of time cost the solver thread its compiled code;
        // the thread now stops such an attempt itself and stays warm. Not measured again since.)
        // All attempts together stay within the level's search time, not the levels' below:
        // where every attempt stalls (generated 80, a site's minimum-shortfall level under its
        // coverage hold row), those still get half of the time.
        const stallMs = lastRelaxationMs === null ? attempt.capMs : stallBudget(lastRelaxationMs);
        const share = Math.min(
          attempt.last ? left : Math.min(Math.max(left * attempt.share, Math.min(left, RELAXATION_FLOOR_MS)), attempt.capMs, stallMs),
          Math.max(1, searchUntil - performance.now()),
        );
        const attemptStart = performance.now();
        relaxation = solveRelaxation(model, objective, held, fixed, share, attempt.relax, best);
        if (relaxation !== null) {
          lastRelaxationMs = performance.now() - attemptStart;
          relaxedBy = attempt.relax;
          // Exact rows (not loosened): the branch and bound may start from this LP as solved.
          if (attempt.relax === 0) relaxationModel = relaxation.lp;
          break;
        }
      }
      // The rest of the level works on what the relaxation was solved for.
      better = objective.sense === "max" ? 1 : -1;
      bound = trivialBound(model, objective);
      value = evaluate(objective.terms, best);
      if (relaxation !== null) {
        lpBound = relaxation.bound;
        proven = reachesLpBound();
        // The model's cuts that the relaxation breaks tighten it, a few rounds; they stay with
        // the level's rows for the searches below (generated 14- and 20-enclave companies, seeds
        // 21-80, 240 plans and re-plans: 13 not proven in 10 s without them, 3 with).
        for (let round = 0; !proven && round < CUT_ROUNDS; round++) {
          // A round solves the relaxation again from scratch: only where the level has time
          // for many such LPs (see CUT_TIME_FACTOR).
          // (lastRelaxationMs is the time of this level's relaxation, just solved.)
          if (searchUntil - performance.now() < CUT_TIME_FACTOR * lastRelaxationMs!) break;
          const violated = separateCuts(model, relaxation.values, held, objective.terms);
          if (violated.length === 0) break;
          const ms = Math.min(stallBudget(lastRelaxationMs!), searchUntil - performance.now());
          const tighter = solveRelaxation(model, objective, [...held, ...violated], fixed, ms, relaxedBy, best);
          if (tighter === null) break;
          held = [...held, ...violated];
          relaxation = tighter;
          if (relaxationModel !== null) relaxationModel = tighter.lp;
          lpBound = tighter.bound;
          proven = reachesLpBound();
        }
        solvedRelaxation = relaxation;
        if (above === null) lpValue = evaluate(level.terms, relaxation.values);
        // When the folded relaxation spent a fraction of the level above (it is better there
        // than that level's optimum), its bound is weak: try the Lagrangian bound before the
        // rounding heuristics, which then have nothing to find when the incumbent is optimal.
        const leaked = above !== null && (above.sense === "max" ? 1 : -1) * (evaluate(above.terms, relaxation.values) - heldValue(above)) > 1e-6;
        if (!proven && leaked && !triedLagrangian) proven = lagrangianProves();
        // Dive: keep what the relaxation already decided integrally, solve the rest exactly.
        const dived = proven ? null : dive(model, objective, held, fixed, relaxation.values, best, relaxation.bound, deadline - performance.now());
        if (dived !== null && better * (evaluate(objective.terms, dived) - value) > 1e-7) adopt(dived);
      }
    }
    // Without a relaxation (every attempt stalled) the Lagrangian bound is the one left to try.
    // With one, the branch and bound in the solver thread is cheaper than this extra LP: asking
    // it before branching as well cost 14-enclave plans 8-10% (median 43.6 -> 39.9 ms without).
    if (!proven && !triedLagrangian && lpBound === null) proven = lagrangianProves();
    if (!proven && lpBound !== null && k === 0) {
      // Before branching on the first level (coverage, in the day model): a share of the time
      // to improve the point neighbourhood by neighbourhood, around the enclaves that fall
      // short. With a short budget this finds the covering points the sites of a large company
      // need (generated 80 with 1 s: coverage proven in 1-3 of 4 runs with them, none without).
      // Below it, our branch and bound in the solver thread finds such points faster than
      // the neighbourhoods (30 generated 14-enclave companies: median 56 -> 44 ms, p90 97 -> 72).
      const improved = improveByNeighbourhoods(model, objective, held, fixed, best, performance.now() + (searchUntil - performance.now()) * NEIGHBOURHOOD_SHARE, NEIGHBOURHOOD_FAILURES);
      nodes += improved.solves;
      if (improved.point !== null) adopt(improved.point);
    }
    if (!proven && lpBound !== null) {
      // Our own depth-first branch and bound, pruning on the rounded relaxation, branching on
      // coaches before workers, in the solver thread on the library's tableau (each node goes on
      // from its parent's). Its root first tries to prove the level with Gomory cuts
      // (solver/gomory.mjs): generated 80's hard site, whose minimum shortfall (relaxation 2.07,
      // optimum 4) no budget proved before, is proven there in 8 rounds; unseen 20-enclave
      // companies (seeds 21-50): 2 plans unproven in 10 s → 1. A node whose simplex stalled is
      // skipped there; the search here, which rebuilds every node's model, retries such a node
      // perturbed.
      // Each proven level above, bounded from the other side too (Σ moves ≥ its optimum): every
      // point the search looks for keeps that, but the relaxation need not, and a folded level
      // spends it (generated 80's hard site, stand-in level: the folded relaxation −13,124 against
      // an incumbent of −2,828; with the row −2,832, and the level proven in 5 nodes instead of
      // 2,917). Added to the root's optimal tableau in the thread (solving the LP with them from
      // the start is what stalls the simplex, see foldLevels), for the search's first 50 nodes
      // (lp-worker.mjs ROOT_ROWS_NODES).
      const optimumRows = (): Row[] =>
        holds.filter((hold) => hold.proven).map(({ objective: o, value: v }) => ({ name: `optimum ${o.name}`, terms: o.terms, sense: o.sense === "max" ? "<=" : ">=", rhs: v }));
      const levelSearch = (): LevelSearch => ({ model, objective, held, fixed, incumbentValue: value, deadline: searchUntil, start: best, relaxation: relaxationModel, cuts: true, rootRows: optimumRows() });
      const inThread = branchAndBoundInThread(levelSearch());
      nodes += inThread.nodes;
      if (inThread.point !== null) adopt(inThread.point);
      proven = inThread.complete || Math.abs(value - bound) < 1e-7 || reachesLpBound();
      if (!proven && inThread.stalled > 0) {
        const search = branchAndBound(levelSearch());
        nodes += search.nodes;
        if (search.point !== null) adopt(search.point);
        proven = search.complete || Math.abs(value - bound) < 1e-7 || reachesLpBound();
      }
    }
    if (!proven) proven = librarySearch(searchUntil);
    const levelValue = Math.round(evaluate(level.terms, best) * 1e6) / 1e6;
    levels.push({ name: level.name, value: levelValue, optimal: proven, ms: performance.now() - levelStart, nodes });
    if (!proven) allOptimal = false;
    if (proven && k < model.objectives.length - 1 && levels.every((done) => done.optimal) && options.stopAfter?.(levels.map((done) => done.value))) {
      stopped = true;
      allOptimal = false;
      return;
    }
    if (proven && solvedRelaxation !== null && k < model.objectives.length - 1) {
      const fixings = reducedCostFixings(model, solvedRelaxation, best);
      for (const [name, v] of fixings) fixed.set(name, v);
    }
    if (Math.abs(value - bound) < 1e-7) {
      // At the trivial bound every term of the (folded) level sits at its helpful bound.
      for (const [name, v] of boundFixings(model, objective)) fixed.set(name, v);
    } else {
      holds.push({ objective: level, value: levelValue, fractional: lpValue === null || Math.abs(lpValue - Math.round(lpValue)) > 1e-6, proven });
    }
    held = heldRows(HOLD_SLACKS[0]!);
  });
  return { status: allOptimal ? "optimal" : "feasible", values: best, levels, ms: performance.now() - started };
}

/**
 * Level `lower` with the level just above it folded in: W · above + lower, where W exceeds
 * any difference `lower` can make, so that giving up even one unit of `above` (its values are integers
 * at integer points) can never pay for itself below. Its optimum is therefore at the optimum
 * of `above`, and optimal for `lower` there — the lexicographic answer — without the row that
 * holds `above` at its value. That row is tight at the relaxation's optimum, and degenerate
 * rows are where javascript-lp-solver's simplex stalls (Westhoek, re-plan after C09: the
 * last level's relaxation timed out every time with the row, and found nothing better).
 *
 * Only levels marked `foldable` are folded: a folded relaxation may spend a fractional surplus
 * of `above` (6.4 enclaves "covered") against `lower`, and then its bound is too weak to prune
 * (medium seed 3 with every level folded: 2,000 nodes on level 3, where the hold row proves it
 * at once). The moves level folds well into the stand-in level (seed 3: 7 nodes instead of
 * running out of time).
 */
export function foldLevels(above: Objective, lower: Objective): Objective {
  // |lower| ≤ range, so two points differ by at most 2 · range below.
  const weight = 2 * Math.ceil(lower.range) + 1;
  const sign = above.sense === lower.sense ? 1 : -1;
  const terms = new Map<string, number>();
  for (const [name, coefficient] of above.terms) terms.set(name, sign * weight * coefficient);
  for (const [name, coefficient] of lower.terms) terms.set(name, (terms.get(name) ?? 0) + coefficient);
  return { name: `${above.name} + ${lower.name}`, sense: lower.sense, terms, range: weight * above.range + lower.range };
}

/**
 * The order in which a level's relaxation is tried: with the level above folded in when it may
 * be (the hold row of a moves level is what stalls the simplex on the last level), else under
 * the hold rows with a small slack; then loosened rows and larger slacks, the last with all the
 * level's time left.
 */
function relaxationAttempts(canFold: boolean): { fold: boolean; slack: number; relax: number; share: number; capMs: number; last: boolean }[] {
  const [first, second, third] = HOLD_SLACKS;
  const relax = RELAXATION_PERTURBATION;
  return [
    ...(canFold ? [{ fold: true, slack: first, relax: 0, share: 1 / 2, capMs: 4000, last: false }] : []),
    // Half the time left for the first exact attempt (chosen when an attempt cut off cost the
    // solver thread its compiled code, before the thread stopped attempts itself).
    { fold: false, slack: first, relax: 0, share: 1 / 2, capMs: 2000, last: false },
    { fold: false, slack: first, relax, share: 1 / 2, capMs: 2000, last: false },
    { fold: false, slack: first, relax: LARGER_PERTURBATIONS[0], share: 1 / 2, capMs: 2000, last: false },
    { fold: false, slack: second, relax: LARGER_PERTURBATIONS[1], share: 1 / 3, capMs: 2000, last: false },
    { fold: false, slack: third, relax: LARGER_PERTURBATIONS[1], share: 1, capMs: Infinity, last: true },
  ];
}

/**
 * A bound on `level` over the points that keep the held levels, from one relaxation without
 * hold rows. Each held level j (value v_j) enters the objective at unit weight, signed so that
 * the added term W·(L_j − v_j) (for a minimised j; W·(v_j − L_j) for a maximised one) can only
 * help the level on points that keep the hold: min L ≥ min (L + Σ terms) over the relaxation
 * without the holds — valid for any weight, exact or not. Rounded to the integer side.
 */
function lagrangianBound(
  model: LinearModel,
  level: Objective,
  holds: { objective: Objective; value: number }[],
  fixed: Map<string, number>,
  ms: number,
  start: Map<string, number>,
): number | null {
  // For a minimised level the terms are ≤ 0 on held points, for a maximised one ≥ 0.
  const toward = level.sense === "min" ? 1 : -1;
  const terms = new Map(level.terms);
  let constant = 0;
  for (const { objective, value } of holds) {
    const sign = toward * (objective.sense === "min" ? 1 : -1);
    for (const [name, coefficient] of objective.terms) terms.set(name, (terms.get(name) ?? 0) + sign * coefficient);
    constant -= sign * value;
  }
  const relaxation = solveRelaxation(model, { ...level, terms }, [], fixed, ms, 0, start);
  if (relaxation === null) return null;
  const lp = evaluate(terms, relaxation.values) + constant;
  return roundBound(lp, level.sense, levelStep(model, level));
}

/** Rounds of cuts after a level's relaxation (see separateCuts). */
const CUT_ROUNDS = 3;
/**
 * Cut rounds only while the level's search has this many times the last relaxation's time
 * left. With generated 80's 1 s budget the sites' levels have a few tens of milliseconds
 * each; rounds there took a fifth of the solve and improved 2 bounds of 10, and the plan
 * missed the optimum on three levels (6-16 more moves). With 10 s every round still runs.
 *
 * (Until session 11 also only while the search had 500 ms left: then no budget proved
 * generated 80's hard site, and with 1 s the rounds there only cost time. Since the solver
 * thread proves its minimum shortfall at the root with Gomory cuts, which need these rounds
 * first, the floor kept that site unproven with 1 s (0 of 5 plans; without it 5 of 5, every
 * level proven in about 0.6 s). 60 unseen 14- and 20-enclave companies with 10 s: 3 of 120
 * plans and re-plans unproven with it and without, total time 28.0 s -> 26.4 s; 30 companies of
 * 20 and 28 enclaves with 1 s: 3 of 60 unproven with it, 4 without (one more re-plan, after a
 * first plan that came out different), median 23 -> 20 ms.)
 */
const CUT_TIME_FACTOR = 20;

/**
 * The model's cuts (LinearModel.cuts) that `values` breaks by more than a tolerance and that
 * are not among `rows` yet; only those on a shortfall (a continuous variable) that the level
 * minimises or that `rows` hold: elsewhere a broken cut only costs its row, since the shortfall
 * can rise for free (the coverage level). Under the rows holding the shortfall levels, the cuts
 * help the moves and stand-in levels too (generated 14- and 20-enclave companies, seeds 21-50
 * and 81-110: first plans 4-15% faster than with cuts on the minimised shortfalls only).
 */
export function separateCuts(model: LinearModel, values: Map<string, number>, rows: readonly Row[], objective: Map<string, number>): Row[] {
  const have = new Set(rows);
  const watched = new Set(objective.keys());
  for (const row of rows) for (const name of row.terms.keys()) watched.add(name);
  return (model.cuts ?? []).filter((cut) => {
    if (have.has(cut) || ![...cut.terms.keys()].some((name) => watched.has(name) && !model.variables.get(name)!.integer)) return false;
    const lhs = evaluate(cut.terms, values);
    return cut.sense === ">=" ? lhs < cut.rhs - 1e-6 : lhs > cut.rhs + 1e-6;
  });
}

export function solveRelaxation(
  model: LinearModel,
  objective: Objective,
  held: Row[],
  fixed: Map<string, number>,
  remaining: number,
  relax: number,
  start: Map<string, number>,
): Relaxation | null {
  if (remaining <= 1) return null;
  const lp = toSolverLp(model, objective.terms, objective.sense, held, fixed, relax, start);
  if (lp === null) return null;
  lp.integer = null;
  const answer = solveLp(lp, remaining);
  if (answer.status !== "solved" || !answer.result.feasible) return null;
  const values = readValues(lp, answer.result.values);
  // Level values are multiples of the level's step at integer points.
  const bound = roundBound(evaluate(objective.terms, values), objective.sense, levelStep(model, objective));
  return { bound, values, lp, minimised: answer.result.minimised ?? null, reducedCosts: answer.result.reducedCosts ?? null };
}

/** A level's LP relaxation as solved: its bound, its point, and what reduced-cost fixing needs. */
export interface Relaxation {
  bound: number;
  values: Map<string, number>;
  lp: SolverLp;
  /** The LP's optimum in the library's minimising form (LpAnswer.minimised). */
  minimised: number | null;
  reducedCosts: Float64Array | null;
}

/**
 * Reduced-cost fixing, once a level is proven at the incumbent's value: every point of the
 * level's relaxation costs at least its optimum plus Σ reducedCost · x′ (x′ the LP's columns,
 * complemented where the LP complemented them), so an integer column whose reduced cost alone
 * lifts the relaxation past the optimum is at its LP bound (x′ = 0) in every point that keeps
 * the level at its optimum — in every point the levels below may choose from. Those columns
 * are fixed (substituted out) for the levels below: smaller LPs, fewer branchings.
 *
 * Valid for any relaxation of the level's set (held with slack, loosened, with cuts: each only
 * lets more points in), and for the objective it was solved for (the level, or it folded with
 * the level above). `best` is the proven point. A fixing the point itself does not keep
 * (rounding in the tableau) is not made.
 */
export function reducedCostFixings(model: LinearModel, relaxation: Relaxation, best: Map<string, number>): Map<string, number> {
  const fixings = new Map<string, number>();
  const { lp, minimised, reducedCosts } = relaxation;
  if (minimised === null || reducedCosts === null) return fixings;
  const { complement } = translations.get(lp)!;
  const at = pointInLp(lp, best);
  // The proven value in the LP's coordinates and minimising form, as `minimised` is.
  const value = minimisedValue(lp, at);
  const tolerance = 1e-6 * Math.max(1, Math.abs(value));
  lp.names.forEach((name, c) => {
    const reducedCost = reducedCosts[c]!;
    if (!(reducedCost > 0) || minimised + reducedCost <= value + tolerance) return;
    if (!model.variables.get(name)!.integer || Math.abs(at[c]!) > 1e-9) return;
    fixings.set(name, Number.isNaN(complement[c]!) ? 0 : complement[c]!);
  });
  return fixings;
}

/**
 * Rounding heuristics on the relaxation; each fixes some integer variables and lets the
 * library solve the small rest exactly, briefly (DIVE_MS: it answers such models fast or not
 * at all). Each keeps the best point so far as its cutoff, and they stop as soon as a point
 * reaches `target` (the relaxation's rounded bound). Returns the best feasible integral point
 * found (checked against every row), or null. Most fixed (fastest) first:
 *
 * 1. Fix every integer variable the relaxation left integral (the classic dive).
 * 2. Fix only the binaries (coach placements, coverage) it left integral; the worker counts
 *    stay free, so teams can shrink to what the integral coaches may supervise.
 * 3. RINS (relaxation-induced neighbourhood search): fix every integer variable on which the
 *    relaxation and the incumbent agree. What both say is probably right; the rest is where
 *    the relaxation sees an improvement the incumbent missed. (Generated 80 enclaves, a site
 *    whose relaxation covers 11: the incumbent covered 9, the classic dive was infeasible,
 *    RINS found 11 in 9 ms.)
 */
function dive(
  model: LinearModel,
  objective: Objective,
  held: Row[],
  fixed: Map<string, number>,
  relaxed: Map<string, number>,
  incumbent: Map<string, number>,
  target: number,
  remaining: number,
): Map<string, number> | null {
  const until = performance.now() + remaining;
  const integral = (name: string) => {
    const value = relaxed.get(name) ?? 0;
    return Math.abs(value - Math.round(value)) <= INTEGRALITY;
  };
  const strategies: ((variable: Variable) => number | null)[] = [
    (variable) => (integral(variable.name) ? Math.round(relaxed.get(variable.name) ?? 0) : null),
    (variable) => (variable.upper <= 1 && integral(variable.name) ? Math.round(relaxed.get(variable.name) ?? 0) : null),
    (variable) => (Math.abs((relaxed.get(variable.name) ?? 0) - (incumbent.get(variable.name) ?? 0)) <= INTEGRALITY ? (incumbent.get(variable.name) ?? 0) : null),
  ];
  const sign = objective.sense === "max" ? 1 : -1;
  let best: Map<string, number> | null = null;
  let bestValue = evaluate(objective.terms, incumbent);
  for (const fixing of strategies) {
    const left = until - performance.now();
    if (left <= 1) break;
    const diveFixed = new Map(fixed);
    for (const variable of model.variables.values()) {
      if (!variable.integer || diveFixed.has(variable.name)) continue;
      const value = fixing(variable);
      if (value !== null) diveFixed.set(variable.name, value);
    }
    const cutoff = improvementRow(objective, bestValue, levelStep(model, objective));
    const point = exactPoint(model, objective, [...held, cutoff], diveFixed, Math.min(left, DIVE_MS), best ?? incumbent);
    if (point === null) continue;
    const value = evaluate(objective.terms, point);
    if (sign * (value - bestValue) > 1e-7) {
      best = point;
      bestValue = value;
      // At the relaxation's bound nothing better exists: the other roundings would be wasted.
      if (sign * (value - target) >= -1e-7) break;
    }
  }
  return best;
}

/**
 * The library's exact (integer) answer for `objective` under `rows` with `fixed` variables
 * substituted out, within `ms`: a point that is integral and keeps every row of the model, or
 * null (no answer in time, infeasible, or an answer that fails the checks). `complete`: the
 * library's branch and cut finished before its own timeout (90% of `ms`, after which it
 * returns its best point so far) without stalling, so a point is optimal under `rows` and
 * no point means there is none; a contradiction between the fixings and a row is complete too.
 */
function exactSearch(model: LinearModel, objective: Objective, rows: Row[], fixed: Map<string, number>, ms: number, start: Map<string, number>): { point: Map<string, number> | null; complete: boolean } {
  const lp = toSolverLp(model, objective.terms, objective.sense, rows, fixed, 0, start);
  if (lp === null) return { point: null, complete: true };
  lp.options = { tolerance: 0, presolve: false, exitOnCycles: true };
  const callStart = performance.now();
  const answer = solveLp(lp, ms);
  if (answer.status !== "solved") return { point: null, complete: false };
  const complete = performance.now() - callStart < ms * 0.9 - 1;
  if (!answer.result.feasible) return { point: null, complete };
  const values = readValues(lp, answer.result.values);
  const point = roundIntegers(model, values);
  if (!isIntegral(model, values) || violatedRows(model, point).length > 0) return { point: null, complete: false };
  return { point, complete };
}

function exactPoint(model: LinearModel, objective: Objective, rows: Row[], fixed: Map<string, number>, ms: number, start: Map<string, number>): Map<string, number> | null {
  return exactSearch(model, objective, rows, fixed, ms, start).point;
}

/** What a search for a better point of one level is given. */
export interface LevelSearch {
  model: LinearModel;
  /** The level (or the folded level) being searched. */
  objective: Objective;
  /** The rows holding the levels above. */
  held: Row[];
  /** Variables substituted out at these values. */
  fixed: Map<string, number>;
  /** The incumbent's value of `objective`: only points better by a step count. */
  incumbentValue: number;
  deadline: number;
  /** The incumbent: where every LP starts (toSolverLp). */
  start: Map<string, number>;
  /**
   * The level's relaxation as last sent to the solver thread (same objective, held rows and
   * fixings, exact rows), if any: branchAndBoundInThread sends that model again, so that the
   * thread starts from the optimal tableau it kept instead of solving the LP once more.
   */
  relaxation?: SolverLp | null;
  /** Gomory cuts at the root of the search in the solver thread (solver/gomory.mjs). */
  cuts?: boolean;
  /** Most pivots a round of those cuts may take (TreeSearch.cutRoundPivots; the thread's default otherwise). */
  cutRoundPivots?: number;
  /**
   * Rows the thread adds to the root's optimal tableau for the search's first nodes
   * (lp-worker.mjs addRootRows): each proven level above, bounded from the other side.
   */
  rootRows?: Row[];
}

/** `rows` over the LP's columns: fixed variables moved to the right-hand side, complemented ones (x = u − x′) turned. */
function rowsInLp(model: LinearModel, lp: SolverLp, rows: Row[]): NonNullable<TreeSearch["rootRows"]> {
  const compiled = compileModel(model);
  const place = translations.get(lp)!;
  const rowStart = [0];
  const column: number[] = [];
  const coefficient: number[] = [];
  const rhs: number[] = [];
  const upper: number[] = [];
  for (const row of rows) {
    let right = row.rhs;
    for (const [name, a] of row.terms) right = moveTerm(place, compiled.index.get(name)!, a, right, column, coefficient);
    rowStart.push(column.length);
    rhs.push(right);
    upper.push(row.sense === "<=" ? 1 : 0);
  }
  return { rowStart: Int32Array.from(rowStart), column: Int32Array.from(column), coefficient: Float64Array.from(coefficient), rhs: Float64Array.from(rhs), upper: Uint8Array.from(upper) };
}

/**
 * Depth-first branch and bound on the relaxation, for one level: finds points better than
 * `incumbentValue` and proves there are none. A node is pruned when its relaxation, rounded
 * to the level's step, is no better than the incumbent. Each node's model is built and sent
 * anew (about 3 ms a node on a 14-enclave company), so it is the fallback of
 * branchAndBoundInThread, for the levels where a node's simplex stalled there: here such a node
 * is asked again, perturbed. `complete` means the whole tree was searched before the deadline.
 */
export function branchAndBound(search: LevelSearch, nodeLimit = 2000): { point: Map<string, number> | null; complete: boolean; nodes: number } {
  const { model, objective, held, fixed, incumbentValue, deadline, start } = search;
  const sign = objective.sense === "min" ? 1 : -1;
  let bestValue = incumbentValue;
  let bestPoint: Map<string, number> | null = null;
  const priority = branchingPriority(model, objective, held);
  const candidates = [...priority.keys()];
  const tiers = candidates.map((name) => priority.get(name)!);
  const pseudo = pseudocosts(candidates.length);
  const step = levelStep(model, objective);
  // A node: the bound rows of general integers, and the binaries fixed (substituted out,
  // which keeps the tableau small and avoids degenerate bound rows); the branch that made it
  // and its parent's relaxation (minimising: sign × value), for the pseudocosts.
  type Branched = { position: number; up: boolean; distance: number; parent: number };
  const stack: { rows: Row[]; fixes: [string, number][]; branched: Branched | null }[] = [{ rows: [], fixes: [], branched: null }];
  let nodes = 0;
  while (stack.length > 0) {
    const remaining = deadline - performance.now();
    if (remaining <= 1 || nodes >= nodeLimit) return { point: bestPoint, complete: false, nodes };
    const node = stack.pop()!;
    nodes++;
    const nodeFixed = node.fixes.length === 0 ? fixed : new Map([...fixed, ...node.fixes]);
    const nodeModel = (relax: number) => {
      const lp = toSolverLp(model, objective.terms, objective.sense, [...held, ...node.rows], nodeFixed, relax, bestPoint ?? start);
      if (lp !== null) lp.integer = null;
      return lp;
    };
    let asked = nodeModel(0);
    if (asked === null) continue;
    // A node's relaxation that stalls or does not answer soon is cycling: ask again, perturbed.
    let answer = solveLp(asked, Math.min(remaining, NODE_LP_MS));
    if (answer.status !== "solved" && deadline - performance.now() > 1) {
      asked = nodeModel(RELAXATION_PERTURBATION)!;
      answer = solveLp(asked, deadline - performance.now());
    }
    if (answer.status !== "solved") return { point: bestPoint, complete: false, nodes };
    const { branched } = node;
    // (As in the thread's search: an infeasible child gained what its parent needed to be pruned.)
    if (!answer.result.feasible) {
      if (branched !== null) pseudo.record(branched.position, branched.up, branched.distance, sign * bestValue - branched.parent);
      continue;
    }
    const values = readValues(asked, answer.result.values);
    const lp = evaluate(objective.terms, values);
    if (branched !== null) pseudo.record(branched.position, branched.up, branched.distance, sign * lp - branched.parent);
    const rounded = roundBound(lp, objective.sense, step);
    if (sign * (rounded - bestValue) >= -1e-7) continue;
    const choice = pseudo.choose((i) => tiers[i]!, (i) => values.get(candidates[i]!) ?? 0, INTEGRALITY);
    if (choice === null) {
      const point = roundIntegers(model, values);
      if (violatedRows(model, point).length === 0) {
        bestPoint = point;
        bestValue = evaluate(objective.terms, point);
      }
      continue;
    }
    const { position, value } = choice;
    const name = candidates[position]!;
    const f = value - Math.floor(value);
    const down: Branched = { position, up: false, distance: f, parent: sign * lp };
    const up: Branched = { position, up: true, distance: 1 - f, parent: sign * lp };
    const children: { rows: Row[]; fixes: [string, number][]; branched: Branched }[] =
      model.variables.get(name)!.upper <= 1
        ? [0, 1].map((v) => ({ rows: node.rows, fixes: [...node.fixes, [name, v] as [string, number]], branched: v === 0 ? down : up }))
        : [
            { rows: [...node.rows, { name: `down ${name}`, terms: new Map([[name, 1]]), sense: "<=", rhs: Math.floor(value) }], fixes: node.fixes, branched: down },
            { rows: [...node.rows, { name: `up ${name}`, terms: new Map([[name, 1]]), sense: ">=", rhs: Math.ceil(value) }], fixes: node.fixes, branched: up },
          ];
    // Depth first, the side nearer the relaxation's value first (pushed last).
    const upFirst = f >= 0.5;
    stack.push(...(upFirst ? children : children.reverse()));
  }
  return { point: bestPoint, complete: true, nodes };
}

/** What the thread's search answers (branchAndBoundInThread): its own answer, with the point in the model's variables. */
export type ThreadSearchResult = Omit<TreeSearchResult, "best"> & { point: Map<string, number> | null };

/**
 * branchAndBound run in the solver thread on the library's tableau (lp-worker.mjs searchTree):
 * the same rules, but a node goes on from its parent's tableau with one bound added (the
 * second child from a copy kept for it) instead of building, sending and setting up a whole
 * model. Generated 14-enclave company 126, the moves level: 727 nodes in 2.5 s before, now
 * 1,009 nodes in 0.5 s; its plan 8.4 s → 2.4 s. The point it returns is checked against every
 * row here. `complete` is false when the time or the node limit ran out, or when a simplex
 * stalled (`stalled`: such a node is skipped, not retried perturbed as branchAndBound does; a
 * point the rows refuse counts as one too).
 */
export function branchAndBoundInThread(search: LevelSearch, nodeLimit = 20_000): ThreadSearchResult {
  const { model, objective, held, fixed, incumbentValue, deadline, start } = search;
  const remaining = deadline - performance.now();
  if (remaining <= 1) return { point: null, complete: false, nodes: 0, stalled: 0, cuts: null, fixed: 0 };
  const lp = search.relaxation ?? toSolverLp(model, objective.terms, objective.sense, held, fixed, 0, start);
  // The fixings contradict a row: no point at all, so none better.
  if (lp === null) return { point: null, complete: true, nodes: 0, stalled: 0, cuts: null, fixed: 0 };
  lp.integer = null;
  const step = levelStep(model, objective);
  // The incumbent in the LP's coordinates (complemented variables x' = u - x, fixed ones left
  // out), and its objective there in the library's minimising form.
  const incumbentPoint = pointInLp(lp, start);
  const tiers = branchingPriority(model, objective, held);
  const integers: number[] = [];
  const integerTiers: number[] = [];
  lp.names.forEach((name, c) => {
    const tier = tiers.get(name);
    if (tier === undefined) return;
    integers.push(c);
    integerTiers.push(tier);
  });
  const answer = solveLp(lp, remaining, {
    integers: Int32Array.from(integers),
    tiers: Float64Array.from(integerTiers),
    step,
    incumbent: minimisedValue(lp, incumbentPoint),
    nodeLimit,
    cuts: search.cuts === true,
    ...(search.cutRoundPivots !== undefined ? { cutRoundPivots: search.cutRoundPivots } : {}),
    incumbentPoint,
    ...(search.rootRows && search.rootRows.length > 0 ? { rootRows: rowsInLp(model, lp, search.rootRows) } : {}),
  });
  if (answer.status !== "solved") return { point: null, complete: false, nodes: 0, stalled: answer.status === "stalled" ? 1 : 0, cuts: null, fixed: 0 };
  const found = answer.result as unknown as TreeSearchResult;
  const { cuts, fixed: fixedColumns } = found;
  if (found.best === null) return { point: null, complete: found.complete, nodes: found.nodes, stalled: found.stalled, cuts, fixed: fixedColumns };
  const values = readValues(lp, found.best);
  const point = roundIntegers(model, values);
  const better = objective.sense === "max" ? 1 : -1;
  const valid = isIntegral(model, values) && violatedRows(model, point).length === 0 && violatedRows({ ...model, rows: held }, point).length === 0;
  // A point the rows refuse (rounding in the thread's tableau): counted as a stalled node, so
  // that the search which rebuilds every node's model runs after.
  if (!valid || better * (evaluate(objective.terms, point) - incumbentValue) < step - 0.5) return { point: null, complete: false, nodes: found.nodes, stalled: found.stalled + 1, cuts, fixed: fixedColumns };
  return { point, complete: found.complete, nodes: found.nodes, stalled: found.stalled, cuts, fixed: fixedColumns };
}

/**
 * Which fractional variable to branch on, by tier: the terms of the levels above (held at
 * their optimum: deciding which enclaves are covered settles most of the rest), then the
 * level's own terms, then the structural decisions (`branchFirst`: coach placements; binaries
 * when the model does not say), then the rest (worker counts); by pseudocosts within a tier
 * (branching.mjs). Workers of a class of one are binaries too, but deciding them before the coaches
 * made the depth-first search thrash: a conflict between two coaches deep in the tree was
 * retried under every combination of the worker decisions above it (random 10-enclave
 * re-plan, seed 18: 1,388 nodes without the optimum; coaches first: 125 nodes, proven).
 */
function branchingPriority(model: LinearModel, objective: Objective, held: Row[]): Map<string, number> {
  const tier = new Map<string, number>();
  for (const variable of model.variables.values()) if (variable.integer) tier.set(variable.name, (variable.branchFirst ?? variable.upper <= 1) ? 1 : 0);
  for (const name of objective.terms.keys()) if (tier.has(name)) tier.set(name, 2);
  for (const row of held) for (const name of row.terms.keys()) if (tier.has(name)) tier.set(name, 3);
  return tier;
}

/**
 * Large neighbourhood search for one level: for each term of the level that is not at its
 * helpful bound (an enclave not covered), free the variables within a few rows of it — up to
 * LNS_NEIGHBOURHOOD, nearest first — keep every other variable at the incumbent, and ask for a
 * point strictly better by 1 on that small model. Each answer is checked against every row of
 * the whole model before it replaces the incumbent. It only ever improves the point; proofs
 * still come from the bounds and searches that follow.
 */
export function improveByNeighbourhoods(
  model: LinearModel,
  objective: Objective,
  held: Row[],
  fixed: Map<string, number>,
  start: Map<string, number>,
  until: number,
  maxFailures = Infinity,
): { point: Map<string, number> | null; solves: number } {
  const rowsOf = rowsByVariable([...model.rows, ...held]);
  const better = objective.sense === "max" ? 1 : -1;
  const step = levelStep(model, objective);
  let best = start;
  let improved: Map<string, number> | null = null;
  let solves = 0;
  let failures = 0;
  let progress = true;
  while (progress && performance.now() < until) {
    progress = false;
    const seeds = [...objective.terms].filter(([name, coefficient]) => {
      if (fixed.has(name)) return false;
      const upper = model.variables.get(name)!.upper;
      const helps = objective.sense === "max" ? coefficient > 0 : coefficient < 0;
      const value = best.get(name) ?? 0;
      return helps ? value < upper - 1e-9 : value > 1e-9;
    });
    for (const [seed] of seeds) {
      if (performance.now() >= until) break;
      // Breadth first over rows: the variables nearest the seed first.
      const free = new Set<string>([seed]);
      let frontier = [seed];
      while (frontier.length > 0 && free.size < LNS_NEIGHBOURHOOD) {
        const next: string[] = [];
        for (const name of frontier) {
          for (const row of rowsOf.get(name) ?? []) {
            for (const other of row.terms.keys()) {
              if (free.size >= LNS_NEIGHBOURHOOD) break;
              if (free.has(other) || fixed.has(other)) continue;
              free.add(other);
              next.push(other);
            }
          }
        }
        frontier = next;
      }
      const frozen = new Map(fixed);
      for (const name of model.variables.keys()) if (!free.has(name) && !frozen.has(name)) frozen.set(name, best.get(name) ?? 0);
      const value = evaluate(objective.terms, best);
      solves++;
      const point = exactPoint(model, objective, [...held, improvementRow(objective, value, step)], frozen, Math.max(1, Math.min(until - performance.now(), 500)), best);
      if (point === null || better * (evaluate(objective.terms, point) - value) < step - 0.5) {
        if (++failures >= maxFailures) return { point: improved, solves };
        continue;
      }
      best = point;
      improved = point;
      progress = true;
    }
  }
  return { point: improved, solves };
}

function zeroPoint(model: LinearModel): Map<string, number> {
  return new Map([...model.variables.keys()].map((name) => [name, 0]));
}
