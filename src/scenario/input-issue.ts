/**
 * Input issues: one problem in a scenario or plan document, named by a JSON path.
 *
 * Shared by the structural (zod) and cross-reference checks so that the CLI and the future
 * HTTP layer print every problem the same way: `enclaves[3].staffing.min: must be ≤ max`.
 */

/** One problem with the input: where (`enclaves[3].staffing.min`, `(root)`) and what. */
export interface InputIssue {
  path: string;
  message: string;
}

/** The path written for the document as a whole. */
export const ROOT_PATH = "(root)";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a path such as `["workers", 12, "qualifiedEnclaveIds", 0]` as
 * `workers[12].qualifiedEnclaveIds[0]`; keys that are not identifiers are quoted
 * (`rules["odd key"]`), and the empty path is `(root)`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === "" ? ROOT_PATH : out;
}

/** One line per issue, `path: message`, for the command line. */
export function formatIssues(issues: readonly InputIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
}

/** Short, readable rendering of an offending value for `(got …)` in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const quoted = JSON.stringify(value);
    return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** Drops exact repeats (same path and message), keeping the first occurrence's order. */
export function uniqueIssues(issues: readonly InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
