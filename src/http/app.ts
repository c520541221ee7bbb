/**
 * The express application: JSON parsing, authentication of every /api route, the routes, the
 * OpenAPI document and its browsable page, the built board (web/dist) at `/`, and the one
 * error translator at the end of the chain.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HttpError, translateError } from "./error-translator.ts";
import { apiDocsPage } from "./api-docs-page.ts";
import { mountRoutes, openApiDocument, type AnyRoute, type Caller } from "./route.ts";

export const SESSION_COOKIE = "vlinder_session";

export interface AppOptions {
  routes: readonly AnyRoute[];
  /** The caller for a session token or API token, or null when it is unknown or expired. */
  authenticate: (token: string, kind: "session" | "bearer") => Promise<Caller | null>;
  /** Where the built board lives; served at `/` when it exists. */
  webDist?: string;
  version: string;
  log?: (line: string) => void;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(express.json({ limit: "5mb" }));

  const api = express.Router();
  api.use(async (req: Request, res: Response, next: NextFunction) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get("authorization") ?? "")?.[1];
    const session = readCookie(req.get("cookie"), SESSION_COOKIE);
    const caller = bearer ? await options.authenticate(bearer, "bearer") : session ? await options.authenticate(session, "session") : null;
    if (caller) res.locals.caller = caller;
    if (bearer && !caller) throw new HttpError("UNAUTHENTICATED", "the API token is unknown or revoked");
    next();
  });
  const document = openApiDocument(options.routes, {
    title: "vlinder API",
    version: options.version,
    description: "Plans the enclaves of a maatwerkbedrijf every morning: people, plans, the daily registration and the yearly butterfly estimate.",
  });
  api.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  api.get("/docs", (_req, res) => {
    res.type("html").send(apiDocsPage(document));
  });
  mountRoutes(api, options.routes);
  api.use((req) => {
    throw new HttpError("NOT_FOUND", `there is no API route ${req.method} ${req.originalUrl}`);
  });
  app.use("/api", api);

  const webDist = options.webDist ?? fileURLToPath(new URL("../../web/dist", import.meta.url));
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: "index.html", maxAge: "1h" }));
    // The board routes in the browser (/dag/2026-11-23, /hr): every other GET gets the page.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile("index.html", { root: webDist, maxAge: 0 });
    });
  } else {
    app.get("/", (_req, res) => {
      res
        .type("text")
        .send("vlinder is running. The board is not built yet: run `npm run build:web` (npm start does it). The API is at /api, its documentation at /api/docs.");
    });
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = translateError(error);
    if (status >= 500) (options.log ?? console.error)(`${req.method} ${req.originalUrl}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.status(status).json(body);
  });
  return app;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
