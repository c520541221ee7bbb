/**
 * `vlinder estimate`: the yearly question of HR from the command line — how many butterflies
 * does the company need for a given year and service level? Reads the scenario, runs the
 * simulation (`runEstimate`), writes the chart if asked (atomically), and prints the estimate
 * as a table with the recommendation and the arithmetic minimum, or as the estimate JSON.
 *
 * Every flag and the scenario are checked before the simulation starts, so a typo in
 * `--plot` costs nothing; bad input is listed as `path: message` on stderr (exit 2) and
 * nothing is written.
 */
import { EstimateUnreachableError, ESTIMATE_DEFAULTS, runEstimate } from "../estimate/estimate.ts";
import { formatEstimate } from "../estimate/format-estimate.ts";
import { estimateSvg } from "../estimate/svg-plot.ts";
import { estimateMetricSchema, type EstimateMetric, type Scenario } from "../scenario/schema.ts";
import { readScenarioFile, type InputIssue } from "../scenario/validate-scenario.ts";
import { flagIssue, formatBadInput, type IssueGroup } from "./bad-input.ts";
import type { CliIo } from "./cli-io.ts";
import type { Command, Flags } from "./command.ts";
import { requireFlag, stringFlag } from "./command.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { OutputFileError, outputPathProblem, writeFilesAtomically } from "./write-files.ts";

const MAX_RUNS = 1_000_000;

export const estimateCommand: Command = {
  name: "estimate",
  summary: "how many butterflies for a year: coverage curve and recommendation",
  help: `Usage: vlinder estimate --scenario FILE --year YYYY [options]

Simulates the year many times — enclave calendars, fixed coaches' leave, ADV and sickness,
work patterns, butterflies' own absences and training, who is trained where — and shows the
coverage that 0, 1, 2, … butterflies buy, the smallest number that meets the service level,
and the hearing's arithmetic minimum beside it. Also what-ifs: stand-in workers for line
enclaves, fixed coaches at 4/5, and the shared coaching pilot.

Options:
  --scenario FILE         required: the scenario (JSON, see docs/scenario-format.md)
  --year YYYY             required: the calendar year to simulate
  --service-level SHARE   target share, strictly between 0 and 1 (default ${ESTIMATE_DEFAULTS.serviceLevel})
  --metric METRIC         enclaveDays (share of enclave-days covered, default) or
                          fullDays (share of days on which every enclave is covered)
  --runs N                simulated years (default ${ESTIMATE_DEFAULTS.runs})
  --seed S                seed of the random numbers (default ${ESTIMATE_DEFAULTS.seed}); same seed, same answer
  --json                  print the estimate as JSON (the estimate format) instead of tables
  --plot FILE.svg         also write a chart of coverage against butterflies (SVG, atomically)
  -h, --help              show this help

Examples:
  vlinder estimate --scenario westhoek.json --year 2027
  vlinder estimate --scenario westhoek.json --year 2027 --metric fullDays --service-level 0.9
  vlinder estimate --scenario westhoek.json --year 2027 --runs 10000 --plot raming-2027.svg`,
  options: {
    scenario: { type: "string" },
    year: { type: "string" },
    "service-level": { type: "string" },
    metric: { type: "string" },
    runs: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    plot: { type: "string" },
  },
  run: runEstimateCommand,
};

interface EstimateInput {
  scenario: Scenario;
  year: number;
  serviceLevel: number;
  metric: EstimateMetric;
  runs: number;
  seed: number;
  json: boolean;
  plot: string | undefined;
}

type Checked<T> = { ok: true; value: T } | { ok: false; groups: IssueGroup[] };

/** A whole number within [min, max] written in plain digits, or a message. */
function wholeNumber(value: string, min: number, max: number, what: string): number | string {
  if (!/^-?\d+$/.test(value.trim())) return `must be ${what} (got ${JSON.stringify(value)})`;
  const n = Number(value);
  if (n < min || n > max) return `must be from ${min} to ${max} (got ${value})`;
  return n;
}

function readEstimateInput(flags: Flags): Checked<EstimateInput> {
  const issues: InputIssue[] = [];
  const groups: IssueGroup[] = [{ source: null, issues }];
  const scenarioPath = requireFlag(flags, "scenario", "the scenario file to estimate for", issues);
  const yearText = requireFlag(flags, "year", "the calendar year, YYYY", issues);
  let year: number | undefined;
  if (yearText !== undefined) {
    const parsed = /^\d{4}$/.test(yearText.trim()) ? wholeNumber(yearText, 1583, 9998, "a year written YYYY") : `must be a year written YYYY (got ${JSON.stringify(yearText)})`;
    if (typeof parsed === "string") issues.push(flagIssue("--year", parsed));
    else year = parsed;
  }
  let serviceLevel: number = ESTIMATE_DEFAULTS.serviceLevel;
  const levelText = stringFlag(flags, "service-level");
  if (levelText !== undefined) {
    const value = Number(levelText.trim());
    if (levelText.trim() === "" || !Number.isFinite(value)) issues.push(flagIssue("--service-level", `must be a share such as 0.99 (got ${JSON.stringify(levelText)})`));
    else if (!(value > 0 && value < 1)) {
      issues.push(flagIssue("--service-level", `must be strictly between 0 and 1, e.g. 0.99 for 99% (got ${levelText}); no number of butterflies can promise 100%`));
    } else serviceLevel = value;
  }
  let metric: EstimateMetric = ESTIMATE_DEFAULTS.metric;
  const metricText = stringFlag(flags, "metric");
  if (metricText !== undefined) {
    const parsed = estimateMetricSchema.safeParse(metricText);
    if (parsed.success) metric = parsed.data;
    else issues.push(flagIssue("--metric", `must be enclaveDays or fullDays (got ${JSON.stringify(metricText)})`));
  }
  let runs: number = ESTIMATE_DEFAULTS.runs;
  const runsText = stringFlag(flags, "runs");
  if (runsText !== undefined) {
    const parsed = wholeNumber(runsText, 1, MAX_RUNS, "a whole number of simulated years");
    if (typeof parsed === "string") issues.push(flagIssue("--runs", parsed));
    else runs = parsed;
  }
  let seed: number = ESTIMATE_DEFAULTS.seed;
  const seedText = stringFlag(flags, "seed");
  if (seedText !== undefined) {
    const parsed = wholeNumber(seedText, 0, 4_294_967_295, "a whole number");
    if (typeof parsed === "string") issues.push(flagIssue("--seed", parsed));
    else seed = parsed;
  }
  const plot = stringFlag(flags, "plot");
  const plotProblem = plot === undefined ? null : outputPathProblem(plot);
  if (plotProblem !== null) issues.push(flagIssue("--plot", plotProblem));

  const scenario = scenarioPath === undefined ? undefined : readScenarioFile(scenarioPath);
  if (scenario && !scenario.ok) groups.push({ source: `scenario ${scenarioPath}`, issues: scenario.issues });
  if (groups.some((group) => group.issues.length > 0) || !scenario?.ok || year === undefined) return { ok: false, groups };
  return { ok: true, value: { scenario: scenario.scenario, year, serviceLevel, metric, runs, seed, json: flags.json === true, plot } };
}

async function runEstimateCommand(flags: Flags, io: CliIo): Promise<ExitCode> {
  const input = readEstimateInput(flags);
  if (!input.ok) {
    io.err(formatBadInput("estimate", input.groups));
    return EXIT.badInput;
  }
  const { scenario, year, serviceLevel, metric, runs, seed } = input.value;
  let shown = -1;
  const onProgress = io.interactive
    ? (fraction: number) => {
        const percent = Math.floor(fraction * 100);
        if (percent === shown) return;
        shown = percent;
        io.err(`\r\u001b[KSimulating ${runs} years of ${scenario.organisation.name}… ${percent}%`);
      }
    : undefined;
  let estimate;
  try {
    estimate = await runEstimate(scenario, { year, serviceLevel, metric, runs, seed }, { onProgress });
  } catch (error) {
    if (io.interactive) io.err("\r\u001b[K");
    if (!(error instanceof EstimateUnreachableError)) throw error;
    io.err(formatBadInput("estimate", [{ source: null, issues: [flagIssue("--service-level", error.message)] }]));
    return EXIT.badInput;
  }
  if (io.interactive) io.err("\r\u001b[K");
  const title = `${scenario.organisation.name} · ${year}: coverage by number of butterflies`;
  try {
    if (input.value.plot !== undefined) writeFilesAtomically([{ flag: "--plot", path: input.value.plot, text: estimateSvg(estimate, title) }]);
  } catch (error) {
    if (!(error instanceof OutputFileError)) throw error;
    io.err(formatBadInput("estimate", [{ source: null, issues: [flagIssue(error.flag, error.message)] }]));
    return EXIT.badInput;
  }
  io.out(input.value.json ? `${JSON.stringify(estimate, null, 2)}\n` : formatEstimate(estimate, scenario.organisation.name, { color: io.color }));
  return EXIT.ok;
}
