// Runs javascript-lp-solver in a worker thread so that the caller can enforce a hard deadline:
// the library checks its timeout only between branch-and-bound nodes, and one LP can run on
// for minutes. Plain JavaScript so the thread needs no TypeScript loader.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const solver = createRequire(import.meta.url)("javascript-lp-solver");

parentPort.on("message", ({ model, port, flag }) => {
  let reply;
  try {
    reply = { ok: true, result: solver.Solve(model) };
  } catch (error) {
    reply = { ok: false, error: String(error && error.stack ? error.stack : error) };
  }
  port.postMessage(reply);
  const signal = new Int32Array(flag);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
