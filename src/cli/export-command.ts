/**
 * `vlinder export [--organisation NAME] [--out FILE]`: writes an organisation's data from the
 * database as a scenario file (stdout, or FILE atomically). Export → import gives the same data.
 */
import { exportScenario, findOrganisationByName, listOrganisations, openDatabase } from "../db/index.ts";
import type { InputIssue } from "../scenario/validate-scenario.ts";
import { formatBadInput } from "./bad-input.ts";
import type { CliIo } from "./cli-io.ts";
import type { Command, Flags } from "./command.ts";
import { stringFlag } from "./command.ts";
import { databaseProblem } from "./import-command.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import { outputPathProblem, writeFilesAtomically } from "./write-files.ts";

export const exportCommand: Command = {
  name: "export",
  summary: "write an organisation's data from the database as a scenario file",
  help: `Usage: vlinder export [--organisation NAME] [--out FILE]

Writes the organisation's enclaves, people, routes and absences as a scenario (JSON, see
docs/scenario-format.md) to stdout or FILE. Importing it again changes nothing.

Options:
  --organisation NAME   which organisation (needed when the database holds more than one)
  --out FILE            write to FILE instead of stdout (atomically)
  -h, --help            show this help

The database is DATABASE_URL: file:PATH (SQLite) or postgresql://… ; without it,
data/vlinder.db in the vlinder directory.

Example:
  vlinder export --organisation "Westhoek Maatwerk" --out westhoek-export.json`,
  options: { organisation: { type: "string" }, out: { type: "string" } },
  run: runExport,
};

async function runExport(flags: Flags, io: CliIo): Promise<ExitCode> {
  const issues: InputIssue[] = [];
  const name = stringFlag(flags, "organisation");
  const out = stringFlag(flags, "out");
  if (out !== undefined) {
    const problem = outputPathProblem(out);
    if (problem) issues.push({ path: "--out", message: problem });
  }
  const dbIssue = databaseProblem();
  if (dbIssue) issues.push(dbIssue);
  if (issues.length > 0) {
    io.err(formatBadInput("export", [{ source: null, issues }]));
    return EXIT.badInput;
  }
  const db = await openDatabase();
  try {
    let organisationId: string;
    if (name !== undefined) {
      const found = await findOrganisationByName(db, name);
      if (!found) {
        io.err(formatBadInput("export", [{ source: null, issues: [{ path: "--organisation", message: `no organisation called ${JSON.stringify(name)} in the database` }] }]));
        return EXIT.badInput;
      }
      organisationId = found.id;
    } else {
      const all = await listOrganisations(db);
      const only = all[0];
      if (all.length !== 1 || !only) {
        const message =
          all.length === 0
            ? "is required: the database holds no organisation yet (vlinder import first)"
            : `is required: the database holds ${all.length} (${all.map((org) => JSON.stringify(org.name)).join(", ")})`;
        io.err(formatBadInput("export", [{ source: null, issues: [{ path: "--organisation", message }] }]));
        return EXIT.badInput;
      }
      organisationId = only.id;
    }
    const text = `${JSON.stringify(await exportScenario(db, organisationId), null, 2)}\n`;
    if (out !== undefined) writeFilesAtomically([{ flag: "--out", path: out, text }]);
    else io.out(text);
    return EXIT.ok;
  } finally {
    await db.close();
  }
}
