/**
 * Exact arithmetic for the ratio norms (DOMAIN.md rule 2).
 *
 * "One coach per 13 workers of low guidance need, per 10 of medium, per 7 of high. For a
 * mixed team the coach load is the sum of 1/13, 1/10, 1/7 per worker present, and the number
 * of coaches present must be at least that load (rounded up)."
 *
 * The load is a sum of fractions, and a float sum of thirteen 1/13 is not exactly 1: 13 low
 * workers would then seem to need 2 coaches. So every fraction is scaled by the least common
 * multiple of the three ratios (13/10/7 → 910) and the load is an integer number of
 * 1/lcm-coach units: 13 low workers weigh 13·70 = 910 units, exactly one coach.
 */
import type { Guidance, Ratios } from "../scenario/schema.ts";

/** How many workers of each guidance need are present. */
export type GuidanceCounts = Record<Guidance, number>;

/** The ratios as integers: one coach is `unit` units, a worker of need g weighs `weight[g]`. */
export interface RatioUnits {
  unit: number;
  weight: GuidanceCounts;
}

function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** Scales the ratios to integers: 13/10/7 gives unit 910 and weights 70/91/130. */
export function ratioUnits(ratios: Ratios): RatioUnits {
  const unit = lcm(lcm(ratios.low, ratios.medium), ratios.high);
  return {
    unit,
    weight: { low: unit / ratios.low, medium: unit / ratios.medium, high: unit / ratios.high },
  };
}

/** Counts the workers present per guidance need. */
export function countGuidance(workers: readonly { guidance: Guidance }[]): GuidanceCounts {
  const counts: GuidanceCounts = { low: 0, medium: 0, high: 0 };
  for (const worker of workers) counts[worker.guidance] += 1;
  return counts;
}

/** The coach load of a team in 1/unit-coach units (an integer). */
export function coachLoadUnits(counts: GuidanceCounts, units: RatioUnits): number {
  return counts.low * units.weight.low + counts.medium * units.weight.medium + counts.high * units.weight.high;
}

/**
 * The number of coaches the ratio norms ask for: the load rounded up, in integers only.
 * 13 low → 1, 14 low → 2, 7 high → 1, 8 high → 2, 6 low + 4 medium + 1 high (914/910) → 2.
 */
export function coachesNeeded(counts: GuidanceCounts, ratios: Ratios): number {
  const units = ratioUnits(ratios);
  const load = coachLoadUnits(counts, units);
  return Math.floor((load + units.unit - 1) / units.unit);
}

/** "9 low, 5 medium": the non-zero counts, for messages. */
export function describeGuidance(counts: GuidanceCounts): string {
  const parts = (["low", "medium", "high"] as const)
    .filter((need) => counts[need] > 0)
    .map((need) => `${counts[need]} ${need}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
