/**
 * What every `vlinder` subcommand is: a name, a one-line summary for `vlinder --help`, its own
 * help text, the flags `node:util` parseArgs should accept, and a function from parsed flags
 * to an exit status. main.ts only dispatches; each command reads its input, calls the use case
 * and formats the result.
 */
import type { ParseArgsConfig } from "node:util";
import type { CliIo } from "./cli-io.ts";
import type { ExitCode } from "./exit-codes.ts";
import { isRealDate } from "../scenario/schema.ts";
import type { InputIssue } from "../scenario/validate-scenario.ts";
import { flagIssue } from "./bad-input.ts";

export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(flags: Flags, io: CliIo): ExitCode | Promise<ExitCode>;
}

/** The value of a string flag, or undefined when it was not given. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
}

/** A required string flag: its value, or an issue saying it is missing. */
export function requireFlag(flags: Flags, name: string, what: string, issues: InputIssue[]): string | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined || value.trim() === "") {
    issues.push(flagIssue(`--${name}`, `is required (${what})`));
    return undefined;
  }
  return value;
}

/** Why `value` is not a usable `--date`, or null: `YYYY-MM-DD` naming a real day. */
export function dateProblem(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `must be a date written YYYY-MM-DD (got ${JSON.stringify(value)})`;
  if (!isRealDate(value)) return `${value} is not a day of the calendar`;
  return null;
}
