/**
 * RFC 5545 recurrence rules over local dates (enclave schedules, work patterns), with rrule.
 *
 * DOMAIN rule 4 asks for part-time patterns "as RFC 5545 recurrence rules" and rule 5 for
 * enclaves that run "one day a week or one week a month". A recurrence here is a `dtstart`
 * date, an RRULE line (or null), extra dates (`rdates`) and removed dates (`exdates`).
 *
 * Conventions, so that nothing depends on the process time zone:
 * - rrule runs in "floating UTC": every date is a `Date.UTC` midnight, no `tzid`, read back
 *   with the `getUTC*` getters (see local-date.ts).
 * - Rules are whole days: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY; BYHOUR/BYMINUTE/BYSECOND,
 *   DTSTART inside the rule, and extra lines (EXDATE, RDATE) are refused with a reason.
 * - UNTIL counts by its date part, inclusive (`UNTIL=20261231` and `UNTIL=20261231T235959Z`
 *   both end on 2026-12-31).
 * - `dtstart` anchors the rule (INTERVAL counts weeks/months from it) but is an occurrence only
 *   when it matches the rule (rrule/dateutil semantics; RFC 5545 leaves the unsynchronised case
 *   undefined): dtstart Monday 2024-01-01 with BYDAY=WE first occurs on 2024-01-03.
 *
 * Speed: parsed rules are cached by dtstart + rule, and each rule's occurrences are computed
 * one calendar year at a time with a single `between` call, then answered from a Set.
 */
import rrulePkg from "rrule";
import type { Options, Weekday } from "rrule";
import { addDays, isLeapYear, isLocalDate, toUtcDate, fromUtcDate, weekday, yearOf } from "./local-date.ts";

// rrule 2.8 ships a CommonJS bundle without an "exports" map: under Node ESM only its default
// export (module.exports) is reliable, named imports fail at run time.
const { RRule } = rrulePkg;
type RRuleInstance = InstanceType<typeof RRule>;

/** The recurrence shape shared by enclave schedules and (without r/exdates) work patterns. */
export interface RecurrenceLike {
  dtstart: string;
  rrule: string | null;
  exdates?: readonly string[];
  rdates?: readonly string[];
}

/** How far ahead a rule must produce an occurrence to count as possible. */
export const POSSIBLE_WITHIN_YEARS = 10;

const FREQUENCIES = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
} as const;
type FrequencyName = keyof typeof FREQUENCIES;

const WEEKDAYS = new Map<string, Weekday>([
  ["MO", RRule.MO],
  ["TU", RRule.TU],
  ["WE", RRule.WE],
  ["TH", RRule.TH],
  ["FR", RRule.FR],
  ["SA", RRule.SA],
  ["SU", RRule.SU],
]);

const KNOWN_PARTS = [
  "FREQ",
  "UNTIL",
  "COUNT",
  "INTERVAL",
  "BYDAY",
  "BYMONTHDAY",
  "BYYEARDAY",
  "BYWEEKNO",
  "BYMONTH",
  "BYSETPOS",
  "WKST",
] as const;
const TIME_PARTS = ["BYHOUR", "BYMINUTE", "BYSECOND"];

interface ParsedRule {
  options: Partial<Options>;
  /** UNTIL's date part, when given. */
  until: string | null;
}

type ParseResult = { ok: true; rule: ParsedRule } | { ok: false; reason: string };

/** The body of a rule: trimmed, without the optional `RRULE:` prefix. */
function ruleBody(rrule: string): string {
  return rrule.trim().replace(/^RRULE:/i, "");
}

/** Whole numbers in `[-max, -1] ∪ [1, max]` (or `[1, max]` when `signed` is false). */
function parseNumberList(name: string, value: string, max: number, signed: boolean): number[] | string {
  const numbers: number[] = [];
  for (const item of value.split(",")) {
    const pattern = signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
    const n = Number(item);
    if (!pattern.test(item) || n === 0 || Math.abs(n) > max) {
      const range = signed ? `1 to ${max} or -${max} to -1` : `1 to ${max}`;
      return `${name}=${value}: "${item}" is not a whole number from ${range}`;
    }
    numbers.push(n);
  }
  return numbers;
}

/** Parses and checks one RRULE line; the reasons are plain English for validation messages. */
function parseRule(rrule: string): ParseResult {
  const fail = (reason: string): ParseResult => ({ ok: false, reason });
  if (/DTSTART/i.test(rrule)) {
    return fail("DTSTART must not be written inside the rule: the start date is the separate dtstart field");
  }
  if (/[\r\n]/.test(rrule.trim())) {
    return fail("must be a single RRULE line; put extra and removed dates in rdates and exdates");
  }
  const body = ruleBody(rrule);
  if (/^(EXDATE|RDATE|EXRULE)\b/i.test(body)) {
    return fail("must be an RRULE; put extra and removed dates in rdates and exdates");
  }
  if (body === "") return fail("is empty (write e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR)");

  const parts = new Map<string, string>();
  const items = body.split(";");
  if (items.length > 1 && items[items.length - 1] === "") items.pop(); // tolerate one trailing ';'
  for (const item of items) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(item);
    if (!match) return fail(`"${item}" is not a part of the form NAME=VALUE`);
    const name = (match[1] ?? "").toUpperCase();
    const value = (match[2] ?? "").toUpperCase();
    if (TIME_PARTS.includes(name)) return fail(`${name} is not supported: recurrences here are whole days`);
    if (!(KNOWN_PARTS as readonly string[]).includes(name)) {
      return fail(`unknown part ${name} (known parts: ${KNOWN_PARTS.join(", ")})`);
    }
    if (parts.has(name)) return fail(`${name} is given twice`);
    parts.set(name, value);
  }

  const freqName = parts.get("FREQ");
  if (freqName === undefined) return fail("FREQ is missing (e.g. FREQ=WEEKLY)");
  if (["HOURLY", "MINUTELY", "SECONDLY"].includes(freqName)) {
    return fail(`FREQ=${freqName} is not supported: recurrences here are whole days (DAILY, WEEKLY, MONTHLY or YEARLY)`);
  }
  if (!Object.hasOwn(FREQUENCIES, freqName)) {
    return fail(`FREQ=${freqName} is not a frequency (use DAILY, WEEKLY, MONTHLY or YEARLY)`);
  }
  const freq = freqName as FrequencyName;
  const options: Partial<Options> = { freq: FREQUENCIES[freq] };
  let until: string | null = null;

  for (const [name, value] of parts) {
    switch (name) {
      case "FREQ":
        break;
      case "INTERVAL":
      case "COUNT": {
        if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
          return fail(`${name}=${value} must be a whole number of at least 1`);
        }
        if (name === "INTERVAL") options.interval = Number(value);
        else options.count = Number(value);
        break;
      }
      case "UNTIL": {
        const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
        const date = match ? `${match[1]}-${match[2]}-${match[3]}` : "";
        if (!match || !isLocalDate(date)) {
          return fail(`UNTIL=${value} is not a date written YYYYMMDD (or YYYYMMDDTHHMMSSZ)`);
        }
        until = date;
        options.until = toUtcDate(date);
        break;
      }
      case "BYMONTH": {
        const list = parseNumberList(name, value, 12, false);
        if (typeof list === "string") return fail(list);
        options.bymonth = list;
        break;
      }
      case "BYMONTHDAY": {
        if (freq === "WEEKLY") return fail("BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
        const list = parseNumberList(name, value, 31, true);
        if (typeof list === "string") return fail(list);
        options.bymonthday = list;
        break;
      }
      case "BYYEARDAY": {
        if (freq !== "YEARLY") return fail("BYYEARDAY can only be used with FREQ=YEARLY here (RFC 5545)");
        const list = parseNumberList(name, value, 366, true);
        if (typeof list === "string") return fail(list);
        options.byyearday = list;
        break;
      }
      case "BYWEEKNO": {
        if (freq !== "YEARLY") return fail("BYWEEKNO can only be used with FREQ=YEARLY (RFC 5545)");
        const list = parseNumberList(name, value, 53, true);
        if (typeof list === "string") return fail(list);
        options.byweekno = list;
        break;
      }
      case "BYSETPOS": {
        const list = parseNumberList(name, value, 366, true);
        if (typeof list === "string") return fail(list);
        options.bysetpos = list;
        break;
      }
      case "BYDAY": {
        const days: Weekday[] = [];
        for (const item of value.split(",")) {
          const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
          const day = match ? WEEKDAYS.get(match[2] ?? "") : undefined;
          if (!match || !day) return fail(`BYDAY=${value}: "${item}" is not a weekday (MO, TU, WE, TH, FR, SA, SU, or e.g. 1MO, -1FR)`);
          if (match[1] === undefined) {
            days.push(day);
            continue;
          }
          const n = Number(match[1]);
          if (freq !== "MONTHLY" && freq !== "YEARLY") {
            return fail(`BYDAY=${value}: a numbered weekday like "${item}" needs FREQ=MONTHLY or YEARLY (RFC 5545)`);
          }
          if (freq === "YEARLY" && parts.has("BYWEEKNO")) {
            return fail(`BYDAY=${value}: a numbered weekday cannot be combined with BYWEEKNO (RFC 5545)`);
          }
          const max = freq === "MONTHLY" || parts.has("BYMONTH") ? 5 : 53;
          if (n === 0 || Math.abs(n) > max) return fail(`BYDAY=${value}: "${item}" must number the weekday 1 to ${max} or -${max} to -1`);
          days.push(day.nth(n));
        }
        options.byweekday = days;
        break;
      }
      case "WKST": {
        const day = WEEKDAYS.get(value);
        if (!day) return fail(`WKST=${value} is not a weekday (MO, TU, WE, TH, FR, SA, SU)`);
        options.wkst = day;
        break;
      }
    }
  }
  if (parts.has("COUNT") && parts.has("UNTIL")) return fail("COUNT and UNTIL cannot both be given (RFC 5545)");
  if (parts.has("BYSETPOS") && ![...parts.keys()].some((name) => name.startsWith("BY") && name !== "BYSETPOS")) {
    return fail("BYSETPOS needs another BYxxx part to pick from (RFC 5545)");
  }
  return { ok: true, rule: { options, until } };
}

function makeRule(options: Partial<Options>, dtstart: string, until: string | null): RRuleInstance {
  return new RRule({ ...options, dtstart: toUtcDate(dtstart), until: until === null ? null : toUtcDate(until), tzid: null }, true);
}

function newYear(year: number): string {
  return `${String(year).padStart(4, "0")}-01-01`;
}

/** Same weekday on 1 January and same leap status, year by year, over `span` years. */
function sameCalendar(a: number, b: number, span: number): boolean {
  for (let i = -1; i <= span; i++) {
    if (isLeapYear(a + i) !== isLeapYear(b + i)) return false;
    if (weekday(newYear(a + i)) !== weekday(newYear(b + i))) return false;
  }
  return true;
}

const twinYears = new Map<string, number>();

/**
 * rrule only stops iterating a rule that never matches when it reaches the year 9999 (about
 * 10 s for an impossible FREQ=DAILY rule from 2024). To look at the first `years` years only,
 * the rule is replayed from the latest year ≥ 9999 − 400 whose calendar (weekdays, leap years)
 * is identical over that span: the Gregorian calendar repeats every 400 years, usually every
 * 28, so the occurrences are the same dates shifted by whole years, and rrule gives up soon.
 */
function twinYear(year: number, span: number): number {
  const key = `${year}+${span}`;
  const cached = twinYears.get(key);
  if (cached !== undefined) return cached;
  const latest = 9999 - span - 2;
  let twin = year;
  if (year < latest) {
    for (let candidate = latest; candidate > latest - 400; candidate--) {
      if (sameCalendar(year, candidate, span + 1)) {
        twin = candidate;
        break;
      }
    }
  }
  twinYears.set(key, twin);
  return twin;
}

function shiftYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
}

/** First occurrence of a parsed rule in the `years` years from dtstart, or null. */
function firstOccurrenceOf(rule: ParsedRule, dtstart: string, years: number): string | null {
  // Exclusive end of the window; kept within four-digit years so dates compare as text.
  const windowEnd = yearOf(dtstart) + years < 9999 ? addDays(dtstart, Math.ceil(years * 365.25)) : "9999-12-31";
  const shift = twinYear(yearOf(dtstart), years) - yearOf(dtstart);
  const until = rule.until === null || rule.until >= windowEnd ? null : shiftYears(rule.until, shift);
  if (rule.until !== null && rule.until < dtstart) return null;
  const start = shiftYears(dtstart, shift);
  const first = makeRule(rule.options, start, until).after(toUtcDate(start), true);
  if (first === null) return null;
  const date = shiftYears(fromUtcDate(first), -shift);
  return date < windowEnd ? date : null;
}

/**
 * The first date on or after dtstart on which the rule occurs, looking `withinYears` ahead
 * (default 10), or null. Throws a RangeError for a rule `checkRecurrenceRule` refuses to parse.
 */
export function firstOccurrence(rrule: string, dtstart: string, withinYears = POSSIBLE_WITHIN_YEARS): string | null {
  const parsed = parseRule(rrule);
  if (!parsed.ok) throw new RangeError(`recurrence rule "${rrule}" ${parsed.reason}`);
  return firstOccurrenceOf(parsed.rule, dtstart, withinYears);
}

/**
 * Checks a recurrence rule written as in a scenario (without or with the `RRULE:` prefix)
 * against its separate `dtstart`. Returns null when it is fine, else a plain-English reason:
 * unparsable or unknown parts, DTSTART inside the rule, and impossible rules that have no
 * occurrence in the 10 years from dtstart (`FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`).
 */
export function checkRecurrenceRule(rrule: string, dtstart: string): string | null {
  if (!isLocalDate(dtstart)) return `dtstart "${dtstart}" is not a calendar date written YYYY-MM-DD`;
  const parsed = parseRule(rrule);
  if (!parsed.ok) return parsed.reason;
  const { until } = parsed.rule;
  if (until !== null && until < dtstart) {
    return `UNTIL ${until} is before dtstart ${dtstart}, so the rule never occurs`;
  }
  if (firstOccurrenceOf(parsed.rule, dtstart, POSSIBLE_WITHIN_YEARS) === null) {
    return `never occurs in the ${POSSIBLE_WITHIN_YEARS} years from dtstart ${dtstart}: its parts together rule out every day`;
  }
  return null;
}

interface CompiledRule {
  rule: RRuleInstance;
  years: Map<number, { dates: string[]; set: Set<string> }>;
}

const MAX_CACHED_RULES = 10_000;
const compiled = new Map<string, CompiledRule>();

/** The parsed, checked rule for dtstart + rrule, from the cache. Throws on an invalid rule. */
function compile(dtstart: string, rrule: string): CompiledRule {
  const key = `${dtstart}|${rrule}`;
  let entry = compiled.get(key);
  if (!entry) {
    const problem = checkRecurrenceRule(rrule, dtstart);
    if (problem !== null) {
      throw new RangeError(`recurrence rule "${rrule}" (dtstart ${dtstart}): ${problem}`);
    }
    const parsed = parseRule(rrule);
    if (!parsed.ok) throw new RangeError(parsed.reason); // unreachable: checked above
    if (compiled.size >= MAX_CACHED_RULES) compiled.clear();
    entry = { rule: makeRule(parsed.rule.options, dtstart, parsed.rule.until), years: new Map() };
    compiled.set(key, entry);
  }
  return entry;
}

/** The rule's own occurrences in one calendar year: one `between` call, then cached. */
function occurrencesInYear(entry: CompiledRule, year: number): { dates: string[]; set: Set<string> } {
  let result = entry.years.get(year);
  if (!result) {
    const from = toUtcDate(newYear(year));
    const to = toUtcDate(`${String(year).padStart(4, "0")}-12-31`);
    const dates = entry.rule.between(from, to, true).map(fromUtcDate);
    result = { dates, set: new Set(dates) };
    entry.years.set(year, result);
  }
  return result;
}

/**
 * Whether the recurrence occurs on `date`: an occurrence of the rule from dtstart (none when
 * the rule is null), or one of the rdates, and not one of the exdates. Throws a RangeError for
 * a rule `checkRecurrenceRule` refuses (validate scenarios first).
 */
export function occursOn(recurrence: RecurrenceLike, date: string): boolean {
  if (recurrence.exdates?.includes(date)) return false;
  if (recurrence.rdates?.includes(date)) return true;
  if (recurrence.rrule === null) return false;
  return occurrencesInYear(compile(recurrence.dtstart, recurrence.rrule), yearOf(date)).set.has(date);
}

/**
 * Every date from `from` to `to` (inclusive) on which the recurrence occurs, sorted. One rrule
 * `between` call per calendar year touched (cached), so a yearly simulation should use this,
 * not 365 calls of `occursOn`.
 */
export function occurrencesBetween(recurrence: RecurrenceLike, from: string, to: string): string[] {
  const first = yearOf(from);
  const last = yearOf(to);
  if (from > to) return [];
  const dates: string[] = [];
  if (recurrence.rrule !== null) {
    const entry = compile(recurrence.dtstart, recurrence.rrule);
    for (let year = first; year <= last; year++) {
      for (const date of occurrencesInYear(entry, year).dates) {
        if (date >= from && date <= to) dates.push(date);
      }
    }
  }
  const extra = (recurrence.rdates ?? []).filter((date) => date >= from && date <= to);
  const removed = new Set(recurrence.exdates ?? []);
  if (extra.length === 0 && removed.size === 0) return dates;
  return [...new Set([...dates, ...extra])].filter((date) => !removed.has(date)).sort();
}
