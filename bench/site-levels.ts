/**
 * `npm run bench:site-levels`: where a large company's solve spends its time, site by site and
 * level by level, against HiGHS on the same level. The day's largest component is cut into
 * sites as the site-by-site search cuts it (partitionModel, decompose.ts), each site is solved
 * lexicographically by our solver from the greedy start (as the search's root does, with the
 * whole of the shared capacities), and each level of it — the levels above held at our values —
 * is solved by HiGHS alone, with and without its presolve. A level that takes us hundreds of
 * nodes and HiGHS one is where the site solver is weak (see BENCHMARKS.md, session 15).
 *
 * Options: --enclaves 40  --seed 8  --replan (after the late sick call, as bench:sweep)
 * --parts 0,1 (default: all)  --timeout-ms 10000 (our solve of one site)  --whole (the component
 * as one site, as the planner solves one of up to 600 variables)
 */
import { parseArgs } from "node:util";
import { scenarioSchema } from "../src/scenario/schema.ts";
import { buildDayContext } from "../src/planning/build-day-instance.ts";
import { planDay } from "../src/planning/plan-day.ts";
import { generateScenario } from "../test/generators/scenario-generator.ts";
import { loadHighs, preferOptimizedWasm } from "../test/reference/highs-runner.ts";
import { buildDailyModel } from "../solver/daily-model.ts";
import { splitComponents } from "../solver/components.ts";
import { partitionModel } from "../solver/partition.ts";
import { bestGreedyStart } from "../solver/greedy-start.ts";
import { solveLexicographic } from "../solver/lexicographic-solve.ts";
import { restrictPoint } from "../solver/linear-model.ts";
import { writeCplexLp } from "../solver/lp-format.ts";
import { startSolverThread } from "../solver/index.ts";
import { BENCH_DATE, withLateSickCall } from "./instances.ts";
import { heldLevelModel } from "./held-level.ts";
import { formatMs } from "./report.ts";

const { values: args } = parseArgs({
  options: {
    enclaves: { type: "string", default: "40" },
    seed: { type: "string", default: "8" },
    replan: { type: "boolean", default: false },
    whole: { type: "boolean", default: false },
    parts: { type: "string" },
    "timeout-ms": { type: "string", default: "10000" },
  },
});
const enclaves = Number(args.enclaves);
const seed = Number(args.seed);
const timeoutMs = Number(args["timeout-ms"]);
for (const [name, value] of [["--enclaves", enclaves], ["--seed", seed], ["--timeout-ms", timeoutMs]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1`);
}

async function main(): Promise<void> {
  startSolverThread();
  preferOptimizedWasm();
  const highs = await loadHighs();
  let scenario = scenarioSchema.parse(generateScenario({ seed, enclaves, date: BENCH_DATE }));
  let previous = null;
  if (args.replan) {
    const first = planDay(scenario, BENCH_DATE);
    const late = withLateSickCall(scenario, first.plan, BENCH_DATE);
    scenario = late.scenario;
    previous = first.plan;
  }
  const built = buildDailyModel(buildDayContext(scenario, BENCH_DATE, previous).day);
  const start = bestGreedyStart(built);
  const component = splitComponents(built.model).sort((a, b) => b.variables.size - a.variables.size)[0]!;
  const partition = partitionModel(component, { maxPartVariables: 450 });
  const sites = partition.parts.length > 1 && !args.whole ? partition.parts : [component];
  const chosen = args.parts === undefined ? sites.map((_, i) => i) : args.parts.split(",").map(Number);
  // Untimed: JIT compilation of our solver and of HiGHS's WebAssembly.
  solveLexicographic(sites[0]!, { timeoutMs, incumbent: restrictPoint(start, sites[0]!) });
  highs.solve(writeCplexLp(heldLevelModel(sites[0]!, 0, restrictPoint(start, sites[0]!))), { mip_rel_gap: 0 });
  const lines = [
    `${enclaves} enclaves, seed ${seed}${args.replan ? ", re-plan" : ""}: largest component ${component.variables.size} variables, ${args.whole ? "solved whole" : `${sites.length} site(s) sharing ${partition.linking.length} rows`}`,
    "",
    "| site | variables | level | ours: value | proven | ms | nodes | HiGHS: value | ms | ms without presolve |",
    "| ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const p of chosen) {
    const site = sites[p];
    if (site === undefined) throw new Error(`--parts: there is no site ${p} (sites 0-${sites.length - 1})`);
    const ours = solveLexicographic(site, { timeoutMs, incumbent: restrictPoint(start, site) });
    site.objectives.forEach((objective, k) => {
      const level = ours.levels[k];
      if (level === undefined) return;
      const lp = writeCplexLp(heldLevelModel(site, k, ours.values), `site ${p} level ${k + 1}`);
      const timed = (options: Record<string, unknown>) => {
        const started = performance.now();
        const solution = highs.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: 60, ...options });
        // The LP text minimises: a maximised level is written negated. Values without offsets, as ours.
        const value = objective.sense === "max" ? -solution.ObjectiveValue : solution.ObjectiveValue;
        return { ms: performance.now() - started, value: solution.Status === "Optimal" ? value : solution.Status };
      };
      const on = timed({});
      const off = timed({ presolve: "off" });
      const value = typeof on.value === "number" ? String(Math.round(on.value * 1e6) / 1e6) : on.value;
      lines.push(`| ${p} | ${site.variables.size} | ${k + 1}. ${objective.name} | ${level.value} | ${level.optimal ? "yes" : "no"} | ${formatMs(level.ms)} | ${level.nodes} | ${value} | ${formatMs(on.ms)} | ${formatMs(off.ms)} |`);
    });
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
process.exit(0);
