/**
 * Benchmark of issue 4: 10,000 simulated years of the Westhoek example (13 enclaves, 16 fixed
 * coaches, 4 butterflies) in at most 5 s on the 2-core machine. Times `runEstimate` in this
 * process (scenario already read; what-ifs off, as in the target), several times, and prints
 * the median with the machine, Node version and commit, ready for BENCHMARKS.md.
 *
 *   npm run bench:estimate -- [--runs 10000] [--repeat 5] [--year 2027]
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { runEstimate } from "../src/estimate/estimate.ts";
import { readScenarioFile } from "../src/scenario/validate-scenario.ts";

const { values } = parseArgs({ options: { runs: { type: "string" }, repeat: { type: "string" }, year: { type: "string" } } });
const runs = Number(values.runs ?? 10_000);
const repeat = Number(values.repeat ?? 5);
const year = Number(values.year ?? 2027);
const TARGET_MS = 5000;

const read = readScenarioFile(new URL("../test/fixtures/westhoek.json", import.meta.url).pathname);
if (!read.ok) throw new Error("test/fixtures/westhoek.json is invalid");

const times: number[] = [];
let recommended = -1;
for (let i = 0; i < repeat; i++) {
  const start = performance.now();
  const estimate = await runEstimate(read.scenario, { year, runs, whatIfs: false });
  times.push(performance.now() - start);
  recommended = estimate.recommended;
}
const withWhatIfs = performance.now();
await runEstimate(read.scenario, { year, runs: 2000 });
const whatIfMs = performance.now() - withWhatIfs;

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
} catch {
  // Not a git checkout: leave it unknown.
}
console.log(`${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length}-core ${cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}`);
console.log(`| instance | years | repeats | median ms | min ms | max ms | target | recommended |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |`);
console.log(
  `| westhoek ${year} | ${runs} | ${repeat} | ${median.toFixed(0)} | ${times[0]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} | ≤ ${TARGET_MS} ms: ${median <= TARGET_MS ? "met" : "MISSED"} | ${recommended} |`,
);
console.log(`Default CLI estimate (2000 years) with the three what-ifs: ${whatIfMs.toFixed(0)} ms.`);
