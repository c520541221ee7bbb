/**
 * The errors the daily use cases throw, each with a code the one error translator of the
 * service maps to HTTP (and the CLI to an exit status): NOT_FOUND, RULE_BROKEN (a manual
 * change would break a rule; the violations say which), VERSION_CONFLICT (the plan changed
 * meanwhile), PLAN_OUT_OF_DATE (the plan on screen breaks rules by itself since new data came
 * in — a sick call — so no hand change can be stored until it is re-planned) and
 * NOTHING_PUBLISHED.
 */
import type { Violation } from "../validation/violation.ts";

export type PlanningErrorCode = "NOT_FOUND" | "RULE_BROKEN" | "VERSION_CONFLICT" | "PLAN_OUT_OF_DATE" | "NOTHING_PUBLISHED";

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
