/**
 * DOMAIN rule 4 (availability): work patterns as unions of recurrence rules with half days,
 * minus full- and half-day absences; and why a block is missing.
 */
import { describe, expect, test } from "vitest";
import {
  availableBlocks,
  describeUnavailability,
  indexAbsences,
  unavailability,
  workPatternBlocks,
} from "../../src/calendar/availability.ts";
import type { Absence, WorkPatternRule } from "../../src/scenario/schema.ts";

const FULL_TIME: WorkPatternRule[] = [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", blocks: ["am", "pm"] }];
const MORNINGS: WorkPatternRule[] = [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", blocks: ["am"] }];
/** 9/10: Monday to Thursday, and every other Friday. */
const NINE_TENTHS: WorkPatternRule[] = [
  { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", blocks: ["am", "pm"] },
  { dtstart: "2024-01-05", rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", blocks: ["am", "pm"] },
];

function absence(personId: string, from: string, to: string, blocks: Absence["blocks"], kind: Absence["kind"]): Absence {
  return { personId, from, to, blocks, kind };
}

describe("workPatternBlocks (DOMAIN rule 4)", () => {
  test("the biweekly Friday is worked one week and not the next", () => {
    expect(workPatternBlocks(NINE_TENTHS, "2024-01-05")).toEqual(["am", "pm"]);
    expect(workPatternBlocks(NINE_TENTHS, "2024-01-12")).toEqual([]);
    expect(workPatternBlocks(NINE_TENTHS, "2024-01-19")).toEqual(["am", "pm"]);
    expect(workPatternBlocks(NINE_TENTHS, "2024-01-11")).toEqual(["am", "pm"]);
  });

  test("half days: a mornings-only pattern has no pm", () => {
    expect(workPatternBlocks(MORNINGS, "2026-11-23")).toEqual(["am"]);
    expect(workPatternBlocks(MORNINGS, "2026-11-28")).toEqual([]);
  });

  test("the union of rules, always in the order am, pm", () => {
    const split: WorkPatternRule[] = [
      { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,WE", blocks: ["pm"] },
      { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU", blocks: ["am"] },
    ];
    expect(workPatternBlocks(split, "2026-11-23")).toEqual(["am", "pm"]); // Monday: both rules
    expect(workPatternBlocks(split, "2026-11-24")).toEqual(["am"]);
    expect(workPatternBlocks(split, "2026-11-25")).toEqual(["pm"]);
    expect(workPatternBlocks(split, "2026-11-26")).toEqual([]);
  });

  test("work patterns do not know public holidays (enclaves close on them instead)", () => {
    expect(workPatternBlocks(FULL_TIME, "2026-11-11")).toEqual(["am", "pm"]);
  });
});

describe("availableBlocks (DOMAIN rule 4)", () => {
  const person = { id: "W001", workPattern: FULL_TIME };

  test("available in every pattern block when not absent; others' absences do not count", () => {
    const absences = [absence("W002", "2026-11-23", "2026-11-23", ["am", "pm"], "sick")];
    expect(availableBlocks(person, "2026-11-23", absences)).toEqual(["am", "pm"]);
    expect(availableBlocks(person, "2026-11-23", [])).toEqual(["am", "pm"]);
  });

  test("a half-day absence removes only its block", () => {
    const absences = [absence("W001", "2026-11-23", "2026-11-23", ["pm"], "leave")];
    expect(availableBlocks(person, "2026-11-23", absences)).toEqual(["am"]);
    expect(unavailability(person, "2026-11-23", absences)).toEqual([
      { block: "pm", reason: "absent", kind: "leave", absence: absences[0] },
    ]);
    expect(describeUnavailability(person, "2026-11-23", absences)).toBe("W001 is on leave in the afternoon");
  });

  test("an absence spanning a weekend covers from..to inclusive; the weekend is simply not scheduled", () => {
    const absences = [absence("W001", "2026-11-27", "2026-11-30", ["am", "pm"], "sick")];
    expect(availableBlocks(person, "2026-11-26", absences)).toEqual(["am", "pm"]);
    expect(availableBlocks(person, "2026-11-27", absences)).toEqual([]);
    expect(availableBlocks(person, "2026-11-28", absences)).toEqual([]);
    expect(availableBlocks(person, "2026-11-30", absences)).toEqual([]);
    expect(availableBlocks(person, "2026-12-01", absences)).toEqual(["am", "pm"]);
    expect(unavailability(person, "2026-11-28", absences).map((u) => u.reason)).toEqual(["not-scheduled", "not-scheduled"]);
    expect(unavailability(person, "2026-11-30", absences).map((u) => [u.block, u.reason, u.kind])).toEqual([
      ["am", "absent", "sick"],
      ["pm", "absent", "sick"],
    ]);
    expect(describeUnavailability(person, "2026-11-30", absences)).toBe("W001 is sick");
  });

  test("the same answer from the array and from indexAbsences", () => {
    const absences = [
      absence("W001", "2026-11-23", "2026-11-23", ["am"], "adv"),
      absence("W002", "2026-11-23", "2026-11-25", ["am", "pm"], "sick"),
      absence("W001", "2026-11-24", "2026-11-24", ["pm"], "training"),
    ];
    const index = indexAbsences(absences);
    expect(index.get("W001")).toEqual([absences[0], absences[2]]);
    expect(index.get("W003")).toBeUndefined();
    for (const date of ["2026-11-23", "2026-11-24", "2026-11-25"]) {
      for (const id of ["W001", "W002", "W003"]) {
        const p = { id, workPattern: FULL_TIME };
        expect(availableBlocks(p, date, index)).toEqual(availableBlocks(p, date, absences));
        expect(unavailability(p, date, index)).toEqual(unavailability(p, date, absences));
      }
    }
    expect(availableBlocks({ id: "W001", workPattern: FULL_TIME }, "2026-11-23", index)).toEqual(["pm"]);
  });
});

describe("unavailability", () => {
  test("empty when the person works both blocks", () => {
    expect(unavailability({ id: "C01", workPattern: FULL_TIME }, "2026-11-23", [])).toEqual([]);
    expect(describeUnavailability({ id: "C01", workPattern: FULL_TIME }, "2026-11-23", [])).toBeNull();
  });

  test("a mornings-only worker is not scheduled in the afternoon", () => {
    const w = { id: "W002", workPattern: MORNINGS };
    expect(unavailability(w, "2026-11-23", [])).toEqual([{ block: "pm", reason: "not-scheduled" }]);
    expect(describeUnavailability(w, "2026-11-23", [])).toBe("W002 does not work in the afternoon (work pattern)");
  });

  test("not-scheduled wins over an absence on a day off; mixed reasons are both told", () => {
    const w = { id: "W002", workPattern: MORNINGS };
    const absences = [absence("W002", "2026-11-23", "2026-11-23", ["am", "pm"], "sick")];
    expect(unavailability(w, "2026-11-23", absences).map((u) => [u.block, u.reason])).toEqual([
      ["am", "absent"],
      ["pm", "not-scheduled"],
    ]);
    expect(describeUnavailability(w, "2026-11-23", absences)).toBe(
      "W002 does not work in the afternoon (work pattern) and is sick in the morning",
    );
    expect(describeUnavailability(w, "2026-11-28", absences)).toBe("W002 does not work on 2026-11-28 (work pattern)");
  });
});
