/**
 * The whole scenario of an organisation: load it (the planner's input, and export) and import
 * one (the CLI's `vlinder import`, the API's `PUT /api/scenario`). Import is idempotent: the
 * same file twice changes nothing the second time, and export → import gives the same data.
 */
import type { Scenario, ScenarioInput } from "../scenario/schema.ts";
import { readScenario, ScenarioInputError } from "../scenario/validate-scenario.ts";
import { inTransaction, recordAudit, type Actor } from "./audit.ts";
import { DomainError } from "./errors.ts";
import type { Database } from "./open-database.ts";
import { applyScenario, loadState, type ApplyResult } from "./scenario-store.ts";
import { organisationData } from "./scenario-rows.ts";
import { keepScenario, keptScenario } from "./scenario-cache.ts";

/** The organisation as a scenario (docs/scenario-format.md), lists in their stored order. */
export async function loadScenario(db: Database, organisationId: string): Promise<Scenario> {
  const organisation = await db.prisma.organisation.findUnique({ where: { id: organisationId }, select: { dataStamp: true } });
  const kept = organisation ? keptScenario(db, organisationId, organisation.dataStamp) : null;
  if (kept) return kept;
  const state = await inTransaction(db, (tx) => loadState(tx, organisationId));
  keepScenario(db, organisationId, state.dataStamp, state.scenario);
  return state.scenario;
}

/** Export is the stored scenario, exactly as `loadScenario` gives it. */
export const exportScenario = loadScenario;

export type ImportTarget = { organisationId: string } | { organisationName?: string };

export interface ImportResult extends Omit<ApplyResult, "createdAbsenceIds"> {
  organisationId: string;
  organisationName: string;
  /** True when the organisation was created by this import. */
  organisationCreated: boolean;
}

/**
 * Brings the organisation's data to `input` in one transaction (nothing half-written): what
 * the file has is created or updated, what it no longer has is deleted.
 *
 * The organisation is the one with `organisationId`, else the one named `organisationName`
 * (default: the file's own organisation name), created when there is none. With
 * `organisationName` the organisation keeps that name; with an id it takes the file's name.
 * Invalid input throws ScenarioInputError listing every problem, before anything is written.
 */
export async function importScenario(db: Database, target: ImportTarget, input: ScenarioInput, actor: Actor): Promise<ImportResult> {
  const read = readScenario(input);
  if (!read.ok) throw new ScenarioInputError(read.issues);
  const scenario = read.scenario;
  return inTransaction(db, async (tx) => {
    let organisationId: string;
    let created = false;
    if ("organisationId" in target) {
      organisationId = target.organisationId;
    } else {
      const name = target.organisationName ?? scenario.organisation.name;
      scenario.organisation.name = name;
      const existing = await tx.organisation.findUnique({ where: { name }, select: { id: true } });
      if (existing) {
        organisationId = existing.id;
      } else {
        const row = await tx.organisation.create({ data: { name, ...organisationData(scenario) }, select: { id: true } });
        organisationId = row.id;
        created = true;
        await recordAudit(tx, organisationId, actor, [{ action: "create", entity: "organisation", entityId: organisationId, after: { name } }]);
      }
    }
    const exists = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
    if (!exists) throw new DomainError("NOT_FOUND", `organisation ${organisationId} does not exist`);
    const state = await loadState(tx, organisationId);
    const { createdAbsenceIds: _ids, ...result } = await applyScenario(tx, state, scenario, actor);
    if (created) {
      result.byKind.organisation = { created: 1, updated: 0, deleted: 0, unchanged: 0 };
      result.created += 1;
      result.unchanged -= 1;
    }
    return { ...result, organisationId, organisationName: scenario.organisation.name, organisationCreated: created };
  });
}
