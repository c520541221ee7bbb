/**
 * Runs the simulated years in chunks, so that a caller (the CLI's progress line, the future
 * background job of the HR page) sees progress and can cancel, and merges the chunks. The
 * result does not depend on the chunking: each year's randomness comes from (seed, run,
 * person) alone.
 */
import { simulateYears, type SimulationRequest, type SimulationTotals } from "./simulate.ts";

export interface ProgressHooks {
  /** Called with the share of the work done, from 0 to 1, never decreasing. */
  onProgress?(fraction: number): void;
  /** Aborting stops the estimate between two chunks with an EstimateCancelledError. */
  signal?: AbortSignal;
}

export class EstimateCancelledError extends Error {
  readonly code = "CANCELLED";
  constructor() {
    super("the estimate was cancelled");
    this.name = "EstimateCancelledError";
  }
}

/** Years per chunk: large enough to amortise the pause, small enough for smooth progress. */
const CHUNK_RUNS = 100;

export type SimulationJob = Omit<SimulationRequest, "fromRun" | "toRun"> & { runs: number };

/**
 * Simulates `job.runs` years. `report(done)` receives the fraction of this job done; the
 * event loop gets a turn between chunks (for an HTTP server running the job in-process).
 */
export async function runSimulation(job: SimulationJob, signal: AbortSignal | undefined, report: (done: number) => void): Promise<SimulationTotals> {
  const { runs, ...request } = job;
  const parts: SimulationTotals[] = [];
  for (let from = 0; from < runs; from += CHUNK_RUNS) {
    if (signal?.aborted) throw new EstimateCancelledError();
    const to = Math.min(runs, from + CHUNK_RUNS);
    parts.push(simulateYears({ ...request, fromRun: from, toRun: to }));
    report(to / runs);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (signal?.aborted) throw new EstimateCancelledError();
  return mergeTotals(parts, job.model.floaterCount);
}

/** Concatenates the per-run rows and adds the sums, in run order. */
export function mergeTotals(parts: readonly SimulationTotals[], floaters: number): SimulationTotals {
  const runs = parts.reduce((sum, part) => sum + part.runs, 0);
  const merged: SimulationTotals = {
    floaters,
    runs,
    uncoveredHalves: new Int32Array(runs * (floaters + 1)),
    fullDays: new Float64Array(floaters + 1),
    memberAbsenceHalves: 0,
    floaterAvailableHalves: new Float64Array(floaters),
  };
  let offset = 0;
  for (const part of parts) {
    merged.uncoveredHalves.set(part.uncoveredHalves, offset);
    offset += part.uncoveredHalves.length;
    part.fullDays.forEach((value, k) => (merged.fullDays[k]! += value));
    part.floaterAvailableHalves.forEach((value, f) => (merged.floaterAvailableHalves[f]! += value));
    merged.memberAbsenceHalves += part.memberAbsenceHalves;
  }
  return merged;
}
