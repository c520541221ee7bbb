/**
 * `npm run bench`: how fast the planner answers the 07:30 question, against HiGHS on the same
 * model.
 *
 * For each day (bench/instances.ts) the planner runs N times (7, or 3 for 160 enclaves); we
 * report the median wall-clock time of planDay, whether it proved optimality, and its
 * objective. Then the planner's own model, as LP text, is solved N times by HiGHS in the same
 * process: its median solve time and objective. Equal objectives say our solver found the
 * optimum of its own model; the ratio says what our solver costs against a good MIP solver.
 * The table is printed and written to bench/out/latest.md.
 *
 * Options: --planner vlinder|oracle (oracle: a HiGHS stand-in that tests the harness),
 * --only name,name   --runs N   --timeout-ms MS (planDay)   --highs-time-limit S (default 300),
 * --liftoff (leave V8's baseline WebAssembly compiler on: HiGHS then starts ~6× slower),
 * --one-thread (no part threads: every part of a day in this thread, as a one-off `vlinder plan`).
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import type { Plan } from "../src/scenario/schema.ts";
import { highsCoverage } from "../test/oracles/highs-coverage.ts";
import { highsStartupMs, loadHighs, preferOptimizedWasm, solveLpWithHighs, usesOptimizedWasm } from "../test/reference/highs-runner.ts";
import { benchInstances, withLateSickCall } from "./instances.ts";
import type { BenchInstance } from "./instances.ts";
import { oraclePlanner, vlinderPlanner } from "./planners.ts";
import type { BenchPlanner, PlannerRun } from "./planners.ts";
import { partThreadJobs, startPartThreads } from "../solver/part-threads.ts";
import { differingLevel, EXACT_OBJECTIVE_LIMIT, firstDifference, formatMs, joinNote, levelValues, markdownTable, median, publishReport, sameObjective } from "./report.ts";
import type { Row } from "./report.ts";


const { values: args } = parseArgs({
  options: {
    planner: { type: "string", default: "vlinder" },
    only: { type: "string" },
    runs: { type: "string" },
    "timeout-ms": { type: "string" },
    "highs-time-limit": { type: "string", default: "300" },
    liftoff: { type: "boolean", default: false },
    "one-thread": { type: "boolean", default: false },
    out: { type: "string", default: new URL("./out/latest.md", import.meta.url).pathname },
  },
});

const planner: BenchPlanner = args.planner === "oracle" ? oraclePlanner : vlinderPlanner;
const timeoutMs = args["timeout-ms"] !== undefined ? Number(args["timeout-ms"]) : undefined;
const highsTimeLimit = Number(args["highs-time-limit"]);
const only = args.only?.split(",").map((s) => s.trim());

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}


/**
 * Untimed plans before the timed ones (see timePlanner): up to 20, for at most 2 s (one for
 * the large days). V8 reaches its steady state on Westhoek after about 10–20 plans.
 */
const WARM_UP_RUNS = 20;
const WARM_UP_MS = 2000;

async function timePlanner(
  instance: BenchInstance,
  previous: Plan | undefined,
  runs: number,
): Promise<{ results: PlannerRun[]; ms: number[]; firstMs: number; threadJobs: number }> {
  const results: PlannerRun[] = [];
  const ms: number[] = [];
  const budget = instance.timeoutMs ?? timeoutMs;
  // Untimed, as HiGHS's warm-up: the first plans of a process pay for JIT compilation (V8
  // optimises the simplex only after it has run a while; HiGHS's WebAssembly is compiled
  // optimised up front). A service has long been warm at 07:30; the first run is reported.
  let firstMs = 0;
  const warmUpUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < WARM_UP_RUNS && performance.now() < warmUpUntil; i++) {
    const warmUpStart = performance.now();
    await planner.plan(instance.scenario, instance.date, {
      ...(previous ? { previous } : {}),
      ...(budget !== undefined ? { timeoutMs: budget } : {}),
    });
    if (i === 0) firstMs = performance.now() - warmUpStart;
  }
  process.stderr.write(`  ${instance.name} warm-up: first ${firstMs.toFixed(0)} ms\n`);
  const jobsBefore = partThreadJobs();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await planner.plan(instance.scenario, instance.date, {
      ...(previous ? { previous } : {}),
      ...(budget !== undefined ? { timeoutMs: budget } : {}),
    });
    ms.push(performance.now() - started);
    results.push(result);
    sampleRss();
    process.stderr.write(`  ${instance.name} run ${i + 1}/${runs}: ${ms[i]?.toFixed(0)} ms, objective ${result.objective}\n`);
  }
  return { results, ms, firstMs, threadJobs: partThreadJobs() - jobsBefore };
}

async function benchOne(instance: BenchInstance, firstPlans: Map<string, Plan | null>): Promise<Row> {
  const runs = args.runs !== undefined ? Number(args.runs) : instance.runs;
  peakRss = process.memoryUsage().rss;
  let note = instance.timeoutMs !== undefined ? `planDay budget ${instance.timeoutMs} ms` : "";
  let previous: Plan | undefined;
  if (instance.replanOf !== undefined) {
    const base = firstPlans.get(instance.replanOf) ?? null;
    const late = withLateSickCall(instance.scenario, base, instance.date);
    instance = { ...instance, scenario: late.scenario };
    previous = planner.replans && base ? base : undefined;
    note = `${late.personId} sick at 07:25${previous ? ", previous plan kept" : ", no previous plan (stand-in)"}`;
  }
  const row: Row = {
    instance: instance.name,
    enclaves: String(instance.scenario.enclaves.length),
    people: String(instance.scenario.workers.length + instance.scenario.coaches.length),
    ourFirstMs: null,
    ourMedianMs: null,
    ourSolveMs: null,
    optimal: "–",
    ourObjective: null,
    covered: "–",
    highsFirstMs: null,
    highsMedianMs: null,
    highsObjective: null,
    highsStatus: "–",
    peakRssMb: 0,
    note,
  };
  let lp: string;
  let firstRun: PlannerRun;
  try {
    const { results, ms, firstMs, threadJobs } = await timePlanner(instance, previous, runs);
    row.ourFirstMs = firstMs;
    if (threadJobs > 0) row.note = joinNote(row.note, `parts solved in a part thread: ${threadJobs} in ${runs} runs`);
    const first = results[0];
    if (!first) throw new Error("no runs");
    firstRun = first;
    firstPlans.set(instance.name, first.plan);
    row.enclaves = `${first.size.enclaves}/${instance.scenario.enclaves.length}`;
    row.people = `${first.size.people}/${instance.scenario.workers.length + instance.scenario.coaches.length}`;
    row.ourMedianMs = median(ms);
    row.ourSolveMs = median(results.flatMap((r) => (r.solveMs === null ? [] : [r.solveMs])));
    const optimalRuns = results.filter((r) => r.optimal).length;
    row.optimal = optimalRuns === results.length ? "yes" : optimalRuns === 0 ? "no" : `${optimalRuns}/${results.length}`;
    if (optimalRuns < results.length && first.proven) {
      const proven = results.map((r) => (r.proven ?? []).filter(Boolean).length);
      row.optimal += ` (levels proven: ${Math.min(...proven)}–${Math.max(...proven)} of ${first.proven.length})`;
    }
    row.ourObjective = first.objective;
    if (results.some((r) => !sameObjective(r.objective, first.objective))) {
      row.note = joinNote(row.note, `objective varies over runs: ${results.map((r) => r.objective).join(", ")}`);
    }
    lp = first.lp();
  } catch (error) {
    row.note = joinNote(row.note, `planner failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    row.peakRssMb = peakRss / 2 ** 20;
    return row;
  }

  const highsMs: number[] = [];
  let lastColumns: Record<string, number> | null = null;
  try {
    // Untimed: lazy compilation of the WebAssembly functions this model touches.
    const warmUp = await solveLpWithHighs(lp, { timeLimitSeconds: highsTimeLimit });
    row.highsFirstMs = warmUp.ms;
    sampleRss();
    process.stderr.write(`  ${instance.name} HiGHS warm-up: ${warmUp.ms.toFixed(0)} ms, ${warmUp.status}\n`);
    for (let i = 0; i < (warmUp.status === "Optimal" ? runs : 0); i++) {
      const result = await solveLpWithHighs(lp, { timeLimitSeconds: highsTimeLimit });
      highsMs.push(result.ms);
      row.highsObjective = result.objective;
      row.highsStatus = result.status;
      lastColumns = result.columns;
      sampleRss();
      process.stderr.write(`  ${instance.name} HiGHS ${i + 1}/${runs}: ${result.ms.toFixed(0)} ms, ${result.status}, objective ${result.objective}\n`);
      if (result.status !== "Optimal") break; // a time-limited run says enough
    }
    row.highsMedianMs = median(highsMs);
    if (highsMs.length === 0) {
      row.highsObjective = warmUp.objective;
      row.highsStatus = warmUp.status;
      lastColumns = warmUp.columns;
    }
    if (row.highsStatus !== "Optimal") row.note = joinNote(row.note, `HiGHS: ${row.highsStatus}`);
    else if (row.ourObjective !== null && row.highsObjective !== null) {
      const difference = row.ourObjective - row.highsObjective;
      // HiGHS's point read by the planner itself, so both vectors are on one basis (a level's
      // constant included); an LP without that reading falls back to the LP's own terms.
      const ownReading = lastColumns ? firstRun.levelsAt(lastColumns) : null;
      const highsLevels = ownReading ?? (lastColumns ? levelValues(lp, lastColumns) : null);
      const ourLevels = firstRun.levels;
      // On one basis the levels decide; the weighted objectives only where they cannot be read.
      const differ = ownReading && ourLevels ? differingLevel(ourLevels, ownReading) !== -1 : !sameObjective(row.ourObjective, row.highsObjective);
      const levels =
        highsLevels && ourLevels
          ? `; levels: ours [${ourLevels.join(", ")}], HiGHS's point [${highsLevels.join(", ")}]${ownReading ? firstDifference(ourLevels, highsLevels) : " (LP terms, without constants)"}`
          : "";
      if (differ) row.note = joinNote(row.note, `objectives differ: ours − HiGHS = ${difference.toPrecision(6)}${levels}`);
    }
    if (Math.max(Math.abs(row.ourObjective ?? 0), Math.abs(row.highsObjective ?? 0)) >= EXACT_OBJECTIVE_LIMIT) {
      row.note = joinNote(row.note, "objective ≥ 2^52: the lowest levels are below double precision");
    }
  } catch (error) {
    row.note = joinNote(row.note, `HiGHS failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
  }
  try {
    // Level 1 checked independently: the most enclaves that can be covered on this day.
    const oracle = await highsCoverage(firstRun.day, { timeLimitSeconds: highsTimeLimit });
    row.covered = `${firstRun.covered ?? "–"} / ${oracle.covered}`;
    if (firstRun.covered !== null && firstRun.covered < oracle.covered) {
      row.note = joinNote(row.note, `${oracle.covered - firstRun.covered} enclave(s) fewer than can be covered`);
    }
  } catch (error) {
    row.note = joinNote(row.note, `coverage oracle failed: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`);
  }
  row.peakRssMb = peakRss / 2 ** 20;
  return row;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  if (!args.liftoff) preferOptimizedWasm();
  const instances = benchInstances().filter((i) => !only || only.includes(i.name));
  // As the service does when it starts (src/http/start.ts): large independent parts of a day
  // are then solved on other cores; `--one-thread` times the planner as a one-off `vlinder plan` runs.
  if (!args["one-thread"]) startPartThreads();
  const highs = await loadHighs();
  const firstPlans = new Map<string, Plan | null>();
  const rows: Row[] = [];
  for (const instance of instances) {
    if (instance.replanOf !== undefined && !firstPlans.has(instance.replanOf)) {
      // The re-plan needs the first plan of its base day.
      const base = benchInstances().find((i) => i.name === instance.replanOf);
      if (base) {
        process.stderr.write(`${base.name}: one untimed run for the plan to re-plan\n`);
        firstPlans.set(base.name, (await planner.plan(base.scenario, base.date, timeoutMs !== undefined ? { timeoutMs } : {})).plan);
      }
    }
    process.stderr.write(`${instance.name}: ${planner.name}\n`);
    rows.push(await benchOne(instance, firstPlans));
  }
  const table = markdownTable(rows);
  const report = [
    `# vlinder benchmark`,
    "",
    `${startedAt.toISOString()} · planner: ${planner.name} · Node ${process.version} · ${cpus()[0]?.model ?? "unknown CPU"} · HiGHS ${highs.version.string}`,
    "",
    table,
    "",
    `Times are medians over the runs (7 per instance, 3 for 160 enclaves). "our median ms" is the wall-clock`,
    `time of a planDay call (day building, solve, explanations, validation); "our solveMs" is the solver's own`,
    `plan.stats.solveMs. HiGHS times are the solve call alone on the planner's LP text (mip_rel_gap 0),`,
    `after one untimed solve ("HiGHS 1st ms", which includes compiling the WebAssembly it touches);`,
    `V8's baseline WebAssembly compiler was ${usesOptimizedWasm() ? "off (--no-liftoff)" : "on (--liftoff): HiGHS times are pessimistic"}.`,
    `Level values of a HiGHS solution are read by the planner from HiGHS's columns, on the basis of its own`,
    `levels (constants included). Part threads: ${args["one-thread"] ? "not started (--one-thread): every part in one thread" : "started, as the service starts them (independent large parts of a day solved on other cores; HiGHS uses one)"}.`,
    `"covered / max": enclaves the plan covers, against the most that can be covered on that day by the`,
    `independent coverage oracle (test/oracles/highs-coverage.ts, HiGHS on its own plain model).`,
    `Loading the HiGHS module took ${formatMs(highsStartupMs())} ms once. Peak RSS is the largest`,
    `process.memoryUsage().rss sampled after each run of that instance (the process maximum was`,
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB).`,
    "",
  ].join("\n");
  publishReport(table, report, args.out);
}

await main();

