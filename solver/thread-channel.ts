/**
 * A worker thread that answers jobs to a caller who blocks: the solver thread (lp-backend.ts)
 * and the part threads (part-threads.ts) both work this way, so that planDay stays synchronous.
 *
 * The two channels and the answer counter are set up once: a job is then one message each way.
 * (A channel and a flag made per call, the port sent along with the job, cost about 0.15 ms a
 * call of set-up and transfer: 15-30 ms of a 28-enclave plan's 100-200 LP calls.) The thread
 * posts its answer, then writes the job's number into `answered` and notifies; the caller waits
 * on that number (Atomics.wait) and reads the answer with receiveMessageOnPort.
 */
import { MessageChannel, Worker } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";

export interface ThreadChannel {
  worker: Worker;
  /** Set to 1 by the thread when it is ready. */
  ready: Int32Array;
  /** Where the jobs go (the thread's end of this channel listens). */
  jobs: MessagePort;
  /** Where the thread's answers come, read synchronously (receiveMessageOnPort). */
  answers: MessagePort;
  /** [0]: the number of the last job the thread has answered (set and notified after its answer is posted). */
  answered: Int32Array;
  /** The number of the last job sent. */
  sent: number;
}

/**
 * Starts the worker at `url` with its channel; `workerData` gets `ready`, `answered`, `jobs` and
 * `answers` besides `data`. The thread does not keep the process alive while idle.
 */
export function startChannelThread(url: URL, data: Record<string, unknown>, execArgv?: string[]): ThreadChannel {
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const jobs = new MessageChannel();
  const answers = new MessageChannel();
  const worker = new Worker(url, {
    ...(execArgv !== undefined ? { execArgv } : {}),
    workerData: { ...data, ready: ready.buffer, answered: answered.buffer, jobs: jobs.port2, answers: answers.port2 },
    transferList: [jobs.port2, answers.port2],
  });
  worker.unref();
  jobs.port1.unref();
  answers.port1.unref();
  return { worker, ready, jobs: jobs.port1, answers: answers.port1, answered, sent: 0 };
}

/** Waits up to `ms` for the thread to have answered job `call`; whether it did. */
export function waitForAnswer(thread: ThreadChannel, call: number, ms: number): boolean {
  const until = performance.now() + ms;
  for (;;) {
    const answered = Atomics.load(thread.answered, 0);
    if (answered >= call) return true;
    const left = until - performance.now();
    if (left <= 0) return false;
    Atomics.wait(thread.answered, 0, answered, left);
  }
}
