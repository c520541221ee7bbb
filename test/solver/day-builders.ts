/**
 * Hand-made DayInstances for the rule-by-rule solver tests: every field has the plainest
 * default (both blocks, own transport, default ratios, one coach per enclave), so a test
 * states only what its rule is about.
 */
import type { Block, DayCoach, DayEnclave, DayInstance, DayRoute, DayRules, DayWorker, Guidance } from "../../solver/types.ts";
import type { DaySolution } from "../../solver/index.ts";

export const BOTH: Block[] = ["am", "pm"];

export function enclave(id: string, staffing: Partial<Omit<DayEnclave, "id">> = {}): DayEnclave {
  const min = staffing.min ?? 1;
  const target = staffing.target ?? Math.max(min, 1);
  return { id, blocks: staffing.blocks ?? [...BOTH], min, target, max: staffing.max ?? Math.max(target, 5) };
}

export function worker(
  id: string,
  eligible: string[],
  options: Partial<{ guidance: Guidance; blocks: Block[]; home: string | null; reference: string | null; needsSeat: boolean }> = {},
): DayWorker {
  const home = options.home === undefined ? (eligible[0] ?? null) : options.home;
  return {
    id,
    guidance: options.guidance ?? "low",
    blocks: options.blocks ?? [...BOTH],
    eligible,
    reference: options.reference === undefined ? home : options.reference,
    home,
    needsSeat: options.needsSeat ?? false,
  };
}

/** `count` interchangeable workers W<prefix>1…, all eligible for the same enclaves. */
export function workers(prefix: string, count: number, eligible: string[], options: Parameters<typeof worker>[2] = {}): DayWorker[] {
  return Array.from({ length: count }, (_, i) => worker(`${prefix}${i + 1}`, eligible, options));
}

export function coach(
  id: string,
  role: DayCoach["role"],
  eligible: string[],
  options: Partial<{ blocks: Block[]; home: string | null; van: boolean }> = {},
): DayCoach {
  const home = options.home === undefined ? (role === "fixed" ? (eligible[0] ?? null) : null) : options.home;
  const van = options.van ?? false;
  return {
    id,
    role,
    blocks: options.blocks ?? [...BOTH],
    eligible,
    reference: { am: home, pm: home },
    home,
    needsSeat: van,
    canSwitchAtNoon: !van,
  };
}

export function route(id: string, enclaveIds: string[], seats: Partial<DayRoute["seats"]>): DayRoute {
  return { id, enclaveIds, seats: { day: seats.day ?? 0, morning: seats.morning ?? 0, afternoon: seats.afternoon ?? 0 } };
}

export function day(parts: {
  enclaves: DayEnclave[];
  workers?: DayWorker[];
  coaches?: DayCoach[];
  routes?: DayRoute[];
  rules?: Partial<DayRules>;
}): DayInstance {
  return {
    date: "2026-11-23",
    rules: {
      ratios: parts.rules?.ratios ?? { low: 13, medium: 10, high: 7 },
      minCoachesPerEnclave: parts.rules?.minCoachesPerEnclave ?? 1,
      interimCoachesAllowed: parts.rules?.interimCoachesAllowed ?? false,
    },
    enclaves: parts.enclaves,
    workers: parts.workers ?? [],
    coaches: parts.coaches ?? [],
    routes: parts.routes ?? [],
  };
}

/** The team of an enclave in a block, as the solver decoded it. */
export function team(solution: DaySolution, enclaveId: string, block: Block): { coachIds: string[]; workerIds: string[] } {
  const teams = solution.assignment.teams.get(enclaveId);
  if (!teams) throw new Error(`no team for ${enclaveId} in the solution`);
  return teams[block];
}

/**
 * Enclaves covered by the decoded assignment, judged from the rules (not from the model's z
 * variables): in every block it works, at least minCoachesPerEnclave coaches and min workers.
 */
export function coveredEnclaves(dayInstance: DayInstance, solution: DaySolution): string[] {
  return dayInstance.enclaves
    .filter((e) =>
      e.blocks.every((block) => {
        const t = team(solution, e.id, block);
        return t.coachIds.length >= dayInstance.rules.minCoachesPerEnclave && t.workerIds.length >= e.min;
      }),
    )
    .map((e) => e.id);
}

/** Where a person is per block ({} when not placed). */
export function placement(solution: DaySolution, personId: string): Partial<Record<Block, string>> {
  return solution.assignment.placement.get(personId) ?? {};
}
