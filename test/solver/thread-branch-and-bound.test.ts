/**
 * branchAndBoundInThread: our branch and bound run in the solver thread on the library's
 * tableau (each node going on from its parent's, columns fixed by their reduced costs). On
 * random small integer programs it must find the optimum that enumerating every point finds,
 * say that it searched the whole tree, and return no point when the incumbent is already
 * optimal.
 */
import { describe, expect, it } from "vitest";
import { branchAndBoundInThread } from "../../solver/lexicographic-solve.ts";
import { evaluate, violatedRows } from "../../solver/linear-model.ts";
import { randomProgram as instance } from "./random-programs.ts";

/** Random program `seed` (random-programs.ts) with its objective's value and its enumerated optimum. */
function enumerated(seed: number) {
  const { model, objective, points } = instance(seed);
  const better = objective.sense === "max" ? 1 : -1;
  const value = (point: Map<string, number>) => evaluate(objective.terms, point);
  const optimum = points.reduce((best, point) => (better * (value(point) - best) > 0 ? value(point) : best), value(points[0]!));
  return { model, objective, points, value, optimum };
}

describe("branchAndBoundInThread", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("when random program %i is searched from a feasible point, then it finds the enumerated optimum and searches the whole tree", (seed) => {
    const { model, objective, points, value, optimum } = enumerated(seed);
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
    const { model, objective, points, value, optimum } = enumerated(seed);
    for (const start of points.filter((point) => value(point) !== optimum).slice(0, 3)) {
      const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: value(start), deadline: performance.now() + 30_000, start, cuts: true });
      expect(search.complete).toBe(true);
      expect(value(search.point!)).toBe(optimum);
    }
    const best = points.find((point) => value(point) === optimum)!;
    const proof = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: optimum, deadline: performance.now() + 30_000, start: best, cuts: true });
    expect(proof).toMatchObject({ complete: true, point: null });
  }, 60_000);

  it("when random programs are searched, then columns are fixed by their reduced costs on many of them, and each search still finds the enumerated optimum", () => {
    // The optimum checks above cover reduced-cost fixing only if it fixes something there.
    let fixedIn = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { model, objective, points, value, optimum } = enumerated(seed);
      for (const start of points.filter((point) => value(point) !== optimum).slice(0, 3)) {
        const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: value(start), deadline: performance.now() + 30_000, start });
        expect(search.complete).toBe(true);
        expect(value(search.point!)).toBe(optimum);
        if (search.fixed > 0) fixedIn++;
      }
    }
    expect(fixedIn).toBeGreaterThan(10);
  }, 60_000);

  it("when a round of root cuts runs past its pivot limit, then cutting stops there and the search still finds the enumerated optimum", () => {
    // cutRoundPivots 0: any round whose simplex must pivot stalls (the default allows at least
    // 50 pivots a round, which these small programs never need).
    let stalledSomewhere = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { model, objective, points, value, optimum } = enumerated(seed);
      const start = points.find((point) => value(point) !== optimum);
      if (start === undefined) continue;
      const search = { model, objective, held: [], fixed: new Map<string, number>(), incumbentValue: value(start), start, cuts: true };
      const limited = branchAndBoundInThread({ ...search, deadline: performance.now() + 30_000, cutRoundPivots: 0 });
      expect(limited.complete).toBe(true);
      expect(value(limited.point!)).toBe(optimum);
      if (limited.cuts?.stalled === true) {
        stalledSomewhere++;
        expect(limited.cuts.proven).toBe(false);
        // The same search with the default limit: its rounds end without a stall.
        const unlimited = branchAndBoundInThread({ ...search, deadline: performance.now() + 30_000 });
        expect(unlimited.cuts?.stalled).toBe(false);
        expect(value(unlimited.point!)).toBe(optimum);
      }
    }
    expect(stalledSomewhere).toBeGreaterThan(0);
  }, 60_000);

  it("when the incumbent is already optimal, then the search is complete and returns no point", () => {
    const { model, objective, points } = instance(7);
    const better = objective.sense === "max" ? 1 : -1;
    const best = points.reduce((a, b) => (better * (evaluate(objective.terms, b) - evaluate(objective.terms, a)) > 0 ? b : a));
    const search = branchAndBoundInThread({ model, objective, held: [], fixed: new Map(), incumbentValue: evaluate(objective.terms, best), deadline: performance.now() + 30_000, start: best });
    expect(search).toMatchObject({ complete: true, point: null });
  }, 60_000);
});
