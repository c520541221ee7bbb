/**
 * The one error translator of the service (STYLE.md, after cal.com's getServerErrorFromUnknown).
 *
 * Domain code throws errors that carry a `code`; this is the only place that decides what a
 * code means in HTTP. Bad input is a 400 that names every JSON path, never a 500; an unknown
 * id is a 404; a plan version that changed meanwhile, or a plan that new data (a sick call) put
 * out of date, is a 409; a manual change that breaks a
 * rule is a 422 that names the rules; anything unforeseen is a 500 whose message stays in the
 * server log, because it may hold internals the caller has no business seeing.
 */
import { z } from "zod";
import type { InputIssue } from "../scenario/input-issue.ts";
import { fromZodIssues } from "../scenario/zod-issues.ts";

export type ErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VERSION_CONFLICT"
  | "PLAN_OUT_OF_DATE"
  | "CONFLICT"
  | "RULE_BROKEN"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PLAN_OUT_OF_DATE: 409,
  CONFLICT: 409,
  RULE_BROKEN: 422,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: { path: string; message: string }[];
    violations?: { rule: string; message: string; enclaveId?: string; personId?: string; block?: string }[];
  };
}

/** An error the HTTP layer raises itself (authentication, roles, unknown routes). */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** A zod error that remembers which part of the request (path, query, body) it came from. */
export class PartError extends Error {
  constructor(
    readonly zodError: z.ZodError,
    readonly where: string,
  ) {
    super(zodError.message);
  }
}

/** Domain codes that are not HTTP codes, mapped once. */
const ALIASES: Record<string, ErrorCode> = {
  NOTHING_PUBLISHED: "NOT_FOUND",
  PLAN_INVALID: "INTERNAL",
};

export function translateError(error: unknown, where = "body"): { status: number; body: ErrorBody } {
  if (error instanceof PartError) return translateError(error.zodError, error.where);
  if (error instanceof z.ZodError) {
    const issues = fromZodIssues(error.issues).map((issue) => ({ path: prefixPath(where, issue.path), message: issue.message }));
    return respond("INVALID_INPUT", `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, { issues });
  }
  if (isExpressBodyError(error)) {
    if (error.type === "entity.too.large") return respond("PAYLOAD_TOO_LARGE", "the request body is too large");
    return respond("INVALID_INPUT", `the request body is not valid JSON: ${error.message}`, {
      issues: [{ path: "body", message: "is not valid JSON" }],
    });
  }
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    const code = (ALIASES[error.code] ?? error.code) as ErrorCode;
    if (code in STATUS && code !== "INTERNAL") {
      const extra: Partial<ErrorBody["error"]> = {};
      const issues = "issues" in error && Array.isArray(error.issues) ? (error.issues as InputIssue[]) : [];
      if (issues.length > 0) extra.issues = issues.map((i) => ({ path: prefixPath(where, i.path), message: i.message }));
      const violations = "violations" in error && Array.isArray(error.violations) ? (error.violations as ErrorBody["error"]["violations"]) : [];
      if (violations && violations.length > 0) extra.violations = violations;
      return respond(code, error.message, extra);
    }
  }
  return respond("INTERNAL", "internal error: the service could not answer; the details are in its log");
}

function respond(code: ErrorCode, message: string, extra: Partial<ErrorBody["error"]> = {}): { status: number; body: ErrorBody } {
  return { status: STATUS[code], body: { error: { code, message, ...extra } } };
}

/** Body paths are the document's own (`enclaves[3].staffing.min`); query and path parameters say where they are. */
function prefixPath(where: string, path: string): string {
  if (where === "body") return path;
  if (path === "(root)") return where;
  return path.startsWith("[") ? `${where}${path}` : `${where}.${path}`;
}

/** express.json's errors: unparsable JSON (400) or a body over the limit (413, "entity.too.large"). */
function isExpressBodyError(error: unknown): error is Error & { type: string; status: number } {
  return error instanceof Error && "type" in error && typeof error.type === "string" && "status" in error && (error.status === 400 || error.status === 413);
}
