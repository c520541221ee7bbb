/**
 * The errors the daily use cases throw, each with a code the one error translator of the
 * service maps to HTTP (and the CLI to an exit status): NOT_FOUND, RULE_BROKEN (a manual
 * change would break a rule; the violations say which), VERSION_CONFLICT (the plan changed
 * meanwhile) and NOTHING_PUBLISHED.
 */
import type { Violation } from "../validation/violation.ts";

export type PlanningErrorCode = "NOT_FOUND" | "RULE_BROKEN" | "VERSION_CONFLICT" | "NOTHING_PUBLISHED";

export class PlanningError extends Error {
  constructor(
    readonly code: PlanningErrorCode,
    message: string,
    readonly violations: Violation[] = [],
  ) {
    super(message);
    this.name = "PlanningError";
  }
}
