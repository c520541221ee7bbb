// A part thread (part-threads.ts): loads the solver's TypeScript through tsx, then solves the
// parts it is sent with solveParts (part-serve.ts). Plain JavaScript, like lp-worker.mjs: a
// worker starts without the loader of the thread that started it.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { serveParts } = await import("./part-serve.ts");
serveParts(workerData);
