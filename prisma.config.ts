/**
 * Prisma CLI configuration (TOOLCHAIN.md): Prisma 6.19 with the JS engine and a driver adapter,
 * so that `prisma generate` and `prisma migrate diff` work offline. The CLI is only used to
 * generate the client and to write migrations (`npm run db:migration NAME`); the application
 * opens the database and applies prisma/migrations itself (src/db/open-database.ts), so the
 * adapter here is a throwaway in-memory database.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: ":memory:" }),
});
