/**
 * javascript-lp-solver behind a hard deadline.
 *
 * The library's own `timeout` is checked only between branch-and-bound nodes; a single LP can
 * run on far past it (seen on day models: minutes). At 07:30 an answer that never comes is
 * the worst answer, so every call runs in a worker thread and the caller blocks on it with
 * `Atomics.wait` up to the deadline: planDay stays synchronous, and a call that overruns is
 * cut off (the worker is terminated and replaced) and reported as "timeout".
 */
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { Model as JsLpModel } from "javascript-lp-solver";

export type BackendAnswer = { status: "solved"; result: Record<string, unknown> } | { status: "timeout" };

let worker: Worker | null = null;

function getWorker(): Worker {
  if (worker === null) {
    worker = new Worker(new URL("./lp-worker.mjs", import.meta.url));
    // Do not keep the process alive for an idle solver thread.
    worker.unref();
  }
  return worker;
}

/** Solves with a hard wall-clock limit; the library's soft timeout is set a little earlier. */
export function solveWithDeadline(model: JsLpModel, deadlineMs: number): BackendAnswer {
  const budget = Math.max(1, Math.floor(deadlineMs));
  model.options = { ...(model.options ?? {}), timeout: Math.max(1, Math.floor(budget * 0.9)) };
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const signal = new Int32Array(flag);
  getWorker().postMessage({ model, port: port2, flag }, [port2]);
  const waited = Atomics.wait(signal, 0, 0, budget);
  const message = receiveMessageOnPort(port1);
  port1.close();
  if (waited === "timed-out" && message === undefined) {
    void worker?.terminate();
    worker = null;
    return { status: "timeout" };
  }
  const reply = message!.message as { ok: true; result: Record<string, unknown> } | { ok: false; error: string };
  if (!reply.ok) throw new Error(`javascript-lp-solver failed: ${reply.error}`);
  return { status: "solved", result: reply.result };
}
