/**
 * The inside of a part thread (part-threads.ts): each job is a list of parts, solved with
 * solveParts by the deadline it carries; the answer goes back on its port, then the job's
 * number into `answered`, which the caller waits on.
 */
import type { MessagePort } from "node:worker_threads";
import { solveParts, startSolverThread } from "./index.ts";
import type { LinearModel } from "./linear-model.ts";

interface PartJob {
  call: number;
  parts: LinearModel[];
  levelCount: number;
  /** The deadline as an absolute time (performance.timeOrigin + now): threads' clocks differ. */
  deadlineEpoch: number;
  warmStart: Map<string, number>;
  /** Each part solved whole (SolvePartsOptions.whole): the rival of a site-by-site search. */
  whole: boolean;
  /** Each part's point polished by pairs of sites from this level (SolvePartsOptions.polishFrom). */
  polishFrom?: number;
}

export function serveParts(data: { ready: SharedArrayBuffer; answered: SharedArrayBuffer; jobs: MessagePort; answers: MessagePort }): void {
  const ready = new Int32Array(data.ready);
  const answered = new Int32Array(data.answered);
  startSolverThread();
  data.jobs.on("message", (job: PartJob) => {
    let reply: { call: number; ok: true; result: ReturnType<typeof solveParts> } | { call: number; ok: false; error: string };
    try {
      reply = { call: job.call, ok: true, result: solveParts(job.parts, job.levelCount, job.deadlineEpoch - performance.timeOrigin, job.warmStart, { whole: job.whole, ...(job.polishFrom !== undefined ? { polishFrom: job.polishFrom } : {}) }) };
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
