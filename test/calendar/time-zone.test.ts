/**
 * Guards the time-zone wiring of vitest.config.ts: the calendar tests run once per project,
 * each with its own TZ, and this test fails if a project's TZ is not really in effect.
 */
import { describe, expect, test } from "vitest";

/** Project name → the TZ it must run under and the UTC offset of 2026-01-01 there. */
const PROJECTS: Record<string, { tz: string; offsetMinutes: number }> = {
  default: { tz: "Europe/Brussels", offsetMinutes: -60 },
  "calendar-tz-kiritimati": { tz: "Pacific/Kiritimati", offsetMinutes: -840 },
  "calendar-tz-la": { tz: "America/Los_Angeles", offsetMinutes: 480 },
};

const offset = new Date(2026, 0, 1).getTimezoneOffset();

describe("time-zone wiring", () => {
  test(`TZ=${process.env.TZ ?? "(unset)"} gives offset ${offset} min on 2026-01-01`, ({ task }) => {
    const expected = PROJECTS[task.file.projectName ?? ""];
    expect(expected, `unknown vitest project "${task.file.projectName}"`).toBeDefined();
    expect(process.env.TZ).toBe(expected?.tz);
    expect(offset).toBe(expected?.offsetMinutes);
  });
});
