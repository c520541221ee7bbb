/**
 * Random days on which javascript-lp-solver's simplex cycles: the planner must still cover as
 * many enclaves as HiGHS within its 10 s budget (they were known bugs until the perturbed
 * retry of a relaxation that does not answer, RELAXATION_PERTURBATION in lexicographic-solve.ts).
 */
import { describe, expect, it } from "vitest";
import { solveDay } from "../../solver/index.ts";
import { generateRandomDay } from "../generators/day-instance-generator.ts";
import { highsCoverage } from "../oracles/highs-coverage.ts";
import { coveredEnclaves } from "../solver/day-builders.ts";

describe("quality at the deadline: random 8-enclave days (generateRandomDay)", () => {
  // 8 enclaves, 30 workers with scattered eligibility (few interchangeable workers), 9 coaches,
  // 2 routes, minCoachesPerEnclave 2. javascript-lp-solver cycles on the relaxations of these
  // days; before the perturbed retry the solver covered fewer enclaves than HiGHS in 10 s
  // (seed 4: 0 vs 2, seed 5: 3 vs 4). The perturbation only loosens rows, so the bounds stay
  // valid (one that also tightened rows gave a false proof on tiny seed 102).
  const check = async (seed: number) => {
    const day = generateRandomDay({ seed, enclaves: 8, workers: 30, coaches: 9, routes: 2 });
    const solution = solveDay(day, { timeoutMs: 10_000 });
    const highs = await highsCoverage(day);
    expect(coveredEnclaves(day, solution).length, `solver ${solution.status}, HiGHS ${highs.covered} in ${Math.round(highs.ms)} ms`).toBe(
      highs.covered,
    );
  };
  for (const seed of [4, 5]) {
    it(`when generateRandomDay seed ${seed} is solved with 10 s, then it covers as many enclaves as HiGHS`, () => check(seed), 60_000);
  }
});
