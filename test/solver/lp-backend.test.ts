/**
 * The solver thread behind a hard deadline (solver/lp-backend.ts): a call that runs out of time
 * in the simplex is stopped by the thread itself, which stays alive; a call stuck elsewhere is
 * cut off (the thread terminated). Both are reported as a timeout, and the calls after them
 * are answered correctly — by the same thread, or by the warm spare that takes over.
 */
import { describe, expect, it } from "vitest";
import type { Model } from "javascript-lp-solver";
import { solveWithDeadline, timeoutEndings } from "../../solver/lp-backend.ts";

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
 * The Klee–Minty cube: the simplex with the largest-coefficient rule visits all 2^n vertices
 * (2^n − 1 pivots) on a model of n rows and n columns, so a call runs long in the simplex
 * itself, after a set-up of well under a millisecond. The optimum is 5^n.
 */
function kleeMinty(n: number): Model {
  const constraints: Model["constraints"] = {};
  const variables: Model["variables"] = {};
  for (let i = 1; i <= n; i++) constraints[`r${i}`] = { max: 5 ** i };
  for (let j = 1; j <= n; j++) {
    const column: Record<string, number> = { value: 2 ** (n - j) };
    for (let i = j; i <= n; i++) column[`r${i}`] = i === j ? 1 : 2 ** (i - j + 1);
    variables[`x${j}`] = column;
  }
  return { optimize: "value", opType: "max", constraints, variables };
}

/**
 * One row over very many columns: the thread spends longer setting up the library's model and
 * tableau (no pivot yet) than the grace after a 1 ms deadline, so only the cut-off can end the
 * call. (400,000 columns: over 100 ms of set-up here; 40,000 were enough while models went as
 * JSON text, which the thread parsed first.)
 */
function wide(): Model {
  const variables: Model["variables"] = {};
  for (let i = 0; i < 400_000; i++) variables[`v${i}`] = { value: 1 + (i % 7), a: 1 + (i % 3) };
  return { optimize: "value", opType: "max", constraints: { a: { max: 10 } }, variables };
}

function expectSmallSolved(): void {
  const answer = solveWithDeadline(small(), 10_000);
  expect(answer.status).toBe("solved");
  if (answer.status === "solved") expect(answer.result.evaluation).toBeCloseTo(2.8, 6);
}

describe("solveWithDeadline", () => {
  it("when an LP runs past its deadline, then the thread stops it at a pivot and stays alive for the next calls", () => {
    expectSmallSolved();
    const before = timeoutEndings();
    // 262,143 pivots: seconds of simplex.
    expect(solveWithDeadline(kleeMinty(18), 100).status).toBe("timeout");
    // Stopped by the thread: nothing was terminated.
    expect(timeoutEndings()).toEqual({ stopped: before.stopped + 1, cutOff: before.cutOff });
    expectSmallSolved();
    // A smaller cube (4,095 pivots) with time enough is solved exactly: the stop left nothing behind.
    const cube = solveWithDeadline(kleeMinty(12), 60_000);
    expect(cube.status).toBe("solved");
    if (cube.status === "solved") expect(cube.result.evaluation).toBeCloseTo(5 ** 12, 0);
    expect(timeoutEndings().cutOff).toBe(before.cutOff);
  }, 60_000);

  it("when one simplex pivots past the call's pivot limit, then the call is stopped as stalled, long before its deadline, and the thread goes on", () => {
    const before = timeoutEndings();
    // 4,095 pivots asked for, 100 allowed.
    expect(solveWithDeadline(kleeMinty(12), 60_000, { maxPivotsPerSimplex: 100 }).status).toBe("stalled");
    expect(timeoutEndings()).toEqual(before);
    const cube = solveWithDeadline(kleeMinty(12), 60_000, { maxPivotsPerSimplex: 5_000 });
    expect(cube.status).toBe("solved");
    if (cube.status === "solved") expect(cube.result.evaluation).toBeCloseTo(5 ** 12, 0);
  }, 60_000);

  it("when a call is stuck outside the simplex past the grace, then it is cut off and the next calls are still answered correctly", () => {
    const before = timeoutEndings();
    expect(solveWithDeadline(wide(), 1).status).toBe("timeout");
    expect(timeoutEndings().cutOff).toBe(before.cutOff + 1);
    expectSmallSolved();
    expectSmallSolved();
    // A second cut-off: the spare that took over is replaced in turn.
    expect(solveWithDeadline(wide(), 1).status).toBe("timeout");
    expect(timeoutEndings().cutOff).toBe(before.cutOff + 2);
    expectSmallSolved();
  }, 60_000);
});
