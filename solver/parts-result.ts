/**
 * What solving independent parts of a day gives (index.ts solveParts, also in a part thread),
 * and how the answers of several parts make one.
 */
import type { Decomposition } from "./index.ts";
import type { LinearModel } from "./linear-model.ts";

/** What solveParts found for its parts: their values, which levels are proven for all of them. */
export interface PartsResult {
  status: "optimal" | "feasible" | "timeout" | "infeasible";
  values: Map<string, number>;
  /** Per level: proven optimal for every part. */
  proven: boolean[];
  decompositions: Decomposition[];
}

/**
 * Parts with nobody placed in them, which keeps every planning row (each variable at 0): what a
 * part that ran out of time gives, proven on no level.
 */
export function nobodyPlaced(parts: LinearModel[], levelCount: number): PartsResult {
  const values = new Map<string, number>();
  for (const part of parts) for (const name of part.variables.keys()) values.set(name, 0);
  return { status: "timeout", values, proven: new Array<boolean>(levelCount).fill(false), decompositions: [] };
}

/** Independent parts' answers as one: the worst status, the levels proven for every part, all values. */
export function combineResults(results: PartsResult[], levelCount: number): PartsResult {
  const rank = { optimal: 0, feasible: 1, timeout: 2, infeasible: 3 } as const;
  let status: PartsResult["status"] = "optimal";
  const values = new Map<string, number>();
  const proven = new Array<boolean>(levelCount).fill(true);
  const decompositions: Decomposition[] = [];
  for (const result of results) {
    if (rank[result.status] > rank[status]) status = result.status;
    result.proven.forEach((ok, i) => {
      if (!ok) proven[i] = false;
    });
    for (const [name, value] of result.values) values.set(name, value);
    decompositions.push(...result.decompositions);
  }
  return { status, values, proven, decompositions };
}
