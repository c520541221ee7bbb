/**
 * branchAndBoundInThread: our branch and bound run in the solver thread on the library's
 * tableau (each node going on from its parent's). On random small integer programs it must
 * find the optimum that enumerating every point finds, say that it searched the whole tree,
 * and return no point when the incumbent is already optimal.
 */
import { describe, expect, it } from "vitest";
import { branchAndBoundInThread } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, evaluate, violatedRows, type LinearModel, type Objective } from "../../solver/linear-model.ts";
import { createRandom } from "../generators/seeded-random.ts";

interface Instance {
  model: LinearModel;
  objective: Objective;
  points: Map<string, number>[];
}

/** Six integer variables (upper 1–3), three packing rows, an objective whose coefficients are multiples of `step`. */
function instance(seed: number): Instance {
  const random = createRandom(seed);
  const pick = (n: number) => random.int(0, n - 1);
  const model = emptyModel();
  const names = Array.from({ length: 6 }, (_, i) => `x${i}`);
  for (const name of names) addVariable(model, name, { upper: 1 + pick(3), integer: true });
  for (let r = 0; r < 3; r++) {
    const terms = new Map(names.map((name) => [name, pick(5)] as const).filter(([, a]) => a > 0));
    if (terms.size > 0) addRow(model, `row${r}`, terms, "<=", 3 + pick(7));
  }
  const step = 1 + pick(2);
  const sense = random.chance(0.5) ? "min" : "max";
  const objective: Objective = { name: "level", sense, terms: new Map(names.map((name) => [name, step * (pick(9) - 4)])), range: 100 };
  model.objectives.push(objective);
  // Every point of the box that keeps the rows.
  const points: Map<string, number>[] = [];
  const walk = (i: number, point: Map<string, number>) => {
    if (i === names.length) {
      if (violatedRows(model, point).length === 0) points.push(new Map(point));
      return;
    }
    for (let v = 0; v <= model.variables.get(names[i]!)!.upper; v++) {
      point.set(names[i]!, v);
      walk(i + 1, point);
    }
  };
  walk(0, new Map());
  return { model, objective, points };
}

describe("branchAndBoundInThread", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("when random program %i is searched from a feasible point, then it finds the enumerated optimum and searches the whole tree", (seed) => {
    const { model, objective, points } = instance(seed);
    const better = objective.sense === "max" ? 1 : -1;
    const value = (point: Map<string, number>) => evaluate(objective.terms, point);
    const optimum = points.reduce((best, point) => (better * (value(point) - best) > 0 ? value(point) : best), value(points[0]!));
    // Start from a feasible point with a variable at its upper bound where there is one (the
    // LP start complements it), else from the first feasible point.
    const start = points.find((point) => [...point].some(([name, v]) => v === model.variables.get(name)!.upper && v > 0) && value(point) !== optimum) ?? points[0]!;
    const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: value(start), deadline: performance.now() + 30_000, start });
    expect(search.complete).toBe(true);
    if (value(start) === optimum) {
      expect(search.point).toBeNull();
    } else {
      expect(search.point).not.toBeNull();
      expect(violatedRows(model, search.point!)).toEqual([]);
      expect(value(search.point!)).toBe(optimum);
    }
  }, 60_000);

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("when random program %i is searched with cuts at the root, then it still finds the enumerated optimum", (seed) => {
    // Root cuts (solver/gomory.mjs) only end a search when they prune its root: a cut that cut
    // off the optimum would end it there without the better point.
    const { model, objective, points } = instance(seed);
    const better = objective.sense === "max" ? 1 : -1;
    const value = (point: Map<string, number>) => evaluate(objective.terms, point);
    const optimum = points.reduce((best, point) => (better * (value(point) - best) > 0 ? value(point) : best), value(points[0]!));
    for (const start of points.filter((point) => value(point) !== optimum).slice(0, 3)) {
      const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: value(start), deadline: performance.now() + 30_000, start, cuts: true });
      expect(search.complete).toBe(true);
      expect(value(search.point!)).toBe(optimum);
    }
    const best = points.find((point) => value(point) === optimum)!;
    const proof = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: optimum, deadline: performance.now() + 30_000, start: best, cuts: true });
    expect(proof).toMatchObject({ complete: true, point: null });
  }, 60_000);

  it("when the incumbent is already optimal, then the search is complete and returns no point", () => {
    const { model, objective, points } = instance(7);
    const better = objective.sense === "max" ? 1 : -1;
    const best = points.reduce((a, b) => (better * (evaluate(objective.terms, b) - evaluate(objective.terms, a)) > 0 ? b : a));
    const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: evaluate(objective.terms, best), deadline: performance.now() + 30_000, start: best });
    expect(search).toMatchObject({ complete: true, point: null });
  }, 60_000);
});
