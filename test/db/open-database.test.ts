// Opening a database applies the checked-in migrations once, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, openDatabase } from "../../src/db/open-database.ts";
import { applyMigrations, readMigrations, splitStatements } from "../../src/db/migrate.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";

describe.each(BACKENDS)("openDatabase on %s", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => test.drop());

  it("when opened fresh, then every migration is recorded and the tables exist", async () => {
    const rows = await test.db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_vlinder_migrations" ORDER BY "name"`);
    expect(rows.map((row) => row.name)).toEqual(readMigrations(kind).map((migration) => migration.name));
    expect(await test.db.prisma.organisation.count()).toBe(0);
  });

  it("when opened again, then nothing is applied twice", async () => {
    expect(await applyMigrations(test.db.prisma, kind, test.db.schema)).toEqual([]);
    const again = await openDatabase({ url: test.url });
    expect(await again.prisma.organisation.count()).toBe(0);
    await again.close();
  });
});

describe("database URLs and migration scripts", () => {
  it("when the URL is file: or postgresql:, then the kind follows; anything else is refused", () => {
    expect(databaseKind("file:./data/vlinder.db")).toBe("sqlite");
    expect(databaseKind("postgresql://postgres@127.0.0.1/test")).toBe("postgres");
    expect(() => databaseKind("mysql://x")).toThrow(/DATABASE_URL must start with/);
  });

  it("when a script has quotes, comments and several statements, then it splits at the right semicolons", () => {
    expect(splitStatements("-- a; comment\nCREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; ok');\n\nDROP TABLE x;\n")).toEqual([
      "CREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; ok')",
      "DROP TABLE x",
    ]);
  });
});
