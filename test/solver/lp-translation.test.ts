/**
 * The model as the solver thread's LP (toSolverLp), started at a point: variables at
 * their upper bound there are complemented so that the library's simplex starts from that
 * point instead of from all zeros. Only the coordinates change; the relaxation must not.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { boundFixings, readValues, toSolverLp } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, evaluate, violatedRows, type Row } from "../../solver/linear-model.ts";
import { solveWithDeadline, type SolverLp } from "../../solver/lp-backend.ts";

/**
 * An LP's rows by name, as javascript-lp-solver's JSON model named them: `r<k>` for the model's
 * row k (or extra row k − rows), `ub_<name>` for a column's bound row; each with its bound
 * (`max` for ≤, `min` for ≥) and its terms in column order ("2x −1y").
 */
function rowsOf(lp: SolverLp | null): Record<string, { min?: number; max?: number; terms: string }> {
  const rows: Record<string, { min?: number; max?: number; terms: string }> = {};
  lp!.origin.forEach((origin, r) => {
    const name = origin >= 0 ? `r${origin}` : `ub_${lp!.names[-1 - origin]}`;
    const terms: [number, string][] = [];
    for (let k = lp!.rowStart[r]!; k < lp!.rowStart[r + 1]!; k++) terms.push([lp!.column[k]!, `${lp!.coefficient[k]}${lp!.names[lp!.column[k]!]}`]);
    terms.sort(([a], [b]) => a - b);
    rows[name] = { ...(lp!.upper[r] === 1 ? { max: lp!.rhs[r]! } : { min: lp!.rhs[r]! }), terms: terms.map(([, term]) => term).join(" ") };
  });
  return rows;
}

import { generateScenario } from "../generators/scenario-generator.ts";

describe("a relaxation started at the greedy start", () => {
  // Generated 10-enclave company 3: coverage and minimum shortfall at their trivial bounds
  // (fixed), the target shortfall's relaxation next, as the planner solves it.
  const scenario = scenarioSchema.parse(generateScenario({ seed: 3, enclaves: 10, date: "2026-11-23" }));
  const daily = buildDailyModel(buildDayContext(scenario, "2026-11-23").day);
  const { model } = daily;
  const start = bestGreedyStart(daily);
  const fixed = new Map([...boundFixings(model, model.objectives[0]!), ...boundFixings(model, model.objectives[1]!)]);
  const moves = model.objectives[3]!;

  const relaxation = (from?: Map<string, number>) => {
    const lp = toSolverLp(model, moves.terms, moves.sense, [], fixed, 0, from)!;
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    if (answer.status !== "solved" || !answer.result.feasible) throw new Error("relaxation not solved");
    return { lp, values: readValues(lp, answer.result.values) };
  };

  it("when variables sit at their upper bound in the start, then they are carried complemented, each with its bound row", () => {
    const atUpper = [...model.variables.values()].filter((v) => !fixed.has(v.name) && v.upper > 0 && start.get(v.name) === v.upper);
    expect(atUpper.length).toBeGreaterThan(50);
    const { lp } = relaxation(start);
    const rows = rowsOf(lp);
    for (const variable of atUpper) expect(rows[`ub_${variable.name}`]).toEqual({ max: variable.upper, terms: `1${variable.name}` });
  });

  it("when the moves level is relaxed from the start and from zero, then both answers keep every row and reach the same optimum", () => {
    const fromZero = relaxation();
    const fromStart = relaxation(start);
    const broken = (values: Map<string, number>) => violatedRows(model, values).filter((name) => !name.startsWith("integrality"));
    expect(broken(fromZero.values)).toEqual([]);
    expect(broken(fromStart.values)).toEqual([]);
    expect(evaluate(moves.terms, fromStart.values)).toBeCloseTo(evaluate(moves.terms, fromZero.values), 6);
  });
});

describe("rows the library need not carry", () => {
  // x, y ≤ 4 (bound rows); z ≤ 3, implied by the row z ≤ 3 itself; w ≤ 5, implied by w + x ≤ 5.
  const model = emptyModel();
  addVariable(model, "x", { upper: 4, integer: true });
  addVariable(model, "y", { upper: 4, integer: true });
  addVariable(model, "z", { upper: 3, integer: true, upperImplied: true });
  addVariable(model, "w", { upper: 5, integer: true, upperImplied: true });
  addRow(model, "x + y ≤ 9", new Map([["x", 1], ["y", 1]]), "<=", 9);
  addRow(model, "x − y ≥ −6", new Map([["x", 1], ["y", -1]]), ">=", -6);
  addRow(model, "y ≤ 2.5", new Map([["y", 2]]), "<=", 5);
  addRow(model, "z ≤ 3", new Map([["z", 1]]), "<=", 3);
  addRow(model, "w + x ≤ 5", new Map([["w", 1], ["x", 1]]), "<=", 5);
  addRow(model, "x + y + z ≥ 2", new Map([["x", 1], ["y", 1], ["z", 1]]), ">=", 2);
  model.objectives.push({ name: "most", sense: "max", terms: new Map([["x", 1], ["y", 1], ["z", 1], ["w", 1]]), range: 16 });
  const objective = model.objectives[0]!;

  it("when a row holds wherever the bound rows hold, or bounds one variable that has a bound row, then it is left out or merged into that bound", () => {
    expect(rowsOf(toSolverLp(model, objective.terms, "max", []))).toEqual({
      // x + y ≤ 9 and x − y ≥ −6 hold for any x, y in [0, 4]: gone. 2y ≤ 5 tightens y ≤ 4 to 2.5.
      r3: { max: 3, terms: "1z" },
      r4: { max: 5, terms: "1x 1w" },
      r5: { min: 2, terms: "1x 1y 1z" },
      ub_x: { max: 4, terms: "1x" },
      ub_y: { max: 2.5, terms: "1y" },
    });
  });

  it("when a variable's upper bound is implied by a row, then that row stays, also when it is the variable's only row", () => {
    // With x fixed at 0, w + x ≤ 5 becomes w ≤ 5: it is what bounds w, so it stays.
    const rows = rowsOf(toSolverLp(model, objective.terms, "max", [], new Map([["x", 0]])));
    expect(rows["r3"]).toEqual({ max: 3, terms: "1z" });
    expect(rows["r4"]).toEqual({ max: 5, terms: "1w" });
    const lp = toSolverLp(model, objective.terms, "max", [], new Map([["x", 0]]))!;
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    // y = 2.5, z = 3, w = 5: without the row, w would be unbounded.
    expect(answer.status === "solved" && answer.result.evaluation).toBe(10.5);
  });

  it("when rows are left out, then the relaxation's optimum is the same as with every row", () => {
    const lp = toSolverLp(model, objective.terms, "max", [])!;
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    // x = 4, y = 2.5, z = 3, w = 1: w + x ≤ 5 and the bounds bind.
    expect(answer.status === "solved" && answer.result.evaluation).toBe(10.5);
  });
});

describe("a shortfall the start has", () => {
  // Two workers x, y (each ≤ 1) and a minimum of 3: the shortfall s covers the rest.
  const model = emptyModel();
  addVariable(model, "x", { upper: 1, integer: true });
  addVariable(model, "y", { upper: 1, integer: true });
  addVariable(model, "s", { upper: Infinity, integer: false });
  addRow(model, "x + y + s ≥ 3", new Map([["x", 1], ["y", 1], ["s", 1]]), ">=", 3);
  model.objectives.push({ name: "shortfall", sense: "min", terms: new Map([["s", 1]]), range: 3 });
  model.objectives.push({ name: "y", sense: "max", terms: new Map([["y", 1]]), range: 1 });
  const start = new Map([["x", 1], ["y", 0], ["s", 2]]);
  const shortfall = model.objectives[0]!;

  it("when a relaxation has no extra rows, then the shortfall starts at its cap (complemented), where its row holds", () => {
    const lp = toSolverLp(model, shortfall.terms, "min", [], new Map(), 0, start)!;
    // x = 1 − x′ (at its upper bound) and s = 3 − s′: the row x + y + s ≥ 3 becomes
    // −x′ + y − s′ ≥ −1, which the start (x′ = y = s′ = 0) keeps.
    expect(rowsOf(lp)["ub_s"]).toEqual({ max: 3, terms: "1s" });
    expect(rowsOf(lp)["r0"]).toEqual({ min: -1, terms: "-1x 1y -1s" });
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    if (answer.status !== "solved") throw new Error("not solved");
    expect(readValues(lp, answer.result.values).get("s")).toBeCloseTo(1, 9);
  });

  it("when a relaxation has extra rows and minimises the shortfall, then the shortfall starts at its cap, and the answer is the same", () => {
    const hold: Row = { name: "hold y", terms: model.objectives[1]!.terms, sense: ">=", rhs: 1 };
    const lp = toSolverLp(model, shortfall.terms, "min", [hold], new Map(), 0, start)!;
    // x and s complemented as above; the hold y ≥ 1 stays as it is.
    expect(rowsOf(lp)["ub_s"]).toEqual({ max: 3, terms: "1s" });
    expect(rowsOf(lp)["r0"]).toEqual({ min: -1, terms: "-1x 1y -1s" });
    expect(rowsOf(lp)["r1"]).toEqual({ min: 1, terms: "1y" });
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    if (answer.status !== "solved") throw new Error("not solved");
    // x = y = 1: the shortfall 1.
    expect(readValues(lp, answer.result.values).get("s")).toBeCloseTo(1, 9);
  });

  it("when a relaxation has extra rows and another objective, then the shortfall starts at 0 as before", () => {
    const hold: Row = { name: "hold", terms: shortfall.terms, sense: "<=", rhs: 1 };
    const lp = toSolverLp(model, model.objectives[1]!.terms, "max", [hold], new Map(), 0, start)!;
    // Only x is complemented: −x′ + y + s ≥ 2, which the start leaves violated.
    expect(rowsOf(lp)["ub_s"]).toBeUndefined();
    expect(rowsOf(lp)["r0"]).toEqual({ min: 2, terms: "-1x 1y 1s" });
    lp.integer = null;
    const answer = solveWithDeadline(lp, 10_000);
    if (answer.status !== "solved") throw new Error("not solved");
    // Under s ≤ 1 the row needs x = y = 1: the level y reaches 1.
    expect(readValues(lp, answer.result.values).get("y")).toBeCloseTo(1, 9);
  });
});
