/**
 * Who can work which block of a day: work patterns minus absences.
 *
 * DOMAIN rule 4 (availability: full- or half-day absences, part-time patterns as RFC 5545
 * recurrence rules). A person's work pattern is a union of rules, each naming the blocks it
 * covers; an absence covers `from`..`to` inclusive, in the blocks it names. For explanations,
 * `unavailability` says why a block is missing ("C01 is sick", "W002 works mornings only").
 */
import type { Absence, Block, WorkPatternRule } from "../scenario/schema.ts";
import { occursOn } from "./recurrence.ts";

export interface PersonPattern {
  id: string;
  workPattern: readonly WorkPatternRule[];
}

/** Absences as given, or indexed by person with `indexAbsences` (faster for many people). */
export type AbsenceSource = readonly Absence[] | ReadonlyMap<string, readonly Absence[]>;

export interface Unavailability {
  block: Block;
  reason: "absent" | "not-scheduled";
  kind?: Absence["kind"];
  absence?: Absence;
}

const ORDER: readonly Block[] = ["am", "pm"];

/** Absences grouped by `personId`, in input order; build once per scenario. */
export function indexAbsences(absences: readonly Absence[]): Map<string, Absence[]> {
  const index = new Map<string, Absence[]>();
  for (const absence of absences) {
    const list = index.get(absence.personId);
    if (list) list.push(absence);
    else index.set(absence.personId, [absence]);
  }
  return index;
}

function isIndex(absences: AbsenceSource): absences is ReadonlyMap<string, readonly Absence[]> {
  return !Array.isArray(absences);
}

function absencesOf(personId: string, absences: AbsenceSource): readonly Absence[] {
  if (isIndex(absences)) return absences.get(personId) ?? [];
  return absences.filter((absence) => absence.personId === personId);
}

/** The first of the person's absences covering `date` in `block`, if any. */
function absenceCovering(own: readonly Absence[], date: string, block: Block): Absence | undefined {
  return own.find((absence) => absence.from <= date && date <= absence.to && absence.blocks.includes(block));
}

/**
 * DOMAIN rule 4: "Availability: absences (full or half day), part-time work patterns. [...]
 * Patterns recur weekly, biweekly or monthly: express them as RFC 5545 recurrence rules."
 *
 * The blocks the pattern schedules on `date`: the union of the blocks of every rule that
 * occurs on it, in the order ["am", "pm"].
 */
export function workPatternBlocks(pattern: readonly WorkPatternRule[], date: string): Block[] {
  const blocks = new Set<Block>();
  for (const rule of pattern) {
    if (rule.blocks.every((block) => blocks.has(block))) continue;
    if (occursOn(rule, date)) for (const block of rule.blocks) blocks.add(block);
  }
  return ORDER.filter((block) => blocks.has(block));
}

/**
 * DOMAIN rule 4: "Availability: absences (full or half day), part-time work patterns."
 *
 * The blocks in which the person works on `date`: those of the work pattern, minus those an
 * absence covers (from..to inclusive, in its blocks). In the order ["am", "pm"].
 */
export function availableBlocks(person: PersonPattern, date: string, absences: AbsenceSource): Block[] {
  const scheduled = workPatternBlocks(person.workPattern, date);
  if (scheduled.length === 0) return scheduled;
  const own = absencesOf(person.id, absences);
  return scheduled.filter((block) => absenceCovering(own, date, block) === undefined);
}

/**
 * Why each block the person does not work on `date` is missing: "not-scheduled" (the work
 * pattern has no such block that day; this wins over an absence on a day off) or "absent"
 * (with the absence and its kind). Empty when both blocks are available.
 */
export function unavailability(person: PersonPattern, date: string, absences: AbsenceSource): Unavailability[] {
  const scheduled = workPatternBlocks(person.workPattern, date);
  const own = absencesOf(person.id, absences);
  const missing: Unavailability[] = [];
  for (const block of ORDER) {
    if (!scheduled.includes(block)) {
      missing.push({ block, reason: "not-scheduled" });
      continue;
    }
    const absence = absenceCovering(own, date, block);
    if (absence) missing.push({ block, reason: "absent", kind: absence.kind, absence });
  }
  return missing;
}

const KIND_TEXT: Record<Absence["kind"], string> = {
  sick: "is sick",
  leave: "is on leave",
  adv: "has an ADV day",
  training: "is in training",
  other: "is absent",
};

/**
 * One sentence for explanations, e.g. "C01 is sick", "W002 is on leave in the afternoon",
 * "W002 does not work in the afternoon (work pattern)", or null when fully available.
 */
export function describeUnavailability(person: PersonPattern, date: string, absences: AbsenceSource): string | null {
  const missing = unavailability(person, date, absences);
  if (missing.length === 0) return null;
  const when = (blocks: Block[]): string =>
    blocks.length === 2 ? "" : blocks[0] === "am" ? " in the morning" : " in the afternoon";
  const parts: string[] = [];
  const notScheduled = missing.filter((m) => m.reason === "not-scheduled").map((m) => m.block);
  if (notScheduled.length === 2) parts.push(`does not work on ${date} (work pattern)`);
  else if (notScheduled.length === 1) parts.push(`does not work${when(notScheduled)} (work pattern)`);
  const kinds = new Map<Absence["kind"], Block[]>();
  for (const m of missing) {
    if (m.reason !== "absent" || !m.kind) continue;
    const blocks = kinds.get(m.kind) ?? [];
    blocks.push(m.block);
    kinds.set(m.kind, blocks);
  }
  for (const [kind, blocks] of kinds) parts.push(`${KIND_TEXT[kind]}${when(blocks)}`);
  return `${person.id} ${parts.join(" and ")}`;
}
