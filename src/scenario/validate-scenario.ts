/**
 * Reading scenario and plan documents: structure (zod) and cross-references, every problem
 * listed at once with its JSON path.
 *
 * This is the one door through which a scenario enters vlinder (CLI files, the future HTTP
 * API, imports): invalid input is rejected as a whole, before anything is planned or written
 * (SCENARIO-FORMAT.md, "Errors"). The CLI prints `formatIssues` and exits with status 2; the
 * HTTP layer maps `ScenarioInputError` (code INVALID_INPUT) to 400.
 */
import { readFileSync } from "node:fs";
import { crossCheckScenario } from "./cross-checks.ts";
import { formatIssues, formatPath, ROOT_PATH, uniqueIssues, type InputIssue } from "./input-issue.ts";
import { parseJsonText } from "./json-text.ts";
import { planSchema, scenarioSchema, type Plan, type Scenario } from "./schema.ts";
import { fromZodIssues, plainMessage } from "./zod-issues.ts";

export { formatIssues, type InputIssue } from "./input-issue.ts";

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: InputIssue[] };
export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: InputIssue[] };

/** Invalid input, with every problem found; the HTTP layer answers 400. */
export class ScenarioInputError extends Error {
  readonly code = "INVALID_INPUT";
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], what = "scenario") {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`invalid ${what} (${count}):\n${formatIssues(issues)}`);
    this.name = "ScenarioInputError";
    this.issues = issues;
  }
}

/**
 * Validates a parsed JSON value as a scenario and fills in the documented defaults.
 * Structural and cross-reference problems are reported together.
 */
export function readScenario(input: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(input, { error: plainMessage });
  const issues = uniqueIssues([
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues)),
    ...crossCheckScenario(input),
  ]);
  if (!parsed.success || issues.length > 0) {
    // A failed parse always has issues; the fallback only guards that invariant.
    const listed = issues.length > 0 ? issues : [{ path: ROOT_PATH, message: "is not a valid scenario" }];
    return { ok: false, issues: listed };
  }
  return { ok: true, scenario: parsed.data };
}

/** Reads a scenario file (JSON); a missing file or a syntax error is an issue at `(root)`. */
export function readScenarioFile(path: string): ScenarioResult {
  const value = readJsonFile(path);
  return value.ok ? readScenario(value.value) : value;
}

/** Like `readScenario`, but throws `ScenarioInputError` listing every problem. */
export function assertValidScenario(input: unknown): Scenario {
  const result = readScenario(input);
  if (!result.ok) throw new ScenarioInputError(result.issues);
  return result.scenario;
}

/**
 * Validates a parsed JSON value as a plan (`vlinder check --plan`, `--previous`). Besides the
 * structure, an enclave may appear only once: a plan with two answers for E01 is unusable.
 */
export function readPlan(input: unknown): PlanResult {
  const parsed = planSchema.safeParse(input, { error: plainMessage });
  if (!parsed.success) return { ok: false, issues: uniqueIssues(fromZodIssues(parsed.error.issues)) };
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  parsed.data.enclaves.forEach((enclave, i) => {
    const earlier = seen.get(enclave.enclaveId);
    if (earlier === undefined) seen.set(enclave.enclaveId, i);
    else {
      issues.push({
        path: formatPath(["enclaves", i, "enclaveId"]),
        message: `duplicate enclave ${enclave.enclaveId} (also enclaves[${earlier}])`,
      });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: parsed.data };
}

/** Reads a plan file (JSON), as `readScenarioFile` does for scenarios. */
export function readPlanFile(path: string): PlanResult {
  const value = readJsonFile(path);
  return value.ok ? readPlan(value.value) : value;
}

function readJsonFile(path: string): { ok: true; value: unknown } | { ok: false; issues: InputIssue[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, issues: [{ path: ROOT_PATH, message: `cannot read ${path}: ${readFailure(error)}` }] };
  }
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, issues: [parsed.issue] };
}

function readFailure(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
