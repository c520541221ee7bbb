/**
 * The branching rule both branch-and-bound searches share (solver/branching.mjs): tiers first,
 * then pseudocosts within the highest tier that has a fractional variable.
 */
import { describe, expect, it } from "vitest";
import { pseudocosts, type Pseudocosts } from "../../solver/branching.mjs";

const INTEGRALITY = 1e-6;

/** Teaches `rule` that branching on `position` gained these per unit of distance, down and up. */
function learn(rule: Pseudocosts, position: number, down: number, up: number): void {
  rule.record(position, false, 1, down);
  rule.record(position, true, 1, up);
}

describe("branching rule", () => {
  it("with nothing learned yet, branches on the most fractional variable of the highest tier", () => {
    const tiers = [0, 1, 1, 1];
    const values = [0.5, 0.9, 2.4, 3];
    const choice = pseudocosts(4).choose((i) => tiers[i]!, (i) => values[i]!, INTEGRALITY);
    // Variable 0 is more fractional but of a lower tier; 3 is integral.
    expect(choice).toEqual({ position: 2, value: 2.4 });
  });

  it("says so when every variable is integral", () => {
    expect(pseudocosts(2).choose(() => 0, (i) => [1, 2 + 1e-8][i]!, INTEGRALITY)).toBeNull();
  });

  it("prefers the variable whose branches moved the bound, over a more fractional one", () => {
    const rule = pseudocosts(3);
    // Variable 1's branches have gained 4 per unit on each side (2 over half a unit); 0's and 2's nothing.
    rule.record(1, false, 0.5, 2);
    rule.record(1, true, 0.5, 2);
    learn(rule, 0, 0, 0);
    learn(rule, 2, 0, 0);
    const values = [0.5, 0.2, 0.45];
    expect(rule.choose(() => 0, (i) => values[i]!, INTEGRALITY)?.position).toBe(1);
    // Its tier still comes first: a fractional variable of a higher tier wins.
    expect(rule.choose((i) => (i === 0 ? 1 : 0), (i) => values[i]!, INTEGRALITY)?.position).toBe(0);
  });

  it("scores a variable not yet branched on by the mean of the others' gains", () => {
    const rule = pseudocosts(3);
    // Variable 0 gained 1 per unit on each side; variable 2 nothing; 1 has no history and is
    // scored with the means (0.5 per unit a side), which beats 2's zero gains.
    learn(rule, 0, 1, 1);
    learn(rule, 2, 0, 0);
    const values = [3, 0.5, 0.5];
    expect(rule.choose(() => 0, (i) => values[i]!, INTEGRALITY)?.position).toBe(1);
  });

  it("ignores a gain it cannot use (no distance moved, not a number)", () => {
    const rule = pseudocosts(2);
    rule.record(0, true, 0, 5);
    rule.record(0, false, 0.5, Number.NaN);
    // Nothing learned: the most fractional variable.
    expect(rule.choose(() => 0, (i) => [0.3, 0.5][i]!, INTEGRALITY)?.position).toBe(1);
  });
});
