/**
 * Checks that need the whole scenario: duplicate and unknown ids, coach roles, date and time
 * order, recurrence rules, the time zone.
 *
 * They read the raw input defensively (anything may be missing or of the wrong type) rather
 * than the parsed scenario, so that they can run even when zod found structural problems:
 * the user sees every problem at once. Each check runs only on values that are well-formed
 * enough to judge (a string id, a real date), so a structural problem is never reported a
 * second time as a cross-reference problem. For the same reason, references to a kind are
 * checked only when every item of that kind has a usable id: with `enclaves[2].id` broken,
 * "unknown enclave E03" would be noise.
 */
import { checkRecurrenceRule } from "../calendar/recurrence.ts";
import { formatPath, type InputIssue } from "./input-issue.ts";
import { isRealDate } from "./schema.ts";

type Obj = Record<string, unknown>;
type Path = readonly (string | number)[];

function asObj(value: unknown): Obj | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, the only kind of id worth cross-checking. */
function asId(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function asDate(value: unknown): string | undefined {
  return typeof value === "string" && isRealDate(value) ? value : undefined;
}

function asTime(value: unknown): string | undefined {
  return typeof value === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : undefined;
}

/** Items of one kind with their ids; `complete` is false when an item's id is unusable. */
interface IdIndex {
  /** id → path of the first item that has it */
  first: Map<string, string>;
  complete: boolean;
}

interface PersonInfo {
  kind: "worker" | "coach";
  role?: string;
  homeEnclaveId?: string | null;
}

export function crossCheckScenario(input: unknown): InputIssue[] {
  const root = asObj(input);
  if (!root) return [];
  const issues: InputIssue[] = [];
  const add = (path: Path, message: string): void => {
    issues.push({ path: formatPath(path), message });
  };

  const enclaves = asList(root.enclaves);
  const workers = asList(root.workers);
  const coaches = asList(root.coaches);
  const routes = asList(root.routes);
  const absences = asList(root.absences);

  // --- ids, duplicates --------------------------------------------------------------------
  // Workers and coaches share one id space: absences name a person by `personId` alone.
  const index = (kind: string, items: readonly unknown[], shared?: IdIndex): IdIndex => {
    const ids: IdIndex = shared ?? { first: new Map(), complete: true };
    items.forEach((item, i) => {
      const id = asId(asObj(item)?.id);
      if (id === undefined) {
        ids.complete = false;
        return;
      }
      const earlier = ids.first.get(id);
      if (earlier !== undefined) add([kind, i, "id"], `duplicate id ${id} (also ${earlier})`);
      else ids.first.set(id, formatPath([kind, i]));
    });
    return ids;
  };
  const enclaveIds = index("enclaves", enclaves);
  const personIds = index("workers", workers);
  index("coaches", coaches, personIds);
  index("routes", routes);

  const enclavesKnown = Array.isArray(root.enclaves) && enclaveIds.complete;
  const personsKnown = Array.isArray(root.workers) && Array.isArray(root.coaches) && personIds.complete;

  const persons = new Map<string, PersonInfo>();
  workers.forEach((item) => {
    const id = asId(asObj(item)?.id);
    if (id !== undefined && !persons.has(id)) persons.set(id, { kind: "worker" });
  });
  coaches.forEach((item) => {
    const coach = asObj(item);
    const id = asId(coach?.id);
    if (id === undefined || persons.has(id)) return;
    const home = coach?.homeEnclaveId;
    persons.set(id, {
      kind: "coach",
      role: typeof coach?.role === "string" ? coach.role : undefined,
      homeEnclaveId: home === null ? null : asId(home),
    });
  });

  const checkEnclaveRef = (path: Path, value: unknown): void => {
    const id = asId(value);
    if (enclavesKnown && id !== undefined && !enclaveIds.first.has(id)) add(path, `unknown enclave ${id}`);
  };
  const checkEnclaveRefs = (path: Path, value: unknown): void => {
    asList(value).forEach((ref, j) => checkEnclaveRef([...path, j], ref));
  };

  // --- recurrence rules (cached: most people share a handful of patterns) -----------------
  const ruleVerdicts = new Map<string, string | null>();
  const checkRule = (path: Path, rrule: unknown, dtstart: unknown): void => {
    const date = asDate(dtstart);
    if (typeof rrule !== "string" || rrule === "" || date === undefined) return;
    const key = `${rrule}\u0000${date}`;
    const cached = ruleVerdicts.get(key);
    const verdict = cached !== undefined ? cached : checkRecurrenceRule(rrule, date);
    if (cached === undefined) ruleVerdicts.set(key, verdict);
    if (verdict !== null) add(path, verdict);
  };
  const checkWorkPattern = (path: Path, value: unknown): void => {
    asList(value).forEach((rule, j) => {
      const pattern = asObj(rule);
      if (pattern) checkRule([...path, j, "rrule"], pattern.rrule, pattern.dtstart);
    });
  };

  // --- organisation -----------------------------------------------------------------------
  const timezone = asObj(root.organisation)?.timezone;
  if (typeof timezone === "string" && timezone !== "") {
    const problem = timeZoneProblem(timezone);
    if (problem) add(["organisation", "timezone"], problem);
  }

  // --- enclaves ---------------------------------------------------------------------------
  enclaves.forEach((item, i) => {
    const enclave = asObj(item);
    if (!enclave) return;
    const enclaveId = asId(enclave.id);

    const contract = asObj(enclave.contract);
    const start = asDate(contract?.start);
    const end = asDate(contract?.end);
    if (start !== undefined && end !== undefined && end < start) {
      add(["enclaves", i, "contract", "end"], `must not be before start (got ${end} < ${start})`);
    }

    const hours = asObj(enclave.hours);
    const from = asTime(hours?.start);
    const to = asTime(hours?.end);
    if (from !== undefined && to !== undefined && to <= from) {
      add(["enclaves", i, "hours", "end"], `must be after start (got ${to} ≤ ${from})`);
    }

    const schedule = asObj(enclave.schedule);
    if (schedule) {
      // "null: only the rdates" - with none, the enclave never runs, like an impossible rule.
      const rdates = schedule.rdates;
      const noRdates = rdates === undefined || (Array.isArray(rdates) && rdates.length === 0);
      if (schedule.rrule === null && noRdates) {
        add(
          ["enclaves", i, "schedule", "rdates"],
          "must name at least one day when rrule is null (else the enclave never runs)",
        );
      }
      checkRule(["enclaves", i, "schedule", "rrule"], schedule.rrule, schedule.dtstart);
    }

    // A fixed coach belongs to one enclave, named twice: by the coach's homeEnclaveId and by
    // the enclave's fixedCoachIds. Listing a coach here whose home is another enclave, or who
    // is a butterfly or interim (home null), is a contradiction the planner cannot resolve, so
    // it is an error. The other direction - a fixed coach whose home enclave does not list
    // them - is only an omission (the home says where they belong), so it is accepted.
    asList(enclave.fixedCoachIds).forEach((ref, j) => {
      const id = asId(ref);
      if (id === undefined || !personsKnown) return;
      const path = ["enclaves", i, "fixedCoachIds", j];
      const person = persons.get(id);
      if (!person) add(path, `unknown coach ${id}`);
      else if (person.kind === "worker") add(path, `${id} is a worker, not a coach`);
      else if (person.role === "butterfly" || person.role === "interim") {
        add(path, `${id} is ${person.role === "interim" ? "an interim" : "a butterfly"} coach, not a fixed coach`);
      } else if (person.role === "fixed" && typeof person.homeEnclaveId === "string" && enclaveId !== undefined) {
        if (person.homeEnclaveId !== enclaveId) {
          add(path, `${id} is the fixed coach of ${person.homeEnclaveId} (its homeEnclaveId), not of ${enclaveId}`);
        }
      }
    });
  });

  // --- workers ----------------------------------------------------------------------------
  workers.forEach((item, i) => {
    const worker = asObj(item);
    if (!worker) return;
    checkEnclaveRef(["workers", i, "homeEnclaveId"], worker.homeEnclaveId);
    checkEnclaveRefs(["workers", i, "qualifiedEnclaveIds"], worker.qualifiedEnclaveIds);
    checkEnclaveRefs(["workers", i, "excludedEnclaveIds"], worker.excludedEnclaveIds);
    const home = asId(worker.homeEnclaveId);
    asList(worker.excludedEnclaveIds).forEach((ref, j) => {
      if (home !== undefined && ref === home) {
        add(["workers", i, "excludedEnclaveIds", j], `${home} is this worker's home enclave`);
      }
    });
    checkWorkPattern(["workers", i, "workPattern"], worker.workPattern);
  });

  // --- coaches ----------------------------------------------------------------------------
  coaches.forEach((item, i) => {
    const coach = asObj(item);
    if (!coach) return;
    const homePath = ["coaches", i, "homeEnclaveId"];
    const home = coach.homeEnclaveId;
    if (coach.role === "fixed" && home === null) {
      add(homePath, "a fixed coach needs a home enclave (got null)");
    } else if ((coach.role === "butterfly" || coach.role === "interim") && typeof home === "string") {
      add(homePath, `must be null for ${coach.role === "interim" ? "an interim" : "a butterfly"} coach (got ${home})`);
    } else {
      checkEnclaveRef(homePath, home);
    }
    checkEnclaveRefs(["coaches", i, "qualifiedEnclaveIds"], coach.qualifiedEnclaveIds);
    checkWorkPattern(["coaches", i, "workPattern"], coach.workPattern);
  });

  // --- routes -----------------------------------------------------------------------------
  routes.forEach((item, i) => {
    checkEnclaveRefs(["routes", i, "enclaveIds"], asObj(item)?.enclaveIds);
  });

  // --- absences ---------------------------------------------------------------------------
  absences.forEach((item, i) => {
    const absence = asObj(item);
    if (!absence) return;
    const personId = asId(absence.personId);
    if (personId !== undefined && personsKnown && !persons.has(personId)) {
      add(["absences", i, "personId"], `unknown person ${personId} (not a worker or coach id)`);
    }
    const from = asDate(absence.from);
    const to = asDate(absence.to);
    if (from !== undefined && to !== undefined && to < from) {
      add(["absences", i, "to"], `must not be before from (got ${to} < ${from})`);
    }
  });

  return issues;
}

/** Null for an IANA time zone this runtime knows, else why not. */
export function timeZoneProblem(timezone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: timezone }).resolvedOptions().timeZone;
  } catch {
    return `${JSON.stringify(timezone)} is not an IANA time zone (such as Europe/Brussels)`;
  }
  // Intl accepts any letter case; the IANA names (and the libraries that read them) do not.
  if (resolved !== timezone && resolved.toLowerCase() === timezone.toLowerCase()) {
    return `must be written ${resolved} (got ${JSON.stringify(timezone)})`;
  }
  return null;
}
