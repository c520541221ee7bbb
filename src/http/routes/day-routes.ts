/**
 * The day: the plan of a date, re-plan after absences, manual moves, publish, suggestions for
 * a gap, and the daily registration. Thin: parse, call a morning use case, shape the answer.
 * The planning options carry the solver's time budget and the language of the plans' texts.
 */
import type { z } from "zod";
import type { Database } from "../../db/index.ts";
import {
  dailyRegistration,
  movePersonInPlan,
  publishDay,
  replanDay,
  showDay,
  suggestionsForGap,
  type DayView,
  type PlanningOptions,
} from "../../planning/morning.ts";
import { dateParams, dayViewSchema, moveBody, suggestionsQuery, suggestionsSchema, versionBody } from "../api-schemas.ts";
import { dbDayStore } from "../db-day-store.ts";
import { defineRoute, type AnyRoute, type Caller } from "../route.ts";

export function dayRoutes(db: Database, planning: PlanningOptions): AnyRoute[] {
  const store = (caller: Caller) => dbDayStore(db, caller.organisationId, actorOf(caller));
  return [
    defineRoute({
      method: "get",
      path: "/days/:date/plan",
      summary: "The plan of a date (computes and stores a draft when there is none)",
      tag: "day",
      role: "viewer",
      params: dateParams,
      response: dayViewSchema,
      handler: async ({ params, caller }) => viewJson(await showDay(store(caller), params.date, planning)),
    }),
    defineRoute({
      method: "post",
      path: "/days/:date/replan",
      summary: "Re-plan after new absences, with the fewest changes to the published plan",
      tag: "day",
      role: "planner",
      params: dateParams,
      body: versionBody,
      response: dayViewSchema,
      handler: async ({ params, body, caller }) => viewJson(await replanDay(store(caller), params.date, body.version, planning)),
    }),
    defineRoute({
      method: "post",
      path: "/days/:date/moves",
      summary: "Move a person by hand (checked by the validator; 422 names the rules a refused move breaks)",
      tag: "day",
      role: "planner",
      params: dateParams,
      body: moveBody,
      response: dayViewSchema,
      handler: async ({ params, body, caller }) => {
        const { version, ...move } = body;
        return viewJson(await movePersonInPlan(store(caller), params.date, version, move, planning));
      },
    }),
    defineRoute({
      method: "post",
      path: "/days/:date/publish",
      summary: "Publish the version on screen (frozen; later edits make a new draft)",
      tag: "day",
      role: "planner",
      params: dateParams,
      body: versionBody,
      response: dayViewSchema,
      handler: async ({ params, body, caller }) => viewJson(await publishDay(store(caller), params.date, body.version)),
    }),
    defineRoute({
      method: "get",
      path: "/days/:date/suggestions",
      summary: "Ranked replacement suggestions for one gap, each with its reason",
      tag: "day",
      role: "viewer",
      params: dateParams,
      query: suggestionsQuery,
      response: suggestionsSchema,
      handler: async ({ params, query, caller }) => ({
        suggestions: await suggestionsForGap(store(caller), params.date, query.enclaveId, query.block, planning),
      }),
    }),
    defineRoute({
      method: "get",
      path: "/days/:date/registration.csv",
      summary: "The daily registration of the published plan, as CSV",
      tag: "day",
      role: "viewer",
      params: dateParams,
      response: { raw: "text/csv" },
      handler: async ({ params, caller }) => ({
        raw: true as const,
        contentType: "text/csv; charset=utf-8",
        body: await dailyRegistration(store(caller), params.date, "csv"),
        filename: `registratie-${params.date}.csv`,
      }),
    }),
    defineRoute({
      method: "get",
      path: "/days/:date/registration",
      summary: "The daily registration of the published plan, as a printable page",
      tag: "day",
      role: "viewer",
      params: dateParams,
      response: { raw: "text/html" },
      handler: async ({ params, caller }) => ({
        raw: true as const,
        contentType: "text/html; charset=utf-8",
        body: await dailyRegistration(store(caller), params.date, "html"),
      }),
    }),
  ];
}

export function actorOf(caller: Caller): { userId: string; name: string } {
  return { userId: caller.userId, name: caller.email };
}

function viewJson(view: DayView): z.input<typeof dayViewSchema> {
  return {
    ...view,
    version: {
      ...view.version,
      createdAt: view.version.createdAt.toISOString(),
      publishedAt: view.version.publishedAt?.toISOString() ?? null,
    },
  };
}
