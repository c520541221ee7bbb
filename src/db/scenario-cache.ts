/**
 * The last scenario read or written per organisation, kept with the data stamp it belongs to.
 *
 * Every plan, re-plan, move and suggestion starts from the whole scenario, and reading it is
 * some thirty queries' worth of rows (25–40 ms for Westhoek on SQLite). The organisation's
 * data stamp is bumped by every data write, by any process, so one cheap read of the stamp
 * tells whether the kept copy is still the stored data. Callers get their own copy.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { Database } from "./open-database.ts";

const kept = new WeakMap<Database, Map<string, { stamp: number; scenario: Scenario }>>();

export function keptScenario(db: Database, organisationId: string, stamp: number): Scenario | null {
  const entry = kept.get(db)?.get(organisationId);
  return entry && entry.stamp === stamp ? structuredClone(entry.scenario) : null;
}

export function keepScenario(db: Database, organisationId: string, stamp: number, scenario: Scenario): void {
  let perOrganisation = kept.get(db);
  if (!perOrganisation) kept.set(db, (perOrganisation = new Map()));
  perOrganisation.set(organisationId, { stamp, scenario: structuredClone(scenario) });
}
