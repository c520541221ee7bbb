/**
 * Keeps ONE schema definition usable on SQLite and PostgreSQL.
 *
 * Prisma ties a schema to one provider, so prisma/schema.prisma (SQLite, the source) has a
 * generated twin prisma/postgres/schema.prisma (provider and client output swapped), and each
 * has its own migrations folder: prisma/migrations and prisma/migrations-postgres, with the
 * same migration names. Both are checked in; test/db/schema-sync.test.ts fails when they drift.
 *
 * Each SQLite migration folder also keeps `schema.prisma.snapshot`, the schema it brings the
 * database to: the next migration is the diff from that snapshot to the current schema
 * (`prisma migrate diff --from-migrations` needs a shadow database that the JS engine cannot
 * build here), and the test fails when the schema changed without a migration.
 *
 *   tsx prisma/sync.ts               write the PostgreSQL schema from the SQLite one
 *   tsx prisma/sync.ts --check       exit 1 if it is out of date
 *   tsx prisma/sync.ts migration N   sync, then write migration `<timestamp>_N` for both providers
 *                                    with `prisma migrate diff` (needs the local PostgreSQL)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SQLITE_SCHEMA = join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = join(ROOT, "prisma", "postgres", "schema.prisma");
export const SQLITE_MIGRATIONS = join(ROOT, "prisma", "migrations");
export const POSTGRES_MIGRATIONS = join(ROOT, "prisma", "migrations-postgres");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:sync`: do not edit; edit that file.\n\n";

/** The PostgreSQL schema text for a given SQLite schema text. */
export function postgresSchemaFrom(sqlite: string): string {
  const swaps: [string, string][] = [
    ['provider = "sqlite"', 'provider = "postgresql"'],
    ['url      = "file:../data/vlinder.db"', 'url      = "postgresql://localhost:5432/vlinder"'],
    ['output     = "../src/generated/prisma"', 'output     = "../../src/generated/prisma-postgres"'],
  ];
  let text = sqlite;
  for (const [from, to] of swaps) {
    if (!text.includes(from)) throw new Error(`prisma/schema.prisma no longer contains ${JSON.stringify(from)}: update prisma/sync.ts`);
    text = text.replace(from, to);
  }
  return HEADER + text;
}

export function postgresSchemaUpToDate(): boolean {
  return existsSync(POSTGRES_SCHEMA) && readFileSync(POSTGRES_SCHEMA, "utf8") === postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
}

/** Migration folder names, in the order they apply. */
export function migrationNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

function writePostgresSchema(): void {
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
}

export const SNAPSHOT = "schema.prisma.snapshot";

/** The schema text the newest migration brings a database to, or null before the first. */
export function lastSnapshot(): string | null {
  const last = migrationNames(SQLITE_MIGRATIONS).at(-1);
  return last === undefined ? null : readFileSync(join(SQLITE_MIGRATIONS, last, SNAPSHOT), "utf8");
}

/** SQL from the last snapshot (or from nothing) to the schema; empty when nothing changed. */
function diffSql(config: string, schema: string, snapshot: string | null): string {
  let from = ["--from-empty"];
  if (snapshot !== null) {
    const previous = join(mkdtempSync(join(tmpdir(), "vlinder-schema-")), basename(schema));
    writeFileSync(previous, snapshot);
    from = ["--from-schema-datamodel", previous];
  }
  return execFileSync(
    join(ROOT, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}

function writeMigration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("a migration name is lower-case letters, digits and _");
  writePostgresSchema();
  const sqliteSnapshot = lastSnapshot();
  const snapshots = { sqlite: sqliteSnapshot, postgresql: sqliteSnapshot === null ? null : postgresSchemaFrom(sqliteSnapshot) };
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folderName = `${stamp}_${name}`;
  const targets = [
    { folder: SQLITE_MIGRATIONS, config: join(ROOT, "prisma.config.ts"), schema: SQLITE_SCHEMA, provider: "sqlite" as const },
    {
      folder: POSTGRES_MIGRATIONS,
      config: join(ROOT, "prisma", "postgres", "prisma.config.ts"),
      schema: POSTGRES_SCHEMA,
      provider: "postgresql" as const,
    },
  ];
  for (const target of targets) {
    const sql = diffSql(target.config, target.schema, snapshots[target.provider]);
    if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
      console.log(`${target.provider}: no change`);
      continue;
    }
    mkdirSync(join(target.folder, folderName), { recursive: true });
    writeFileSync(join(target.folder, folderName, "migration.sql"), sql);
    if (target.provider === "sqlite") writeFileSync(join(target.folder, folderName, SNAPSHOT), readFileSync(SQLITE_SCHEMA, "utf8"));
    const lock = join(target.folder, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `# Written by prisma/sync.ts\nprovider = "${target.provider}"\n`);
    console.log(`${target.provider}: wrote ${join(target.folder, folderName, "migration.sql")}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, name] = process.argv.slice(2);
  if (mode === "--check") {
    if (!postgresSchemaUpToDate()) {
      console.error("prisma/postgres/schema.prisma is out of date: run npm run db:sync");
      process.exitCode = 1;
    }
  } else if (mode === "migration" && name !== undefined) {
    writeMigration(name);
  } else if (mode === undefined) {
    writePostgresSchema();
  } else {
    console.error("usage: tsx prisma/sync.ts [--check | migration NAME]");
    process.exitCode = 2;
  }
}
