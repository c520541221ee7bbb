/**
 * `vlinder check --scenario S --plan P`: does this plan — made by vlinder, edited by hand or
 * imported — break any hard rule for this scenario on its date? Prints each violation and
 * exits 1, or confirms the plan and exits 0. The judge is the one plan validator
 * (src/validation), the same one every plan from `vlinder plan` has already passed.
 */
import { readPlanFile, readScenarioFile, type InputIssue } from "../scenario/validate-scenario.ts";
import { formatViolations, validatePlan } from "../validation/validate-plan.ts";
import { formatBadInput, type IssueGroup } from "./bad-input.ts";
import type { Command, Flags } from "./command.ts";
import { requireFlag } from "./command.ts";
import type { CliIo } from "./cli-io.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";

export const checkCommand: Command = {
  name: "check",
  summary: "check a plan against every rule for a scenario",
  help: `Usage: vlinder check --scenario FILE --plan FILE

Checks a plan (made by vlinder, edited by hand or imported) against every hard rule for the
scenario on the plan's date: qualification, availability, ratio, headcount, transport,
calendars, notification, and whether the plan is honest about its own problems.

Prints one line per violation and exits 1, or says the plan is valid and exits 0.

Options:
  --scenario FILE   required: the scenario (JSON, see docs/scenario-format.md)
  --plan FILE       required: the plan to check (JSON, as written by plan --json)
  -h, --help        show this help

Example:
  vlinder plan --scenario westhoek.json --date 2026-11-23 --out plan.json
  vlinder check --scenario westhoek.json --plan plan.json`,
  options: { scenario: { type: "string" }, plan: { type: "string" } },
  run: runCheck,
};

function runCheck(flags: Flags, io: CliIo): ExitCode {
  const flagIssues: InputIssue[] = [];
  const scenarioPath = requireFlag(flags, "scenario", "the scenario file", flagIssues);
  const planPath = requireFlag(flags, "plan", "the plan file to check", flagIssues);
  const groups: IssueGroup[] = [{ source: null, issues: flagIssues }];
  const scenario = scenarioPath === undefined ? undefined : readScenarioFile(scenarioPath);
  const plan = planPath === undefined ? undefined : readPlanFile(planPath);
  if (scenario && !scenario.ok) groups.push({ source: `scenario ${scenarioPath}`, issues: scenario.issues });
  if (plan && !plan.ok) groups.push({ source: `plan ${planPath}`, issues: plan.issues });
  if (!scenario?.ok || !plan?.ok) {
    io.err(formatBadInput("check", groups));
    return EXIT.badInput;
  }
  const violations = validatePlan(scenario.scenario, plan.plan);
  const date = plan.plan.date;
  if (violations.length === 0) {
    io.out(`plan ${planPath} is valid for ${scenarioPath} on ${date}\n`);
    return EXIT.ok;
  }
  const broken = violations.length === 1 ? "1 violation" : `${violations.length} violations`;
  io.out(`${formatViolations(violations)}\n\nplan ${planPath} is not valid for ${scenarioPath} on ${date}: ${broken}\n`);
  return EXIT.violations;
}
