/**
 * Opening the database: the one place that chooses SQLite or PostgreSQL and brings the schema
 * up to date before anything else runs.
 *
 * DATABASE_URL picks the database: `file:…` (or nothing) is embedded SQLite, `postgresql://…`
 * / `postgres://…` is PostgreSQL (an optional `?schema=name` selects a schema, created when
 * missing; tests use a fresh one per run). Without DATABASE_URL the database is
 * `data/vlinder.db` under the repository root, wherever the command is run from; a relative
 * `file:` path in DATABASE_URL is relative to the current directory, as usual for URLs on the
 * command line.
 *
 * Migrations are plain SQL files checked in under prisma/migrations (SQLite) and
 * prisma/migrations-postgres (PostgreSQL), written by `npm run db:migration NAME`. They are
 * applied here, on open, in name order, each recorded in `_vlinder_migrations`; no Prisma CLI
 * and no network at run time.
 */
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client.ts";
import { applyMigrations } from "./migrate.ts";

export type DatabaseKind = "sqlite" | "postgres";

/** An open database: hand it to the repository functions; `close` when done. */
export interface Database {
  kind: DatabaseKind;
  /** The URL it was opened with (for messages; no password is ever in our URLs). */
  url: string;
  /** PostgreSQL: the schema in use ("public" unless the URL named one). */
  schema: string | null;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Defaults to DATABASE_URL, then `file:<repo>/data/vlinder.db`. */
  url?: string;
}

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_DATABASE_URL = `file:${resolve(REPO_ROOT, "data", "vlinder.db")}`;

/** How long a SQLite writer waits for another process's write to finish. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function databaseUrl(options: OpenDatabaseOptions = {}): string {
  const fromEnv = process.env.DATABASE_URL;
  return options.url ?? (fromEnv !== undefined && fromEnv.trim() !== "" ? fromEnv : DEFAULT_DATABASE_URL);
}

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got ${JSON.stringify(url)}`);
}

/** Opens (creating when needed) the database and applies pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = databaseUrl(options);
  const db = databaseKind(url) === "postgres" ? openPostgres(url) : openSqlite(url);
  try {
    if (db.kind === "sqlite") {
      // Per connection: SQLite enforces foreign keys (and so ON DELETE CASCADE) only when asked.
      await db.prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
      // Readers do not block the writer (server and CLI on one file).
      await db.prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    }
    await applyMigrations(db.prisma, db.kind, db.schema);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function openSqlite(url: string): Database {
  const path = url.slice("file:".length).replace(/\?.*$/, "");
  if (path !== ":memory:") mkdirSync(dirname(isAbsolute(path) ? path : resolve(path)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  return { kind: "sqlite", url, schema: null, prisma, close: () => prisma.$disconnect() };
}

function openPostgres(url: string): Database {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`schema ${JSON.stringify(schema)} must be a plain identifier`);
  parsed.searchParams.delete("schema");
  // search_path: the migrations' unqualified DDL lands in the schema; the query compiler is
  // told the schema separately and qualifies its own queries.
  const adapter = new PrismaPg(
    { connectionString: parsed.toString(), options: `-c search_path=${schema}` },
    { schema },
  );
  const client = new PostgresPrismaClient({ adapter });
  // The PostgreSQL client is generated from the same models (prisma/sync.ts, checked by
  // test/db/schema-sync.test.ts) and answers the same calls; only its generated types are
  // nominally distinct, so the repositories are written once against the SQLite client type.
  const prisma = client as unknown as PrismaClient;
  return { kind: "postgres", url, schema, prisma, close: () => client.$disconnect() };
}
