/**
 * The vlinder service: opens the database (migrations applied), seeds the demo on an empty
 * database when asked, and serves the API and the board on one port. Used by `npm start`
 * (src/http/start.ts), by the API tests and by the browser tests, in-process. Its plans speak
 * the organisation's language (Dutch by default), for the planners on the board.
 */
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import { openDatabase, findApiToken, findSession, type Database, type User } from "../db/index.ts";
import { AuthCache } from "./auth-cache.ts";
import { createApp } from "./app.ts";
import { seedDemoIfEmpty } from "./demo.ts";
import type { Caller } from "./route.ts";
import { authRoutes } from "./routes/auth-routes.ts";
import { dataRoutes } from "./routes/data-routes.ts";
import { dayRoutes } from "./routes/day-routes.ts";
import { EstimateJobs, estimateRoutes } from "./routes/estimate-routes.ts";
import type { Language } from "../planning/phrases.ts";

export interface ServiceOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to DATABASE_URL, then data/vlinder.db. */
  databaseUrl?: string;
  /** Load the Westhoek demo and its users when the database is empty. */
  seedDemo?: boolean;
  /** How long the solver may search for one plan (default 3 s; the plan says when it is not proven optimal). */
  planTimeoutMs?: number;
  /** The language of the planner-facing texts in plans and suggestions (default "nl", the board's). */
  language?: Language;
  /** Where the built board is (default web/dist). */
  webDist?: string;
  log?: (line: string) => void;
}

export interface RunningService {
  url: string;
  port: number;
  db: Database;
  seeded: boolean;
  close(): Promise<void>;
}

export const DEFAULT_PLAN_TIMEOUT_MS = 3_000;

export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  const db = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : {});
  try {
    const seeded = options.seedDemo ? await seedDemoIfEmpty(db) : false;
    const jobs = new EstimateJobs();
    const authCache = new AuthCache();
    const routes = [
      ...authRoutes(db, { secureCookies: false, authCache }),
      ...dataRoutes(db),
      ...dayRoutes(db, { timeoutMs: options.planTimeoutMs ?? DEFAULT_PLAN_TIMEOUT_MS, language: options.language ?? "nl" }),
      ...estimateRoutes(db, jobs),
    ];
    const app = createApp({
      routes,
      authenticate: (token, kind) => authenticate(db, authCache, token, kind),
      version: packageVersion(),
      ...(options.webDist ? { webDist: options.webDist } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    const server = await listen(app, options.port ?? 3000, options.host ?? "127.0.0.1");
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : (options.port ?? 3000);
    return {
      url: `http://${options.host ?? "127.0.0.1"}:${port}`,
      port,
      db,
      seeded,
      close: async () => {
        jobs.cancelAll();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function authenticate(db: Database, cache: AuthCache, token: string, kind: "session" | "bearer"): Promise<Caller | null> {
  const key = `${kind}:${token}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let user: User | null | undefined;
  let expiresAt: number | undefined;
  if (kind === "session") {
    const session = await findSession(db, token);
    user = session?.user;
    expiresAt = session?.expiresAt.getTime();
  } else {
    user = await findApiToken(db, token);
  }
  if (!user) return null;
  const caller: Caller = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
  };
  cache.set(key, caller, expiresAt);
  return caller;
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.on("error", reject);
  });
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
  return manifest.version ?? "0.0.0";
}
