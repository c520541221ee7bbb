/**
 * Known bugs, each as the smallest failing case found. These tests fail on purpose (no
 * `it.fails`): they turn green when the bug is fixed, and then belong with the tests of their rule.
 */
import { describe, expect, it } from "vitest";
import { solveDay } from "../../solver/index.ts";
import { generateRandomDay } from "../generators/day-instance-generator.ts";
import { highsCoverage } from "../oracles/highs-coverage.ts";
import { coveredEnclaves } from "../solver/day-builders.ts";

describe("quality at the deadline: random 8-enclave days (generateRandomDay)", () => {
  // 8 enclaves, 30 workers with scattered eligibility (few interchangeable workers), 9 coaches,
  // 2 routes, minCoachesPerEnclave 2. javascript-lp-solver's simplex cycled on these days until
  // every LP was perturbed a little (lexicographic-solve.ts, PERTURBATION): seed 4 is now solved
  // and proven at level 1 (2 covered, as HiGHS).
  const check = async (seed: number) => {
    const day = generateRandomDay({ seed, enclaves: 8, workers: 30, coaches: 9, routes: 2 });
    const solution = solveDay(day, { timeoutMs: 10_000 });
    const highs = await highsCoverage(day);
    expect(coveredEnclaves(day, solution).length, `solver ${solution.status}, HiGHS ${highs.covered} in ${Math.round(highs.ms)} ms`).toBe(
      highs.covered,
    );
  };
  it("when generateRandomDay seed 4 is solved with 10 s, then it covers as many enclaves as HiGHS", () => check(4), 60_000);
  // Known gap of issue 2, kept visible: on seed 5 the solver reaches 3 covered enclaves, HiGHS 4;
  // our branch and bound runs out of time (each LP of this 149×151 model still takes ~0.2 s in
  // javascript-lp-solver). `it.fails` turns red the day it is solved: then make it a plain `it`.
  it.fails("when generateRandomDay seed 5 is solved with 10 s, then it covers as many enclaves as HiGHS", () => check(5), 60_000);
});
