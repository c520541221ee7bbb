// The branching rule of both branch-and-bound searches: our search in the solver thread
// (lp-worker.mjs searchTree) and its fallback that rebuilds every node (lexicographic-solve.ts
// branchAndBound). Plain JavaScript, so the solver thread runs it without a TypeScript loader.
//
// Which fractional variable to branch on: first by tier (the caller's priorities: the levels
// above, then the level's own terms, then coach placements and coverage, then worker counts),
// then, within the highest tier that has a fractional variable, by pseudocosts: the product of
// the relaxation's expected gains on the two sides, each side's gain per unit of distance
// learned from the children solved so far after branching on that variable (the mean over all
// variables while it has none); ties to the most fractional. With nothing learned yet that is
// the most fractional variable, the rule before; the gains then steer the search to the
// variables whose branches move the bound. A child that is infeasible counts as having gained
// what its parent needed to be pruned (without that, variables whose branches cut a subtree
// off were scored as if they gained nothing: 28-enclave company 27 twice as slow).
//
// Over generated companies of 14-28 enclaves, seeds 21-50, plans and re-plans: 12.7 s of
// solving before, 8.0 s after; 20-enclave company 44's re-plan, not proven before (4.5 s,
// 20,000 nodes), proven in 0.8 s. Generated 160's hard site 6: its target shortfall, not
// proven in 3 s (13,799 nodes), proven in 1,801 nodes (0.36 s). See BENCHMARKS.md.

/** A gain within this of 0 counts as this (SCIP's epsilon in the product score). */
const SCORE_EPSILON = 1e-6;

/**
 * Pseudocosts over `n` branching candidates (positions 0 … n−1): `record` a child's gain of the
 * relaxation's objective (the minimising side: ≥ 0) after its parent branched on `position`,
 * up or down, the branch moving the variable by `distance`; `choose` the next variable.
 */
export function pseudocosts(n) {
  const total = [new Float64Array(n), new Float64Array(n)];
  const count = [new Uint32Array(n), new Uint32Array(n)];
  const sum = [0, 0];
  const seen = [0, 0];
  const mean = (side, position) => {
    if (count[side][position] > 0) return total[side][position] / count[side][position];
    return seen[side] > 0 ? sum[side] / seen[side] : 1;
  };
  return {
    record(position, up, distance, gain) {
      if (!(distance > 1e-9) || !Number.isFinite(gain)) return;
      const side = up ? 1 : 0;
      const perUnit = Math.max(0, gain) / distance;
      total[side][position] += perUnit;
      count[side][position]++;
      sum[side] += perUnit;
      seen[side]++;
    },
    /**
     * The candidate to branch on and its value, or null when every candidate is integral
     * (within `integrality`). `tierOf(i)`, `valueOf(i)`: candidate i's tier and relaxation value.
     */
    choose(tierOf, valueOf, integrality) {
      let topTier = -Infinity;
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const value = valueOf(i);
        values[i] = value;
        const tier = tierOf(i);
        if (tier > topTier && Math.abs(value - Math.round(value)) > integrality) topTier = tier;
      }
      if (topTier === -Infinity) return null;
      let chosen = -1;
      let bestScore = -1;
      let bestFraction = -1;
      for (let i = 0; i < n; i++) {
        if (tierOf(i) !== topTier) continue;
        const f = values[i] - Math.floor(values[i]);
        const fraction = Math.min(f, 1 - f);
        if (fraction <= integrality) continue;
        const score = Math.max(mean(0, i) * f, SCORE_EPSILON) * Math.max(mean(1, i) * (1 - f), SCORE_EPSILON);
        if (score > bestScore * (1 + 1e-9) || (score >= bestScore * (1 - 1e-9) && fraction > bestFraction)) {
          chosen = i;
          bestScore = score;
          bestFraction = fraction;
        }
      }
      return { position: chosen, value: values[chosen] };
    },
  };
}
