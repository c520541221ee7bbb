/**
 * Between database rows and the scenario format: the `select` objects the repositories read
 * with, and the functions that turn rows into scenario objects and scenario objects into row
 * data. No decisions here — only shapes. Lists keep their order through `position` columns,
 * so that export gives back the file that was imported.
 */
import type { Absence, Coach, Enclave, Route, Scenario, Worker, WorkPatternRule } from "../scenario/schema.ts";

export const ORGANISATION_SELECT = {
  id: true,
  name: true,
  timezone: true,
  depotJson: true,
  rulesJson: true,
  absenceModelJson: true,
  dataStamp: true,
} as const;

export const ENCLAVE_SELECT = {
  id: true,
  code: true,
  position: true,
  name: true,
  client: { select: { name: true } },
  lat: true,
  lon: true,
  address: true,
  contractStart: true,
  contractEnd: true,
  contractNotified: true,
  scheduleDtstart: true,
  scheduleRrule: true,
  scheduleExdates: true,
  scheduleRdates: true,
  hoursStart: true,
  hoursEnd: true,
  staffingMin: true,
  staffingTarget: true,
  staffingMax: true,
  fixedCoaches: { select: { person: { select: { code: true } } }, orderBy: { position: "asc" } },
} as const;

const ENCLAVE_CODE = { select: { enclave: { select: { code: true } } }, orderBy: { position: "asc" } } as const;

export const PERSON_SELECT = {
  id: true,
  code: true,
  kind: true,
  position: true,
  name: true,
  guidance: true,
  coachRole: true,
  transport: true,
  homeEnclave: { select: { code: true } },
  qualifications: ENCLAVE_CODE,
  exclusions: ENCLAVE_CODE,
  workPattern: { select: { dtstart: true, rrule: true, blocks: true }, orderBy: { position: "asc" } },
} as const;

export const ROUTE_SELECT = {
  id: true,
  code: true,
  position: true,
  seatsDay: true,
  seatsMorning: true,
  seatsAfternoon: true,
  stops: ENCLAVE_CODE,
} as const;

export const ABSENCE_SELECT = {
  id: true,
  position: true,
  person: { select: { code: true } },
  from: true,
  to: true,
  blocks: true,
  kind: true,
  reportedAt: true,
} as const;

// Row types as the selects above return them (structural, so both generated clients fit).
interface EnclaveRow {
  code: string;
  name: string;
  client: { name: string };
  lat: number | null;
  lon: number | null;
  address: string | null;
  contractStart: string;
  contractEnd: string | null;
  contractNotified: string | null;
  scheduleDtstart: string;
  scheduleRrule: string | null;
  scheduleExdates: string;
  scheduleRdates: string;
  hoursStart: string;
  hoursEnd: string;
  staffingMin: number;
  staffingTarget: number;
  staffingMax: number;
  fixedCoaches: { person: { code: string } }[];
}

interface PersonRow {
  code: string;
  kind: string;
  name: string;
  guidance: string | null;
  coachRole: string | null;
  transport: string;
  homeEnclave: { code: string } | null;
  qualifications: { enclave: { code: string } }[];
  exclusions: { enclave: { code: string } }[];
  workPattern: { dtstart: string; rrule: string; blocks: string }[];
}

interface RouteRow {
  code: string;
  seatsDay: number;
  seatsMorning: number;
  seatsAfternoon: number;
  stops: { enclave: { code: string } }[];
}

interface AbsenceRow {
  person: { code: string };
  from: string;
  to: string;
  blocks: string;
  kind: string;
  reportedAt: string | null;
}

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function toEnclave(row: EnclaveRow): Enclave {
  return {
    id: row.code,
    name: row.name,
    client: row.client.name,
    ...(row.lat !== null && row.lon !== null ? { location: { lat: row.lat, lon: row.lon } } : {}),
    contract: { start: row.contractStart, end: row.contractEnd, notifiedOn: row.contractNotified },
    schedule: {
      dtstart: row.scheduleDtstart,
      rrule: row.scheduleRrule,
      exdates: parseJson<string[]>(row.scheduleExdates),
      rdates: parseJson<string[]>(row.scheduleRdates),
    },
    hours: { start: row.hoursStart, end: row.hoursEnd },
    staffing: { min: row.staffingMin, target: row.staffingTarget, max: row.staffingMax },
    fixedCoachIds: row.fixedCoaches.map((link) => link.person.code),
    ...(row.address !== null ? { address: row.address } : {}),
  };
}

function toWorkPattern(rows: PersonRow["workPattern"]): WorkPatternRule[] {
  return rows.map((rule) => ({ dtstart: rule.dtstart, rrule: rule.rrule, blocks: parseJson<WorkPatternRule["blocks"]>(rule.blocks) }));
}

export function toWorker(row: PersonRow): Worker {
  return {
    id: row.code,
    name: row.name,
    guidance: row.guidance as Worker["guidance"],
    homeEnclaveId: row.homeEnclave?.code ?? null,
    qualifiedEnclaveIds: row.qualifications.map((link) => link.enclave.code),
    excludedEnclaveIds: row.exclusions.map((link) => link.enclave.code),
    workPattern: toWorkPattern(row.workPattern),
    transport: row.transport as Worker["transport"],
  };
}

export function toCoach(row: PersonRow): Coach {
  return {
    id: row.code,
    name: row.name,
    role: row.coachRole as Coach["role"],
    homeEnclaveId: row.homeEnclave?.code ?? null,
    qualifiedEnclaveIds: row.qualifications.map((link) => link.enclave.code),
    workPattern: toWorkPattern(row.workPattern),
    transport: row.transport as Coach["transport"],
  };
}

export function toRoute(row: RouteRow): Route {
  return {
    id: row.code,
    enclaveIds: row.stops.map((stop) => stop.enclave.code),
    seats: { day: row.seatsDay, morning: row.seatsMorning, afternoon: row.seatsAfternoon },
  };
}

export function toAbsence(row: AbsenceRow): Absence {
  return {
    personId: row.person.code,
    from: row.from,
    to: row.to,
    blocks: parseJson<Absence["blocks"]>(row.blocks),
    kind: row.kind as Absence["kind"],
    ...(row.reportedAt !== null ? { reportedAt: row.reportedAt } : {}),
  };
}

/** The organisation-level parts of a scenario, as columns. */
export function organisationData(scenario: Scenario): {
  timezone: string;
  depotJson: string | null;
  rulesJson: string;
  absenceModelJson: string | null;
} {
  return {
    timezone: scenario.organisation.timezone,
    depotJson: scenario.organisation.depot ? JSON.stringify(scenario.organisation.depot) : null,
    rulesJson: JSON.stringify(scenario.rules),
    absenceModelJson: scenario.absenceModel ? JSON.stringify(scenario.absenceModel) : null,
  };
}

/** JSON with object keys sorted and undefined dropped: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
