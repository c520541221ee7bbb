/**
 * The `vlinder` command: finds the subcommand, parses its flags with `node:util` parseArgs,
 * runs it and turns the outcome into an exit status (0 ok, 1 violations found, 2 bad input,
 * 70 internal error). Everything else lives in the command modules beside this one.
 *
 * Exit statuses are set with `process.exitCode`, never `process.exit()`, so a large plan
 * piped to another program is flushed completely before the process ends.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkCommand } from "./check-command.ts";
import { processIo, type CliIo } from "./cli-io.ts";
import type { Command, Flags } from "./command.ts";
import { estimateCommand } from "./estimate-command.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { exportCommand } from "./export-command.ts";
import { importCommand } from "./import-command.ts";
import { planCommand } from "./plan-command.ts";
import { validateCommand } from "./validate-command.ts";

const COMMANDS: readonly Command[] = [planCommand, checkCommand, validateCommand, estimateCommand, importCommand, exportCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return `vlinder — cover every enclave at 07:30 with coaches, butterflies, workers and van seats

Usage:
  vlinder plan --scenario FILE --date YYYY-MM-DD [--previous PLAN] [--json] [--lp FILE] [--out FILE]
  vlinder check --scenario FILE --plan FILE
  vlinder validate --scenario FILE
  vlinder estimate --scenario FILE --year YYYY [--service-level 0.99] [--metric enclaveDays|fullDays]
                   [--runs N] [--seed S] [--json] [--plot FILE.svg]
  vlinder import --scenario FILE [--organisation NAME]
  vlinder export [--organisation NAME] [--out FILE]
  vlinder help [COMMAND]
  vlinder --version

Commands:
${list}

Exit status: 0 ok, 1 check found violations, 2 bad input (nothing written), 70 internal error.
Scenario and plan files: docs/scenario-format.md
Database (import, export): DATABASE_URL, file:PATH or postgresql://…; default data/vlinder.db`;
}

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const value = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : "unknown";
  return `vlinder ${String(value)}`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, "missing command");
  if (first === "--help" || first === "-h") return print(io, usage());
  if (first === "--version" || first === "-V") return print(io, version());
  if (first === "help") return help(io, rest);
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) {
    return usageError(io, first.startsWith("-") ? `unknown option ${first}` : `unknown command ${JSON.stringify(first)}`);
  }
  let flags: Flags;
  try {
    flags = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError(io, argumentProblem(error), command);
  }
  if (flags.help === true) return print(io, command.help);
  return command.run(flags, io);
}

function help(io: CliIo, topics: readonly string[]): ExitCode {
  const [topic, ...extra] = topics;
  if (topic === undefined) return print(io, usage());
  const command = COMMANDS.find((candidate) => candidate.name === topic);
  if (!command || extra.length > 0) return usageError(io, `no help for ${JSON.stringify(topics.join(" "))}`);
  return print(io, command.help);
}

function print(io: CliIo, text: string): ExitCode {
  io.out(`${text}\n`);
  return EXIT.ok;
}

function usageError(io: CliIo, message: string, command?: Command): ExitCode {
  io.err(`vlinder${command ? ` ${command.name}` : ""}: ${message}\n\n${command ? command.help : usage()}\n`);
  return EXIT.badInput;
}

/** parseArgs' errors, in the CLI's own words ("unknown option --dat"). */
function argumentProblem(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${quoted.replace(/ <value>$/, "")} needs a value`.replace(/^(-\w), /, "");
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(quoted)} (every input is given with a flag, e.g. --scenario FILE)`;
    default:
      return message;
  }
}

/** Anything thrown past a command is a bug: say so plainly, with the stack only on request. */
function internalError(io: CliIo, error: unknown): ExitCode {
  const detail = process.env.VLINDER_DEBUG && error instanceof Error && error.stack ? error.stack : String(error instanceof Error ? error.message : error);
  io.err(`vlinder: internal error: ${detail}\nThis is a bug in vlinder; please report it with the command you ran.\n`);
  return EXIT.internal;
}

const io = processIo();
try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  process.exitCode = internalError(io, error);
}
