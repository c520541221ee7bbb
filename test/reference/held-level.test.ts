/**
 * bench/held-level.ts: one level of a site as a model of its own, the levels above held at a
 * point's values — what `npm run bench:site-levels` times HiGHS on. Held at our proven optimum,
 * HiGHS must find our value on every level; held one better than our proven first level, there
 * is no point at all.
 */
import { describe, expect, it } from "vitest";
import { heldLevelModel } from "../../bench/held-level.ts";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { splitComponents } from "../../solver/components.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { startSolverThread } from "../../solver/index.ts";
import { solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { evaluate, restrictPoint } from "../../solver/linear-model.ts";
import { writeCplexLp } from "../../solver/lp-format.ts";
import { generateScenario } from "../generators/scenario-generator.ts";
import { solveLpWithHighs } from "./highs-runner.ts";

const DATE = "2026-11-23";

function solvedCompany() {
  startSolverThread();
  const scenario = scenarioSchema.parse(generateScenario({ seed: 6, enclaves: 10, date: DATE }));
  const built = buildDailyModel(buildDayContext(scenario, DATE).day);
  const part = splitComponents(built.model).sort((a, b) => b.variables.size - a.variables.size)[0]!;
  const ours = solveLexicographic(part, { timeoutMs: 10_000, incumbent: restrictPoint(bestGreedyStart(built), part) });
  return { part, ours };
}

describe("a level held below the levels above it (bench:site-levels)", () => {
  it("when HiGHS solves each level with the levels above held at our proven optimum, then it finds our value", async () => {
    const { part, ours } = solvedCompany();
    expect(ours.status).toBe("optimal");
    for (let k = 0; k < part.objectives.length; k++) {
      const held = heldLevelModel(part, k, ours.values);
      expect(held.objectives).toEqual([part.objectives[k]]);
      expect(held.rows.length).toBe(part.rows.length + k);
      const highs = await solveLpWithHighs(writeCplexLp(held), { timeLimitSeconds: 60 });
      expect(highs.status).toBe("Optimal");
      const value = part.objectives[k]!.sense === "max" ? -highs.objective! : highs.objective!;
      expect(value).toBeCloseTo(evaluate(part.objectives[k]!.terms, ours.values), 6);
    }
  }, 120_000);

  it("when the first level is held one better than its proven optimum, then the held model has no point", async () => {
    const { part, ours } = solvedCompany();
    const held = heldLevelModel(part, 1, ours.values);
    const hold = held.rows.at(-1)!;
    expect(hold.sense).toBe(">=");
    const raised = { ...held, rows: [...held.rows.slice(0, -1), { ...hold, rhs: hold.rhs + 1 }] };
    expect((await solveLpWithHighs(writeCplexLp(raised), { timeLimitSeconds: 60 })).status).toBe("Infeasible");
  }, 120_000);
});
