/**
 * From simulated years to what HR reads: for each number of butterflies (or stand-ins), the
 * share of days on which every enclave is covered, the share of enclave-days covered, and the
 * uncovered enclave-days per year (mean, median, 95th percentile over the simulated years);
 * and the smallest number that meets the service level.
 *
 * The service level is met when the expected share (the mean over the simulated years) is at
 * least the target. Both shares grow with every butterfly added (a matching never loses a
 * place when a person is added), so the recommendation is the first row that meets it.
 */
import type { EstimateMetric } from "../scenario/schema.ts";
import type { CoverageModel } from "./coverage-model.ts";
import type { SimulationTotals } from "./simulate.ts";

export interface CoverageRow {
  people: number;
  fullDaysShare: number;
  coveredShare: number;
  uncovered: { mean: number; p50: number; p95: number };
}

/** Nearest-rank percentile of sorted values: the smallest value with at least q of them ≤ it. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** One row per number of floaters 0..K. */
export function coverageRows(totals: SimulationTotals, model: CoverageModel): CoverageRow[] {
  const { runs, floaters } = totals;
  const runningDays = model.runningDays.length;
  const rows: CoverageRow[] = [];
  const column = new Float64Array(runs);
  for (let k = 0; k <= floaters; k++) {
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const days = (totals.uncoveredHalves[r * (floaters + 1) + k] ?? 0) / 2;
      column[r] = days;
      sum += days;
    }
    column.sort();
    const mean = runs > 0 ? sum / runs : 0;
    rows.push({
      people: k,
      fullDaysShare: runs > 0 && runningDays > 0 ? (totals.fullDays[k] ?? 0) / (runs * runningDays) : 1,
      coveredShare: model.siteDays > 0 ? Math.max(0, 1 - mean / model.siteDays) : 1,
      uncovered: { mean, p50: percentile(column, 0.5), p95: percentile(column, 0.95) },
    });
  }
  return rows;
}

export function shareOf(row: CoverageRow, metric: EstimateMetric): number {
  return metric === "fullDays" ? row.fullDaysShare : row.coveredShare;
}

/** The smallest number meeting the target, or null when no row does. */
export function recommendation(rows: readonly CoverageRow[], metric: EstimateMetric, target: number): number | null {
  // A tiny tolerance so that a share printed as 0.99 is not refused by rounding noise.
  return rows.find((row) => shareOf(row, metric) >= target - 1e-12)?.people ?? null;
}
