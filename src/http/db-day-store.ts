/**
 * The morning use cases' storage port (src/planning/morning.ts) over the database: one
 * organisation, one actor. The scenario is read once per store, because a use case reads it
 * at most once and a store lives for one request.
 */
import type { Database } from "../db/index.ts";
import { dataStamp, latestPlanVersion, loadScenario, publishPlanVersion, publishedPlanVersion, createPlanVersion, type Actor, type PlanVersion } from "../db/index.ts";
import type { DayStore, StoredPlan } from "../planning/morning.ts";
import type { Scenario } from "../scenario/schema.ts";

export function dbDayStore(db: Database, organisationId: string, actor: Actor): DayStore {
  let scenario: Promise<Scenario> | null = null;
  return {
    loadScenario: () => (scenario ??= loadScenario(db, organisationId)),
    dataStamp: () => dataStamp(db, organisationId),
    latest: async (date) => stored(await latestPlanVersion(db, organisationId, date)),
    published: async (date) => stored(await publishedPlanVersion(db, organisationId, date)),
    saveDraft: async (date, version) =>
      stored(
        await createPlanVersion(db, organisationId, date, version.plan, {
          expectedLatestNumber: version.expectedLatest,
          basedOnNumber: version.basedOn,
          dataStamp: version.dataStamp,
          actor,
        }),
      )!,
    publish: async (date, number) => stored(await publishPlanVersion(db, organisationId, date, number, actor))!,
  };
}

function stored(version: PlanVersion | null): StoredPlan | null {
  if (!version) return null;
  const { id: _id, date: _date, basedOnNumber: _basedOn, ...rest } = version;
  return rest;
}
