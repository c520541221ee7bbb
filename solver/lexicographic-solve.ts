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
import { evaluate, violatedRows, type LinearModel, type Row } from "./linear-model.ts";

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

export function solveLexicographic(model: LinearModel, options: SolveOptions = {}): LexicographicResult {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? 10_000);
  const held: Row[] = [];
  const levels: LevelResult[] = [];
  let best: Map<string, number> | null = options.incumbent ?? null;
  let allOptimal = true;

  for (const objective of model.objectives) {
    const levelStart = performance.now();
    const remaining = deadline - levelStart;
    if (remaining <= 0) {
      allOptimal = false;
      break;
    }
    // Objectives take integer values on integer points: a warm start's value is a valid bound,
    // and the level's optimum can be held exactly after rounding.
    const extra = [...held];
    if (best !== null) {
      const incumbentValue = evaluate(objective.terms, best);
      extra.push({
        name: `bound ${objective.name}`,
        terms: objective.terms,
        sense: objective.sense === "max" ? ">=" : "<=",
        rhs: incumbentValue,
      });
    }
    const jsModel = toJsLpModel(model, objective.terms, objective.sense, extra);
    jsModel.options = { timeout: Math.max(1, Math.floor(remaining)), tolerance: 0, presolve: false };
    const raw = solver.Solve(jsModel) as unknown as Record<string, unknown>;
    const ms = performance.now() - levelStart;
    const timedOut = performance.now() >= deadline - 1;
    const feasible = raw["feasible"] === true;
    const values = feasible ? readValues(model, raw) : null;
    const usable =
      values !== null && isIntegral(model, values) && violatedRows(model, roundIntegers(model, values)).length === 0;
    if (!usable) {
      if (best === null) {
        return {
          status: timedOut ? "timeout" : feasible ? "timeout" : "infeasible",
          values: new Map(),
          levels,
          ms: performance.now() - started,
        };
      }
      // Keep the previous point: it satisfies every held level; this level is not proven.
      levels.push({ name: objective.name, value: evaluate(objective.terms, best), optimal: false, ms, nodes: 0 });
      allOptimal = false;
      break;
    }
    const point = roundIntegers(model, values);
    const value = Math.round(evaluate(objective.terms, point) * 1e6) / 1e6;
    const optimal = !timedOut;
    if (!optimal) allOptimal = false;
    levels.push({ name: objective.name, value, optimal, ms, nodes: Number(raw["iter"] ?? 0) });
    best = point;
    held.push({
      name: `hold ${objective.name}`,
      terms: objective.terms,
      sense: objective.sense === "max" ? ">=" : "<=",
      rhs: objective.sense === "max" ? value - 1e-7 : value + 1e-7,
    });
    if (!optimal) break;
  }
  if (best === null) return { status: "timeout", values: new Map(), levels, ms: performance.now() - started };
  return { status: allOptimal ? "optimal" : "feasible", values: best, levels, ms: performance.now() - started };
}
