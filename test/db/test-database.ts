/**
 * Real databases for the database tests: a fresh SQLite file per call, and a fresh schema in
 * the local PostgreSQL per call (dropped afterwards). No mocks of our own database.
 *
 * PostgreSQL is skipped only when it is unreachable on a developer's machine; with CI=true an
 * unreachable server makes the tests fail instead (the CI script starts it).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database, type DatabaseKind } from "../../src/db/open-database.ts";

export const PG_URL = process.env.VLINDER_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

const pgReachable = await reachable(PG_URL);

/** The databases every suite runs against: `describe.each(BACKENDS)`. */
export const BACKENDS: readonly DatabaseKind[] = pgReachable || process.env.CI === "true" ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase {
  db: Database;
  /** The URL, to hand to a child process (the CLI). */
  url: string;
  drop(): Promise<void>;
}

/** A brand-new, migrated database of the given kind. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString("hex");
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "vlinder-db-"));
    const url = `file:${join(dir, "test.db")}`;
    const db = await openDatabase({ url });
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `vlinder_test_${suffix}`;
  const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`;
  const db = await openDatabase({ url });
  return {
    db,
    url,
    drop: async () => {
      await db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}
