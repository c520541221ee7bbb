/**
 * Strengthenings of the daily model: rows that no integer plan can tell apart from the rules,
 * but that keep the relaxation from covering enclaves with fractions of coaches.
 */
import { describe, expect, it } from "vitest";
import { buildDailyModel, coachesForMinimumTeam, lightestFirstLoads, shortfallEnvelope, type EnvelopeInput } from "../../solver/daily-model.ts";
import { separateCuts, solveLexicographic } from "../../solver/lexicographic-solve.ts";
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
    expect(coachesForMinimumTeam(lightestFirstLoads(model, load), 10, 910)).toBe(2);
  });

  it("when the minimum is 5, then the 5 low-guidance workers need 1 coach", () => {
    expect(coachesForMinimumTeam(lightestFirstLoads(model, load), 5, 910)).toBe(1);
  });

  it("when the minimum is 0, then no coach is needed for it", () => {
    expect(coachesForMinimumTeam(lightestFirstLoads(model, load), 0, 910)).toBe(0);
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

describe("the shortfall envelope: how far the coaches present can fill a team (rules 1 and 2)", () => {
  // lcm(13, 10, 7) = 910: a low-guidance worker weighs 70, a medium one 91, a high one 130.
  const team = (weights: number[], options: Partial<EnvelopeInput> = {}): EnvelopeInput => ({
    weights,
    coaches: options.coaches ?? 3,
    lcm: 910,
    max: options.max ?? 99,
    minCoaches: options.minCoaches ?? 1,
  });

  it("when 20 low-guidance workers could come and the minimum is 14, then no coach leaves 14 short, one 1 short, two none: s + 13·coaches ≥ 14 and s + coaches ≥ 2", () => {
    expect(shortfallEnvelope(team(Array(20).fill(70)), 14)).toEqual([
      { slope: 13, rhs: 14 },
      { slope: 1, rhs: 2 },
    ]);
  });

  it("when the minimum team fits one coach, then one row says a team without a coach is short by all of it", () => {
    expect(shortfallEnvelope(team(Array(5).fill(130)), 3)).toEqual([{ slope: 3, rhs: 3 }]);
  });

  it("when two coaches are the least wherever workers are, then one coach fills nothing: the first row spans two coaches", () => {
    expect(shortfallEnvelope(team(Array(20).fill(70), { minCoaches: 2 }), 14)).toEqual([{ slope: 7, rhs: 14 }]);
  });

  it("when the maximum headcount is below the minimum, then the shortfall never goes under the difference", () => {
    expect(shortfallEnvelope(team(Array(20).fill(70), { max: 10 }), 12)).toEqual([{ slope: 10, rhs: 12 }]);
  });

  it("when nobody could come, then there is no row: the shortfall row says it all", () => {
    expect(shortfallEnvelope(team([]), 5)).toEqual([]);
  });

  it("when 200 random teams are checked against every team the rules allow, then every row holds for each, and with no coach the rows ask the whole minimum", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 200; t++) {
      const counts = [random(6), random(5), random(5)];
      const kinds = [70, 91, 130];
      const weights = kinds.flatMap((w, k) => Array<number>(counts[k]!).fill(w));
      const input = team(weights, { coaches: random(4), max: 1 + random(14), minCoaches: 1 + random(2) });
      const bound = 1 + random(15);
      const pieces = shortfallEnvelope(input, bound);
      for (let c = 0; c <= input.coaches; c++) {
        for (let a = 0; a <= counts[0]!; a++) {
          for (let b = 0; b <= counts[1]!; b++) {
            for (let h = 0; h <= counts[2]!; h++) {
              const present = a + b + h;
              const allowed = a * 70 + b * 91 + h * 130 <= c * 910 && present <= input.max && (present === 0 || c >= input.minCoaches);
              if (!allowed) continue;
              const s = Math.max(0, bound - present);
              for (const { slope, rhs } of pieces) expect(s + slope * c).toBeGreaterThanOrEqual(rhs - 1e-9);
            }
          }
        }
      }
      if (weights.length > 0 && pieces.length > 0) expect(pieces[0]!.rhs).toBe(bound);
    }
  });

  it("when a day model is built, then the envelope rows are cuts beside the rules: not among its rows and not in the LP export", () => {
    const d = day({
      enclaves: [enclave("E1", { min: 3, target: 4, max: 5 })],
      workers: workers("W", 5, ["E1"]),
      coaches: [coach("C1", "fixed", ["E1"])],
    });
    const { model } = buildDailyModel(d);
    expect((model.cuts ?? []).map((cut) => cut.name).sort()).toEqual(["env0_smin0_am", "env0_smin0_pm", "env0_stgt0_am", "env0_stgt0_pm"]);
    expect(model.rows.some((row) => row.name.startsWith("env"))).toBe(false);
    expect(writeCplexLp(model)).not.toContain("env0");
  });
});

describe("cuts tighten a shortfall level's relaxation", () => {
  // One butterfly for two enclaves of three workers each: one enclave is covered, the other
  // has nobody, 3 short in each block. The relaxation shares V1 half and half and fills both.
  const d = day({
    enclaves: [enclave("E1", { min: 3, target: 3, max: 5 }), enclave("E2", { min: 3, target: 3, max: 5 })],
    workers: [...workers("A", 3, ["E1"]), ...workers("B", 3, ["E2"])],
    coaches: [coach("V1", "butterfly", ["E1", "E2"])],
  });

  it("when the minimum-shortfall level is solved, then the relaxation with its cuts proves 6 without branching", () => {
    const { model } = buildDailyModel(d);
    const result = solveLexicographic(model, { timeoutMs: 10_000 });
    expect(result.levels.slice(0, 2)).toMatchObject([
      { value: 1, optimal: true },
      { value: 6, optimal: true, nodes: 0 },
    ]);
  });

  it("when the same model has no cuts, then its relaxation says 0 and the level needs a search", () => {
    const { model } = buildDailyModel(d);
    delete model.cuts;
    const result = solveLexicographic(model, { timeoutMs: 10_000 });
    expect(result.levels[1]).toMatchObject({ value: 6, optimal: true });
    expect(result.levels[1]!.nodes).toBeGreaterThan(0);
  });

  it("when cuts are separated, then only broken ones on shortfalls the level minimises or holds come back, once", () => {
    const { model } = buildDailyModel(d);
    const level = model.objectives[1]!;
    const fractional = new Map([...model.variables.keys()].map((name) => [name, 0]));
    for (const name of model.variables.keys()) if (name.startsWith("c")) fractional.set(name, 0.5);
    const broken = separateCuts(model, fractional, [], level.terms);
    expect(broken.map((cut) => cut.name).sort()).toEqual(["env0_smin0_am", "env0_smin0_pm", "env0_smin1_am", "env0_smin1_pm"]);
    expect(separateCuts(model, fractional, broken, level.terms)).toEqual([]);
    // The moves level has coach placements among its terms but no shortfall: nothing to
    // separate, unless a row holds the minimum shortfall (then those cuts tighten it too).
    const moves = model.objectives[3]!.terms;
    expect(separateCuts(model, fractional, [], moves)).toEqual([]);
    const hold = { name: "hold", terms: level.terms, sense: "<=" as const, rhs: 6 };
    expect(separateCuts(model, fractional, [hold], moves).map((cut) => cut.name)).toHaveLength(4);
  });
});
