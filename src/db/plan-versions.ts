/**
 * Plan versions: every computed plan of a date is kept, numbered 1, 2, … per organisation and
 * date. A new version must say which number it expects to be the newest; if another one was
 * saved meanwhile the write fails with VERSION_CONFLICT (the unique (organisation, date,
 * number) key makes that hold under concurrency too: of two writers expecting the same number,
 * exactly one wins). Publishing marks the newest version published and freezes it; earlier
 * published versions stay as history. Each version stores its assignments (the registration)
 * and the data stamp it was computed at, so the caller can tell when it is stale.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../generated/prisma/client.ts";
import type { Plan } from "../scenario/schema.ts";
import { inTransaction, recordAudit, type Actor, type Tx } from "./audit.ts";
import { DomainError, isUniqueViolation, notFound } from "./errors.ts";
import type { Database } from "./open-database.ts";

export type PlanVersionStatus = "draft" | "published";

export interface PlanVersion {
  id: string;
  date: string;
  number: number;
  status: PlanVersionStatus;
  plan: Plan;
  /** The organisation's data stamp when the plan was computed. */
  dataStamp: number;
  basedOnNumber: number | null;
  createdAt: Date;
  createdBy: string;
  publishedAt: Date | null;
  publishedBy: string | null;
}

export interface Assignment {
  enclaveId: string;
  block: "am" | "pm";
  personId: string;
  role: "coach" | "worker";
}

const VERSION_SELECT = {
  id: true,
  date: true,
  number: true,
  status: true,
  planJson: true,
  dataStamp: true,
  basedOnNumber: true,
  createdAt: true,
  createdBy: true,
  publishedAt: true,
  publishedBy: true,
} as const;

/** A row as VERSION_SELECT reads it. */
type VersionRow = Prisma.PlanVersionGetPayload<{ select: typeof VERSION_SELECT }>;

function toVersion(row: VersionRow): PlanVersion {
  const { planJson, status, ...rest } = row;
  return { ...rest, status: status === "published" ? "published" : "draft", plan: JSON.parse(planJson) as Plan };
}

/** The newest version of the date, or null when none was computed. */
export async function latestPlanVersion(db: Database, organisationId: string, date: string): Promise<PlanVersion | null> {
  const row = await db.prisma.planVersion.findFirst({ where: { organisationId, date }, orderBy: { number: "desc" }, select: VERSION_SELECT });
  return row ? toVersion(row) : null;
}

/** The version published last for the date, or null. */
export async function publishedPlanVersion(db: Database, organisationId: string, date: string): Promise<PlanVersion | null> {
  const row = await db.prisma.planVersion.findFirst({
    where: { organisationId, date, status: "published" },
    orderBy: { number: "desc" },
    select: VERSION_SELECT,
  });
  return row ? toVersion(row) : null;
}

export async function getPlanVersion(db: Database, organisationId: string, date: string, number: number): Promise<PlanVersion> {
  const row = await db.prisma.planVersion.findUnique({
    where: { organisationId_date_number: { organisationId, date, number } },
    select: VERSION_SELECT,
  });
  if (!row) throw notFound(`plan version ${number} of ${date}`);
  return toVersion(row);
}

export async function listPlanVersions(db: Database, organisationId: string, date: string): Promise<PlanVersion[]> {
  const rows = await db.prisma.planVersion.findMany({ where: { organisationId, date }, orderBy: { number: "asc" }, select: VERSION_SELECT });
  return rows.map(toVersion);
}

async function newestNumber(tx: Tx, organisationId: string, date: string): Promise<number | null> {
  const row = await tx.planVersion.findFirst({ where: { organisationId, date }, orderBy: { number: "desc" }, select: { number: true } });
  return row?.number ?? null;
}

function conflict(date: string, expected: number | null, newest: number | null): DomainError {
  return new DomainError(
    "VERSION_CONFLICT",
    `the plan of ${date} changed meanwhile: the newest version is ${newest ?? "none"}, not ${expected ?? "none"}`,
    { date, expected, newest },
  );
}

/**
 * Saves `plan` as the next version of `date`. `expectedLatestNumber` is the newest number the
 * caller saw (null: none). `dataStamp` is the organisation's stamp the plan was computed from
 * (default: the current one).
 */
export async function createPlanVersion(
  db: Database,
  organisationId: string,
  date: string,
  plan: Plan,
  options: { expectedLatestNumber: number | null; basedOnNumber?: number | null; dataStamp?: number; actor: Actor },
): Promise<PlanVersion> {
  try {
    return await inTransaction(db, async (tx) => {
      const newest = await newestNumber(tx, organisationId, date);
      if (newest !== options.expectedLatestNumber) throw conflict(date, options.expectedLatestNumber, newest);
      const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { dataStamp: true } });
      if (!organisation) throw notFound(`organisation ${organisationId}`);
      const number = (newest ?? 0) + 1;
      const row = await tx.planVersion.create({
        data: {
          organisationId,
          date,
          number,
          status: "draft",
          planJson: JSON.stringify(plan),
          dataStamp: options.dataStamp ?? organisation.dataStamp,
          basedOnNumber: options.basedOnNumber ?? null,
          createdBy: options.actor.name,
          createdById: options.actor.userId ?? null,
        },
        select: VERSION_SELECT,
      });
      const assignments = assignmentsOf(plan).map((assignment) => ({
        planVersionId: row.id,
        enclaveCode: assignment.enclaveId,
        block: assignment.block,
        personCode: assignment.personId,
        role: assignment.role,
      }));
      await insertAssignments(tx, assignments);
      await recordAudit(tx, organisationId, options.actor, [
        { action: "create", entity: "planVersion", entityId: `${date}#${number}`, after: { date, number, basedOnNumber: row.basedOnNumber, status: plan.status } },
      ]);
      return toVersion(row);
    });
  } catch (error) {
    // Two writers expecting the same number: the loser's insert hits the unique key.
    if (isUniqueViolation(error)) throw conflict(date, options.expectedLatestNumber, options.expectedLatestNumber === null ? 1 : options.expectedLatestNumber + 1);
    throw error;
  }
}

/** Publishes version `number` of `date`; it must be the newest. Publishing it again is a no-op. */
export async function publishPlanVersion(db: Database, organisationId: string, date: string, number: number, actor: Actor): Promise<PlanVersion> {
  return inTransaction(db, async (tx) => {
    const newest = await newestNumber(tx, organisationId, date);
    if (newest === null) throw notFound(`a plan of ${date}`);
    if (newest !== number) throw conflict(date, number, newest);
    const current = await tx.planVersion.findUniqueOrThrow({
      where: { organisationId_date_number: { organisationId, date, number } },
      select: VERSION_SELECT,
    });
    if (current.status === "published") return toVersion(current);
    const row = await tx.planVersion.update({
      where: { id: current.id },
      data: { status: "published", publishedAt: new Date(), publishedBy: actor.name, publishedById: actor.userId ?? null },
      select: VERSION_SELECT,
    });
    await recordAudit(tx, organisationId, actor, [{ action: "publish", entity: "planVersion", entityId: `${date}#${number}` }]);
    return toVersion(row);
  });
}

/** Who works where in each block, as stored with the version (the daily registration). */
export async function listAssignments(db: Database, organisationId: string, date: string, number: number): Promise<Assignment[]> {
  const rows = await db.prisma.assignment.findMany({
    where: { planVersion: { organisationId, date, number } },
    select: { enclaveCode: true, block: true, personCode: true, role: true },
    orderBy: [{ enclaveCode: "asc" }, { block: "asc" }, { role: "asc" }, { personCode: "asc" }],
  });
  return rows.map((row) => ({
    enclaveId: row.enclaveCode,
    block: row.block === "pm" ? "pm" : "am",
    personId: row.personCode,
    role: row.role === "coach" ? "coach" : "worker",
  }));
}

export function assignmentsOf(plan: Plan): Assignment[] {
  const out: Assignment[] = [];
  for (const enclave of plan.enclaves) {
    for (const block of ["am", "pm"] as const) {
      const team = enclave.blocks[block];
      for (const personId of team.coachIds) out.push({ enclaveId: enclave.enclaveId, block, personId, role: "coach" });
      for (const personId of team.workerIds) out.push({ enclaveId: enclave.enclaveId, block, personId, role: "worker" });
    }
  }
  return out;
}

/**
 * The assignments of a version in one multi-row INSERT per 500 rows. Prisma's createMany took
 * 35–55 ms for Westhoek's 224 rows on SQLite (most of a re-plan's database time); one statement
 * takes a few. `Prisma.sql` writes the placeholders of whichever database is open.
 */
async function insertAssignments(
  tx: Tx,
  rows: readonly { planVersionId: string; enclaveCode: string; block: string; personCode: string; role: string }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const values = rows
      .slice(start, start + 500)
      .map((r) => Prisma.sql`(${randomUUID()}, ${r.planVersionId}, ${r.enclaveCode}, ${r.block}, ${r.personCode}, ${r.role})`);
    await tx.$executeRaw`INSERT INTO "Assignment" ("id", "planVersionId", "enclaveCode", "block", "personCode", "role") VALUES ${Prisma.join(values)}`;
  }
}
