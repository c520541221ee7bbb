/**
 * `vlinder import FILE [--organisation NAME]`: brings the database (DATABASE_URL, default
 * data/vlinder.db) to a scenario file. Idempotent: the same file twice changes nothing the
 * second time. A bad file lists every problem as `path: message` and exits 2 with nothing
 * written; the whole import is one transaction.
 */
import { databaseKind, databaseUrl, DomainError, importScenario, openDatabase, type ChangeCounts, type ImportResult } from "../db/index.ts";
import { readScenarioFile, type InputIssue } from "../scenario/validate-scenario.ts";
import { formatBadInput } from "./bad-input.ts";
import type { CliIo } from "./cli-io.ts";
import type { Command, Flags } from "./command.ts";
import { stringFlag } from "./command.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";

export const importCommand: Command = {
  name: "import",
  summary: "load a scenario file into the database (idempotent)",
  help: `Usage: vlinder import --scenario FILE [--organisation NAME]

Brings the database to the scenario file: what the file has is created or updated, what it no
longer has is deleted, in one transaction. Importing the same file again changes nothing.
Every problem in the file is listed as "path: message" (exit 2) and nothing is written.

Options:
  --scenario FILE        required: the scenario (JSON, see docs/scenario-format.md)
  --organisation NAME    the organisation to import into (default: the file's organisation name;
                         created when there is none)
  -h, --help             show this help

The database is DATABASE_URL: file:PATH (SQLite) or postgresql://… ; without it,
data/vlinder.db in the vlinder directory.

Example:
  vlinder import --scenario test/fixtures/westhoek.json`,
  options: { scenario: { type: "string" }, organisation: { type: "string" } },
  run: runImport,
};

async function runImport(flags: Flags, io: CliIo): Promise<ExitCode> {
  const flagIssues: InputIssue[] = [];
  const path = stringFlag(flags, "scenario");
  if (path === undefined || path.trim() === "") flagIssues.push({ path: "--scenario", message: "is required (the scenario file to import)" });
  const organisation = stringFlag(flags, "organisation");
  if (organisation !== undefined && organisation.trim() === "") flagIssues.push({ path: "--organisation", message: "must not be empty" });
  const dbIssue = databaseProblem();
  if (dbIssue) flagIssues.push(dbIssue);
  if (path === undefined || flagIssues.length > 0) {
    io.err(formatBadInput("import", [{ source: null, issues: flagIssues }]));
    return EXIT.badInput;
  }
  const read = readScenarioFile(path);
  if (!read.ok) {
    io.err(formatBadInput("import", [{ source: `scenario ${path}`, issues: read.issues }]));
    return EXIT.badInput;
  }
  const db = await openDatabase();
  try {
    const result = await importScenario(db, organisation !== undefined ? { organisationName: organisation } : {}, read.scenario, { name: "cli" });
    io.out(`${summary(result)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (isDomainError(error)) {
      io.err(`vlinder import: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  } finally {
    await db.close();
  }
}

function summary(result: ImportResult): string {
  const counts = (c: ChangeCounts): string => `${c.created} created, ${c.updated} updated, ${c.deleted} deleted, ${c.unchanged} unchanged`;
  const lines = [`${result.organisationName}${result.organisationCreated ? " (new organisation)" : ""}: ${counts(result)}`];
  for (const [kind, c] of Object.entries(result.byKind)) {
    if (kind !== "organisation") lines.push(`  ${kind.padEnd(9)} ${counts(c)}`);
  }
  return lines.join("\n");
}

/** A problem with DATABASE_URL (shared with `export`), or null when vlinder can open it. */
export function databaseProblem(): InputIssue | null {
  try {
    databaseKind(databaseUrl());
    return null;
  } catch (error) {
    return { path: "DATABASE_URL", message: error instanceof Error ? error.message : String(error) };
  }
}

function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
