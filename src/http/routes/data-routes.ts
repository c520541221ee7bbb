/**
 * The organisation's data in the shapes of the scenario format: the whole scenario (export and
 * idempotent import), CRUD for enclaves, workers, coaches and routes, clients, and absences
 * (a late sick call is an absence with `reportedAt`). Every query is scoped to the caller's
 * organisation by the repositories; another organisation's ids answer 404.
 */
import { z } from "zod";
import * as repo from "../../db/index.ts";
import type { Database } from "../../db/index.ts";
import { absenceSchema, coachSchema, enclaveSchema, routeSchema, scenarioSchema, workerSchema } from "../../scenario/schema.ts";
import { absencesQuery, idParams, importSummarySchema, storedAbsenceSchema } from "../api-schemas.ts";
import { defineRoute, type AnyRoute, type Caller } from "../route.ts";
import { actorOf } from "./day-routes.ts";

interface EntityRepository<T> {
  list(db: Database, organisationId: string): Promise<T[]>;
  get(db: Database, organisationId: string, id: string): Promise<T>;
  create(db: Database, organisationId: string, item: T, actor: repo.Actor): Promise<T>;
  update(db: Database, organisationId: string, id: string, item: T, actor: repo.Actor): Promise<T>;
  remove(db: Database, organisationId: string, id: string, actor: repo.Actor): Promise<void>;
}

function crudRoutes<T extends { id: string }>(db: Database, plural: string, tag: string, schema: z.ZodType<T>, entity: EntityRepository<T>): AnyRoute[] {
  const collection = `/${plural}`;
  const item = `/${plural}/:id`;
  const org = (caller: Caller) => caller.organisationId;
  return [
    defineRoute({
      method: "get",
      path: collection,
      summary: `List ${plural}`,
      tag,
      role: "viewer",
      response: z.object({ [plural]: z.array(schema) }),
      handler: async ({ caller }) => ({ [plural]: await entity.list(db, org(caller)) }),
    }),
    defineRoute({
      method: "get",
      path: item,
      summary: `One of the ${plural}`,
      tag,
      role: "viewer",
      params: idParams,
      response: schema,
      handler: async ({ params, caller }) => entity.get(db, org(caller), params.id),
    }),
    defineRoute({
      method: "post",
      path: collection,
      summary: `Create one of the ${plural}`,
      tag,
      role: "planner",
      body: schema,
      response: schema,
      status: 201,
      handler: async ({ body, caller }) => entity.create(db, org(caller), body, actorOf(caller)),
    }),
    defineRoute({
      method: "put",
      path: item,
      summary: `Replace one of the ${plural}`,
      tag,
      role: "planner",
      params: idParams,
      body: schema,
      response: schema,
      handler: async ({ params, body, caller }) => entity.update(db, org(caller), params.id, body, actorOf(caller)),
    }),
    defineRoute({
      method: "delete",
      path: item,
      summary: `Delete one of the ${plural} (refused while others refer to it)`,
      tag,
      role: "planner",
      params: idParams,
      response: null,
      handler: async ({ params, caller }) => entity.remove(db, org(caller), params.id, actorOf(caller)),
    }),
  ];
}

export function dataRoutes(db: Database): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/scenario",
      summary: "The organisation's whole scenario (export)",
      tag: "scenario",
      role: "viewer",
      response: scenarioSchema,
      handler: async ({ caller }) => repo.exportScenario(db, caller.organisationId),
    }),
    defineRoute({
      method: "put",
      path: "/scenario",
      summary: "Import a whole scenario (idempotent: the same file twice changes nothing)",
      tag: "scenario",
      role: "admin",
      // Parsed by the import itself, which lists every problem with its JSON path.
      body: z.unknown(),
      response: importSummarySchema,
      handler: async ({ body, caller }) => {
        const result = await repo.importScenario(db, { organisationId: caller.organisationId }, body as z.input<typeof scenarioSchema>, actorOf(caller));
        return { created: result.created, updated: result.updated, deleted: result.deleted, unchanged: result.unchanged };
      },
    }),
    ...crudRoutes(db, "enclaves", "enclaves", enclaveSchema, {
      list: repo.listEnclaves,
      get: repo.getEnclave,
      create: repo.createEnclave,
      update: repo.updateEnclave,
      remove: repo.deleteEnclave,
    }),
    ...crudRoutes(db, "workers", "people", workerSchema, {
      list: repo.listWorkers,
      get: repo.getWorker,
      create: repo.createWorker,
      update: repo.updateWorker,
      remove: repo.deleteWorker,
    }),
    ...crudRoutes(db, "coaches", "people", coachSchema, {
      list: repo.listCoaches,
      get: repo.getCoach,
      create: repo.createCoach,
      update: repo.updateCoach,
      remove: repo.deleteCoach,
    }),
    ...crudRoutes(db, "routes", "transport", routeSchema, {
      list: repo.listRoutes,
      get: repo.getRoute,
      create: repo.createRoute,
      update: repo.updateRoute,
      remove: repo.deleteRoute,
    }),
    defineRoute({
      method: "get",
      path: "/clients",
      summary: "The client companies that host enclaves",
      tag: "enclaves",
      role: "viewer",
      response: z.object({ clients: z.array(z.object({ name: z.string(), enclaveIds: z.array(z.string()) })) }),
      handler: async ({ caller }) => ({ clients: await repo.listClients(db, caller.organisationId) }),
    }),
    defineRoute({
      method: "get",
      path: "/absences",
      summary: "Absences overlapping a date range",
      tag: "absences",
      role: "viewer",
      query: absencesQuery,
      response: z.object({ absences: z.array(storedAbsenceSchema) }),
      handler: async ({ query, caller }) => ({ absences: await repo.listAbsences(db, caller.organisationId, query) }),
    }),
    defineRoute({
      method: "post",
      path: "/absences",
      summary: "Record an absence (a late sick call: kind sick with reportedAt)",
      tag: "absences",
      role: "hr",
      body: absenceSchema,
      response: storedAbsenceSchema,
      status: 201,
      handler: async ({ body, caller }) => repo.createAbsence(db, caller.organisationId, body, actorOf(caller)),
    }),
    defineRoute({
      method: "put",
      path: "/absences/:id",
      summary: "Replace an absence (a sick call extended, a wrong day corrected)",
      tag: "absences",
      role: "hr",
      params: idParams,
      body: absenceSchema,
      response: storedAbsenceSchema,
      handler: async ({ params, body, caller }) => repo.updateAbsence(db, caller.organisationId, params.id, body, actorOf(caller)),
    }),
    defineRoute({
      method: "delete",
      path: "/absences/:id",
      summary: "Delete an absence",
      tag: "absences",
      role: "hr",
      params: idParams,
      response: null,
      handler: async ({ params, caller }) => {
        await repo.deleteAbsence(db, caller.organisationId, params.id, actorOf(caller));
      },
    }),
  ];
}
