/**
 * The real service, in-process, on a fresh database per suite (a SQLite file, or a fresh
 * schema in the local PostgreSQL), with the Westhoek demo seeded; and a small client that
 * signs in and keeps the session cookie. No mocks of our own database.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseKind } from "../../src/db/open-database.ts";
import { startService, type RunningService } from "../../src/http/service.ts";
import { PG_URL } from "../db/test-database.ts";

export { BACKENDS } from "../db/test-database.ts";

export interface TestService extends RunningService {
  stop(): Promise<void>;
}

/** The plan budget in tests: enough for every level on Westhoek but the last, which may stay unproven. */
export const TEST_PLAN_TIMEOUT_MS = 1_500;

export async function startTestService(kind: DatabaseKind = "sqlite"): Promise<TestService> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "vlinder-api-"));
    const service = await startService({ port: 0, databaseUrl: `file:${join(dir, "api.db")}`, seedDemo: true, planTimeoutMs: TEST_PLAN_TIMEOUT_MS, log: () => {} });
    return {
      ...service,
      stop: async () => {
        await service.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `vlinder_api_${randomBytes(6).toString("hex")}`;
  const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`;
  const service = await startService({ port: 0, databaseUrl: url, seedDemo: true, planTimeoutMs: TEST_PLAN_TIMEOUT_MS, log: () => {} });
  return {
    ...service,
    stop: async () => {
      await service.db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await service.close();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Replies are examined loosely in tests (the service itself parses them with zod). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A signed-in (or anonymous) caller of the API. */
export class ApiClient {
  private cookie: string | null = null;
  private bearer: string | null = null;

  constructor(private readonly baseUrl: string) {}

  static async signedIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const reply = await client.post("/api/auth/login", { email, password });
    if (reply.status !== 200) throw new Error(`login of ${email} failed: ${reply.status} ${reply.text}`);
    return client;
  }

  withToken(token: string): this {
    this.bearer = token;
    return this;
  }

  get<T = Loose>(path: string): Promise<Reply<T>> {
    return this.send<T>("GET", path);
  }

  post<T = Loose>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.send<T>("POST", path, body);
  }

  put<T = Loose>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.send<T>("PUT", path, body);
  }

  delete<T = Loose>(path: string): Promise<Reply<T>> {
    return this.send<T>("DELETE", path);
  }

  async raw(method: string, path: string, body: string, contentType = "application/json"): Promise<Reply> {
    const withBody = body !== "" && method !== "GET" && method !== "HEAD";
    const headers = withBody ? { ...this.headers(), "content-type": contentType } : this.headers();
    const response = await fetch(this.baseUrl + path, { method, headers, ...(withBody ? { body } : {}) });
    return this.reply(response);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = this.headers();
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return this.reply<T>(response);
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    return headers;
  }

  private async reply<T>(response: Response): Promise<Reply<T>> {
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await response.text();
    let body: unknown = undefined;
    if ((response.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
    return { status: response.status, body: body as T, text, headers: response.headers };
  }
}

export const PLANNER = { email: "planner@westhoek.example", password: "westhoek-planner" };
export const HR = { email: "hr@westhoek.example", password: "westhoek-hr" };
export const ADMIN = { email: "admin@westhoek.example", password: "westhoek-admin" };
export const VIEWER = { email: "viewer@westhoek.example", password: "westhoek-viewer" };
