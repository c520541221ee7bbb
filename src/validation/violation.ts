/**
 * What the plan validator reports: one violation per broken rule, per person, enclave and
 * block, with a message a planner understands ("W031 is placed at E05 in the afternoon but is
 * on leave (2026-11-23, pm)"). The rule codes are the validator's own; they are not the
 * problem codes of a plan (SCENARIO-FORMAT.md), which describe shortfalls a plan admits to.
 */
import type { Block } from "../scenario/schema.ts";

export const RULE_CODES = [
  // the plan as a document
  "WRONG_DATE",
  "MISSING_ENCLAVE",
  "DUPLICATE_ENCLAVE",
  "UNKNOWN_ID",
  "WRONG_KIND",
  // enclave calendars and notification
  "RUNNING_FLAG_WRONG",
  "NOT_RUNNING",
  "BLOCK_NOT_WORKED",
  "NOT_NOTIFIED_STAFFED",
  // people
  "NOT_QUALIFIED",
  "EXCLUDED",
  "NOT_AVAILABLE",
  "DOUBLE_BOOKED",
  "WORKER_SWITCHED_AT_NOON",
  "COACH_SWITCHED_WITHOUT_OWN_TRANSPORT",
  "INTERIM_NOT_ALLOWED",
  // teams
  "RATIO_EXCEEDED",
  "NO_COACH_WITH_WORKERS",
  "OVER_MAX_HEADCOUNT",
  // transport
  "NO_SEAT",
  "WRONG_SEAT",
  "DOUBLE_SEATED",
  "SEAT_NOT_NEEDED",
  "SEATS_EXCEEDED",
  // what the plan says about itself
  "COVERED_FLAG_WRONG",
  "SILENT_PROBLEM",
  "STATUS_WRONG",
  "IDLE_WRONG",
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export interface Violation {
  rule: RuleCode;
  message: string;
  enclaveId?: string;
  personId?: string;
  block?: Block;
}

/** One violation per line, `RULE_CODE  message`, for the command line. Empty for none. */
export function formatViolations(violations: readonly Violation[]): string {
  const width = Math.max(0, ...violations.map((v) => v.rule.length));
  return violations.map((v) => `${v.rule.padEnd(width)}  ${v.message}`).join("\n");
}
