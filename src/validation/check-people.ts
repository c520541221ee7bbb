/**
 * Checks of each person the plan places: trained for the enclave, not excluded from it,
 * available in the block, in one place at a time, and not moved at noon unless the rules let
 * them. One violation per person and enclave (naming the blocks), not one per block, so a
 * planner reads "C01 is placed at E01 all day but is sick" once.
 */
import type { Block } from "../scenario/schema.ts";
import type { PlanContext, Placement } from "./plan-context.ts";
import { inBlock, whyUnavailable } from "./plan-context.ts";
import type { Violation } from "./violation.ts";

interface PlacementGroup {
  first: Placement;
  blocks: Block[];
}

/** The placements of one person at one plan entry, with the blocks they cover. */
function groupByPersonAndEntry(placements: readonly Placement[]): PlacementGroup[] {
  const groups = new Map<string, PlacementGroup>();
  const entryIndex = new Map<object, number>();
  for (const placement of placements) {
    if (!entryIndex.has(placement.entry)) entryIndex.set(placement.entry, entryIndex.size);
    const key = `${placement.kind}:${placement.person.id}:${entryIndex.get(placement.entry)}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: placement, blocks: [placement.block] });
    else if (!group.blocks.includes(placement.block)) group.blocks.push(placement.block);
  }
  return [...groups.values()];
}

/** "in the morning", "in the afternoon" or "all day". */
function duringBlocks(blocks: readonly Block[]): string {
  if (blocks.length === 1 && blocks[0]) return inBlock(blocks[0]);
  return "all day";
}

/** The block a violation concerns, when it concerns one only. */
function singleBlock(blocks: readonly Block[]): { block?: Block } {
  return blocks.length === 1 && blocks[0] ? { block: blocks[0] } : {};
}

/**
 * DOMAIN.md rule 3: "a worker or coach can only work at an enclave where they are trained
 * (their home enclave counts). … a butterfly not trained for an enclave cannot cover it."
 * A coach listed in the enclave's `fixedCoachIds` ("the enclave's own coach(es)") counts as
 * at home there.
 */
export function checkQualification(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const { first, blocks } of groupByPersonAndEntry(ctx.placements)) {
    const { person, enclave } = first;
    if (!enclave) continue;
    const trained =
      person.homeEnclaveId === enclave.id ||
      person.qualifiedEnclaveIds.includes(enclave.id) ||
      (first.kind === "coach" && enclave.fixedCoachIds.includes(person.id));
    if (trained) continue;
    const where = [person.homeEnclaveId, ...person.qualifiedEnclaveIds].filter((id) => id !== null);
    violations.push({
      rule: "NOT_QUALIFIED",
      personId: person.id,
      enclaveId: enclave.id,
      ...singleBlock(blocks),
      message:
        `${person.id} is placed at ${enclave.id} ${duringBlocks(blocks)} but is not trained there ` +
        `(trained for ${where.length > 0 ? where.join(", ") : "no enclave"})`,
    });
  }
  return violations;
}

/**
 * DOMAIN.md rule 8: "some workers must never be moved to certain enclaves (exclusions)";
 * SCENARIO-FORMAT.md: `excludedEnclaveIds` — "must never be placed there".
 */
export function checkExclusion(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const { first, blocks } of groupByPersonAndEntry(ctx.placements)) {
    if (first.kind !== "worker" || !first.enclave) continue;
    if (!first.person.excludedEnclaveIds.includes(first.enclave.id)) continue;
    violations.push({
      rule: "EXCLUDED",
      personId: first.person.id,
      enclaveId: first.enclave.id,
      ...singleBlock(blocks),
      message: `${first.person.id} is placed at ${first.enclave.id} ${duringBlocks(blocks)} but must never be placed there (excluded)`,
    });
  }
  return violations;
}

/**
 * DOMAIN.md rule 4: "Availability: absences (full or half day), part-time work patterns."
 * Nobody is placed in a block they are not available in.
 */
export function checkAvailability(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const { first, blocks } of groupByPersonAndEntry(ctx.placements)) {
    const available = ctx.available(first.person.id);
    const missing = blocks.filter((block) => !available.has(block));
    if (missing.length === 0) continue;
    violations.push({
      rule: "NOT_AVAILABLE",
      personId: first.person.id,
      enclaveId: first.entry.enclaveId,
      ...singleBlock(missing),
      message:
        `${first.person.id} is placed at ${first.entry.enclaveId} ${duringBlocks(missing)} ` +
        `but ${whyUnavailable(ctx, first.person.id, missing)}`,
    });
  }
  return violations;
}

/**
 * One place per person per block: nobody is in two teams (or twice in one team) in the same
 * block, and nobody placed is also listed as idle ("idle: available but not placed").
 */
export function checkOnePlacePerBlock(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const where = new Map<string, Record<Block, string[]>>();
  for (const placement of ctx.placements) {
    const byBlock = where.get(placement.person.id) ?? { am: [], pm: [] };
    byBlock[placement.block].push(placement.entry.enclaveId);
    where.set(placement.person.id, byBlock);
  }
  for (const [personId, byBlock] of where) {
    for (const block of ["am", "pm"] as const) {
      const enclaveIds = byBlock[block];
      if (enclaveIds.length < 2) continue;
      const distinct = [...new Set(enclaveIds)];
      violations.push({
        rule: "DOUBLE_BOOKED",
        personId,
        block,
        message:
          distinct.length === 1
            ? `${personId} is listed ${enclaveIds.length} times at ${distinct[0]} ${inBlock(block)}`
            : `${personId} is placed at ${distinct.join(" and ")} ${inBlock(block)} (one place per block)`,
      });
    }
  }

  const placedAt = new Map<string, string>();
  for (const placement of ctx.placements) {
    if (!placedAt.has(placement.person.id)) placedAt.set(placement.person.id, placement.entry.enclaveId);
  }
  for (const id of new Set([...ctx.plan.idle.workerIds, ...ctx.plan.idle.coachIds])) {
    const enclaveId = placedAt.get(id);
    if (enclaveId === undefined) continue;
    violations.push({
      rule: "DOUBLE_BOOKED",
      personId: id,
      enclaveId,
      message: `${id} is placed at ${enclaveId} but is also listed as idle`,
    });
  }
  return violations;
}

/** The enclaves a person works at in the morning and in the afternoon. */
function noonMove(ctx: PlanContext, kind: Placement["kind"]): Map<string, { am: string; pm: string }> {
  const am = new Map<string, Set<string>>();
  const pm = new Map<string, Set<string>>();
  for (const placement of ctx.placements) {
    if (placement.kind !== kind) continue;
    const side = placement.block === "am" ? am : pm;
    const set = side.get(placement.person.id) ?? new Set<string>();
    set.add(placement.entry.enclaveId);
    side.set(placement.person.id, set);
  }
  const moves = new Map<string, { am: string; pm: string }>();
  for (const [personId, morning] of am) {
    const afternoon = pm.get(personId);
    if (!afternoon) continue;
    for (const a of morning) {
      const b = [...afternoon].find((id) => id !== a);
      if (b !== undefined) {
        moves.set(personId, { am: a, pm: b });
        break;
      }
    }
  }
  return moves;
}

/**
 * SCENARIO-FORMAT.md: "Workers never change enclave at noon." Working the morning only (or
 * the afternoon only) is fine.
 */
export function checkWorkerNoonSwitch(ctx: PlanContext): Violation[] {
  return [...noonMove(ctx, "worker")].map(([personId, move]) => ({
    rule: "WORKER_SWITCHED_AT_NOON" as const,
    personId,
    message: `${personId} works at ${move.am} in the morning and at ${move.pm} in the afternoon, but workers never change enclave at noon`,
  }));
}

/**
 * SCENARIO-FORMAT.md: "coaches may switch enclave at noon only with "own"" transport.
 */
export function checkCoachNoonSwitch(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const [personId, move] of noonMove(ctx, "coach")) {
    const coach = ctx.coaches.get(personId);
    if (!coach || coach.transport === "own") continue;
    violations.push({
      rule: "COACH_SWITCHED_WITHOUT_OWN_TRANSPORT",
      personId,
      message: `${personId} coaches at ${move.am} in the morning and at ${move.pm} in the afternoon, but travels by van (only coaches with their own transport may switch at noon)`,
    });
  }
  return violations;
}

/**
 * Interim coaches: "agency coach; not allowed today, proposed by the sector for force
 * majeure (a rule switch)" (DOMAIN.md): placed only when `rules.interimCoachesAllowed`.
 */
export function checkInterimAllowed(ctx: PlanContext): Violation[] {
  if (ctx.scenario.rules.interimCoachesAllowed) return [];
  const violations: Violation[] = [];
  for (const { first, blocks } of groupByPersonAndEntry(ctx.placements)) {
    if (first.kind !== "coach" || first.person.role !== "interim") continue;
    violations.push({
      rule: "INTERIM_NOT_ALLOWED",
      personId: first.person.id,
      enclaveId: first.entry.enclaveId,
      ...singleBlock(blocks),
      message: `${first.person.id} is an interim coach placed at ${first.entry.enclaveId} ${duringBlocks(blocks)}, but the rules do not allow interim coaches`,
    });
  }
  return violations;
}
