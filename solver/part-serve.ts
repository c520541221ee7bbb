/**
 * The inside of a part thread (part-threads.ts): each job is a list of parts, solved with
 * solveParts by the deadline it carries, or one site of the site-by-site search (decompose.ts);
 * the answer goes back on its port, then the job's number into `answered`, which the caller
 * waits on.
 */
import type { MessagePort } from "node:worker_threads";
import { cannotWinBy } from "./decompose.ts";
import { solveParts, startSolverThread } from "./index.ts";
import { solveLexicographic } from "./lexicographic-solve.ts";
import type { LinearModel } from "./linear-model.ts";
import type { SiteJob, SiteResult } from "./part-threads.ts";

/** Either independent parts (solveParts) or one site of the site-by-site search (part-threads.ts SiteJob). */
type PartJob = { call: number; /** The deadline as an absolute time (performance.timeOrigin + now): threads' clocks differ. */ deadlineEpoch: number } & (
  | { kind: "parts"; parts: LinearModel[]; levelCount: number; warmStart: Map<string, number> }
  | ({ kind: "site" } & SiteJob)
);

function solveSite(job: SiteJob): SiteResult {
  let stopped = false;
  const stop = job.stop;
  const result = solveLexicographic(job.model, {
    timeoutMs: job.timeoutMs,
    incumbent: job.start,
    ...(stop !== null ? { stopAfter: (values: number[]) => (stopped = cannotWinBy(job.model, values, stop)) } : {}),
  });
  return { status: result.status, values: result.values, levels: result.levels.map(({ value, optimal }) => ({ value, optimal })), stopped };
}

export function serveParts(data: { ready: SharedArrayBuffer; answered: SharedArrayBuffer; jobs: MessagePort; answers: MessagePort }): void {
  const ready = new Int32Array(data.ready);
  const answered = new Int32Array(data.answered);
  startSolverThread();
  data.jobs.on("message", (job: PartJob) => {
    let reply: { call: number; ok: true; result: ReturnType<typeof solveParts> | SiteResult } | { call: number; ok: false; error: string };
    try {
      const result = job.kind === "site" ? solveSite(job) : solveParts(job.parts, job.levelCount, job.deadlineEpoch - performance.timeOrigin, job.warmStart);
      reply = { call: job.call, ok: true, result };
    } catch (error) {
      reply = { call: job.call, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    data.answers.postMessage(reply);
    Atomics.store(answered, 0, job.call);
    Atomics.notify(answered, 0);
  });
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0);
}
