/**
 * The model as javascript-lp-solver's JSON (toJsLpModel), started at a point: variables at
 * their upper bound there are complemented so that the library's simplex starts from that
 * point instead of from all zeros. Only the coordinates change; the relaxation must not.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { boundFixings, readValues, toJsLpModel } from "../../solver/lexicographic-solve.ts";
import { evaluate, violatedRows } from "../../solver/linear-model.ts";
import { solveWithDeadline } from "../../solver/lp-backend.ts";
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
    const jsModel = toJsLpModel(model, moves.terms, moves.sense, [], fixed, 0, from)!;
    delete jsModel.ints;
    const answer = solveWithDeadline(jsModel, 10_000);
    if (answer.status !== "solved" || answer.result["feasible"] !== true) throw new Error("relaxation not solved");
    return { jsModel, values: readValues(model, answer.result, jsModel, fixed) };
  };

  it("when variables sit at their upper bound in the start, then they are carried complemented, each with its bound row", () => {
    const atUpper = [...model.variables.values()].filter((v) => !fixed.has(v.name) && v.upper > 0 && start.get(v.name) === v.upper);
    expect(atUpper.length).toBeGreaterThan(50);
    const { jsModel } = relaxation(start);
    for (const variable of atUpper) expect(jsModel.constraints[`ub_${variable.name}`]).toEqual({ max: variable.upper });
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
