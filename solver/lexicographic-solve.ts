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
import { createRequire } from "node:module";
import type { Model as JsLpModel, SolverAPI } from "javascript-lp-solver";
import { evaluate, violatedRows, type LinearModel, type Objective, type Row } from "./linear-model.ts";

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
}

// The package is CommonJS whose typings declare an ES default export; require gives the instance.
const solver = createRequire(import.meta.url)("javascript-lp-solver") as SolverAPI;

const INTEGRALITY = 1e-6;

/** Converts our model to javascript-lp-solver's JSON model for one objective. */
export function toJsLpModel(
  model: LinearModel,
  objective: Map<string, number>,
  sense: "max" | "min",
  extraRows: Row[],
): JsLpModel {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const ints: Record<string, 1> = {};
  for (const variable of model.variables.values()) {
    variables[variable.name] = {};
    if (variable.integer) ints[variable.name] = 1;
    if (Number.isFinite(variable.upper) && !variable.upperImplied) {
      const rowName = `ub_${variable.name}`;
      constraints[rowName] = { max: variable.upper };
      variables[variable.name]![rowName] = 1;
    }
  }
  const allRows = [...model.rows, ...extraRows];
  allRows.forEach((row, r) => {
    const rowName = `r${r}`;
    constraints[rowName] = row.sense === "<=" ? { max: row.rhs } : { min: row.rhs };
    for (const [name, coefficient] of row.terms) variables[name]![rowName] = coefficient;
  });
  for (const [name, coefficient] of objective) variables[name]!["__objective"] = coefficient;
  return { optimize: "__objective", opType: sense, constraints, variables, ints };
}

function readValues(model: LinearModel, result: Record<string, unknown>): Map<string, number> {
  const values = new Map<string, number>();
  for (const name of model.variables.keys()) {
    const raw = result[name];
    values.set(name, typeof raw === "number" ? raw : 0);
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

/**
 * Level by level, starting from a feasible point (the warm start, or nobody placed):
 * 1. if the point reaches the level's trivial bound, the level is proven at once;
 * 2. otherwise ask the solver for a point strictly better by at least 1 (every level takes
 *    integer values at integer points, so nothing lies in between); "infeasible" proves the
 *    point optimal, a better point replaces it and the question is asked again;
 * 3. the level's value is then held (a row) for the levels below it.
 */
export function solveLexicographic(model: LinearModel, options: SolveOptions = {}): LexicographicResult {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? 10_000);
  const held: Row[] = [];
  const levels: LevelResult[] = [];
  let best = options.incumbent ?? zeroPoint(model);
  if (violatedRows(model, best).length > 0) {
    throw new Error(`warm start breaks ${violatedRows(model, best).slice(0, 3).join(", ")}`);
  }
  let allOptimal = true;

  for (const objective of model.objectives) {
    const levelStart = performance.now();
    const better = objective.sense === "max" ? 1 : -1;
    const bound = trivialBound(model, objective);
    let value = evaluate(objective.terms, best);
    let proven = Math.abs(value - bound) < 1e-7;
    let nodes = 0;
    while (!proven) {
      const remaining = deadline - performance.now();
      if (remaining <= 1) break;
      const cutoff: Row = {
        name: `improve ${objective.name}`,
        terms: objective.terms,
        sense: objective.sense === "max" ? ">=" : "<=",
        rhs: value + better * (1 - 1e-6),
      };
      const jsModel = toJsLpModel(model, objective.terms, objective.sense, [...held, cutoff]);
      jsModel.options = { timeout: Math.max(1, Math.floor(remaining)), tolerance: 0, presolve: false, exitOnCycles: true };
      const callStart = performance.now();
      const raw = solver.Solve(jsModel) as unknown as Record<string, unknown>;
      nodes++;
      const timedOut = performance.now() - callStart >= remaining - 1;
      if (raw["feasible"] !== true) {
        // No point is better by 1 or more: the current one is optimal (unless time ran out).
        proven = !timedOut;
        break;
      }
      const values = readValues(model, raw);
      const point = roundIntegers(model, values);
      if (!isIntegral(model, values) || violatedRows(model, point).length > 0) break;
      best = point;
      value = evaluate(objective.terms, best);
      proven = Math.abs(value - bound) < 1e-7;
      if (timedOut) break;
    }
    value = Math.round(value * 1e6) / 1e6;
    levels.push({ name: objective.name, value, optimal: proven, ms: performance.now() - levelStart, nodes });
    if (!proven) allOptimal = false;
    held.push({
      name: `hold ${objective.name}`,
      terms: objective.terms,
      sense: objective.sense === "max" ? ">=" : "<=",
      rhs: value - better * 1e-7,
    });
  }
  return { status: allOptimal ? "optimal" : "feasible", values: best, levels, ms: performance.now() - started };
}

function zeroPoint(model: LinearModel): Map<string, number> {
  return new Map([...model.variables.keys()].map((name) => [name, 0]));
}
