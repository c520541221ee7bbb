/**
 * Strengthenings of the daily model: rows that no integer plan can tell apart from the rules,
 * but that keep the relaxation from covering enclaves with fractions of coaches.
 */
import { describe, expect, it } from "vitest";
import { buildDailyModel, coachesForMinimumTeam } from "../../solver/daily-model.ts";
import { solveDay } from "../../solver/index.ts";
import { lpName, writeCplexLp } from "../../solver/lp-format.ts";
import { addVariable, emptyModel, evaluate } from "../../solver/linear-model.ts";
import { solveLpWithHighs } from "../reference/highs-runner.ts";
import { coach, coveredEnclaves, day, enclave, worker, workers } from "./day-builders.ts";

/** The same LP text without its integer section: the relaxation. */
const relaxed = (lp: string) => lp.replace(/\ngenerals?\n[\s\S]*?(?=\nend)/i, "");

describe("coaches a covered block needs: the ratio norm of the lightest minimum team", () => {
  // lcm(13, 10, 7) = 910: a low-guidance worker weighs 70, a medium one 91, a high one 130.
  const model = emptyModel();
  addVariable(model, "low", { upper: 5, integer: true });
  addVariable(model, "high", { upper: 10, integer: true });
  const load = new Map([
    ["low", 70],
    ["high", 130],
  ]);

  it("when the minimum is 10 and only 5 low-guidance workers are there, then 5 low and 5 high need 2 coaches (5/13 + 5/7 > 1)", () => {
    expect(coachesForMinimumTeam(model, load, 10, 910)).toBe(2);
  });

  it("when the minimum is 5, then the 5 low-guidance workers need 1 coach", () => {
    expect(coachesForMinimumTeam(model, load, 5, 910)).toBe(1);
  });

  it("when the minimum is 0, then no coach is needed for it", () => {
    expect(coachesForMinimumTeam(model, load, 0, 910)).toBe(0);
  });
});

describe("the coverage row asks for those coaches", () => {
  // E1's minimum team is 9 high-guidance workers: 9/7 of a coach, so 2 coaches. Its fixed
  // coach C1 needs the butterfly V1 all day; then E2 (1 worker) has nobody.
  const d = day({
    enclaves: [enclave("E1", { min: 9, target: 9, max: 10 }), enclave("E2", { min: 1 })],
    workers: [...workers("H", 9, ["E1"], { guidance: "high" }), worker("W1", ["E2"])],
    coaches: [coach("C1", "fixed", ["E1"]), coach("V1", "butterfly", ["E1", "E2"])],
  });

  it("when E1's minimum team needs 2 coaches, then its coverage row counts 2 coaches per covered block", () => {
    const { model, index } = buildDailyModel(d);
    const z = index.coveredVar.get("E1")!;
    const coverage = model.rows.filter((row) => row.name.startsWith("covc") && row.terms.has(z));
    expect(coverage.map((row) => row.terms.get(z))).toEqual([-2, -2]);
  });

  it("when the coverage level is relaxed, then C1 alone covers only half of E1 (bound 1.5; 1.78 without the row)", async () => {
    // Without the row, C1 alone "supervises" 7/9 of E1's minimum team under the ratio norm.
    const { model, index } = buildDailyModel(d);
    const coverageOnly = { ...model, objectives: [model.objectives[0]!] };
    const lp = await solveLpWithHighs(relaxed(writeCplexLp(coverageOnly)));
    const point = new Map([...model.variables.keys()].map((name) => [name, lp.columns[lpName(name)] ?? 0]));
    expect(evaluate(model.objectives[0]!.terms, point)).toBeCloseTo(1.5, 6);
    expect(point.get(index.coveredVar.get("E1")!)).toBeCloseTo(0.5, 6);
  });

  it("when the day is solved, then one enclave is covered and the answer is proven", () => {
    const solution = solveDay(d, { timeoutMs: 10_000 });
    expect(solution.optimal).toBe(true);
    expect(coveredEnclaves(d, solution)).toHaveLength(1);
  });
});
