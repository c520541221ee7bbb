/**
 * Reduced-cost fixing (lexicographic-solve.ts reducedCostFixings): once a level is proven, an
 * integer column whose reduced cost alone lifts the level's relaxation past the optimum is at
 * its bound in every optimal point, and is fixed for the levels below. If it were fixed wrongly,
 * the levels below would lose their best points. On random small integer programs, with every
 * point enumerated: every fixing holds at every optimal point, from any optimal incumbent and
 * any start of the LP (complemented columns included).
 */
import { describe, expect, it } from "vitest";
import { reducedCostFixings, solveRelaxation } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, evaluate, type Objective } from "../../solver/linear-model.ts";
import { createRandom } from "../generators/seeded-random.ts";
import { randomProgram } from "./random-programs.ts";

describe("reduced-cost fixing", () => {
  it("when random programs are proven, then every fixing holds at every optimal point, and there are fixings", () => {
    let fixings = 0;
    let ties = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const { model, points } = randomProgram(seed);
      // An objective with many ties (coefficients 0, 1 or 2), so that many points are optimal:
      // a fixing must hold at all of them, not only at the incumbent.
      const random = createRandom(1000 + seed);
      const objective: Objective = { name: "level", sense: random.chance(0.5) ? "min" : "max", terms: new Map([...model.variables.keys()].map((name) => [name, random.int(0, 2)])), range: 100 };
      const better = objective.sense === "max" ? 1 : -1;
      const value = (point: Map<string, number>) => evaluate(objective.terms, point);
      const optimum = points.reduce((best, point) => (better * (value(point) - best) > 0 ? value(point) : best), value(points[0]!));
      const optimal = points.filter((point) => value(point) === optimum);
      if (optimal.length > 1) ties++;
      // The LP started at an optimal point and at another point (other columns complemented).
      for (const start of [optimal[0]!, points[seed % points.length]!]) {
        const relaxation = solveRelaxation(model, objective, [], new Map(), 10_000, 0, start);
        expect(relaxation, `program ${seed}`).not.toBeNull();
        const fixed = reducedCostFixings(model, relaxation!, optimal[optimal.length - 1]!);
        fixings += fixed.size;
        for (const point of optimal) {
          for (const [name, v] of fixed) expect(point.get(name), `program ${seed}: ${name} fixed at ${v}`).toBe(v);
        }
      }
    }
    expect(fixings).toBeGreaterThan(40);
    expect(ties).toBeGreaterThan(40);
  });

  it("when a column's reduced cost is larger than the gap, then it is fixed at its bound, and not when it is smaller", () => {
    // max 3x + 2y + z with x + y + z ≤ 2, all binary: the LP and the optimum are 5 (x = y = 1);
    // raising z costs 1 (it would push y out), so z is fixed at 0; x and y are basic or at their bound.
    const model = emptyModel();
    for (const name of ["x", "y", "z"]) addVariable(model, name, { upper: 1, integer: true });
    addRow(model, "cap", new Map([["x", 1], ["y", 1], ["z", 1]]), "<=", 2);
    const objective: Objective = { name: "value", sense: "max", terms: new Map([["x", 3], ["y", 2], ["z", 1]]), range: 6 };
    model.objectives.push(objective);
    const best = new Map([["x", 1], ["y", 1], ["z", 0]]);
    const relaxation = solveRelaxation(model, objective, [], new Map(), 10_000, 0, new Map([["x", 0], ["y", 0], ["z", 0]]))!;
    expect(reducedCostFixings(model, relaxation, best).get("z")).toBe(0);
    // With the value 3 "proven" (a gap of 2 to the relaxation), z's reduced cost 1 no longer exceeds it.
    const worse = new Map([["x", 1], ["y", 0], ["z", 0]]);
    expect(reducedCostFixings(model, relaxation, worse).has("z")).toBe(false);
  });
});
