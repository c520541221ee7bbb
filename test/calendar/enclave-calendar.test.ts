/**
 * DOMAIN rule 5 (enclave calendars), the am/pm blocks of an enclave's hours, working days,
 * and DOMAIN rule 10 (notification one working day before the start): each with a case that
 * satisfies the rule and one that breaks it.
 */
import { describe, expect, test } from "vitest";
import {
  enclaveBlocks,
  enclaveRunsOn,
  isNotifiedInTime,
  isWorkingDay,
  lastWorkingDayBefore,
  notificationDeadline,
} from "../../src/calendar/enclave-calendar.ts";
import { enclaveSchema } from "../../src/scenario/schema.ts";
import type { Enclave } from "../../src/scenario/schema.ts";

const BE = { publicHolidays: "BE" } as const;
const NONE = { publicHolidays: "none" } as const;

function enclave(overrides: {
  id?: string;
  contract?: { start: string; end?: string | null; notifiedOn?: string | null };
  schedule?: { dtstart: string; rrule: string | null; exdates?: string[]; rdates?: string[] };
  hours?: { start: string; end: string };
}): Enclave {
  return enclaveSchema.parse({
    id: overrides.id ?? "E10",
    name: "Test enclave",
    client: "Client NV",
    contract: overrides.contract ?? { start: "2024-01-02", end: null, notifiedOn: "2023-12-20" },
    schedule: overrides.schedule ?? { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
    hours: overrides.hours,
    staffing: { min: 1, target: 2, max: 3 },
  });
}

describe("enclaveRunsOn (DOMAIN rule 5)", () => {
  test("runs on a scheduled weekday within an open-ended contract", () => {
    expect(enclaveRunsOn(enclave({}), "2026-11-23", BE)).toEqual({
      runs: true,
      reason: "Monday 2026-11-23 is in E10's schedule (FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR)",
    });
  });

  test("does not run on a day outside its schedule", () => {
    const wednesdays = enclave({ schedule: { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=WE" } });
    expect(enclaveRunsOn(wednesdays, "2026-11-23", BE)).toEqual({
      runs: false,
      reason: "Monday 2026-11-23 is not in E10's schedule (FREQ=WEEKLY;BYDAY=WE)",
    });
    expect(enclaveRunsOn(wednesdays, "2026-11-25", BE).runs).toBe(true);
  });

  test("runs from the contract start to the contract end, inclusive", () => {
    const contract = enclave({ contract: { start: "2026-11-02", end: "2026-12-31", notifiedOn: "2026-10-28" } });
    expect(enclaveRunsOn(contract, "2026-10-30", BE)).toEqual({ runs: false, reason: "E10's contract starts 2026-11-02" });
    expect(enclaveRunsOn(contract, "2026-11-02", BE).runs).toBe(true);
    expect(enclaveRunsOn(contract, "2026-12-31", BE).runs).toBe(true);
    expect(enclaveRunsOn(contract, "2027-01-04", BE)).toEqual({ runs: false, reason: "E10's contract ends 2026-12-31" });
  });

  test("closes on a Belgian public holiday when the rules say BE, not when they say none", () => {
    const e = enclave({});
    expect(enclaveRunsOn(e, "2026-11-11", BE)).toEqual({
      runs: false,
      reason: "2026-11-11 is a Belgian public holiday (Wapenstilstand)",
    });
    expect(enclaveRunsOn(e, "2026-11-11", NONE).runs).toBe(true);
    expect(enclaveRunsOn(e, "2027-03-29", BE).reason).toBe("2027-03-29 is a Belgian public holiday (Paasmaandag)");
  });

  test("an rdate opens a day, even a public holiday ('unless said otherwise')", () => {
    const e = enclave({
      schedule: { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=WE", rdates: ["2026-11-11", "2026-11-23"] },
    });
    expect(enclaveRunsOn(e, "2026-11-11", BE)).toEqual({
      runs: true,
      reason: "Wednesday 2026-11-11 is an extra day in E10's schedule (rdate), open despite the public holiday (Wapenstilstand)",
    });
    expect(enclaveRunsOn(e, "2026-11-23", BE)).toEqual({
      runs: true,
      reason: "Monday 2026-11-23 is an extra day in E10's schedule (rdate)",
    });
  });

  test("an exdate closes a day, and wins over an rdate", () => {
    const e = enclave({
      schedule: { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", exdates: ["2026-07-20"], rdates: ["2026-07-20"] },
    });
    expect(enclaveRunsOn(e, "2026-07-20", BE)).toEqual({
      runs: false,
      reason: "Monday 2026-07-20 is closed in E10's schedule (exdate)",
    });
    expect(enclaveRunsOn(e, "2026-07-22", BE).runs).toBe(true);
  });

  test("an rdate outside the contract does not open the enclave", () => {
    const e = enclave({
      contract: { start: "2026-11-02", end: "2026-11-30", notifiedOn: "2026-10-28" },
      schedule: { dtstart: "2026-11-02", rrule: null, rdates: ["2026-11-23", "2026-12-01"] },
    });
    expect(enclaveRunsOn(e, "2026-11-23", BE).runs).toBe(true);
    expect(enclaveRunsOn(e, "2026-11-24", BE)).toEqual({
      runs: false,
      reason: "Tuesday 2026-11-24 is not in E10's schedule (rdates only)",
    });
    expect(enclaveRunsOn(e, "2026-12-01", BE).runs).toBe(false);
  });
});

describe("enclaveBlocks", () => {
  test.each([
    ["07:30", "16:00", ["am", "pm"]],
    ["07:30", "12:00", ["am"]],
    ["13:00", "16:00", ["pm"]],
    ["12:00", "16:00", ["pm"]],
    ["06:00", "12:30", ["am", "pm"]],
    ["16:00", "07:30", []],
  ])("%s–%s → %j", (start, end, blocks) => {
    expect(enclaveBlocks(enclave({ hours: { start, end } }))).toEqual(blocks);
  });

  test("default hours 07:30–16:00 give both blocks", () => {
    expect(enclaveBlocks(enclave({}))).toEqual(["am", "pm"]);
  });
});

describe("isWorkingDay / lastWorkingDayBefore", () => {
  test("Monday to Friday is a working day; Saturday and Sunday are not", () => {
    expect(isWorkingDay("2026-11-23", BE)).toBe(true);
    expect(isWorkingDay("2026-11-27", BE)).toBe(true);
    expect(isWorkingDay("2026-11-28", BE)).toBe(false);
    expect(isWorkingDay("2026-11-29", NONE)).toBe(false);
  });

  test("a Belgian public holiday on a weekday is not, unless the rules say none", () => {
    expect(isWorkingDay("2026-11-11", BE)).toBe(false);
    expect(isWorkingDay("2026-11-11", NONE)).toBe(true);
  });

  test("lastWorkingDayBefore skips weekends and holidays", () => {
    expect(lastWorkingDayBefore("2026-11-02", BE)).toBe("2026-10-30");
    expect(lastWorkingDayBefore("2026-11-12", BE)).toBe("2026-11-10");
    expect(lastWorkingDayBefore("2026-11-12", NONE)).toBe("2026-11-11");
    expect(lastWorkingDayBefore("2024-01-02", BE)).toBe("2023-12-29"); // 1 January is Nieuwjaar
    expect(lastWorkingDayBefore("2027-03-30", BE)).toBe("2027-03-26"); // after Easter Monday
  });
});

describe("notification (DOMAIN rule 10)", () => {
  const startingMonday = (notifiedOn: string | null): Enclave =>
    enclave({ id: "E13", contract: { start: "2026-11-02", end: "2026-12-31", notifiedOn } });

  test("the deadline is the last working day strictly before the start", () => {
    expect(notificationDeadline(startingMonday(null), BE)).toBe("2026-10-30");
    const afterHoliday = enclave({ contract: { start: "2026-11-12", notifiedOn: null } });
    expect(notificationDeadline(afterHoliday, BE)).toBe("2026-11-10");
    expect(notificationDeadline(afterHoliday, NONE)).toBe("2026-11-11");
  });

  test("notified on or before the deadline is in time", () => {
    expect(isNotifiedInTime(startingMonday("2026-10-30"), BE)).toEqual({
      ok: true,
      reason: "E13's contract was notified to WSE on 2026-10-30 (due by Friday 2026-10-30, 1 working day before the start on Monday 2026-11-02)",
    });
    expect(isNotifiedInTime(startingMonday("2026-10-01"), BE).ok).toBe(true);
  });

  test("notified after the deadline (even on a weekend before the start) is too late", () => {
    expect(isNotifiedInTime(startingMonday("2026-10-31"), BE)).toEqual({
      ok: false,
      reason: "E13's contract was notified to WSE on 2026-10-31, too late (due by Friday 2026-10-30, 1 working day before the start on Monday 2026-11-02)",
    });
    expect(isNotifiedInTime(startingMonday("2026-11-02"), BE).ok).toBe(false);
  });

  test("not notified at all is not in time", () => {
    expect(isNotifiedInTime(startingMonday(null), BE)).toEqual({
      ok: false,
      reason: "E13's contract was not notified to WSE (due by Friday 2026-10-30, 1 working day before the start on Monday 2026-11-02)",
    });
  });
});
