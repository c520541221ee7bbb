/**
 * Gomory mixed-integer cuts on the library's tableau (solver/gomory.mjs), used at the root of
 * the solver thread's branch and bound to prove a level there. A cut must never cut off an
 * integer point: on random small mixed-integer programs, every integer point that the LP
 * allows (for some value of the continuous variable) must still be allowed after rounds of
 * cuts, checked with the library's own simplex. And the cuts must matter: the bound moves, and
 * generated 80's hard site, whose minimum shortfall no budget could prove before, is proven.
 */
import { describe, expect, it } from "vitest";
import type { Model as JsonModel } from "javascript-lp-solver";
import { benchInstances } from "../../bench/instances.ts";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { splitComponents } from "../../solver/components.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { addGomoryCuts, addRootRows, cannotReach, fixByReducedCosts, integralVariables, pointByVariable } from "../../solver/gomory.mjs";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { solverLpFromJson } from "../../solver/lp-backend.ts";
import { solveModel, type LibraryTableau } from "../../solver/lp-build.mjs";
import { restrictPoint } from "../../solver/linear-model.ts";
import { createRandom } from "../generators/seeded-random.ts";

/** The library's tableau, with the calls these tests make on it. */
type Tableau = LibraryTableau & {
  evaluation: number;
  feasible: boolean;
  copy(): Tableau;
  simplex(): void;
  addCutConstraints(cuts: { type: "min" | "max"; varIndex: number; value: number }[]): void;
};

const INTEGERS = ["x0", "x1", "x2", "x3"];

/**
 * Four integer variables in 0…2 and one continuous in 0…2.5, four rows with integer
 * coefficients on the integers and right-hand sides that are often fractional, a random
 * objective.
 */
function program(seed: number): JsonModel {
  const random = createRandom(seed);
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const name of [...INTEGERS, "y"]) variables[name] = { value: random.int(-4, 6), [`ub_${name}`]: 1 };
  for (const name of INTEGERS) constraints[`ub_${name}`] = { max: 2 };
  constraints.ub_y = { max: 2.5 };
  for (let r = 0; r < 4; r++) {
    for (const name of INTEGERS) variables[name]![`row${r}`] = random.int(-2, 4);
    variables.y![`row${r}`] = random.chance(0.5) ? random.uniform(-1.5, 1.5) : 0;
    const rhs = random.int(1, 6) + (random.chance(0.6) ? random.pick([0.25, 0.5, 0.7]) : 0);
    constraints[`row${r}`] = random.chance(0.7) ? { max: rhs } : { min: rhs - 4 };
  }
  return { optimize: "value", opType: "max", constraints, variables, ints: Object.fromEntries(INTEGERS.map((name) => [name, 1])) } as JsonModel;
}

/** Whether the tableau, with the integers fixed at `values`, still has a feasible point. */
function allows(tableau: Tableau, indexes: number[], values: number[]): boolean {
  const copy = tableau.copy();
  copy.addCutConstraints(indexes.flatMap((varIndex, i) => [
    { type: "min" as const, varIndex, value: values[i]! },
    { type: "max" as const, varIndex, value: values[i]! },
  ]));
  copy.simplex();
  return copy.feasible === true;
}

/** Program `seed`'s LP relaxation solved to its optimal tableau, with its integers' variable indexes; null when infeasible. */
function optimalTableau(seed: number): { tableau: Tableau; indexes: number[] } | null {
  const lp = solverLpFromJson(program(seed));
  lp.integer = null;
  const { built } = solveModel(lp, {});
  const tableau = built.model.tableau as Tableau;
  if (tableau.feasible !== true) return null;
  return { tableau, indexes: INTEGERS.map((_, c) => built.variables[c]!.index) };
}

describe("Gomory cuts on the library's tableau", () => {
  it("when random mixed-integer programs get three rounds of cuts, then every integer point the LP allowed is still allowed, and the bound moves on many", () => {
    let moved = 0;
    let checkedPoints = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const lp = solverLpFromJson(program(seed));
      const integers = [0, 1, 2, 3];
      lp.integer = null;
      const { built } = solveModel(lp, {});
      const tableau = built.model.tableau as Tableau;
      if (tableau.feasible !== true) continue;
      const original = tableau.copy();
      const rootBound = tableau.evaluation;
      const { integral } = integralVariables(tableau, lp, built.variables, integers);
      tableau.simplex();
      for (let round = 0; round < 3 && tableau.feasible === true; round++) {
        if (addGomoryCuts(tableau, integral, 10) === 0) break;
        tableau.simplex();
      }
      const indexes = integers.map((c) => built.variables[c]!.index);
      const allowed = Array.from({ length: 81 }, (_, point) => [0, 1, 2, 3].map((i) => Math.floor(point / 3 ** i) % 3)).filter((values) => allows(original, indexes, values));
      // Without integer points the cuts may leave nothing at all (they need not, so no check).
      if (allowed.length === 0) continue;
      expect(tableau.feasible, `program ${seed}: the cuts left no point at all`).toBe(true);
      // A maximisation, which the tableau keeps as minimising −value: the bound on the value only comes down.
      expect(tableau.evaluation, `program ${seed}`).toBeGreaterThanOrEqual(rootBound - 1e-9);
      if (tableau.evaluation > rootBound + 1e-6) moved++;
      for (const values of allowed) {
        checkedPoints++;
        expect(allows(tableau, indexes, values), `program ${seed}: the cuts cut off the integer point ${values.join(",")}`).toBe(true);
      }
    }
    expect(checkedPoints).toBeGreaterThan(500);
    expect(moved).toBeGreaterThan(10);
    if (process.env.GOMORY_STATS) console.log({ checkedPoints, moved });
  });

  it("when a row is added to an optimal tableau, then the LP has the optimum it has when solved with the row from the start", () => {
    let moved = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const json = program(seed);
      const full = solverLpFromJson(json);
      full.integer = null;
      const whole = solveModel(full, {}).built.model.tableau as Tableau;
      // The same program without its last row, solved; then the row added to its optimal tableau.
      const last = full.rhs.length - 1;
      const partial = { ...full, rhs: full.rhs.slice(0, last), upper: full.upper.slice(0, last), rowStart: full.rowStart.slice(0, last + 1), origin: full.origin.slice(0, last) };
      partial.column = full.column.slice(0, partial.rowStart[last]);
      partial.coefficient = full.coefficient.slice(0, partial.rowStart[last]);
      const { built } = solveModel(partial, {});
      const tableau = built.model.tableau as Tableau;
      if (tableau.feasible !== true) continue;
      const before = tableau.evaluation;
      const row = { rhs: full.rhs.slice(last), upper: full.upper.slice(last), rowStart: Int32Array.from([0, full.rowStart[last + 1]! - full.rowStart[last]!]), column: full.column.slice(full.rowStart[last]), coefficient: full.coefficient.slice(full.rowStart[last]) };
      const point = [1, 0, 2, 1, 0.5];
      const [slack] = addRootRows(tableau, built.variables, row, [0, 1, 2, 3], point);
      tableau.simplex();
      expect(tableau.feasible, `program ${seed}`).toBe(whole.feasible);
      if (whole.feasible !== true) continue;
      expect(tableau.evaluation, `program ${seed}`).toBeCloseTo(whole.evaluation, 6);
      if (Math.abs(tableau.evaluation - before) > 1e-6) moved++;
      // The slack at the point: rhs − Σ a·x for a "≤" row, Σ a·x − rhs for a "≥" row.
      let activity = 0;
      for (let k = 0; k < row.column.length; k++) activity += row.coefficient[k]! * point[row.column[k]!]!;
      expect(slack!.value, `program ${seed}`).toBeCloseTo(row.upper[0] === 1 ? row.rhs[0]! - activity : activity - row.rhs[0]!, 9);
      const integral = Number.isInteger(row.rhs[0]) && Array.from(row.column).every((c, k) => c < 4 && Number.isInteger(row.coefficient[k]));
      expect(slack!.whole, `program ${seed}`).toBe(integral);
    }
    expect(moved).toBeGreaterThan(10);
  });

  it("when a row over integers has a fractional right-hand side, then it is tightened to the integer and its slack counts as integral", () => {
    // min x0 + x1 with x0 + x1 ≥ 1.5: the LP says 1.5, the integer points 2.
    const lp = solverLpFromJson({
      optimize: "value",
      opType: "min",
      constraints: { cover: { min: 1.5 }, ub0: { max: 3 }, ub1: { max: 3 } },
      variables: { x0: { value: 1, cover: 1, ub0: 1 }, x1: { value: 1, cover: 1, ub1: 1 } },
      ints: { x0: 1, x1: 1 },
    } as JsonModel);
    lp.integer = null;
    const { built } = solveModel(lp, {});
    const tableau = built.model.tableau as Tableau;
    expect(tableau.evaluation).toBeCloseTo(1.5, 9);
    const { integral, shift } = integralVariables(tableau, lp, built.variables, [0, 1]);
    expect(Array.from(shift)).toEqual([0.5, 0, 0]);
    tableau.simplex();
    expect(tableau.evaluation).toBeCloseTo(2, 9);
    expect([...integral.slice(0, 5)].every((flag) => flag === 1)).toBe(true);
    // The incumbent x = (2, 0): the cover row's slack is 0.5 above the tightened row's.
    expect(Array.from(pointByVariable(tableau, lp, built.variables, [2, 0], shift)!.slice(0, 5))).toEqual([0, 1, 3, 2, 0]);
    // A point that breaks a row proves nothing: no point.
    expect(pointByVariable(tableau, lp, built.variables, [0, 1], shift)).toBeNull();
  });

  it("when generated 80's hard site is solved, then its minimum shortfall and its last level are proven (no budget proved the first without the cuts)", () => {
    const instance = benchInstances().find((candidate) => candidate.name === "generated-80")!;
    const { model, index } = buildDailyModel(buildDayContext(instance.scenario, instance.date).day);
    const warm = bestGreedyStart({ model, index });
    // The site of 232 variables: ten enclaves, two butterflies for three enclaves that need one.
    const site = splitComponents(model).find((part) => part.variables.size < 400)!;
    const result = solveLexicographic(site, { timeoutMs: 10_000, incumbent: restrictPoint(warm, site) });
    expect(result.levels[0]).toMatchObject({ value: 9, optimal: true });
    // HiGHS's optimum of this level (scratch run in session 10): 4.
    expect(result.levels[1]).toMatchObject({ value: 4, optimal: true });
    // Its stand-in level, the last, is proven too: with the moves level's optimum added to the
    // root of its search (a root row) in a few nodes, where the folded relaxation alone needed
    // about 3,000 (HiGHS: 15).
    expect(result.levels[4]).toMatchObject({ value: 15, optimal: true });
  }, 60_000);

  it("when integer columns are fixed by their reduced costs, then every integer point the search looks for keeps them at 0, whatever tableau.evaluation says", () => {
    let fixings = 0;
    let checkedPoints = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const solved = optimalTableau(seed);
      if (solved === null) continue;
      const { tableau, indexes } = solved;
      const root = tableau.evaluation;
      // Each integer point the LP allows, with the best value of the LP there (minimising form).
      const points = Array.from({ length: 81 }, (_, point) => [0, 1, 2, 3].map((i) => Math.floor(point / 3 ** i) % 3))
        .map((values) => {
          const copy = tableau.copy();
          copy.addCutConstraints(indexes.flatMap((varIndex, i) => [
            { type: "min" as const, varIndex, value: values[i]! },
            { type: "max" as const, varIndex, value: values[i]! },
          ]));
          copy.simplex();
          return { values, feasible: copy.feasible === true, value: copy.evaluation };
        })
        .filter((point) => point.feasible);
      for (const gap of [0.5, 1, 2, 4]) {
        // The search looks for points worth at most root + gap.
        const threshold = root + gap;
        const copy = tableau.copy();
        // As cutRoot leaves it: the evaluation of a simplex on a tableau since put back.
        copy.evaluation = root + 1e6;
        const fixed = fixByReducedCosts(copy, indexes, (evaluation) => evaluation > threshold + 1e-9);
        fixings += fixed.length;
        for (const index of fixed) {
          const column = copy.colByVarIndex[index]!;
          for (let r = 0; r < copy.height; r++) expect(copy.matrix[r * copy.width + column]).toBe(0);
        }
        for (const point of points.filter((candidate) => candidate.value <= threshold + 1e-9)) {
          checkedPoints++;
          for (const index of fixed) expect(point.values[indexes.indexOf(index)], `program ${seed}: a point worth ${point.value} ≤ ${threshold} needs ${index}`).toBe(0);
        }
      }
    }
    expect(fixings).toBeGreaterThan(20);
    expect(checkedPoints).toBeGreaterThan(200);
  });

  it("when a tableau is not optimal (a reduced cost below 0, as where a simplex was stopped), then reduced-cost fixing fixes nothing", () => {
    let tried = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const solved = optimalTableau(seed);
      if (solved === null) continue;
      const { tableau, indexes } = solved;
      const pruneAll = () => true;
      const optimal = tableau.copy();
      if (fixByReducedCosts(optimal, indexes, pruneAll).length === 0) continue;
      // One nonbasic column priced as if it still should enter: the bound no longer holds.
      const column = tableau.varIndexByCol.findIndex((index, c) => c > 0 && index !== undefined && !indexes.includes(index));
      if (column <= 0) continue;
      const stopped = tableau.copy();
      stopped.matrix[column] = 0.5;
      expect(fixByReducedCosts(stopped, indexes, pruneAll)).toEqual([]);
      tried++;
    }
    expect(tried).toBeGreaterThan(10);
  });

  describe("cannotReach: whether cutting at its recent pace could still prove the level", () => {
    // Three rounds of 10 ms each, moving the bound 0.5 in all: 0.5 per 3 rounds and 30 ms.
    const pace = [
      { moved: 0.25, ms: 10 },
      { moved: 0.15, ms: 10 },
      { moved: 0.1, ms: 10 },
    ];

    it("when the gap left closes at that pace within the rounds left and twice the time left, then cutting goes on", () => {
      // 1.0 to close: 6 rounds and 60 ms at that pace.
      expect(cannotReach(pace, 1.0, 6, 30)).toBe(false);
      expect(cannotReach(pace, 0.1, 1, 3)).toBe(false);
    });

    it("when the gap left needs more than twice the time left at that pace, then cutting stops", () => {
      expect(cannotReach(pace, 1.0, 27, 29)).toBe(true);
    });

    it("when the gap left needs more rounds than are left, then cutting stops, however much time is left", () => {
      expect(cannotReach(pace, 1.0, 5, 1e9)).toBe(true);
      // Generated 80's hard site, stand-in level after six rounds: 2.0 left at about 0.05 a round.
      expect(cannotReach([{ moved: 0.09, ms: 8 }, { moved: 0.04, ms: 9 }, { moved: 0.02, ms: 8 }], 2.0, 24, 1e9)).toBe(true);
    });

    it("when the last rounds did not move the bound at all, then cutting stops", () => {
      expect(cannotReach([{ moved: 0, ms: 1 }, { moved: 0, ms: 1 }, { moved: 0, ms: 1 }], 0.5, 30, 1e9)).toBe(true);
    });
  });
});
