/**
 * `vlinder plan`: the 07:30 question from the command line. Reads the scenario (and, for a
 * re-plan, the plan already sent out), plans the day with `planDay`, writes the requested
 * files atomically and prints the plan as a table for the planner or as JSON for a program.
 *
 * Input is checked as a whole before the solver starts, so a bad `--date` or a typo in
 * `--out` is reported at once instead of after a long solve, and nothing is written when
 * anything is wrong. A plan that fails vlinder's own validator is an internal error
 * (`PlanInvalidError`): it is never printed or written.
 */
import { DEFAULT_TIMEOUT_MS, PlanInvalidError, planDay, type PlanDayResult } from "../planning/plan-day.ts";
import { startSolverThread } from "../../solver/index.ts";
import type { Plan, Scenario } from "../scenario/schema.ts";
import { readPlanFile, readScenarioFile, type InputIssue } from "../scenario/validate-scenario.ts";
import { formatViolations, validatePlan } from "../validation/validate-plan.ts";
import { flagIssue, formatBadInput, type IssueGroup } from "./bad-input.ts";
import type { CliIo } from "./cli-io.ts";
import type { Command, Flags } from "./command.ts";
import { dateProblem, requireFlag, stringFlag } from "./command.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { formatPlanTable } from "./format-plan.ts";
import { OutputFileError, outputPathProblem, writeFilesAtomically, type OutputFile } from "./write-files.ts";

export const planCommand: Command = {
  name: "plan",
  summary: "plan one day: who works where, what is short, and why",
  help: `Usage: vlinder plan --scenario FILE --date YYYY-MM-DD [options]

Plans one day: places fixed coaches, butterflies, workers and van seats so that as many
enclaves as possible start covered, with as few moves as possible, and says for every
enclave that is not covered what is short, why, and what the options are.

Options:
  --scenario FILE     required: the scenario (JSON, see docs/scenario-format.md)
  --date YYYY-MM-DD   required: the day to plan
  --previous PLAN     re-plan after new absences, changing as little as possible
                      of PLAN (the plan already sent out, a plan --json file)
  --json              print the plan as JSON (the plan format) instead of tables
  --out FILE          also write the plan as JSON to FILE (atomically)
  --lp FILE           also write the model in CPLEX LP format to FILE
  --time-limit S      stop searching after S seconds (default 10, from 0.1 to 600); a plan
                      not proven optimal by then is still the best found, and says so
  -h, --help          show this help

Nothing is written when the input is bad (exit 2). The plan always passes the plan
validator before it is shown; if it does not, that is a bug in vlinder (exit 70).

Examples:
  vlinder plan --scenario westhoek.json --date 2026-11-23
  vlinder plan --scenario westhoek.json --date 2026-11-23 --out plan-0730.json
  vlinder plan --scenario westhoek.json --date 2026-11-23 --previous plan-0730.json
  vlinder plan --scenario groot.json --date 2026-11-23 --time-limit 1`,
  options: {
    scenario: { type: "string" },
    date: { type: "string" },
    previous: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    lp: { type: "string" },
    "time-limit": { type: "string" },
  },
  run: runPlan,
};

interface PlanInput {
  scenario: Scenario;
  date: string;
  previous: Plan | undefined;
  out: string | undefined;
  lp: string | undefined;
  json: boolean;
  /** The solver's budget (planDay's timeoutMs). */
  timeoutMs: number;
}

/** `--time-limit`'s range, in seconds. */
const TIME_LIMIT_SECONDS = { min: 0.1, max: 600 } as const;

/** `--time-limit` in milliseconds, or what is wrong with it. */
function timeLimitMs(text: string): number | string {
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= TIME_LIMIT_SECONDS.min && seconds <= TIME_LIMIT_SECONDS.max)) {
    return `must be a number of seconds from ${TIME_LIMIT_SECONDS.min} to ${TIME_LIMIT_SECONDS.max} (got ${JSON.stringify(text)})`;
  }
  return Math.round(seconds * 1000);
}

function runPlan(flags: Flags, io: CliIo): ExitCode {
  // The solver thread starts while the scenario is read and checked.
  startSolverThread();
  const input = readPlanInput(flags);
  if (!input.ok) {
    io.err(formatBadInput("plan", input.groups));
    return EXIT.badInput;
  }
  const { scenario, date, previous } = input.value;
  if (io.interactive) io.err(`Planning ${date} for ${scenario.organisation.name}…`);
  let result: PlanDayResult;
  try {
    result = planDay(scenario, date, { ...(previous ? { previous } : {}), timeoutMs: input.value.timeoutMs });
  } catch (error) {
    if (!(error instanceof PlanInvalidError)) throw error;
    if (io.interactive) io.err("\r\u001b[K");
    io.err(
      `vlinder plan: internal error: the plan vlinder made breaks ${error.violations.length} rule(s), so it was not printed or written.\n` +
        `${formatViolations(error.violations)}\n` +
        "This is a bug in vlinder; please report it with the scenario and the date.\n",
    );
    return EXIT.internal;
  }
  if (io.interactive) io.err("\r\u001b[K");
  return deliverPlan(input.value, result, io);
}

/** Writes the requested files (all or none), then prints the plan. */
function deliverPlan(input: PlanInput, result: PlanDayResult, io: CliIo): ExitCode {
  const json = `${JSON.stringify(result.plan, null, 2)}\n`;
  const files: OutputFile[] = [];
  if (input.lp !== undefined) files.push({ flag: "--lp", path: input.lp, text: result.lp() });
  if (input.out !== undefined) files.push({ flag: "--out", path: input.out, text: json });
  try {
    writeFilesAtomically(files);
  } catch (error) {
    if (!(error instanceof OutputFileError)) throw error;
    io.err(formatBadInput("plan", [{ source: null, issues: [flagIssue(error.flag, error.message)] }]));
    return EXIT.badInput;
  }
  io.out(input.json ? json : `${formatPlanTable(result.plan, input.scenario, { color: io.color })}\n`);
  return EXIT.ok;
}

type Checked<T> = { ok: true; value: T } | { ok: false; groups: IssueGroup[] };

/** Every flag and file, checked together so the user sees every problem in one go. */
function readPlanInput(flags: Flags): Checked<PlanInput> {
  const flagIssues: InputIssue[] = [];
  const groups: IssueGroup[] = [{ source: null, issues: flagIssues }];
  const scenarioPath = requireFlag(flags, "scenario", "the scenario file to plan from", flagIssues);
  const date = requireFlag(flags, "date", "the day to plan, YYYY-MM-DD", flagIssues);
  const dateIssue = date === undefined ? null : dateProblem(date);
  if (dateIssue !== null) flagIssues.push(flagIssue("--date", dateIssue));
  const out = stringFlag(flags, "out");
  const lp = stringFlag(flags, "lp");
  for (const [flag, path] of [["--out", out], ["--lp", lp]] as const) {
    const problem = path === undefined ? null : outputPathProblem(path);
    if (problem !== null) flagIssues.push(flagIssue(flag, problem));
  }
  if (out !== undefined && lp !== undefined && out === lp) flagIssues.push(flagIssue("--lp", "must not be the same file as --out"));
  const timeLimitText = stringFlag(flags, "time-limit");
  const timeLimit = timeLimitText === undefined ? DEFAULT_TIMEOUT_MS : timeLimitMs(timeLimitText);
  if (typeof timeLimit === "string") flagIssues.push(flagIssue("--time-limit", timeLimit));

  const scenario = scenarioPath === undefined ? undefined : readScenarioFile(scenarioPath);
  if (scenario && !scenario.ok) groups.push({ source: `scenario ${scenarioPath}`, issues: scenario.issues });
  const previousPath = stringFlag(flags, "previous");
  const previous = previousPath === undefined ? undefined : readPlanFile(previousPath);
  if (previous && !previous.ok) groups.push({ source: `previous plan ${previousPath}`, issues: previous.issues });
  if (previous?.ok && scenario?.ok && date !== undefined && dateIssue === null) {
    flagIssues.push(...previousPlanIssues(scenario.scenario, previous.plan, date));
  }

  if (groups.some((group) => group.issues.length > 0) || !scenario?.ok || date === undefined) return { ok: false, groups };
  return {
    ok: true,
    value: {
      scenario: scenario.scenario,
      date,
      previous: previous?.ok ? previous.plan : undefined,
      out,
      lp,
      json: flags.json === true,
      timeoutMs: typeof timeLimit === "number" ? timeLimit : DEFAULT_TIMEOUT_MS,
    },
  };
}

/**
 * A plan to re-plan from must be for the same day and the same organisation. People in it who
 * have since fallen ill are exactly what a re-plan is for, so only a wrong date and ids the
 * scenario does not know are refused here.
 */
function previousPlanIssues(scenario: Scenario, previous: Plan, date: string): InputIssue[] {
  if (previous.date !== date) {
    return [flagIssue("--previous", `the plan is for ${previous.date}, not for --date ${date}`)];
  }
  return validatePlan(scenario, previous)
    .filter((violation) => violation.rule === "UNKNOWN_ID" || violation.rule === "WRONG_KIND")
    .map((violation) => flagIssue("--previous", `${violation.message} (is this plan for another scenario?)`));
}
