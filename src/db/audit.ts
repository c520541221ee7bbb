/**
 * The audit trail: who changed what, when, with the entity before and after (scenario shapes,
 * never password hashes). Written by the repositories in the same transaction as the change
 * it records, so a change and its entry exist together or not at all. The same transaction
 * bumps the organisation's data stamp, which plan versions remember to tell when they are stale.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { Database } from "./open-database.ts";

export type Tx = Prisma.TransactionClient;

/** Who makes a change: a signed-in user, or the command line / system with a readable name. */
export interface Actor {
  userId?: string | null;
  /** "anouk@westhoek.be", "cli", "system" */
  name: string;
}

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord extends AuditChange {
  id: string;
  at: Date;
  actor: string;
  userId: string | null;
}

export async function recordAudit(tx: Tx, organisationId: string, actor: Actor, changes: readonly AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  const at = new Date();
  await tx.auditEntry.createMany({
    data: changes.map((change) => ({
      organisationId,
      userId: actor.userId ?? null,
      actor: actor.name,
      at,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId,
      beforeJson: change.before === undefined ? null : JSON.stringify(change.before),
      afterJson: change.after === undefined ? null : JSON.stringify(change.after),
    })),
  });
}

/** Marks the organisation's data as changed; returns the new stamp. */
export async function bumpDataStamp(tx: Tx, organisationId: string): Promise<number> {
  const row = await tx.organisation.update({
    where: { id: organisationId },
    data: { dataStamp: { increment: 1 } },
    select: { dataStamp: true },
  });
  return row.dataStamp;
}

const AUDIT_SELECT = {
  id: true,
  at: true,
  actor: true,
  userId: true,
  action: true,
  entity: true,
  entityId: true,
  beforeJson: true,
  afterJson: true,
} as const;

/** Newest first. */
export async function listAuditEntries(
  db: Database,
  organisationId: string,
  options: { limit?: number; entity?: string; entityId?: string } = {},
): Promise<AuditRecord[]> {
  const rows = await db.prisma.auditEntry.findMany({
    where: { organisationId, entity: options.entity, entityId: options.entityId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
    select: AUDIT_SELECT,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    userId: row.userId,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.beforeJson === null ? undefined : (JSON.parse(row.beforeJson) as unknown),
    after: row.afterJson === null ? undefined : (JSON.parse(row.afterJson) as unknown),
  }));
}

/** Runs `work` in one transaction (long enough for a whole import). */
export function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(work, { timeout: 120_000, maxWait: 30_000 });
}
