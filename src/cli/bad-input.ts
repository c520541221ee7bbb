/**
 * Reporting bad input the one way the CLI promises (SCENARIO-FORMAT.md, "Errors"): every
 * problem at once, each as `path: message` — a flag (`--date`) or a JSON path inside the file
 * it came from — on stderr, before anything is planned or written; the command then exits 2.
 */
import type { InputIssue } from "../scenario/validate-scenario.ts";

/** Problems found in one place: the command line (`source` null) or one input file. */
export interface IssueGroup {
  /** "scenario westhoek.json", "plan plan.json"; null for flags. */
  source: string | null;
  issues: InputIssue[];
}

export function formatBadInput(command: string, groups: readonly IssueGroup[]): string {
  const total = groups.reduce((sum, group) => sum + group.issues.length, 0);
  const lines = [`vlinder ${command}: bad input, nothing was done (${total === 1 ? "1 problem" : `${total} problems`})`];
  for (const group of groups) {
    if (group.issues.length === 0) continue;
    const indent = group.source === null ? "  " : "    ";
    if (group.source !== null) lines.push(`  in ${group.source}:`);
    for (const issue of group.issues) lines.push(`${indent}${issue.path}: ${issue.message}`);
  }
  if (groups.some((group) => group.source === null && group.issues.length > 0)) {
    lines.push(`Run "vlinder help ${command}" for the options.`);
  }
  return `${lines.join("\n")}\n`;
}

/** A flag's problem, written like a JSON-path issue so both read the same. */
export function flagIssue(flag: string, message: string): InputIssue {
  return { path: flag, message };
}
