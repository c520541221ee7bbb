/**
 * The seeded pseudo-random numbers of the yearly simulation (mulberry32, as in the test
 * generators, copied here because src must not import from test).
 *
 * The estimate must be deterministic for a given seed, on every machine and however the runs
 * are split over threads or progress chunks. So every simulated year and every person in it
 * gets a stream of its own, seeded from (seed, run, person): the absences of butterfly 3 in
 * year 17 are the same whether the curve stops at 5 or at 9 butterflies.
 */

/** A stream: uniform numbers in [0, 1), 32-bit state. */
export interface Stream {
  next(): number;
}

/** mulberry32: period 2^32, fast, good enough for a Monte Carlo of absences. */
export function createStream(seed: number): Stream {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Mixes integers into one 32-bit seed (FNV-style, then a final avalanche). */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d) >>> 0;
  hash ^= hash >>> 15;
  return hash >>> 0;
}

/**
 * A geometric number of trials ≥ 1 with success probability `p` per trial (mean 1/p): the
 * length of a sick episode in working days, or of a healthy stretch between two episodes.
 */
export function geometric(stream: Stream, p: number): number {
  if (p >= 1) return 1;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  const u = 1 - stream.next(); // (0, 1]
  return Math.max(1, Math.ceil(Math.log(u) / Math.log(1 - p)));
}

/** `expected` rounded up or down at random so that the mean is exactly `expected`. */
export function stochasticRound(stream: Stream, expected: number): number {
  const whole = Math.floor(expected);
  return whole + (stream.next() < expected - whole ? 1 : 0);
}
