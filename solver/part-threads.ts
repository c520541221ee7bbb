/**
 * Independent parts of a day solved at the same time, on other cores.
 *
 * splitComponents cuts a day into parts that share no row, and solveParts solves them one after
 * the other: generated 80 is a part of six sites sharing people (230 ms) and a site of its own
 * (232 variables, 176 ms). Each solve keeps about one core busy (our code here, its LPs in the
 * solver thread while this one waits), so on a machine with two cores half of it idled.
 *
 * A part thread is a worker that runs solveParts (index.ts) on the parts it is sent, with its own
 * solver thread. It loads the solver's TypeScript through tsx (part-worker.mjs), which takes a
 * few hundred milliseconds of a core: long-running processes start the threads when they start
 * (startPartThreads: the service, the benchmark), and a thread is only given parts once it is
 * ready, so that no plan waits for one. A one-off `vlinder plan` does not start them for
 * sharing parts: starting one during its solve slowed generated 80 from 0.58 to 0.67 s (three
 * runs each), and it would be ready only after the plan — only a search still open after half
 * a second starts them (index.ts solveModel, a rival). The caller blocks
 * on the answer (Atomics.wait, as lp-backend.ts does): planDay stays synchronous. A thread that
 * has not answered a grace period after the deadline is terminated and replaced, and its parts
 * count as timed out (nobody placed there, not proven) — as a part solved here that times out.
 *
 * A thread left idle by the sharing may be given one part whole while this thread searches it
 * site by site (decompose.ts DecomposeOptions.rival; a part too large for that: its point, to
 * polish by pairs of sites); the side that proves it first wins, and a
 * thread whose answer is no longer wanted is terminated and replaced (callOff): a solve cannot
 * be stopped from outside, and a new thread is ready a few hundred milliseconds later.
 */
import { availableParallelism } from "node:os";
import { receiveMessageOnPort } from "node:worker_threads";
import { restrictPoint, type LinearModel } from "./linear-model.ts";
import { nobodyPlaced, type PartsResult } from "./parts-result.ts";
import { startChannelThread, waitForAnswer, type ThreadChannel } from "./thread-channel.ts";

/** Parts at least this large go to a part thread; sending a smaller one costs about what solving it does. */
export const THREAD_MIN_VARIABLES = 150;
/** Most part threads besides the calling one. */
const MAX_PART_THREADS = 3;

interface PartThread extends ThreadChannel {
  /** The thread died (it could not load the solver, say): it is given nothing more. */
  failed: boolean;
  /**
   * Answers read while waiting for another job's, by job: a thread is given a new job once it
   * has answered the last, which its caller may not have collected yet.
   */
  mailbox: Map<number, Reply<unknown>>;
}

type Reply<T> = ({ ok: true; result: T } | { ok: false; error: string }) & { call: number };

let threads: PartThread[] | null = null;
/** Jobs sent to part threads since the process started (for tests and benchmarks). */
let jobsSent = 0;

export function partThreadJobs(): number {
  return jobsSent;
}

/** Starts the part threads (one less than the cores, at most MAX_PART_THREADS), once. */
export function startPartThreads(): void {
  threads ??= Array.from({ length: Math.min(MAX_PART_THREADS, Math.max(0, availableParallelism() - 1)) }, startThread);
}

/** Terminates the part threads (tests); the next day with two large parts starts them again. */
export async function stopPartThreads(): Promise<void> {
  const running = threads ?? [];
  threads = null;
  await Promise.all(running.map((thread) => thread.worker.terminate()));
}

/** How many part threads are ready and idle now (for tests). */
export function readyPartThreads(): number {
  return (threads ?? []).filter(isAvailable).length;
}

/** Waits until a part thread is ready and idle, or `timeoutMs` has passed: whether one is (benchmarks, tests). */
export async function partThreadIdle(timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (readyPartThreads() === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return readyPartThreads() > 0;
}

function startThread(): PartThread {
  // execArgv: none of this process's flags (a test runner's, say); the thread registers tsx itself.
  const thread: PartThread = { ...startChannelThread(new URL("./part-worker.mjs", import.meta.url), {}, []), failed: false, mailbox: new Map() };
  // A job's own errors come back as answers (part-serve.ts); this is the thread itself dying.
  thread.worker.on("error", () => {
    thread.failed = true;
  });
  return thread;
}

function isAvailable(thread: PartThread): boolean {
  return !thread.failed && Atomics.load(thread.ready, 0) === 1 && Atomics.load(thread.answered, 0) === thread.sent;
}

/** A ready part thread with nothing to do, or null (none started, none ready, all busy). */
export function idlePartThread(): PartThread | null {
  return (threads ?? []).find(isAvailable) ?? null;
}

export interface PartBucket {
  thread: PartThread;
  parts: LinearModel[];
}

/**
 * The parts split between this thread (`here`) and the part threads that are ready: parts of at
 * least THREAD_MIN_VARIABLES spread by size, the largest first, each to the least loaded (this
 * thread first); smaller parts stay here. Without started and ready threads everything stays here.
 */
export function shareParts(parts: LinearModel[]): { here: LinearModel[]; elsewhere: PartBucket[] } {
  const large = parts.filter((part) => part.variables.size >= THREAD_MIN_VARIABLES);
  if (large.length < 2 || threads === null) return { here: parts, elsewhere: [] };
  const available = threads.filter(isAvailable);
  if (available.length === 0) return { here: parts, elsewhere: [] };
  const loads = [0, ...available.map(() => 0)];
  const owner = new Map<LinearModel, number>();
  for (const part of [...large].sort((a, b) => b.variables.size - a.variables.size)) {
    const least = loads.indexOf(Math.min(...loads));
    owner.set(part, least);
    loads[least]! += part.variables.size;
  }
  return {
    here: parts.filter((part) => (owner.get(part) ?? 0) === 0),
    elsewhere: available.map((thread, i) => ({ thread, parts: parts.filter((part) => owner.get(part) === i + 1) })).filter((bucket) => bucket.parts.length > 0),
  };
}

/** Parts being solved in a part thread (solvePartsInThread). */
export interface PendingParts {
  /** The answer; blocks until it has come (or the deadline and a grace period have passed). */
  answer: () => PartsResult;
  /** Whether the answer has come (answer() then returns at once). */
  ready: () => boolean;
  /** The answer is not wanted: a thread still at work is terminated and replaced (nothing once collected). */
  callOff: () => void;
}

/**
 * Sends a bucket's parts to its thread, to be solved by `deadline` (this thread's clock);
 * `answer()` blocks until they are. `whole`, `polishFrom`: as SolvePartsOptions.
 */
export function solvePartsInThread(bucket: PartBucket, levelCount: number, deadline: number, warmStart: Map<string, number>, options: { whole?: boolean; polishFrom?: number } = {}): PendingParts {
  const { thread, parts } = bucket;
  const call = ++thread.sent;
  jobsSent++;
  const start = new Map(parts.flatMap((part) => [...restrictPoint(warmStart, part)]));
  // Threads have clocks of their own (performance.now() counts from each one's start).
  thread.jobs.postMessage({ call, parts, levelCount, deadlineEpoch: performance.timeOrigin + deadline, warmStart: start, whole: options.whole === true, ...(options.polishFrom !== undefined ? { polishFrom: options.polishFrom } : {}) });
  // The thread answers its jobs in order: once it has answered this one, the reply is on its port.
  const ready = () => thread.mailbox.has(call) || Atomics.load(thread.answered, 0) >= call;
  let collected = false;
  return {
    ready,
    callOff: () => {
      if (collected) return;
      collected = true;
      if (!ready()) replaceThread(thread);
      else collect(thread, call);
    },
    answer: () => {
      collected = true;
      const grace = Math.max(25, (deadline - performance.now()) * 0.1);
      if (!thread.mailbox.has(call) && !waitForAnswer(thread, call, deadline - performance.now() + grace)) {
        replaceThread(thread);
        return nobodyPlaced(parts, levelCount);
      }
      const reply = collect(thread, call);
      if (!reply.ok) throw new Error(`a part thread failed: ${reply.error}`);
      return reply.result;
    },
  };
}

/** Takes job `call`'s reply off the thread's port (it must have answered it). */
function collect(thread: PartThread, call: number): Reply<PartsResult> {
  // Answers to other jobs may come first (the thread answers in order): kept for their callers.
  let reply = thread.mailbox.get(call) as Reply<PartsResult> | undefined;
  thread.mailbox.delete(call);
  while (reply === undefined) {
    const next = receiveMessageOnPort(thread.answers)!.message as Reply<PartsResult>;
    if (next.call === call) reply = next;
    else thread.mailbox.set(next.call, next);
  }
  return reply;
}

/** Terminates a thread and starts another in its place (none when the threads were stopped meanwhile). */
function replaceThread(thread: PartThread): void {
  void thread.worker.terminate();
  const at = threads?.indexOf(thread) ?? -1;
  if (at !== -1) threads![at] = startThread();
}
