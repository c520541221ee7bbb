/**
 * The solver thread builds javascript-lp-solver's model from our packed LP (solver/lp-build.mjs)
 * instead of handing the library JSON: the tableau must be exactly the one the library's own
 * loadJson builds from the same model as JSON (same rows, columns, order and signs), so that
 * every pivot, and every answer, is the same.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Model as JsonModel } from "javascript-lp-solver";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { toSolverLp } from "../../solver/lexicographic-solve.ts";
import { solverLpFromJson, type SolverLp } from "../../solver/lp-backend.ts";
import { buildModel, solveModel, type LibraryTableau } from "../../solver/lp-build.mjs";
import { generateScenario } from "../generators/scenario-generator.ts";

interface Library {
  Model: new () => { loadJson(json: JsonModel): { tableau: LibraryTableau & { setModel(model: unknown): void } } };
  Solve(json: JsonModel): Record<string, unknown>;
}
const library = createRequire(import.meta.url)("javascript-lp-solver") as Library;

/** The library's own tableau of a JSON model, before any pivot. */
function libraryTableau(json: JsonModel): LibraryTableau {
  const model = new library.Model().loadJson(json);
  model.tableau.setModel(model);
  return model.tableau;
}

/** Our LP as the JSON model javascript-lp-solver takes (rows named by number, columns by name). */
function asJson(lp: SolverLp): JsonModel {
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  lp.names.forEach((name, c) => (variables[name] = lp.cost[c] !== 0 ? { objective: lp.cost[c]! } : {}));
  lp.rhs.forEach((rhs, r) => {
    constraints[`row${r}`] = lp.upper[r] === 1 ? { max: rhs } : { min: rhs };
    for (let k = lp.rowStart[r]!; k < lp.rowStart[r + 1]!; k++) variables[lp.names[lp.column[k]!]!]![`row${r}`] = lp.coefficient[k]!;
  });
  const ints = lp.integer === null ? undefined : Object.fromEntries(lp.names.filter((_, c) => lp.integer![c] === 1).map((name) => [name, 1]));
  return { optimize: "objective", opType: lp.sense, constraints, variables, ...(ints ? { ints } : {}), options: { presolve: false } } as JsonModel;
}

function expectSameTableau(json: JsonModel): void {
  const theirs = libraryTableau(json);
  const ours = buildModel(solverLpFromJson(json), { timeout: 1000 }).model.tableau;
  expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
  expect(ours.varIndexByRow).toEqual(theirs.varIndexByRow);
  expect(ours.varIndexByCol).toEqual(theirs.varIndexByCol);
  expect(Array.from(ours.matrix)).toEqual(Array.from(theirs.matrix));
}

describe("the library's model built from the packed LP", () => {
  // max x + y with x + 2y ≤ 4, 3x + y ≥ 1, x − y = 0.5 (a "≥", a "≤" and an equality row).
  const mixed: JsonModel = {
    optimize: "value",
    opType: "max",
    constraints: { a: { max: 4 }, b: { min: 1 }, c: { equal: 0.5 }, d: { min: 0, max: 3 } },
    variables: { x: { value: 1, a: 1, b: 3, c: 1, d: 1 }, y: { value: 1, a: 2, b: 1, c: -1 } },
  };

  it("when a model has ≤, ≥, ranged and equality rows, then the tableau is the library's own, cell for cell", () => {
    expectSameTableau(mixed);
    expectSameTableau({ ...mixed, opType: "min" });
  });

  it("when a day's relaxation is built both ways, then the tableaux are the same and so are the answers", () => {
    const scenario = scenarioSchema.parse(generateScenario({ seed: 3, enclaves: 10, date: "2026-11-23" }));
    const daily = buildDailyModel(buildDayContext(scenario, "2026-11-23").day);
    const coverage = daily.model.objectives[0]!;
    const lp = toSolverLp(daily.model, coverage.terms, coverage.sense, [], new Map(), 0, bestGreedyStart(daily))!;
    expect(lp.cost.length).toBeGreaterThan(100);
    const json = asJson({ ...lp, integer: null });
    expectSameTableau(json);
    const ours = solveModel(solverLpFromJson(json), { timeout: 10_000 }).answer;
    const theirs = library.Solve(json);
    expect(ours.feasible).toBe(true);
    expect(ours.evaluation).toBe(theirs["result"]);
    lp.names.forEach((name, c) => expect(ours.values[c]).toBe((theirs[name] as number | undefined) ?? 0));
  });

  it("when the model has integer columns, then the library's branch and cut answers as it does from JSON", () => {
    // A knapsack: 3x + 5y ≤ 9, x, y ≤ 2 integer, max 4x + 7y. Its relaxation is fractional
    // (x = 2, y = 0.6: 12.2); the integer optimum is x = 1, y = 1 (11).
    const knapsack: JsonModel = {
      optimize: "value",
      opType: "max",
      constraints: { w: { max: 9 }, xb: { max: 2 }, yb: { max: 2 } },
      variables: { x: { value: 4, w: 3, xb: 1 }, y: { value: 7, w: 5, yb: 1 } },
      ints: { x: 1, y: 1 },
    };
    const ours = solveModel(solverLpFromJson(knapsack), { timeout: 10_000 }).answer;
    const theirs = library.Solve(knapsack);
    expect(ours.evaluation).toBe(theirs["result"]);
    expect(Array.from(ours.values)).toEqual([theirs["x"] ?? 0, theirs["y"] ?? 0]);
    expect(ours.evaluation).toBe(11);
  });
});
