/**
 * The demo data of a first start: the Westhoek example (13 enclaves on Monday 2026-11-23,
 * prisma/seed/westhoek.json) and one user per role, so that `npm start` on a fresh machine
 * shows a real morning at once. Seeding happens only when the database has no organisation.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as repo from "../db/index.ts";
import type { Database } from "../db/index.ts";
import type { ScenarioInput } from "../scenario/schema.ts";

export const DEMO_SCENARIO_FILE = fileURLToPath(new URL("../../prisma/seed/westhoek.json", import.meta.url));
export const DEMO_DATE = "2026-11-23";

/** The demo users: e-mail, password and role (printed at start; change them in production). */
export const DEMO_USERS = [
  { email: "planner@westhoek.example", password: "westhoek-planner", name: "Planner Westhoek", role: "planner" },
  { email: "hr@westhoek.example", password: "westhoek-hr", name: "HR Westhoek", role: "hr" },
  { email: "admin@westhoek.example", password: "westhoek-admin", name: "Beheerder Westhoek", role: "admin" },
  { email: "viewer@westhoek.example", password: "westhoek-viewer", name: "Kijker Westhoek", role: "viewer" },
] as const;

/** Seeds the demo when the database is empty; returns whether it did. */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  if ((await repo.listOrganisations(db)).length > 0) return false;
  const scenario = JSON.parse(readFileSync(DEMO_SCENARIO_FILE, "utf8")) as ScenarioInput;
  const actor = { name: "demo seed" };
  const imported = await repo.importScenario(db, {}, scenario, actor);
  for (const user of DEMO_USERS) await repo.createUser(db, { ...user, organisationId: imported.organisationId }, actor);
  return true;
}
