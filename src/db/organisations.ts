/**
 * Organisations: the tenant every other row belongs to. Created by the first import (or by an
 * admin); found by name for the command line. The data stamp is what plan versions compare
 * with to know whether they are stale.
 */
import { rulesSchema } from "../scenario/schema.ts";
import { recordAudit, inTransaction, type Actor } from "./audit.ts";
import { DomainError, isUniqueViolation, notFound } from "./errors.ts";
import type { Database } from "./open-database.ts";

export interface OrganisationSummary {
  id: string;
  name: string;
  timezone: string;
  dataStamp: number;
}

const SUMMARY_SELECT = { id: true, name: true, timezone: true, dataStamp: true } as const;

export async function createOrganisation(
  db: Database,
  input: { name: string; timezone?: string },
  actor: Actor,
): Promise<OrganisationSummary> {
  try {
    return await inTransaction(db, async (tx) => {
      const created = await tx.organisation.create({
        data: { name: input.name, timezone: input.timezone ?? "Europe/Brussels", rulesJson: JSON.stringify(rulesSchema.parse({})) },
        select: SUMMARY_SELECT,
      });
      await recordAudit(tx, created.id, actor, [{ action: "create", entity: "organisation", entityId: created.id, after: { name: created.name } }]);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `an organisation called ${JSON.stringify(input.name)} already exists`);
    throw error;
  }
}

export async function findOrganisationByName(db: Database, name: string): Promise<OrganisationSummary | null> {
  return db.prisma.organisation.findUnique({ where: { name }, select: SUMMARY_SELECT });
}

export async function getOrganisation(db: Database, organisationId: string): Promise<OrganisationSummary> {
  const found = await db.prisma.organisation.findUnique({ where: { id: organisationId }, select: SUMMARY_SELECT });
  if (!found) throw notFound(`organisation ${organisationId}`);
  return found;
}

export async function listOrganisations(db: Database): Promise<OrganisationSummary[]> {
  return db.prisma.organisation.findMany({ select: SUMMARY_SELECT, orderBy: { name: "asc" } });
}

/** Bumped by every write to the organisation's data (scenario, people, absences, …). */
export async function dataStamp(db: Database, organisationId: string): Promise<number> {
  return (await getOrganisation(db, organisationId)).dataStamp;
}
