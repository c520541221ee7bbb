/**
 * The persistence layer's public face: open a database, then read and write an organisation's
 * data through these functions. Nothing outside src/db imports Prisma; every function takes
 * the organisation id it is scoped to, and every write runs in one transaction with its audit
 * entry. Errors: DomainError (NOT_FOUND, CONFLICT, VERSION_CONFLICT) and ScenarioInputError
 * (INVALID_INPUT, with issues).
 */
export { openDatabase, databaseUrl, databaseKind, DEFAULT_DATABASE_URL, type Database, type DatabaseKind, type OpenDatabaseOptions } from "./open-database.ts";
export { DomainError, type DomainErrorCode } from "./errors.ts";
export { listAuditEntries, type Actor, type AuditRecord } from "./audit.ts";
export { createOrganisation, findOrganisationByName, getOrganisation, listOrganisations, dataStamp, type OrganisationSummary } from "./organisations.ts";
export { loadScenario, exportScenario, importScenario, type ImportTarget, type ImportResult } from "./scenario-repository.ts";
export type { ChangeCounts, EntityKind } from "./scenario-store.ts";
export * from "./entity-repository.ts";
export * from "./plan-versions.ts";
export * from "./users.ts";
