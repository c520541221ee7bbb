/**
 * Turns zod issues into input issues with plain, specific messages.
 *
 * The schemas in `schema.ts` set their own messages where it matters (`must not be
 * negative`, `must be ≤ max (got 9 > 7)`); zod gives those precedence over a per-parse error
 * map, so `plainMessage` only rewrites zod's generic English ("Invalid input: expected
 * string, received number") into the style of the format doc ("must be a string (got 5)").
 * Unknown fields arrive as one zod issue listing several keys; each key becomes its own
 * issue with the key in the path (`enclaves[0].colour: unknown field`).
 */
import type { z } from "zod";
import { describeValue, formatPath, type InputIssue } from "./input-issue.ts";

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
  date: "a date",
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 || n === 1n ? "" : "s"}`;
}

/** Per-parse zod error map: plain wording for issues whose schema gave no message. */
export const plainMessage: z.core.$ZodErrorMap = (issue) => {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `is required (${expectedName(issue.expected)})`;
      if (issue.expected === "int") return `must be a whole number (got ${got})`;
      return `must be ${expectedName(issue.expected)} (got ${got})`;
    case "too_small": {
      const { minimum, inclusive, origin } = issue;
      if (origin === "string" && minimum === 1) return "must not be empty";
      if (origin === "string") return `must be at least ${plural(minimum, "character")} long`;
      if (origin === "array" || origin === "set") return `must have at least ${plural(minimum, "item")}`;
      if (inclusive === false) return `must be more than ${minimum} (got ${got})`;
      return `must be at least ${minimum} (got ${got})`;
    }
    case "too_big": {
      const { maximum, inclusive, origin } = issue;
      if (origin === "string") return `must be at most ${plural(maximum, "character")} long`;
      if (origin === "array" || origin === "set") return `must have at most ${plural(maximum, "item")}`;
      if (inclusive === false) return `must be less than ${maximum} (got ${got})`;
      return `must be at most ${maximum} (got ${got})`;
    }
    case "invalid_value": {
      const allowed = issue.values.map((value) => JSON.stringify(value));
      if (allowed.length === 1) return `must be ${allowed[0]} (got ${got})`;
      return `must be one of ${allowed.join(", ")} (got ${got})`;
    }
    case "invalid_format":
      return `must be a valid ${issue.format} (got ${got})`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor} (got ${got})`;
    case "unrecognized_keys":
      return "unknown field";
    case "invalid_union":
      return `does not match any allowed form (got ${got})`;
    case "custom":
      return `is not valid (got ${got})`;
    default:
      return undefined;
  }
};

/** Zod's final issues as input issues: one per problem, one per unknown key. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: "unknown field" });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}
