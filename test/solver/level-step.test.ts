/**
 * The step of a level (levelStep): at integer points a level whose terms are integer variables
 * with integer coefficients takes only multiples of their greatest common divisor, so its
 * relaxation's value is rounded to the next such multiple (roundBound). A first plan's moves
 * level counts 2 per move: its values are even.
 */
import { describe, expect, it } from "vitest";
import { improvementRow, levelStep, roundBound, solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, type Objective } from "../../solver/linear-model.ts";
import { MOVE_COST } from "../../solver/daily-model.ts";

const objective = (terms: [string, number][], sense: "max" | "min" = "min"): Objective => ({ name: "level", sense, terms: new Map(terms), range: 100 });

describe("levelStep", () => {
  const model = emptyModel();
  addVariable(model, "x", { upper: 5, integer: true });
  addVariable(model, "y", { upper: 5, integer: true });
  addVariable(model, "s", { upper: Infinity, integer: false });

  it("when every term is an integer variable with an even coefficient, then the step is 2", () => {
    expect(levelStep(model, objective([["x", MOVE_COST.worker], ["y", -MOVE_COST.fixedCoachBlock]]))).toBe(2);
  });

  it("when the coefficients are 4 and 6, then the step is their gcd 2", () => {
    expect(levelStep(model, objective([["x", 4], ["y", 6]]))).toBe(2);
  });

  it("when a butterfly block costs 1 (re-plans), then the step is 1", () => {
    expect(levelStep(model, objective([["x", MOVE_COST.worker], ["y", MOVE_COST.butterflyBlock]]))).toBe(1);
  });

  it("when a term is continuous (a shortfall), then the step is 1", () => {
    expect(levelStep(model, objective([["x", 2], ["s", 2]]))).toBe(1);
  });
});

describe("roundBound", () => {
  it("when a minimised level of step 2 relaxes to 10.3, then it is bounded by 12", () => {
    expect(roundBound(10.3, "min", 2)).toBe(12);
  });

  it("when the relaxation is a multiple of the step up to rounding noise, then that multiple is the bound", () => {
    expect(roundBound(10.0000001, "min", 2)).toBe(10);
    expect(roundBound(9.9999999, "max", 2)).toBe(10);
  });

  it("when a maximised level of step 2 relaxes to 9.7, then it is bounded by 8", () => {
    expect(roundBound(9.7, "max", 2)).toBe(8);
  });
});

describe("a level proven by its step", () => {
  it("when min 2x + 2y with 2x + 2y ≥ 5 relaxes to 5, then the point at 6 is proven by the relaxation alone, without any search", () => {
    const model = emptyModel();
    addVariable(model, "x", { upper: 3, integer: true });
    addVariable(model, "y", { upper: 3, integer: true });
    addRow(model, "need", new Map([["x", 2], ["y", 2]]), ">=", 5);
    model.objectives.push(objective([["x", 2], ["y", 2]]));
    const result = solveLexicographic(model, { incumbent: new Map([["x", 3], ["y", 0]]), timeoutMs: 10_000 });
    expect(result.levels[0]).toMatchObject({ value: 6, optimal: true, nodes: 0 });
  });
});

describe("improvementRow: a point better by a whole step", () => {
  it("when a minimised level stands at 2 (step 1), then the row asks for at most 1 (and a thousandth), so a relaxation at 1.4 is cut off", () => {
    const row = improvementRow(objective([["x", 1]]), 2, 1);
    expect(row.sense).toBe("<=");
    expect(row.rhs).toBeGreaterThan(1);
    expect(row.rhs).toBeLessThan(1.4);
  });

  it("when a maximised level of step 2 stands at 10, then the row asks for at least 12 (less a thousandth)", () => {
    const row = improvementRow(objective([["x", 2]], "max"), 10, 2);
    expect(row.sense).toBe(">=");
    expect(row.rhs).toBeGreaterThan(11.5);
    expect(row.rhs).toBeLessThan(12);
  });
});
