/**
 * The calendar on the Westhoek fixture (test/fixtures/westhoek.json), Monday 2026-11-23 and
 * around: which enclaves run, who is available, and that every rule in the file is accepted.
 */
import { describe, expect, test } from "vitest";
import { availableBlocks, indexAbsences, unavailability } from "../../src/calendar/availability.ts";
import { enclaveRunsOn, isNotifiedInTime } from "../../src/calendar/enclave-calendar.ts";
import { occurrencesBetween, checkRecurrenceRule } from "../../src/calendar/recurrence.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const scenario = westhoekScenario();

function enclaveById(id: string) {
  const enclave = scenario.enclaves.find((e) => e.id === id);
  if (!enclave) throw new Error(`no enclave ${id} in the fixture`);
  return enclave;
}

function personById(id: string) {
  const person = [...scenario.workers, ...scenario.coaches].find((p) => p.id === id);
  if (!person) throw new Error(`no person ${id} in the fixture`);
  return person;
}

function running(date: string): string[] {
  return scenario.enclaves.filter((e) => enclaveRunsOn(e, date, scenario.rules).runs).map((e) => e.id);
}

describe("Westhoek enclave calendars", () => {
  test("Monday 2026-11-23: E10 (Wednesdays) and E11 (one week a month) do not run, E13 runs on an rdate", () => {
    expect(enclaveRunsOn(enclaveById("E10"), "2026-11-23", scenario.rules)).toEqual({
      runs: false,
      reason: "Monday 2026-11-23 is not in E10's schedule (FREQ=WEEKLY;BYDAY=WE)",
    });
    expect(enclaveRunsOn(enclaveById("E11"), "2026-11-23", scenario.rules).runs).toBe(false);
    expect(enclaveRunsOn(enclaveById("E13"), "2026-11-23", scenario.rules)).toEqual({
      runs: true,
      reason: "Monday 2026-11-23 is an extra day in E13's schedule (rdate)",
    });
    expect(running("2026-11-23")).toEqual(["E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E12", "E13"]);
  });

  test("Wednesday 2026-11-25: E10 runs; Wednesday 2026-12-02: E11 runs, E13 does not", () => {
    expect(enclaveRunsOn(enclaveById("E10"), "2026-11-25", scenario.rules).runs).toBe(true);
    expect(enclaveRunsOn(enclaveById("E11"), "2026-12-02", scenario.rules).runs).toBe(true);
    expect(enclaveRunsOn(enclaveById("E13"), "2026-12-02", scenario.rules).runs).toBe(false);
    expect(running("2026-12-02")).toHaveLength(12);
  });

  test("Christmas 2026-12-25: nothing runs", () => {
    expect(running("2026-12-25")).toEqual([]);
    expect(enclaveRunsOn(enclaveById("E01"), "2026-12-25", scenario.rules).reason).toBe(
      "2026-12-25 is a Belgian public holiday (Kerstmis)",
    );
  });

  test("E05's client shutdown (exdates 2026-07-20..24) closes only E05", () => {
    expect(enclaveRunsOn(enclaveById("E05"), "2026-07-22", scenario.rules).runs).toBe(false);
    expect(enclaveRunsOn(enclaveById("E01"), "2026-07-22", scenario.rules).runs).toBe(true);
  });

  test("E11 'one week a month' (weekdays of the 1st–10th) runs 7 days in November 2026 and 8 in December", () => {
    const schedule = enclaveById("E11").schedule;
    expect(occurrencesBetween(schedule, "2026-11-01", "2026-11-30")).toHaveLength(7);
    expect(occurrencesBetween(schedule, "2026-12-01", "2026-12-31")).toHaveLength(8);
  });

  test("every contract was notified in time", () => {
    for (const enclave of scenario.enclaves) {
      expect(isNotifiedInTime(enclave, scenario.rules).ok, enclave.id).toBe(true);
    }
  });

  test("every recurrence rule in the file is accepted", () => {
    const rules = [
      ...scenario.enclaves.flatMap((e) => (e.schedule.rrule === null ? [] : [[e.schedule.rrule, e.schedule.dtstart]])),
      ...[...scenario.workers, ...scenario.coaches].flatMap((p) => p.workPattern.map((r) => [r.rrule, r.dtstart])),
    ];
    expect(rules.length).toBeGreaterThan(150);
    for (const [rrule, dtstart] of rules) expect(checkRecurrenceRule(rrule ?? "", dtstart ?? ""), rrule).toBeNull();
  });
});

describe("Westhoek availability on 2026-11-23", () => {
  const index = indexAbsences(scenario.absences);

  test("C01 is sick: no block, reason absent/sick", () => {
    expect(availableBlocks(personById("C01"), "2026-11-23", index)).toEqual([]);
    expect(unavailability(personById("C01"), "2026-11-23", index).map((u) => [u.reason, u.kind])).toEqual([
      ["absent", "sick"],
      ["absent", "sick"],
    ]);
  });

  test("W095 (9/10, biweekly Friday) takes the Monday afternoon off; W002 works mornings only", () => {
    expect(availableBlocks(personById("W095"), "2026-11-23", index)).toEqual(["am"]);
    expect(unavailability(personById("W095"), "2026-11-23", index).map((u) => [u.block, u.reason, u.kind])).toEqual([
      ["pm", "absent", "leave"],
    ]);
    expect(availableBlocks(personById("W095"), "2026-11-20", index)).toEqual(["am", "pm"]); // its Friday on
    expect(availableBlocks(personById("W095"), "2026-11-27", index)).toEqual([]); // its Friday off
    expect(availableBlocks(personById("W002"), "2026-11-23", index)).toEqual(["am"]);
    expect(unavailability(personById("W002"), "2026-11-23", index)).toEqual([{ block: "pm", reason: "not-scheduled" }]);
  });

  test("absences are only for 2026-11-23: everyone is back the next day unless their pattern says otherwise", () => {
    for (const person of [...scenario.workers, ...scenario.coaches]) {
      expect(unavailability(person, "2026-11-24", index).every((u) => u.reason === "not-scheduled"), person.id).toBe(true);
    }
  });
});
