/**
 * The solver thread behind a hard deadline (solver/lp-backend.ts): a call that overruns is cut
 * off and reported as a timeout, and the calls after it are answered correctly — by the warm
 * spare thread that takes over, and again after a second cut-off.
 */
import { describe, expect, it } from "vitest";
import type { Model } from "javascript-lp-solver";
import { solveWithDeadline } from "../../solver/lp-backend.ts";

/** max x + y with x + 2y ≤ 4, 3x + y ≤ 6: optimum 2.8 at (1.6, 1.2). */
function small(): Model {
  return {
    optimize: "value",
    opType: "max",
    constraints: { a: { max: 4 }, b: { max: 6 } },
    variables: { x: { value: 1, a: 1, b: 3 }, y: { value: 1, a: 2, b: 1 } },
  };
}

/**
 * A dense relaxation whose first LP alone takes tens of milliseconds: the library's own timeout
 * is checked only between branch-and-bound nodes, so a 1 ms budget is surely overrun.
 */
function slow(): Model {
  const variables: Model["variables"] = {};
  const constraints: Model["constraints"] = {};
  for (let r = 0; r < 300; r++) constraints[`r${r}`] = r % 2 === 0 ? { max: 50 + r } : { min: 1 + (r % 7) };
  for (let i = 0; i < 400; i++) {
    const column: Record<string, number> = { value: 1 + ((i * 13) % 11) };
    for (let r = 0; r < 300; r++) if ((i * 7 + r * 3) % 4 === 0) column[`r${r}`] = 1 + ((i * r) % 5);
    variables[`v${i}`] = column;
  }
  return { optimize: "value", opType: "max", constraints, variables };
}

describe("solveWithDeadline", () => {
  it("when a call overruns its deadline, then it is a timeout and the next calls are still answered correctly", () => {
    expect(solveWithDeadline(slow(), 1).status).toBe("timeout");
    for (let round = 0; round < 2; round++) {
      const answer = solveWithDeadline(small(), 10_000);
      expect(answer.status).toBe("solved");
      if (answer.status === "solved") expect(answer.result["result"]).toBeCloseTo(2.8, 6);
    }
    // A second cut-off: the spare that took over is replaced in turn.
    expect(solveWithDeadline(slow(), 1).status).toBe("timeout");
    const again = solveWithDeadline(small(), 10_000);
    expect(again.status).toBe("solved");
    if (again.status === "solved") expect(again.result["result"]).toBeCloseTo(2.8, 6);
  }, 60_000);
});
