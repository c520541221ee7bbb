/**
 * The migration runner: applies prisma/migrations (SQLite) or prisma/migrations-postgres
 * (PostgreSQL) in name order and records each in `_vlinder_migrations` with a checksum.
 *
 * Our own rather than `prisma migrate deploy`, because it runs offline inside the process that
 * opens the database (the server on start, the CLI, every test file) in milliseconds. All
 * pending migrations apply in one transaction: a failure leaves the schema as it was. Two
 * processes opening a fresh database at once: the loser's insert into `_vlinder_migrations`
 * fails on the primary key and it retries, finding nothing left to do. A database that knows
 * a migration this code does not, or whose applied migration file changed, is refused.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { DatabaseKind } from "./open-database.ts";

const PRISMA_DIR = fileURLToPath(new URL("../../prisma/", import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsFolder(kind: DatabaseKind): string {
  return join(PRISMA_DIR, kind === "postgres" ? "migrations-postgres" : "migrations");
}

export function readMigrations(kind: DatabaseKind): Migration[] {
  const folder = migrationsFolder(kind);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Splits a migration script into statements at `;` outside quotes and comments (Prisma's
 * migrations have no procedural blocks); comment-only pieces are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] ?? "";
    if (char === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === char && sql[j + 1] !== char)) j += sql[j] === char ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (char === ";") {
      if (current.trim() !== "") statements.push(current.trim());
      current = "";
    } else {
      current += char;
    }
    i++;
  }
  if (current.trim() !== "") statements.push(current.trim());
  return statements;
}

const TABLE = "_vlinder_migrations";

/** Applies what is pending; returns the names applied. `schema`: PostgreSQL's, created if missing. */
export async function applyMigrations(prisma: PrismaClient, kind: DatabaseKind, schema: string | null = null): Promise<string[]> {
  const migrations = readMigrations(kind);
  for (let attempt = 1; ; attempt++) {
    try {
      if (kind === "postgres" && schema !== null) await prisma.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      return await applyPending(prisma, migrations);
    } catch (error) {
      if (attempt >= 3 || error instanceof MigrationError) throw error;
      // Most likely another process applied the same migrations meanwhile: look again.
    }
  }
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

async function applyPending(prisma: PrismaClient, migrations: readonly Migration[]): Promise<string[]> {
  await prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
  );
  const applied = await prisma.$queryRawUnsafe<{ name: string; checksum: string }[]>(`SELECT "name", "checksum" FROM "${TABLE}"`);
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    const migration = known.get(row.name);
    if (!migration) {
      throw new MigrationError(`the database has migration ${row.name}, which this vlinder does not know: is it older than the database?`);
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(`migration ${row.name} was changed after it was applied: add a new migration instead of editing one`);
    }
  }
  const done = new Set(applied.map((row) => row.name));
  const pending = migrations.filter((migration) => !done.has(migration.name));
  if (pending.length === 0) return [];
  await prisma.$transaction(
    async (tx) => {
      for (const migration of pending) {
        // Claim it first: a second process doing the same fails here, before any DDL.
        await tx.$executeRaw`INSERT INTO "_vlinder_migrations" ("name", "checksum", "appliedAt") VALUES (${migration.name}, ${migration.checksum}, ${new Date().toISOString()})`;
        for (const statement of splitStatements(migration.sql)) await tx.$executeRawUnsafe(statement);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return pending.map((migration) => migration.name);
}
