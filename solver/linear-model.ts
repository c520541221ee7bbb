/**
 * A mixed-integer linear model as plain data: variables, rows, and objectives in priority order.
 *
 * The model is built once and then handed to any back end (javascript-lp-solver for the plan,
 * CPLEX LP text for HiGHS and for `vlinder plan --lp`), so it must be printable and testable
 * without solving. Objectives are lexicographic levels; `weightedObjective` folds them into
 * one objective with weights large enough that a better higher level always wins.
 */

export type Sense = "<=" | ">=";

export interface Variable {
  name: string;
  /** Upper bound; lower bound is always 0. */
  upper: number;
  integer: boolean;
  /**
   * True when a row of the model already implies `upper` (a binary in a "one place per person"
   * row): back ends that pay for every bound row may leave it out.
   */
  upperImplied: boolean;
  /**
   * A structural decision that branch and bound should settle before the other integers (a
   * coach's placement, whether an enclave counts as covered). Unset: binaries are.
   */
  branchFirst?: boolean;
}

export interface Row {
  name: string;
  terms: Map<string, number>;
  sense: Sense;
  rhs: number;
}

export interface Objective {
  name: string;
  sense: "max" | "min";
  terms: Map<string, number>;
  /** Largest possible value of |objective| over feasible points; used to compute safe weights. */
  range: number;
  /** Constant added when the level's value is reported (not part of the optimisation). */
  offset?: number;
  /**
   * The next level may fold this one into its objective (foldLevels) instead of holding it with
   * a row: set for levels whose relaxation is nearly an assignment (moves), not for coverage and
   * shortfall levels, whose fractional relaxations make a folded bound too weak to prune.
   */
  foldable?: boolean;
}

export interface LinearModel {
  variables: Map<string, Variable>;
  rows: Row[];
  /** In strict priority order: objectives[0] matters most. */
  objectives: Objective[];
  /**
   * Valid inequalities: rows that every integer point of `rows` keeps, so they change no
   * answer, but that cut off fractional points of the relaxation. Not rules, so not in the LP
   * export; the solver adds those a relaxation breaks (lexicographic-solve.ts separateCuts).
   */
  cuts?: Row[];
}

/** The cuts of `model` whose variables all lie in `part` (a component or a site of it). */
export function cutsWithin(model: LinearModel, part: LinearModel): Row[] {
  return (model.cuts ?? []).filter((cut) => [...cut.terms.keys()].every((name) => part.variables.has(name)));
}

export function emptyModel(): LinearModel {
  return { variables: new Map(), rows: [], objectives: [] };
}

export function addVariable(
  model: LinearModel,
  name: string,
  options: { upper: number; integer: boolean; upperImplied?: boolean; branchFirst?: boolean },
): string {
  if (model.variables.has(name)) throw new Error(`variable ${name} defined twice`);
  model.variables.set(name, {
    name,
    upper: options.upper,
    integer: options.integer,
    upperImplied: options.upperImplied ?? false,
    ...(options.branchFirst !== undefined ? { branchFirst: options.branchFirst } : {}),
  });
  return name;
}

/** Adds a row unless it is empty and trivially satisfied (an empty row that fails is a bug). */
export function addRow(model: LinearModel, name: string, terms: Map<string, number>, sense: Sense, rhs: number, kind: "row" | "cut" = "row"): void {
  const cleaned = new Map([...terms].filter(([, coefficient]) => coefficient !== 0));
  if (cleaned.size === 0) {
    const satisfied = sense === "<=" ? 0 <= rhs : 0 >= rhs;
    if (!satisfied) throw new Error(`row ${name} is empty and cannot hold (0 ${sense} ${rhs})`);
    return;
  }
  const row = { name, terms: cleaned, sense, rhs };
  if (kind === "row") model.rows.push(row);
  else (model.cuts ??= []).push(row);
}

export function addTerm(terms: Map<string, number>, variable: string, coefficient: number): void {
  terms.set(variable, (terms.get(variable) ?? 0) + coefficient);
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The rows each variable appears in. */
export function rowsByVariable(rows: readonly Row[]): Map<string, Row[]> {
  const rowsOf = new Map<string, Row[]>();
  for (const row of rows) {
    for (const name of row.terms.keys()) {
      const list = rowsOf.get(name);
      if (list) list.push(row);
      else rowsOf.set(name, [row]);
    }
  }
  return rowsOf;
}

/** A point's values for a (part) model's variables only; missing ones are 0. */
export function restrictPoint(values: Map<string, number>, model: LinearModel): Map<string, number> {
  return new Map([...model.variables.keys()].map((name) => [name, values.get(name) ?? 0]));
}

/**
 * The model with every variable outside `free` fixed at its value in `values` and substituted
 * out: rows keep their free terms, their right-hand sides less the fixed terms' part (rows with
 * no free term left out: the caller's point keeps them), objectives keep their free terms
 * (without offsets), and so do the cuts.
 */
export function fixOutside(model: LinearModel, free: ReadonlySet<string>, values: Map<string, number>): LinearModel {
  const restricted = (row: Row): Row | null => {
    const terms = new Map<string, number>();
    let fixedPart = 0;
    for (const [name, coefficient] of row.terms) {
      if (free.has(name)) terms.set(name, coefficient);
      else fixedPart += coefficient * (values.get(name) ?? 0);
    }
    return terms.size === 0 ? null : { ...row, terms, rhs: row.rhs - fixedPart };
  };
  const keep = (rows: readonly Row[]) => rows.map(restricted).filter((row): row is Row => row !== null);
  return {
    variables: new Map([...model.variables].filter(([name]) => free.has(name))),
    rows: keep(model.rows),
    objectives: model.objectives.map((objective) => ({ ...objective, offset: 0, terms: new Map([...objective.terms].filter(([name]) => free.has(name))) })),
    ...(model.cuts ? { cuts: keep(model.cuts) } : {}),
  };
}

/** Value of a linear expression at a point (missing variables are 0). */
export function evaluate(terms: Map<string, number>, values: Map<string, number>): number {
  let sum = 0;
  for (const [variable, coefficient] of terms) sum += coefficient * (values.get(variable) ?? 0);
  return sum;
}

/**
 * Folds the lexicographic levels into one "min" objective: level i gets weight
 * Π_{j>i} (range_j + 1), so one unit at level i outweighs any change at all lower levels
 * (valid because every objective takes integer values on integer points).
 */
export function weightedObjective(model: LinearModel): { terms: Map<string, number>; weights: number[] } {
  const weights: number[] = new Array<number>(model.objectives.length).fill(1);
  for (let i = model.objectives.length - 2; i >= 0; i--) {
    const below = model.objectives[i + 1]!;
    weights[i] = weights[i + 1]! * (below.range + 1);
  }
  const terms = new Map<string, number>();
  model.objectives.forEach((objective, i) => {
    const sign = objective.sense === "min" ? 1 : -1;
    for (const [variable, coefficient] of objective.terms) addTerm(terms, variable, sign * weights[i]! * coefficient);
  });
  return { terms, weights };
}

/** Checks a point against every row and bound; returns the names of violated rows. */
export function violatedRows(model: LinearModel, values: Map<string, number>, tolerance = 1e-6): string[] {
  const violated: string[] = [];
  for (const row of model.rows) {
    const lhs = evaluate(row.terms, values);
    if (row.sense === "<=" ? lhs > row.rhs + tolerance : lhs < row.rhs - tolerance) violated.push(row.name);
  }
  for (const variable of model.variables.values()) {
    const value = values.get(variable.name) ?? 0;
    if (value < -tolerance || value > variable.upper + tolerance) violated.push(`bound ${variable.name}`);
    if (variable.integer && Math.abs(value - Math.round(value)) > tolerance) violated.push(`integrality ${variable.name}`);
  }
  return violated;
}
