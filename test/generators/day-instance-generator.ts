/**
 * Seeded random DayInstances (solver/types.ts), built directly rather than from scenarios.
 *
 * The oracles in test/oracles are checked against each other on these days, so they must not
 * depend on the scenario → day builder under test. `generateTinyDay` stays within what the
 * brute-force oracle can search exhaustively (≤ 4 enclaves, ≤ 10 workers, ≤ 4 coaches) and
 * varies every hard rule: two coaches per enclave, tight ratios, interim coaches on or off,
 * half-day enclaves and people, van seats that do not suffice. `generateRandomDay` makes
 * larger days of the same kind for the HiGHS oracle alone.
 */
import type { Block, DayCoach, DayEnclave, DayInstance, DayRoute, DayWorker, Guidance } from "../../solver/types.ts";
import { createRandom, deriveSeed } from "./seeded-random.ts";
import type { Random } from "./seeded-random.ts";

export interface RandomDayOptions {
  seed: number;
  enclaves: number;
  workers: number;
  coaches: number;
  routes: number;
}

const BLOCK_CHOICES: Record<"both" | "am" | "pm", Block[]> = { both: ["am", "pm"], am: ["am"], pm: ["pm"] };

/** 2–4 enclaves, 3–10 workers, 1–4 coaches, 0–2 routes: small enough for exhaustive search. */
export function generateTinyDay(seed: number): DayInstance {
  const random = createRandom(deriveSeed(seed, "tiny-day"));
  const enclaves = random.int(2, 4);
  return randomDay(random, {
    seed,
    enclaves,
    workers: random.int(3, 10),
    // Usually about one coach per enclave, sometimes clearly too few.
    coaches: random.chance(0.7) ? random.int(Math.min(4, enclaves), 4) : random.int(1, 4),
    routes: random.int(0, 2),
  });
}

/** A day of the given size with the same mix of rules as the tiny days. */
export function generateRandomDay(options: RandomDayOptions): DayInstance {
  return randomDay(createRandom(deriveSeed(options.seed, `day-${options.enclaves}-${options.workers}`)), options);
}

function randomDay(random: Random, size: RandomDayOptions): DayInstance {
  // A third of the days get ratios small enough to bind on teams of 1–4 (high = 1 or 2).
  const tightRatios = random.chance(0.35);
  const high = random.int(1, 2);
  const medium = random.int(high, high + 1);
  const ratios: Record<Guidance, number> = tightRatios
    ? { low: random.int(medium, 3), medium, high }
    : { low: 13, medium: 10, high: 7 };
  const rules = {
    ratios,
    minCoachesPerEnclave: random.chance(0.2) ? 2 : 1,
    interimCoachesAllowed: random.chance(0.4),
  };

  const enclaves: DayEnclave[] = Array.from({ length: size.enclaves }, (_, i) => {
    // Under tight ratios, teams of 2–4 so that one coach is not enough for everybody.
    const min = random.chance(0.15) ? 0 : random.pick(tightRatios ? [2, 2, 3, 4] : [1, 1, 1, 2, 2, 3, 4]);
    const target = min + random.int(0, 2);
    return {
      id: `E${i + 1}`,
      blocks: BLOCK_CHOICES[random.weighted({ both: 0.8, am: 0.12, pm: 0.08 })],
      min,
      target,
      max: target + random.int(0, 2),
    };
  });
  const enclaveIds = enclaves.map((e) => e.id);
  // Larger days: people know their home and a few others, not everything.
  const reach = (home: string | null): string[] => {
    if (size.enclaves <= 4) return enclaveIds.filter((e) => e === home || random.chance(0.45));
    const others = random.sample(enclaveIds.filter((e) => e !== home), random.int(0, 3));
    return [...(home ? [home] : []), ...others];
  };

  const workers: DayWorker[] = Array.from({ length: size.workers }, (_, i) => {
    const home = random.chance(0.85) ? random.pick(enclaveIds) : null;
    const blocks = random.chance(0.12) ? [] : BLOCK_CHOICES[random.weighted({ both: 0.75, am: 0.15, pm: 0.1 })];
    const eligible = reach(home);
    return {
      id: `W${i + 1}`,
      guidance: random.weighted({ low: 0.5, medium: 0.35, high: 0.15 }),
      blocks,
      eligible: eligible.length === 0 ? [random.pick(enclaveIds)] : eligible,
      reference: home,
      home,
      needsSeat: random.chance(size.routes > 0 ? 0.45 : 0.15),
    };
  });

  const coaches: DayCoach[] = Array.from({ length: size.coaches }, (_, i) => {
    const role = random.weighted({ fixed: 0.55, butterfly: 0.35, interim: 0.1 });
    const home = role === "fixed" ? random.pick(enclaveIds) : null;
    const needsSeat = random.chance(size.routes > 0 ? 0.25 : 0.1);
    const blocks = random.chance(0.05) ? [] : BLOCK_CHOICES[random.weighted({ both: 0.8, am: 0.1, pm: 0.1 })];
    const eligible =
      role === "fixed" ? reach(home) : random.sample(enclaveIds, random.int(Math.ceil(enclaveIds.length / 2), enclaveIds.length));
    return {
      id: `${role === "fixed" ? "C" : role === "butterfly" ? "V" : "I"}${i + 1}`,
      role,
      blocks,
      eligible: eligible.length === 0 ? [random.pick(enclaveIds)] : eligible,
      reference: { am: home, pm: home },
      home,
      needsSeat,
      // Only coaches with their own transport may change enclave at noon.
      canSwitchAtNoon: !needsSeat,
    };
  });

  const routes: DayRoute[] = Array.from({ length: size.routes }, (_, i) => ({
    id: `R${i + 1}`,
    enclaveIds: random.sample(enclaveIds, random.int(Math.ceil(Math.min(enclaveIds.length, 5) / 2), Math.min(enclaveIds.length, 5))).sort(),
    seats: {
      day: random.int(1, Math.max(2, Math.round(size.workers / Math.max(1, size.routes) / 2))),
      morning: random.int(0, 2),
      afternoon: random.int(0, 2),
    },
  }));

  return { date: "2026-11-23", rules, enclaves, workers, coaches, routes };
}
