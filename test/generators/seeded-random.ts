/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the test generators need.
 *
 * Generated test data must be reproducible from a seed alone, on every machine and Node
 * version, so nothing here touches Math.random: a failing property test prints its seed and
 * the same day comes back.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One key, drawn with the given (non-negative, not all zero) weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct elements (all of them when count ≥ length), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Approximately normal (sum of uniforms), mean and standard deviation as given. */
  normal(mean: number, sd: number): number;
}

/** mulberry32: 32-bit state, period 2^32, good enough for test data and very fast. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a stream label so that sub-generators do not echo each other. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int(min, max) {
      if (max < min) throw new Error(`int(${min}, ${max}): empty range`);
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    uniform(min, max) {
      return min + next() * (max - min);
    },
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      if (!(total > 0)) throw new Error("weighted draw needs a positive total weight");
      let draw = next() * total;
      for (const [key, weight] of entries) {
        draw -= weight;
        if (draw < 0) return key;
      }
      return (entries[entries.length - 1] as [keyof typeof weights, number])[0];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const a = copy[i] as (typeof copy)[number];
        copy[i] = copy[j] as (typeof copy)[number];
        copy[j] = a;
      }
      return copy;
    },
    sample(items, count) {
      return random.shuffle(items).slice(0, Math.max(0, count));
    },
    normal(mean, sd) {
      // Irwin–Hall with 6 terms: mean 3, variance 1/2.
      let sum = 0;
      for (let i = 0; i < 6; i++) sum += next();
      return mean + ((sum - 3) / Math.sqrt(0.5)) * sd;
    },
  };
  return random;
}
