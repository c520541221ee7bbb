/**
 * Enclaves, workers, coaches, routes, clients and absences one at a time, in the shapes of the
 * scenario format (ids are scenario ids; an absence also has its database id).
 *
 * Every write goes through the same path as an import: load the organisation's scenario, make
 * the one change, validate the whole result with the scenario validator, and write the
 * difference with its audit entry — all in one transaction. So an edit can never leave the
 * data in a state a scenario file could not have. Deleting something that others still name
 * is refused with CONFLICT listing the references; a person's own absences go with them.
 */
import type { Absence, Coach, Enclave, Route, Scenario, Worker } from "../scenario/schema.ts";
import { formatPath, type InputIssue } from "../scenario/input-issue.ts";
import { readScenario, ScenarioInputError } from "../scenario/validate-scenario.ts";
import { bumpDataStamp, inTransaction, recordAudit, type Actor } from "./audit.ts";
import { DomainError, notFound } from "./errors.ts";
import type { Database } from "./open-database.ts";
import { ABSENCE_SELECT, ENCLAVE_SELECT, PERSON_SELECT, ROUTE_SELECT, toAbsence, toCoach, toEnclave, toRoute, toWorker } from "./scenario-rows.ts";
import { applyScenario, loadState, type ApplyResult } from "./scenario-store.ts";
import { keepScenario, keptScenario } from "./scenario-cache.ts";
import { canonicalJson } from "./scenario-rows.ts";
import { randomUUID } from "node:crypto";

type ListKey = "enclaves" | "workers" | "coaches" | "routes";
type ItemOf<K extends ListKey> = Scenario[K][number];

const NOUN: Record<ListKey, string> = { enclaves: "enclave", workers: "worker", coaches: "coach", routes: "route" };

/**
 * Loads, changes, validates and writes back, in one transaction. Issues in the list item being
 * written are reported relative to it (`staffing.min`), others with their scenario path.
 */
async function changeScenario(
  db: Database,
  organisationId: string,
  actor: Actor,
  change: (scenario: Scenario) => { focus?: (string | number)[] },
): Promise<ApplyResult> {
  let written: Scenario | null = null;
  let stampRead = Number.NaN;
  const result = await inTransaction(db, async (tx) => {
    const state = await loadState(tx, organisationId);
    stampRead = state.dataStamp;
    const next = structuredClone(state.scenario);
    const { focus } = change(next);
    const read = readScenario(next);
    if (!read.ok) throw new ScenarioInputError(relativeIssues(read.issues, focus));
    written = read.scenario;
    return applyScenario(tx, state, read.scenario, actor);
  });
  // Committed: the next read of the organisation's scenario needs no queries — unless another
  // write came between our read and our stamp (PostgreSQL, read committed): then forget it.
  if (written && result.dataStamp === stampRead + 1) keepScenario(db, organisationId, result.dataStamp, written);
  return result;
}

function relativeIssues(issues: readonly InputIssue[], focus: (string | number)[] | undefined): InputIssue[] {
  if (!focus) return [...issues];
  const prefix = formatPath(focus);
  return issues.map((issue) => {
    if (issue.path === prefix) return { path: "(root)", message: issue.message };
    if (issue.path.startsWith(`${prefix}.`)) return { path: issue.path.slice(prefix.length + 1), message: issue.message };
    if (issue.path.startsWith(`${prefix}[`)) return { path: issue.path.slice(prefix.length), message: issue.message };
    return issue;
  });
}

/** Who still names `id` (an enclave or a person) in the scenario, in words. */
function referencesTo(scenario: Scenario, id: string): string[] {
  const found: string[] = [];
  for (const enclave of scenario.enclaves) {
    if (enclave.fixedCoachIds.includes(id)) found.push(`enclave ${enclave.id} (fixed coach)`);
  }
  for (const worker of scenario.workers) {
    if (worker.homeEnclaveId === id) found.push(`worker ${worker.id} (home enclave)`);
    if (worker.qualifiedEnclaveIds.includes(id)) found.push(`worker ${worker.id} (qualified)`);
    if (worker.excludedEnclaveIds.includes(id)) found.push(`worker ${worker.id} (excluded)`);
  }
  for (const coach of scenario.coaches) {
    if (coach.homeEnclaveId === id) found.push(`coach ${coach.id} (home enclave)`);
    if (coach.qualifiedEnclaveIds.includes(id)) found.push(`coach ${coach.id} (qualified)`);
  }
  for (const route of scenario.routes) {
    if (route.enclaveIds.includes(id)) found.push(`route ${route.id} (stop)`);
  }
  return found;
}

async function createItem<K extends ListKey>(db: Database, organisationId: string, key: K, item: ItemOf<K>, actor: Actor): Promise<ItemOf<K>> {
  await changeScenario(db, organisationId, actor, (scenario) => {
    const list = scenario[key] as ItemOf<K>[];
    const people = key === "workers" || key === "coaches" ? [...scenario.workers, ...scenario.coaches] : list;
    if (people.some((existing) => existing.id === item.id)) {
      throw new DomainError("CONFLICT", `${item.id} already exists`, { id: item.id });
    }
    list.push(item);
    return { focus: [key, list.length - 1] };
  });
  return getItem(db, organisationId, key, item.id);
}

async function updateItem<K extends ListKey>(
  db: Database,
  organisationId: string,
  key: K,
  id: string,
  item: ItemOf<K>,
  actor: Actor,
): Promise<ItemOf<K>> {
  await changeScenario(db, organisationId, actor, (scenario) => {
    const list = scenario[key] as ItemOf<K>[];
    const index = list.findIndex((existing) => existing.id === id);
    if (index === -1) throw notFound(`${NOUN[key]} ${id}`);
    if (item.id !== id) throw new ScenarioInputError([{ path: "id", message: `must be ${id}, the id being updated (ids cannot be changed)` }]);
    list[index] = item;
    return { focus: [key, index] };
  });
  return getItem(db, organisationId, key, id);
}

async function deleteItem(db: Database, organisationId: string, key: ListKey, id: string, actor: Actor): Promise<void> {
  await changeScenario(db, organisationId, actor, (scenario) => {
    const list = scenario[key] as { id: string }[];
    const index = list.findIndex((existing) => existing.id === id);
    if (index === -1) throw notFound(`${NOUN[key]} ${id}`);
    list.splice(index, 1);
    const references = key === "routes" ? [] : referencesTo(scenario, id);
    if (references.length > 0) {
      throw new DomainError("CONFLICT", `${NOUN[key]} ${id} cannot be deleted: still named by ${references.join(", ")}`, { references });
    }
    // A person's absences mean nothing without them.
    if (key === "workers" || key === "coaches") scenario.absences = scenario.absences.filter((absence) => absence.personId !== id);
    return {};
  });
}

async function getItem<K extends ListKey>(db: Database, organisationId: string, key: K, id: string): Promise<ItemOf<K>> {
  const found = (await listItems(db, organisationId, key, id)).at(0);
  if (!found) throw notFound(`${NOUN[key]} ${id}`);
  return found;
}

const ORDER = [{ position: "asc" as const }, { code: "asc" as const }];

async function listItems<K extends ListKey>(db: Database, organisationId: string, key: K, code?: string): Promise<ItemOf<K>[]> {
  const where = { organisationId, ...(code !== undefined ? { code } : {}) };
  switch (key) {
    case "enclaves":
      return (await db.prisma.enclave.findMany({ where, select: ENCLAVE_SELECT, orderBy: ORDER })).map(toEnclave) as ItemOf<K>[];
    case "workers":
      return (await db.prisma.person.findMany({ where: { ...where, kind: "worker" }, select: PERSON_SELECT, orderBy: ORDER })).map(toWorker) as ItemOf<K>[];
    case "coaches":
      return (await db.prisma.person.findMany({ where: { ...where, kind: "coach" }, select: PERSON_SELECT, orderBy: ORDER })).map(toCoach) as ItemOf<K>[];
    default:
      return (await db.prisma.route.findMany({ where, select: ROUTE_SELECT, orderBy: ORDER })).map(toRoute) as ItemOf<K>[];
  }
}

// --- enclaves ---------------------------------------------------------------------------------
export const listEnclaves = (db: Database, organisationId: string): Promise<Enclave[]> => listItems(db, organisationId, "enclaves");
export const getEnclave = (db: Database, organisationId: string, id: string): Promise<Enclave> => getItem(db, organisationId, "enclaves", id);
export const createEnclave = (db: Database, organisationId: string, enclave: Enclave, actor: Actor): Promise<Enclave> =>
  createItem(db, organisationId, "enclaves", enclave, actor);
export const updateEnclave = (db: Database, organisationId: string, id: string, enclave: Enclave, actor: Actor): Promise<Enclave> =>
  updateItem(db, organisationId, "enclaves", id, enclave, actor);
export const deleteEnclave = (db: Database, organisationId: string, id: string, actor: Actor): Promise<void> =>
  deleteItem(db, organisationId, "enclaves", id, actor);

// --- workers ----------------------------------------------------------------------------------
export const listWorkers = (db: Database, organisationId: string): Promise<Worker[]> => listItems(db, organisationId, "workers");
export const getWorker = (db: Database, organisationId: string, id: string): Promise<Worker> => getItem(db, organisationId, "workers", id);
export const createWorker = (db: Database, organisationId: string, worker: Worker, actor: Actor): Promise<Worker> =>
  createItem(db, organisationId, "workers", worker, actor);
export const updateWorker = (db: Database, organisationId: string, id: string, worker: Worker, actor: Actor): Promise<Worker> =>
  updateItem(db, organisationId, "workers", id, worker, actor);
export const deleteWorker = (db: Database, organisationId: string, id: string, actor: Actor): Promise<void> =>
  deleteItem(db, organisationId, "workers", id, actor);

// --- coaches ----------------------------------------------------------------------------------
export const listCoaches = (db: Database, organisationId: string): Promise<Coach[]> => listItems(db, organisationId, "coaches");
export const getCoach = (db: Database, organisationId: string, id: string): Promise<Coach> => getItem(db, organisationId, "coaches", id);
export const createCoach = (db: Database, organisationId: string, coach: Coach, actor: Actor): Promise<Coach> =>
  createItem(db, organisationId, "coaches", coach, actor);
export const updateCoach = (db: Database, organisationId: string, id: string, coach: Coach, actor: Actor): Promise<Coach> =>
  updateItem(db, organisationId, "coaches", id, coach, actor);
export const deleteCoach = (db: Database, organisationId: string, id: string, actor: Actor): Promise<void> =>
  deleteItem(db, organisationId, "coaches", id, actor);

// --- routes -----------------------------------------------------------------------------------
export const listRoutes = (db: Database, organisationId: string): Promise<Route[]> => listItems(db, organisationId, "routes");
export const getRoute = (db: Database, organisationId: string, id: string): Promise<Route> => getItem(db, organisationId, "routes", id);
export const createRoute = (db: Database, organisationId: string, route: Route, actor: Actor): Promise<Route> =>
  createItem(db, organisationId, "routes", route, actor);
export const updateRoute = (db: Database, organisationId: string, id: string, route: Route, actor: Actor): Promise<Route> =>
  updateItem(db, organisationId, "routes", id, route, actor);
export const deleteRoute = (db: Database, organisationId: string, id: string, actor: Actor): Promise<void> =>
  deleteItem(db, organisationId, "routes", id, actor);

// --- clients ----------------------------------------------------------------------------------
export interface ClientSummary {
  name: string;
  enclaveIds: string[];
}

export async function listClients(db: Database, organisationId: string): Promise<ClientSummary[]> {
  const rows = await db.prisma.client.findMany({
    where: { organisationId },
    select: { name: true, enclaves: { select: { code: true }, orderBy: ORDER } },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ name: row.name, enclaveIds: row.enclaves.map((enclave) => enclave.code) }));
}

// --- absences ---------------------------------------------------------------------------------
export interface StoredAbsence extends Absence {
  /** The database id (absences have no scenario id). */
  id: string;
}

/** Absences overlapping [from, to] (both optional, inclusive), in stored order. */
export async function listAbsences(db: Database, organisationId: string, range: { from?: string; to?: string } = {}): Promise<StoredAbsence[]> {
  const rows = await db.prisma.absence.findMany({
    where: {
      organisationId,
      ...(range.to !== undefined ? { from: { lte: range.to } } : {}),
      ...(range.from !== undefined ? { to: { gte: range.from } } : {}),
    },
    select: ABSENCE_SELECT,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, ...toAbsence(row) }));
}

export async function createAbsence(db: Database, organisationId: string, absence: Absence, actor: Actor): Promise<StoredAbsence> {
  const appended = await appendAbsence(db, organisationId, absence, actor);
  if (appended) return appended;
  const result = await changeScenario(db, organisationId, actor, (scenario) => {
    scenario.absences.push(absence);
    return { focus: ["absences", scenario.absences.length - 1] };
  });
  const id = result.createdAbsenceIds.at(-1);
  if (id === undefined) {
    // The same absence was already stored (same person, days, blocks, kind and report time).
    throw new DomainError("CONFLICT", `this absence of ${absence.personId} is already recorded`, { personId: absence.personId });
  }
  const row = await db.prisma.absence.findFirstOrThrow({ where: { id, organisationId }, select: ABSENCE_SELECT });
  return { id, ...toAbsence(row) };
}

class StaleStamp extends Error {}

/**
 * The morning's most common write — one new absence, a sick call at 07:10 — without reading the
 * whole organisation: validated as part of the kept scenario of the current data stamp (the
 * same whole-scenario check as every write), then one row, its audit entry and the stamp. The
 * stamp moves only from the value read, or the write is undone and the full path is taken.
 * Returns null when there is no kept scenario (or on any doubt): the caller takes the full path.
 */
async function appendAbsence(db: Database, organisationId: string, absence: Absence, actor: Actor): Promise<StoredAbsence | null> {
  try {
    const done = await inTransaction(db, async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { dataStamp: true } });
      const kept = organisation ? keptScenario(db, organisationId, organisation.dataStamp) : null;
      if (!organisation || !kept) return null;
      // The same absence twice is refused by the full path, with its message.
      if (kept.absences.some((a) => canonicalJson(a) === canonicalJson(absence))) return null;
      kept.absences.push(absence);
      const read = readScenario(kept);
      if (!read.ok) throw new ScenarioInputError(relativeIssues(read.issues, ["absences", kept.absences.length - 1]));
      const person = await tx.person.findUnique({ where: { organisationId_code: { organisationId, code: absence.personId } }, select: { id: true } });
      if (!person) return null;
      const last = await tx.absence.aggregate({ where: { organisationId }, _max: { position: true } });
      const id = randomUUID();
      const stored = read.scenario.absences[read.scenario.absences.length - 1]!;
      await tx.absence.create({
        data: {
          id,
          organisationId,
          personId: person.id,
          position: (last._max.position ?? -1) + 1,
          from: stored.from,
          to: stored.to,
          blocks: JSON.stringify(stored.blocks),
          kind: stored.kind,
          reportedAt: stored.reportedAt ?? null,
          createdBy: actor.name,
        },
      });
      await recordAudit(tx, organisationId, actor, [{ action: "create", entity: "absence", entityId: id, after: stored }]);
      const bumped = await tx.organisation.updateMany({
        where: { id: organisationId, dataStamp: organisation.dataStamp },
        data: { dataStamp: { increment: 1 } },
      });
      if (bumped.count !== 1) throw new StaleStamp();
      return { stored: { id, ...stored }, stamp: organisation.dataStamp + 1, scenario: read.scenario };
    });
    if (!done) return null;
    keepScenario(db, organisationId, done.stamp, done.scenario);
    return done.stored;
  } catch (error) {
    if (error instanceof StaleStamp) return null;
    throw error;
  }
}

/** Replaces absence `id` (a sick call extended to the whole week, a wrong day corrected). */
export async function updateAbsence(db: Database, organisationId: string, id: string, absence: Absence, actor: Actor): Promise<StoredAbsence> {
  return inTransaction(db, async (tx) => {
    const state = await loadState(tx, organisationId);
    const index = state.absences.findIndex((entry) => entry.id === id);
    if (index === -1) throw notFound(`absence ${id}`);
    const next = structuredClone(state.scenario);
    next.absences[index] = absence;
    const read = readScenario(next);
    if (!read.ok) throw new ScenarioInputError(relativeIssues(read.issues, ["absences", index]));
    const stored = read.scenario.absences[index]!;
    const before = state.absences[index]!.value;
    await tx.absence.update({
      where: { id },
      data: {
        personId: state.persons.get(stored.personId)!.id,
        from: stored.from,
        to: stored.to,
        blocks: JSON.stringify(stored.blocks),
        kind: stored.kind,
        reportedAt: stored.reportedAt ?? null,
      },
    });
    await recordAudit(tx, organisationId, actor, [{ action: "update", entity: "absence", entityId: id, before, after: stored }]);
    await bumpDataStamp(tx, organisationId);
    return { id, ...stored };
  });
}

export async function deleteAbsence(db: Database, organisationId: string, id: string, actor: Actor): Promise<StoredAbsence> {
  return inTransaction(db, async (tx) => {
    const row = await tx.absence.findFirst({ where: { id, organisationId }, select: ABSENCE_SELECT });
    if (!row) throw notFound(`absence ${id}`);
    const absence = toAbsence(row);
    await tx.absence.delete({ where: { id } });
    await recordAudit(tx, organisationId, actor, [{ action: "delete", entity: "absence", entityId: id, before: absence }]);
    await bumpDataStamp(tx, organisationId);
    return { id, ...absence };
  });
}
