/**
 * foldLevels: W · above + lower must rank points by `above` first and `lower` second, for
 * every combination of senses, whatever `lower` does within its range.
 */
import { describe, expect, it } from "vitest";
import { foldLevels } from "../../solver/lexicographic-solve.ts";
import { evaluate, type Objective } from "../../solver/linear-model.ts";

const level = (sense: "max" | "min", terms: [string, number][], range: number): Objective => ({ name: sense, sense, terms: new Map(terms), range });

describe("foldLevels", () => {
  it.each([
    ["min", "min"],
    ["max", "min"],
    ["min", "max"],
    ["max", "max"],
  ] as const)("when the level above is %s and the lower %s, then one unit above outweighs the whole lower range", (aboveSense, lowerSense) => {
    const above = level(aboveSense, [["a", 1]], 10);
    // lower takes values in [-5, 5] over b ∈ [0, 10] (b - 5 via a constant-free form: c - b with c, b ∈ [0, 5]).
    const lower = level(lowerSense, [["b", 1], ["c", -1]], 5);
    const folded = foldLevels(above, lower);
    expect(folded.sense).toBe(lowerSense);
    const score = (a: number, b: number, c: number) => evaluate(folded.terms, new Map([["a", a], ["b", b], ["c", c]]));
    const betterFolded = (x: number, y: number) => (lowerSense === "min" ? x < y : x > y);
    // One unit better above, the worst possible below, against the best possible below.
    const aboveBetter = aboveSense === "min" ? 3 : 4;
    const aboveWorse = aboveSense === "min" ? 4 : 3;
    const worstLower = lowerSense === "min" ? [5, 0] : [0, 5];
    const bestLower = lowerSense === "min" ? [0, 5] : [5, 0];
    expect(betterFolded(score(aboveBetter, worstLower[0]!, worstLower[1]!), score(aboveWorse, bestLower[0]!, bestLower[1]!))).toBe(true);
    // Equal above: lower decides.
    expect(betterFolded(score(3, bestLower[0]!, bestLower[1]!), score(3, worstLower[0]!, worstLower[1]!))).toBe(true);
  });
});
