/**
 * Shortfall variables (continuous, one ≥ row, only minimised) are kept at their least value:
 * the hold rows' small slack can leave a relaxation's vertex a little above it, and a level
 * that reads 1.001 where its bound is 1 looks unproven (generated 40: a site re-solved in the
 * search over shared rows spent 800 ms proving such a level).
 */
import { describe, expect, it } from "vitest";
import { polishSlacks, shortfallSlacks, solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, type LinearModel } from "../../solver/linear-model.ts";

/** min s with s + w ≥ 3, w ≤ 2 integer: the shortfall is 1 at best. */
function shortfallModel(): LinearModel {
  const model = emptyModel();
  addVariable(model, "w", { upper: 2, integer: true });
  addVariable(model, "s", { upper: Infinity, integer: false });
  addRow(model, "need", new Map([["w", 1], ["s", 1]]), ">=", 3);
  model.objectives.push({ name: "shortfall", sense: "min", terms: new Map([["s", 1]]), range: 3 });
  return model;
}

describe("shortfall slacks", () => {
  it("when s only measures a shortfall, then it is polished to the least value its row allows", () => {
    const model = shortfallModel();
    expect(shortfallSlacks(model).map((slack) => slack.name)).toEqual(["s"]);
    const values = new Map([["w", 2], ["s", 1.001]]);
    polishSlacks(model, values);
    expect(values.get("s")).toBe(1);
  });

  it("when a continuous variable is also maximised somewhere, then it is left alone", () => {
    const model = shortfallModel();
    model.objectives.push({ name: "use", sense: "max", terms: new Map([["s", 1]]), range: 3 });
    expect(shortfallSlacks(model)).toEqual([]);
  });

  it("when the incumbent leaves the shortfall at 1.001, then the level is proven at its bound 1 without any search, and the caller's point is not changed", () => {
    const incumbent = new Map([["w", 2], ["s", 1.001]]);
    const result = solveLexicographic(shortfallModel(), { incumbent, timeoutMs: 10_000 });
    expect(result.levels[0]).toMatchObject({ value: 1, optimal: true, nodes: 0 });
    expect(result.values.get("s")).toBe(1);
    expect(incumbent.get("s")).toBe(1.001);
  });
});
