/**
 * `npm run bench:sweep`: many generated companies instead of one day each. For every seed the
 * Monday is planned, then re-planned after a late sick call (bench/instances.ts
 * withLateSickCall), and HiGHS solves each of the planner's models once: how often the planner
 * proves its plan, how often it reaches HiGHS's optimum, and the spread of the times. One
 * instance per size (npm run bench) can hide the days that go wrong; this cannot. Each company's
 * plan and re-plan is listed too (progress line, and the report's "Per company" table): a median
 * can sit between the easy days and the hard ones.
 *
 * Options: --enclaves 10,14 (sizes)   --seeds 20 (N seeds per size)   --first-seed 1 (seeds F…F+N−1:
 * the solver's rules were tuned on the first seeds, so unseen ones show the days that go wrong)   --timeout-ms MS (planDay;
 * the planner's default otherwise)   --out FILE (markdown; default bench/out/sweep.md)
 * --part-threads (start part threads, as the service does: a long site-by-site search then races
 * the whole model on another core; without, every solve runs here, as a one-off `vlinder plan`).
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { scenarioSchema } from "../src/scenario/schema.ts";
import type { Plan, Scenario } from "../src/scenario/schema.ts";
import { generateScenario } from "../test/generators/scenario-generator.ts";
import { loadHighs, preferOptimizedWasm, solveLpWithHighs } from "../test/reference/highs-runner.ts";
import { BENCH_DATE, withLateSickCall } from "./instances.ts";
import { vlinderPlanner } from "./planners.ts";
import { formatMs, median, publishReport, sameObjective } from "./report.ts";
import { partThreadIdle, startPartThreads } from "../solver/part-threads.ts";

const { values: args } = parseArgs({
  options: {
    enclaves: { type: "string", default: "10,14" },
    seeds: { type: "string", default: "20" },
    "first-seed": { type: "string", default: "1" },
    "timeout-ms": { type: "string" },
    out: { type: "string", default: new URL("./out/sweep.md", import.meta.url).pathname },
    "part-threads": { type: "boolean", default: false },
  },
});
const sizes = args.enclaves.split(",").map(Number);
const seeds = Number(args.seeds);
const firstSeed = Number(args["first-seed"]);
if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`--seeds must be a whole number of seeds, got ${args.seeds}`);
if (!Number.isInteger(firstSeed) || firstSeed < 1) throw new Error(`--first-seed must be a whole number from 1, got ${args["first-seed"]}`);
const timeoutMs = args["timeout-ms"] !== undefined ? Number(args["timeout-ms"]) : undefined;

interface Solve {
  seed: number;
  /** Wall-clock planDay (day building, solve, explanations, validator). */
  ms: number;
  /** The solver's own time (plan.stats.solveMs), what HiGHS's solve compares with. */
  solveMs: number;
  proven: boolean;
  /** Our weighted objective equals HiGHS's optimum of the same model. */
  equal: boolean;
  highsMs: number;
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
}

async function solveAndCompare(seed: number, scenario: Scenario, previous: Plan | undefined): Promise<{ solve: Solve; plan: Plan | null }> {
  const started = performance.now();
  const run = await vlinderPlanner.plan(scenario, BENCH_DATE, { ...(previous ? { previous } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  const ms = performance.now() - started;
  const highs = await solveLpWithHighs(run.lp(), { timeLimitSeconds: 300 });
  const equal = highs.status === "Optimal" && highs.objective !== null && sameObjective(run.objective, highs.objective);
  return { solve: { seed, ms, solveMs: run.solveMs ?? ms, proven: run.optimal, equal, highsMs: highs.ms }, plan: run.plan };
}

/** Our solve time over HiGHS's on one model. */
function ratio(solve: Solve): string {
  return `${(solve.solveMs / Math.max(1e-9, solve.highsMs)).toFixed(2)}×`;
}

/** Our solve time against HiGHS's on one model, for the progress line. */
function against(solve: Solve): string {
  return `solve ${formatMs(solve.solveMs)} ms, HiGHS ${formatMs(solve.highsMs)} ms: ${ratio(solve)}${notes(solve)}`;
}

/** A company's plan or re-plan as cells of the per-company table. */
function companyCells(solve: Solve): string {
  return `${formatMs(solve.solveMs)} | ${formatMs(solve.highsMs)} | ${ratio(solve)} | ${notes(solve).trim() || "–"}`;
}

function notes(solve: Solve): string {
  return `${solve.proven ? "" : " unproven"}${solve.equal ? "" : " ≠ HiGHS"}`;
}

function summaryRow(size: number, kind: string, solves: readonly Solve[]): string {
  const ours = solves.map((s) => s.ms);
  const solveMs = solves.map((s) => s.solveMs);
  const highs = solves.map((s) => s.highsMs);
  const ratio = (median(solveMs) ?? 0) / Math.max(1e-9, median(highs) ?? 1);
  const exceptions = solves.filter((s) => !s.proven || !s.equal).map((s) => `${s.seed}${s.proven ? "" : " unproven"}${s.equal ? "" : " ≠ HiGHS"}`);
  return `| ${size} | ${kind} | ${solves.length} | ${solves.filter((s) => s.proven).length} | ${solves.filter((s) => s.equal).length} | ${formatMs(median(ours))} / ${formatMs(quantile(ours, 0.9))} / ${formatMs(Math.max(...ours))} | ${formatMs(median(solveMs))} | ${formatMs(median(highs))} / ${formatMs(quantile(highs, 0.9))} / ${formatMs(Math.max(...highs))} | ${ratio.toFixed(2)} | ${exceptions.join(", ") || "–"} |`;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  preferOptimizedWasm();
  if (args["part-threads"]) {
    startPartThreads();
    if (!(await partThreadIdle(30_000))) throw new Error("--part-threads: no part thread was ready after 30 s");
  }
  const highs = await loadHighs();
  const rows: string[] = [];
  /** One line per company (plan and re-plan): where a median sits between the easy days and the hard ones. */
  const companies: string[] = [];
  for (const size of sizes) {
    const generated = Array.from({ length: seeds }, (_, i) => {
      const seed = firstSeed + i;
      return { seed, scenario: scenarioSchema.parse(generateScenario({ seed, enclaves: size, date: BENCH_DATE })) };
    });
    // Untimed: JIT compilation of the planner and HiGHS's WebAssembly (see npm run bench).
    for (let i = 0; i < 3; i++) await solveAndCompare(0, generated[0]!.scenario, undefined);
    const plans: Solve[] = [];
    const replans: Solve[] = [];
    for (const { seed, scenario } of generated) {
      const first = await solveAndCompare(seed, scenario, undefined);
      plans.push(first.solve);
      const late = withLateSickCall(scenario, first.plan, BENCH_DATE);
      replans.push((await solveAndCompare(seed, late.scenario, first.plan ?? undefined)).solve);
      process.stderr.write(`  ${size} enclaves, seed ${seed}: plan ${first.solve.ms.toFixed(0)} ms (${against(first.solve)}), re-plan ${replans.at(-1)!.ms.toFixed(0)} ms (${against(replans.at(-1)!)})\n`);
      companies.push(`| ${size} | ${seed} | ${companyCells(first.solve)} | ${companyCells(replans.at(-1)!)} |`);
    }
    rows.push(summaryRow(size, "plan", plans), summaryRow(size, "re-plan 07:25", replans));
  }
  const table = [
    "| enclaves | day | solves | proven | = HiGHS | our planDay ms (median / p90 / max) | our solveMs (median) | HiGHS ms (median / p90 / max) | our solveMs / HiGHS (medians) | seeds not proven or ≠ HiGHS |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
  const report = [
    "# vlinder sweep over generated companies",
    "",
    `${startedAt.toISOString()} · seeds ${firstSeed}–${firstSeed + seeds - 1} · Node ${process.version} · ${cpus()[0]?.model ?? "unknown CPU"} · HiGHS ${highs.version.string} · part threads: ${args["part-threads"] ? "started" : "none"}`,
    "",
    table,
    "",
    "\"our planDay ms\" is the wall-clock time of planDay (budget: " + (timeoutMs !== undefined ? `${timeoutMs} ms` : "the planner's default") + "): day building,",
    "solve, explanations and the validator; \"our solveMs\" is the solver's own time (plan.stats.solveMs),",
    "which the ratio compares with HiGHS's solve call on the planner's own LP text (mip_rel_gap 0), once",
    "per model. \"= HiGHS\": our weighted objective equals HiGHS's optimum.",
    "",
    "## Per company",
    "",
    "| enclaves | seed | plan: our solveMs | HiGHS ms | ratio | | re-plan: our solveMs | HiGHS ms | ratio | |",
    "| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ...companies,
    "",
  ].join("\n");
  publishReport(table, report, args.out);
}

await main();
