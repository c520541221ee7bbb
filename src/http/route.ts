/**
 * One declaration per API operation: method, path, the least role allowed, zod schemas of the
 * path parameters, query, body and response, and a thin handler that calls a use case.
 *
 * The same declaration registers the express route (zod parses every request and every
 * response, STYLE.md "thin routes") and becomes an operation of the OpenAPI document, so the
 * documentation cannot drift from what the service accepts.
 */
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { HttpError, PartError } from "./error-translator.ts";

export const ROLES = ["viewer", "hr", "planner", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: set by the authentication middleware for every /api route but login. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  req: Request;
  res: Response;
}

/** A reply that is not JSON (CSV, HTML): the handler returns it and the route sends it as is. */
export interface RawReply {
  raw: true;
  contentType: string;
  body: string;
  filename?: string;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: "get" | "post" | "put" | "delete";
  /** Express style: `/api/days/:date/plan`. */
  path: string;
  summary: string;
  tag: string;
  /** The least role allowed; "public" needs no session (login only). */
  role: Role | "public";
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The JSON response; null for 204 No Content; "raw" for CSV/HTML replies. */
  response: z.ZodType<R> | null | { raw: string };
  status?: number;
  handler: (context: HandlerContext<P, Q, B>) => Promise<R | RawReply | void>;
}

// The registry is typed loosely on purpose: each spec was checked where it was written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<P, Q, B, R>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

export function roleAllows(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}

/** Registers every route on `router`; request parts are parsed before the handler runs, the response after. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const caller = res.locals.caller as Caller | undefined;
      if (route.role !== "public") {
        if (!caller) throw new HttpError("UNAUTHENTICATED", "sign in first: no valid session or API token");
        if (!roleAllows(caller.role, route.role)) {
          throw new HttpError("FORBIDDEN", `${route.summary.toLowerCase()} needs the role ${route.role} or higher; you are ${caller.role}`);
        }
      }
      const params = parsePart(route.params, req.params, "path");
      const query = parsePart(route.query, req.query, "query");
      const body = parsePart(route.body, req.body ?? {}, "body");
      const result = await route.handler({ params, query, body, caller: caller!, req, res });
      if (route.response === null) {
        res.status(route.status ?? 204).end();
        return;
      }
      if (isRaw(result)) {
        res.status(route.status ?? 200).type(result.contentType);
        if (result.filename) res.attachment(result.filename);
        res.send(result.body);
        return;
      }
      if (route.response && "raw" in route.response) throw new Error(`${route.path} must reply raw`);
      // Responses are parsed too: database shapes never reach the client by accident.
      const shaped = route.response.parse(result);
      res.status(route.status ?? 200).json(shaped);
    });
  }
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new PartError(parsed.error, where);
  return parsed.data;
}

function isRaw(value: unknown): value is RawReply {
  return typeof value === "object" && value !== null && "raw" in value && (value as { raw: unknown }).raw === true;
}

/** The OpenAPI 3.1 document of `routes`, built from their zod schemas. */
export function openApiDocument(routes: readonly AnyRoute[], info: { title: string; version: string; description: string }): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const openPath = route.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters = [
      ...objectParameters(route.params, "path"),
      ...objectParameters(route.query, "query"),
    ];
    const responses: Record<string, object> = {};
    const ok = String(route.status ?? (route.response === null ? 204 : 200));
    if (route.response === null) responses[ok] = { description: "done" };
    else if ("raw" in route.response) responses[ok] = { description: route.response.raw, content: { [route.response.raw]: { schema: { type: "string" } } } };
    else responses[ok] = { description: "ok", content: { "application/json": { schema: jsonSchema(route.response, "output") } } };
    for (const [status, description] of errorResponses(route)) {
      responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      description: route.role === "public" ? "No session needed." : `Least role: ${route.role}.`,
      parameters,
      responses,
    };
    if (route.role !== "public") operation.security = [{ session: [] }, { bearer: [] }];
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } };
    paths[openPath] = { ...paths[openPath], [route.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "vlinder_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
                violations: { type: "array", items: { type: "object", properties: { rule: { type: "string" }, message: { type: "string" } } } },
              },
            },
          },
        },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): object {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function objectParameters(schema: z.ZodType | undefined, where: "path" | "query"): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponses(route: AnyRoute): [string, string][] {
  const list: [string, string][] = [["400", "invalid input; `issues` name the paths"]];
  if (route.role !== "public") list.push(["401", "not signed in"], ["403", "the role may not do this"]);
  if (route.path.includes(":")) list.push(["404", "unknown id, or another organisation's"]);
  if (route.method !== "get") list.push(["409", "the plan version or data changed meanwhile"]);
  return list;
}
