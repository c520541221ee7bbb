/**
 * An organisation's scenario in the database: loading it whole (what the planner and export
 * read) and bringing the database to a given scenario (what import and every edit do).
 *
 * `applyScenario` is the one writer of scenario data. It compares each enclave, worker, coach,
 * route and absence of the target with what is stored (by scenario id; absences by content)
 * and writes only the difference — so importing the same file twice changes nothing and
 * writes no audit entry — then records one audit entry per changed entity and bumps the data
 * stamp, all in the caller's transaction. Callers validate the target first with the
 * scenario's own validator: a stored scenario is always a valid one.
 */
import { randomUUID } from "node:crypto";
import type { Absence, Coach, Enclave, Route, Scenario, Worker } from "../scenario/schema.ts";
import { recordAudit, bumpDataStamp, type Actor, type AuditChange, type Tx } from "./audit.ts";
import { DomainError, isUniqueViolation } from "./errors.ts";
import {
  ABSENCE_SELECT,
  canonicalJson,
  ENCLAVE_SELECT,
  ORGANISATION_SELECT,
  organisationData,
  PERSON_SELECT,
  ROUTE_SELECT,
  toAbsence,
  toCoach,
  toEnclave,
  toRoute,
  toWorker,
} from "./scenario-rows.ts";

export type EntityKind = "organisation" | "enclaves" | "workers" | "coaches" | "routes" | "absences";
export const ENTITY_KINDS: readonly EntityKind[] = ["organisation", "enclaves", "workers", "coaches", "routes", "absences"];

export interface ChangeCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface ApplyResult extends ChangeCounts {
  byKind: Record<EntityKind, ChangeCounts>;
  /** The organisation's data stamp after the change (unchanged when nothing changed). */
  dataStamp: number;
  /** Database ids of the absences created, in the order of the target's absences. */
  createdAbsenceIds: string[];
}

interface Stored<T> {
  id: string;
  position: number;
  value: T;
}

interface StoredPerson extends Stored<Worker | Coach> {
  kind: "worker" | "coach";
}

export interface StoredState {
  organisationId: string;
  organisationName: string;
  dataStamp: number;
  scenario: Scenario;
  enclaves: Map<string, Stored<Enclave>>;
  persons: Map<string, StoredPerson>;
  routes: Map<string, Stored<Route>>;
  absences: Stored<Absence>[];
  clients: Map<string, string>;
}

/** Everything stored for the organisation, as a scenario and with the rows' ids. */
export async function loadState(tx: Tx, organisationId: string): Promise<StoredState> {
  const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: ORGANISATION_SELECT });
  if (!organisation) throw new DomainError("NOT_FOUND", `organisation ${organisationId} does not exist`);
  const where = { organisationId };
  // One after the other: a transaction is one connection, and pg wants one query at a time.
  const enclaveRows = await tx.enclave.findMany({ where, select: ENCLAVE_SELECT, orderBy: [{ position: "asc" }, { code: "asc" }] });
  const personRows = await tx.person.findMany({ where, select: PERSON_SELECT, orderBy: [{ position: "asc" }, { code: "asc" }] });
  const routeRows = await tx.route.findMany({ where, select: ROUTE_SELECT, orderBy: [{ position: "asc" }, { code: "asc" }] });
  const absenceRows = await tx.absence.findMany({ where, select: ABSENCE_SELECT, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const clientRows = await tx.client.findMany({ where, select: { id: true, name: true } });
  const enclaves = new Map(enclaveRows.map((row) => [row.code, { id: row.id, position: row.position, value: toEnclave(row) }]));
  const persons = new Map<string, StoredPerson>();
  for (const row of personRows) {
    const kind = row.kind === "coach" ? "coach" : "worker";
    persons.set(row.code, { id: row.id, position: row.position, kind, value: kind === "coach" ? toCoach(row) : toWorker(row) });
  }
  const routes = new Map(routeRows.map((row) => [row.code, { id: row.id, position: row.position, value: toRoute(row) }]));
  const absences = absenceRows.map((row) => ({ id: row.id, position: row.position, value: toAbsence(row) }));
  const stored = [...persons.values()];
  const scenario: Scenario = {
    version: 1,
    organisation: {
      name: organisation.name,
      timezone: organisation.timezone,
      ...(organisation.depotJson !== null ? { depot: JSON.parse(organisation.depotJson) as NonNullable<Scenario["organisation"]["depot"]> } : {}),
    },
    rules: JSON.parse(organisation.rulesJson) as Scenario["rules"],
    enclaves: [...enclaves.values()].map((entry) => entry.value),
    workers: stored.filter((entry) => entry.kind === "worker").map((entry) => entry.value as Worker),
    coaches: stored.filter((entry) => entry.kind === "coach").map((entry) => entry.value as Coach),
    routes: [...routes.values()].map((entry) => entry.value),
    absences: absences.map((entry) => entry.value),
    ...(organisation.absenceModelJson !== null
      ? { absenceModel: JSON.parse(organisation.absenceModelJson) as NonNullable<Scenario["absenceModel"]> }
      : {}),
  };
  return {
    organisationId,
    organisationName: organisation.name,
    dataStamp: organisation.dataStamp,
    scenario,
    enclaves,
    persons,
    routes,
    absences,
    clients: new Map(clientRows.map((row) => [row.name, row.id])),
  };
}

function zeroCounts(): ChangeCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0 };
}

/**
 * Positions for a list in its target order, strictly increasing, moving as few stored rows as
 * possible: appending keeps every other row's position, deleting leaves a harmless gap.
 */
function targetPositions(current: readonly (number | undefined)[]): number[] {
  const out: number[] = [];
  let last = -1;
  for (const position of current) {
    const next = position !== undefined && position > last ? position : last + 1;
    out.push(next);
    last = next;
  }
  return out;
}

function organisationSettings(scenario: Scenario): unknown {
  return {
    name: scenario.organisation.name,
    timezone: scenario.organisation.timezone,
    depot: scenario.organisation.depot,
    rules: scenario.rules,
    absenceModel: scenario.absenceModel,
  };
}

/** Writes the difference between the stored state and `target` (already validated). */
export async function applyScenario(tx: Tx, state: StoredState, target: Scenario, actor: Actor): Promise<ApplyResult> {
  const organisationId = state.organisationId;
  const byKind = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, zeroCounts()])) as Record<EntityKind, ChangeCounts>;
  const audit: AuditChange[] = [];

  // --- clients: every client an enclave names exists ------------------------------------------
  const clientIds = new Map(state.clients);
  const newClients = [...new Set(target.enclaves.map((enclave) => enclave.client))].filter((name) => !clientIds.has(name));
  if (newClients.length > 0) {
    const data = newClients.map((name) => ({ id: randomUUID(), organisationId, name }));
    await tx.client.createMany({ data });
    for (const row of data) clientIds.set(row.name, row.id);
  }

  // --- enclaves (fixed coaches after the people exist) ---------------------------------------
  const enclaveIds = new Map<string, string>([...state.enclaves].map(([code, entry]) => [code, entry.id]));
  const enclavePositions = targetPositions(target.enclaves.map((enclave) => state.enclaves.get(enclave.id)?.position));
  const enclavesToLink: { id: string; enclave: Enclave }[] = [];
  const createdEnclaves: (ReturnType<typeof enclaveData> & { id: string })[] = [];
  for (const [i, enclave] of target.enclaves.entries()) {
    const stored = state.enclaves.get(enclave.id);
    const position = enclavePositions[i] ?? i;
    const clientId = clientIds.get(enclave.client) ?? "";
    if (!stored) {
      const id = randomUUID();
      enclaveIds.set(enclave.id, id);
      createdEnclaves.push({ id, ...enclaveData(organisationId, enclave, clientId, position) });
      enclavesToLink.push({ id, enclave });
      byKind.enclaves.created++;
      audit.push({ action: "create", entity: "enclave", entityId: enclave.id, after: enclave });
    } else if (canonicalJson(stored.value) !== canonicalJson(enclave) || stored.position !== position) {
      await tx.enclave.update({ where: { id: stored.id }, data: enclaveData(organisationId, enclave, clientId, position) });
      if (canonicalJson(stored.value.fixedCoachIds) !== canonicalJson(enclave.fixedCoachIds)) enclavesToLink.push({ id: stored.id, enclave });
      byKind.enclaves.updated++;
      audit.push({ action: "update", entity: "enclave", entityId: enclave.id, before: stored.value, after: enclave });
    } else {
      byKind.enclaves.unchanged++;
    }
  }
  if (createdEnclaves.length > 0) await tx.enclave.createMany({ data: createdEnclaves });

  // --- people ------------------------------------------------------------------------------
  const personIds = new Map<string, string>([...state.persons].map(([code, entry]) => [code, entry.id]));
  const people: { kind: "worker" | "coach"; person: Worker | Coach; position: number }[] = [];
  const workerPositions = targetPositions(target.workers.map((worker) => state.persons.get(worker.id)?.position));
  const coachPositions = targetPositions(target.coaches.map((coach) => state.persons.get(coach.id)?.position));
  target.workers.forEach((worker, i) => people.push({ kind: "worker", person: worker, position: workerPositions[i] ?? i }));
  target.coaches.forEach((coach, i) => people.push({ kind: "coach", person: coach, position: coachPositions[i] ?? i }));
  const createdPeople: (ReturnType<typeof personData> & { id: string })[] = [];
  const rewritePeople: { id: string; person: Worker | Coach }[] = [];
  for (const { kind, person, position } of people) {
    const stored = state.persons.get(person.id);
    const counts = byKind[kind === "worker" ? "workers" : "coaches"];
    const data = personData(organisationId, kind, person, position, enclaveIds);
    if (!stored) {
      const id = randomUUID();
      personIds.set(person.id, id);
      createdPeople.push({ id, ...data });
      rewritePeople.push({ id, person });
      counts.created++;
      audit.push({ action: "create", entity: kind, entityId: person.id, after: person });
    } else if (stored.kind !== kind || canonicalJson(stored.value) !== canonicalJson(person) || stored.position !== position) {
      await tx.person.update({ where: { id: stored.id }, data });
      rewritePeople.push({ id: stored.id, person });
      counts.updated++;
      audit.push({ action: "update", entity: kind, entityId: person.id, before: stored.value, after: person });
    } else {
      counts.unchanged++;
    }
  }
  if (createdPeople.length > 0) await tx.person.createMany({ data: createdPeople });
  if (rewritePeople.length > 0) {
    const ids = rewritePeople.map((entry) => entry.id);
    await tx.qualification.deleteMany({ where: { personId: { in: ids } } });
    await tx.exclusion.deleteMany({ where: { personId: { in: ids } } });
    await tx.workPattern.deleteMany({ where: { personId: { in: ids } } });
    const links = (list: readonly string[], personId: string) =>
      list.map((code, position) => ({ personId, enclaveId: enclaveIds.get(code) ?? "", position }));
    const qualifications = rewritePeople.flatMap(({ id, person }) => links(person.qualifiedEnclaveIds, id));
    const exclusions = rewritePeople.flatMap(({ id, person }) => ("excludedEnclaveIds" in person ? links(person.excludedEnclaveIds, id) : []));
    const rules = rewritePeople.flatMap(({ id, person }) =>
      person.workPattern.map((rule, position) => ({
        id: randomUUID(),
        personId: id,
        position,
        dtstart: rule.dtstart,
        rrule: rule.rrule,
        blocks: JSON.stringify(rule.blocks),
      })),
    );
    if (qualifications.length > 0) await tx.qualification.createMany({ data: qualifications });
    if (exclusions.length > 0) await tx.exclusion.createMany({ data: exclusions });
    if (rules.length > 0) await tx.workPattern.createMany({ data: rules });
  }

  // --- fixed coaches of new and changed enclaves ------------------------------------------
  const targetEnclaves = new Set(target.enclaves.map((enclave) => enclave.id));
  const deletedEnclaves = [...state.enclaves].filter(([code]) => !targetEnclaves.has(code));
  const relink = [...enclavesToLink.map((entry) => entry.id), ...deletedEnclaves.map(([, entry]) => entry.id)];
  if (relink.length > 0) await tx.enclaveFixedCoach.deleteMany({ where: { enclaveId: { in: relink } } });
  const fixed = enclavesToLink.flatMap(({ id, enclave }) =>
    enclave.fixedCoachIds.map((code, position) => ({ enclaveId: id, personId: personIds.get(code) ?? "", position })),
  );
  if (fixed.length > 0) await tx.enclaveFixedCoach.createMany({ data: fixed });

  // --- routes ------------------------------------------------------------------------------
  const routePositions = targetPositions(target.routes.map((route) => state.routes.get(route.id)?.position));
  const restop: { id: string; route: Route }[] = [];
  const createdRoutes: (ReturnType<typeof routeData> & { id: string })[] = [];
  for (const [i, route] of target.routes.entries()) {
    const stored = state.routes.get(route.id);
    const position = routePositions[i] ?? i;
    if (!stored) {
      const id = randomUUID();
      createdRoutes.push({ id, ...routeData(organisationId, route, position) });
      restop.push({ id, route });
      byKind.routes.created++;
      audit.push({ action: "create", entity: "route", entityId: route.id, after: route });
    } else if (canonicalJson(stored.value) !== canonicalJson(route) || stored.position !== position) {
      await tx.route.update({ where: { id: stored.id }, data: routeData(organisationId, route, position) });
      restop.push({ id: stored.id, route });
      byKind.routes.updated++;
      audit.push({ action: "update", entity: "route", entityId: route.id, before: stored.value, after: route });
    } else {
      byKind.routes.unchanged++;
    }
  }
  if (createdRoutes.length > 0) await tx.route.createMany({ data: createdRoutes });
  if (restop.length > 0) {
    await tx.routeStop.deleteMany({ where: { routeId: { in: restop.map((entry) => entry.id) } } });
    const stops = restop.flatMap(({ id, route }) =>
      route.enclaveIds.map((code, position) => ({ routeId: id, enclaveId: enclaveIds.get(code) ?? "", position })),
    );
    if (stops.length > 0) await tx.routeStop.createMany({ data: stops });
  }

  // --- absences: matched by content ----------------------------------------------------------
  const waiting = new Map<string, Stored<Absence>[]>();
  for (const entry of state.absences) {
    const key = canonicalJson(entry.value);
    waiting.set(key, [...(waiting.get(key) ?? []), entry]);
  }
  const matched = target.absences.map((absence) => waiting.get(canonicalJson(absence))?.shift());
  const absencePositions = targetPositions(matched.map((entry) => entry?.position));
  const createdAbsences: { id: string; organisationId: string; personId: string; position: number; from: string; to: string; blocks: string; kind: string; reportedAt: string | null; createdBy: string }[] = [];
  for (const [i, absence] of target.absences.entries()) {
    const stored = matched[i];
    const position = absencePositions[i] ?? i;
    if (!stored) {
      const id = randomUUID();
      createdAbsences.push({
        id,
        organisationId,
        personId: personIds.get(absence.personId) ?? "",
        position,
        from: absence.from,
        to: absence.to,
        blocks: JSON.stringify(absence.blocks),
        kind: absence.kind,
        reportedAt: absence.reportedAt ?? null,
        createdBy: actor.name,
      });
      byKind.absences.created++;
      audit.push({ action: "create", entity: "absence", entityId: id, after: absence });
    } else if (stored.position !== position) {
      await tx.absence.update({ where: { id: stored.id }, data: { position } });
      byKind.absences.updated++;
      audit.push({ action: "update", entity: "absence", entityId: stored.id, before: stored.value, after: absence });
    } else {
      byKind.absences.unchanged++;
    }
  }
  if (createdAbsences.length > 0) await tx.absence.createMany({ data: createdAbsences });

  // --- deletions, references first ---------------------------------------------------------
  const goneAbsences = [...waiting.values()].flat();
  if (goneAbsences.length > 0) {
    await tx.absence.deleteMany({ where: { id: { in: goneAbsences.map((entry) => entry.id) } } });
    byKind.absences.deleted += goneAbsences.length;
    for (const entry of goneAbsences) audit.push({ action: "delete", entity: "absence", entityId: entry.id, before: entry.value });
  }
  const targetRoutes = new Set(target.routes.map((route) => route.id));
  const goneRoutes = [...state.routes].filter(([code]) => !targetRoutes.has(code));
  if (goneRoutes.length > 0) {
    await tx.route.deleteMany({ where: { id: { in: goneRoutes.map(([, entry]) => entry.id) } } });
    byKind.routes.deleted += goneRoutes.length;
    for (const [code, entry] of goneRoutes) audit.push({ action: "delete", entity: "route", entityId: code, before: entry.value });
  }
  const targetPeople = new Set(people.map((entry) => entry.person.id));
  const gonePeople = [...state.persons].filter(([code]) => !targetPeople.has(code));
  if (gonePeople.length > 0) {
    await tx.person.deleteMany({ where: { id: { in: gonePeople.map(([, entry]) => entry.id) } } });
    for (const [code, entry] of gonePeople) {
      byKind[entry.kind === "worker" ? "workers" : "coaches"].deleted++;
      audit.push({ action: "delete", entity: entry.kind, entityId: code, before: entry.value });
    }
  }
  if (deletedEnclaves.length > 0) {
    await tx.enclave.deleteMany({ where: { id: { in: deletedEnclaves.map(([, entry]) => entry.id) } } });
    byKind.enclaves.deleted += deletedEnclaves.length;
    for (const [code, entry] of deletedEnclaves) audit.push({ action: "delete", entity: "enclave", entityId: code, before: entry.value });
  }
  await tx.client.deleteMany({ where: { organisationId, enclaves: { none: {} } } });

  // --- the organisation's own settings, last: a name clash undoes everything above ----------
  const before = organisationSettings(state.scenario);
  const after = organisationSettings(target);
  if (canonicalJson(before) !== canonicalJson(after)) {
    try {
      await tx.organisation.update({
        where: { id: organisationId },
        data: { name: target.organisation.name, ...organisationData(target) },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError("CONFLICT", `another organisation is already called ${JSON.stringify(target.organisation.name)}`, {
          name: target.organisation.name,
        });
      }
      throw error;
    }
    byKind.organisation.updated++;
    audit.push({ action: "update", entity: "organisation", entityId: organisationId, before, after });
  } else {
    byKind.organisation.unchanged++;
  }

  let dataStamp = state.dataStamp;
  if (audit.length > 0) {
    await recordAudit(tx, organisationId, actor, audit);
    dataStamp = await bumpDataStamp(tx, organisationId);
  }
  const total = zeroCounts();
  for (const counts of Object.values(byKind)) {
    total.created += counts.created;
    total.updated += counts.updated;
    total.deleted += counts.deleted;
    total.unchanged += counts.unchanged;
  }
  return { ...total, byKind, dataStamp, createdAbsenceIds: createdAbsences.map((row) => row.id) };
}

function enclaveData(organisationId: string, enclave: Enclave, clientId: string, position: number) {
  return {
    organisationId,
    code: enclave.id,
    position,
    name: enclave.name,
    clientId,
    lat: enclave.location?.lat ?? null,
    lon: enclave.location?.lon ?? null,
    address: enclave.address ?? null,
    contractStart: enclave.contract.start,
    contractEnd: enclave.contract.end,
    contractNotified: enclave.contract.notifiedOn,
    scheduleDtstart: enclave.schedule.dtstart,
    scheduleRrule: enclave.schedule.rrule,
    scheduleExdates: JSON.stringify(enclave.schedule.exdates),
    scheduleRdates: JSON.stringify(enclave.schedule.rdates),
    hoursStart: enclave.hours.start,
    hoursEnd: enclave.hours.end,
    staffingMin: enclave.staffing.min,
    staffingTarget: enclave.staffing.target,
    staffingMax: enclave.staffing.max,
  };
}

function personData(
  organisationId: string,
  kind: "worker" | "coach",
  person: Worker | Coach,
  position: number,
  enclaveIds: ReadonlyMap<string, string>,
) {
  return {
    organisationId,
    code: person.id,
    kind,
    position,
    name: person.name,
    guidance: "guidance" in person ? person.guidance : null,
    coachRole: "role" in person ? person.role : null,
    homeEnclaveId: person.homeEnclaveId === null ? null : (enclaveIds.get(person.homeEnclaveId) ?? null),
    transport: person.transport,
  };
}

function routeData(organisationId: string, route: Route, position: number) {
  return {
    organisationId,
    code: route.id,
    position,
    seatsDay: route.seats.day,
    seatsMorning: route.seats.morning,
    seatsAfternoon: route.seats.afternoon,
  };
}
