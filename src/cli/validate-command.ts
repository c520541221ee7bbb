/**
 * `vlinder validate --scenario FILE`: is this scenario readable, and what is in it? Lists
 * every problem with its JSON path (exit 2), or prints a one-line summary (exit 0) — the
 * check to run after editing a scenario by hand or exporting one from another system.
 */
import type { Scenario } from "../scenario/schema.ts";
import { readScenarioFile, type InputIssue } from "../scenario/validate-scenario.ts";
import { formatBadInput } from "./bad-input.ts";
import type { Command, Flags } from "./command.ts";
import { requireFlag } from "./command.ts";
import type { CliIo } from "./cli-io.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";

export const validateCommand: Command = {
  name: "validate",
  summary: "check a scenario file and summarise what is in it",
  help: `Usage: vlinder validate --scenario FILE

Reads a scenario and reports every problem with its JSON path (exit 2), or prints a
one-line summary: enclaves, workers, coaches, routes and absences (exit 0).

Options:
  --scenario FILE   required: the scenario to check (JSON, see docs/scenario-format.md)
  -h, --help        show this help

Example:
  vlinder validate --scenario test/fixtures/westhoek.json`,
  options: { scenario: { type: "string" } },
  run: runValidate,
};

function runValidate(flags: Flags, io: CliIo): ExitCode {
  const flagIssues: InputIssue[] = [];
  const path = requireFlag(flags, "scenario", "the scenario file to check", flagIssues);
  if (path === undefined) {
    io.err(formatBadInput("validate", [{ source: null, issues: flagIssues }]));
    return EXIT.badInput;
  }
  const read = readScenarioFile(path);
  if (!read.ok) {
    io.err(formatBadInput("validate", [{ source: `scenario ${path}`, issues: read.issues }]));
    return EXIT.badInput;
  }
  io.out(`${path}: valid scenario — ${summariseScenario(read.scenario)}\n`);
  return EXIT.ok;
}

/** "Westhoek Maatwerk: 13 enclaves, 156 workers, 20 coaches (16 fixed, 4 butterflies), …" */
export function summariseScenario(scenario: Scenario): string {
  const roles = [
    count(scenario.coaches.filter((coach) => coach.role === "fixed").length, "fixed", "fixed"),
    count(scenario.coaches.filter((coach) => coach.role === "butterfly").length, "butterfly", "butterflies"),
    count(scenario.coaches.filter((coach) => coach.role === "interim").length, "interim", "interims"),
  ].filter((part) => !part.startsWith("0 "));
  const parts = [
    count(scenario.enclaves.length, "enclave", "enclaves"),
    count(scenario.workers.length, "worker", "workers"),
    `${count(scenario.coaches.length, "coach", "coaches")}${roles.length > 0 ? ` (${roles.join(", ")})` : ""}`,
    count(scenario.routes.length, "route", "routes"),
    count(scenario.absences.length, "absence", "absences"),
  ];
  return `${scenario.organisation.name}: ${parts.join(", ")}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
