// One schema definition for two databases: the PostgreSQL schema is generated from the SQLite
// one, both migration folders hold the same migrations, and the schema has not changed
// without a migration. A failure here says which `npm run db:…` command to run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  lastSnapshot,
  migrationNames,
  POSTGRES_MIGRATIONS,
  postgresSchemaUpToDate,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
} from "../../prisma/sync.ts";

describe("the SQLite and PostgreSQL schemas", () => {
  it("when prisma/schema.prisma changed, then prisma/postgres/schema.prisma was regenerated (npm run db:sync)", () => {
    expect(postgresSchemaUpToDate()).toBe(true);
  });

  it("when a migration exists for one database, then it exists for the other with the same name", () => {
    expect(migrationNames(SQLITE_MIGRATIONS).length).toBeGreaterThan(0);
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(migrationNames(SQLITE_MIGRATIONS));
  });

  it("when the schema changed, then a migration was written for it (npm run db:migration NAME)", () => {
    expect(lastSnapshot()).toBe(readFileSync(SQLITE_SCHEMA, "utf8"));
  });

  it("when the migrations were generated, then each provider's lock names its provider", () => {
    expect(readFileSync(join(SQLITE_MIGRATIONS, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(readFileSync(join(POSTGRES_MIGRATIONS, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });
});
