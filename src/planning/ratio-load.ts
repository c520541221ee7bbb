/**
 * Rule 2 (ratio norms, BVR 17 Feb 2017 art. 46 and 79): "one coach per 13 workers of low
 * guidance need, per 10 of medium, per 7 of high. For a mixed team the coach load is the sum of
 * 1/13, 1/10, 1/7 per worker present, and the number of coaches present must be at least that
 * load (rounded up)." Computed in integers (scaled by the lcm of the ratios), never in floats.
 */
import type { Guidance, Ratios } from "../scenario/schema.ts";

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function ratioScale(ratios: Ratios): number {
  const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
  return lcm(lcm(ratios.low, ratios.medium), ratios.high);
}

/** Coaches the ratio norms require for these workers (0 for nobody). */
export function coachesNeeded(workers: readonly { guidance: Guidance }[], ratios: Ratios): number {
  const scale = ratioScale(ratios);
  let load = 0;
  for (const worker of workers) load += scale / ratios[worker.guidance];
  return Math.ceil(load / scale);
}
