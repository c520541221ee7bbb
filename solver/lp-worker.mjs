// Runs javascript-lp-solver in a worker thread so that the caller can enforce a hard deadline:
// the library checks its timeout only between branch-and-bound nodes, and one LP can run on
// for minutes. Plain JavaScript so the thread needs no TypeScript loader.
//
// A thread started as a spare (workerData.warm) first solves a few models shaped like a day's
// (placements in one-place rows, headcount and ratio rows, some integer), so that V8 has
// compiled the simplex before the spare takes over from a thread that was cut off: a cold
// thread solves its first relaxation about five times slower than a warm one.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const solver = createRequire(import.meta.url)("javascript-lp-solver");

/** A day-like model: `people` placements over `enclaves`, deterministic. */
function warmUpModel(people, enclaves, integer) {
  const variables = {};
  const constraints = {};
  const ints = {};
  for (let e = 0; e < enclaves; e++) {
    constraints[`max${e}`] = { max: 9 };
    constraints[`min${e}`] = { min: 3 };
    constraints[`ratio${e}`] = { max: 0 };
  }
  for (let p = 0; p < people; p++) {
    constraints[`one${p}`] = { max: 1 };
    const coach = p % 7 === 0;
    for (let k = 0; k < 3; k++) {
      const e = (p * 5 + k * 3) % enclaves;
      const name = `x${p}_${e}`;
      const column = { [`one${p}`]: 1, objective: ((p + e) % 5) + (coach ? 3 : 1) };
      if (coach) column[`ratio${e}`] = -13;
      else Object.assign(column, { [`max${e}`]: 1, [`min${e}`]: 1, [`ratio${e}`]: 1 + (p % 3) });
      variables[name] = column;
      if (integer) ints[name] = 1;
    }
  }
  return { optimize: "objective", opType: "max", constraints, variables, ints, options: { timeout: 100 } };
}

if (workerData && workerData.warm) {
  // About 150 ms of solving, on the spare's own thread while the active one works.
  for (let round = 0; round < 8; round++) solver.Solve(warmUpModel(90, 12, false));
  solver.Solve(warmUpModel(90, 12, true));
}
if (workerData && workerData.ready) {
  const ready = new Int32Array(workerData.ready);
  Atomics.store(ready, 0, 1);
}

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
