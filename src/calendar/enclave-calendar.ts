/**
 * When an enclave runs, in which blocks, and whether its contract was notified in time.
 *
 * DOMAIN rule 5 (enclave calendars: contract dates, a recurrence schedule, Belgian public
 * holidays) and rule 10 (notification to WSE one working day ahead). Every answer carries a
 * short English reason so that plans can explain themselves ("2026-11-11 is a Belgian public
 * holiday (Wapenstilstand)").
 */
import type { Block, Enclave, Rules } from "../scenario/schema.ts";
import { publicHolidayName } from "./holidays.ts";
import { addDays, isWeekend, weekdayName } from "./local-date.ts";
import { occursOn } from "./recurrence.ts";

type HolidayRules = Pick<Rules, "publicHolidays">;

function scheduleText(enclave: Enclave): string {
  return enclave.schedule.rrule ?? "rdates only";
}

/** The holiday's name when the rules close enclaves on Belgian public holidays, else null. */
function closingHoliday(date: string, rules: HolidayRules): string | null {
  return rules.publicHolidays === "BE" ? publicHolidayName(date) : null;
}

/**
 * DOMAIN rule 5: "most enclaves run continuously on weekdays; some run one day a week or one
 * week a month; SMEs ask for help for a few days. Enclaves have contract start and end dates
 * [...] Public holidays: Belgian ones (10 a year) close an enclave unless said otherwise."
 *
 * Runs when the date is within contract start..end (end null: open-ended), the schedule
 * occurs on it (rdates add days, exdates remove them and win over rdates), and — with
 * `publicHolidays: "BE"` — it is not a Belgian public holiday. An explicit rdate is the
 * "unless said otherwise": it opens the enclave on a holiday.
 */
export function enclaveRunsOn(enclave: Enclave, date: string, rules: HolidayRules): { runs: boolean; reason: string } {
  const { contract, schedule, id } = enclave;
  const day = `${weekdayName(date)} ${date}`;
  if (date < contract.start) return { runs: false, reason: `${id}'s contract starts ${contract.start}` };
  if (contract.end !== null && date > contract.end) return { runs: false, reason: `${id}'s contract ends ${contract.end}` };
  if (schedule.exdates?.includes(date)) {
    return { runs: false, reason: `${day} is closed in ${id}'s schedule (exdate)` };
  }
  const holiday = closingHoliday(date, rules);
  if (schedule.rdates?.includes(date)) {
    const despite = holiday === null ? "" : `, open despite the public holiday (${holiday})`;
    return { runs: true, reason: `${day} is an extra day in ${id}'s schedule (rdate)${despite}` };
  }
  if (!occursOn(schedule, date)) {
    return { runs: false, reason: `${day} is not in ${id}'s schedule (${scheduleText(enclave)})` };
  }
  if (holiday !== null) return { runs: false, reason: `${date} is a Belgian public holiday (${holiday})` };
  return { runs: true, reason: `${day} is in ${id}'s schedule (${scheduleText(enclave)})` };
}

/**
 * SCENARIO-FORMAT: "a day has two blocks, "am" (start of the working day to 12:00) and "pm"
 * (12:00 to the end)". An enclave has a block when its hours overlap it: 07:30–12:00 → ["am"],
 * 13:00–16:00 → ["pm"], 07:30–16:00 → ["am", "pm"]; hours that end before they start → [].
 */
export function enclaveBlocks(enclave: Enclave): Block[] {
  const { start, end } = enclave.hours;
  const blocks: Block[] = [];
  if (start < end && start < "12:00") blocks.push("am");
  if (start < end && end > "12:00") blocks.push("pm");
  return blocks;
}

/** Monday to Friday and, with `publicHolidays: "BE"`, not a Belgian public holiday. */
export function isWorkingDay(date: string, rules: HolidayRules): boolean {
  return !isWeekend(date) && closingHoliday(date, rules) === null;
}

/** The last working day strictly before `date`. */
export function lastWorkingDayBefore(date: string, rules: HolidayRules): string {
  let day = addDays(date, -1);
  while (!isWorkingDay(day, rules)) day = addDays(day, -1);
  return day;
}

/**
 * The last day on which the enclave's contract may be notified to WSE: the last working day
 * strictly before the contract starts (start Monday 2026-11-02 → Friday 2026-10-30).
 */
export function notificationDeadline(enclave: Enclave, rules: HolidayRules): string {
  return lastWorkingDayBefore(enclave.contract.start, rules);
}

/**
 * DOMAIN rule 10: "an enclave whose contract was not notified at least 1 working day before
 * its start must not be staffed (flag it)."
 *
 * ok when `contract.notifiedOn` is on or before `notificationDeadline` (the last working day
 * strictly before `contract.start`); `notifiedOn: null` means not notified.
 */
export function isNotifiedInTime(enclave: Enclave, rules: HolidayRules): { ok: boolean; reason: string } {
  const { id, contract } = enclave;
  const deadline = notificationDeadline(enclave, rules);
  const due = `due by ${weekdayName(deadline)} ${deadline}, 1 working day before the start on ${weekdayName(contract.start)} ${contract.start}`;
  if (contract.notifiedOn === null) {
    return { ok: false, reason: `${id}'s contract was not notified to WSE (${due})` };
  }
  if (contract.notifiedOn > deadline) {
    return { ok: false, reason: `${id}'s contract was notified to WSE on ${contract.notifiedOn}, too late (${due})` };
  }
  return { ok: true, reason: `${id}'s contract was notified to WSE on ${contract.notifiedOn} (${due})` };
}
