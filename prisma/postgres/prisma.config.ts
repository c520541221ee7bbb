/**
 * Prisma CLI configuration for the PostgreSQL twin of the schema (prisma/postgres/schema.prisma,
 * written by `npm run db:sync` — never edit it by hand). `prisma migrate diff` needs a reachable
 * server for PostgreSQL: VLINDER_PG_URL, else the local one (trust auth, database `test`).
 * The application does not read this file (see src/db/open-database.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "../migrations-postgres" },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.VLINDER_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test" }),
});
