/**
 * Who could fill one gap: the ranked replacement suggestions for an enclave and a block.
 *
 * At 07:40 the planner looks at a card that says "no coach" or "5 of 7 workers" and asks who
 * could go there. Each candidate is tried for real — the move is applied to the plan and the
 * moved plan goes through the validator — and each says why it is ranked where it is: idle
 * people first (nobody else loses anything), then people an enclave can spare, then people
 * whose leaving opens a new gap, and last those whose move alone would break a rule (a
 * butterfly whose leaving would leave a team without a coach), with the rule named. The
 * reasons are written in the language asked for (phrases.ts).
 */
import type { Block, Plan, Scenario } from "../scenario/schema.ts";
import { buildDayContext } from "./build-day-instance.ts";
import { personLabel } from "./explain.ts";
import { applyManualMove } from "./manual-move.ts";
import type { Language } from "./phrases.ts";
import { PlanningError } from "./planning-error.ts";
import { validatePlan } from "../validation/validate-plan.ts";
import type { Violation } from "../validation/violation.ts";

export interface Suggestion {
  personId: string;
  name: string;
  role: "worker" | "fixed" | "butterfly" | "interim";
  /** Where the person is in that block now; null when idle. */
  fromEnclaveId: string | null;
  reason: string;
  /** Whether the move alone keeps every rule; if not, `reason` names the rule it breaks. */
  allowed: boolean;
  /** 1 is the best suggestion. */
  rank: number;
}

/** Ranked candidates for the gap of `enclaveId` in `block` of `plan` (coaches when it lacks coaches, else workers). */
export function suggestReplacements(
  scenario: Scenario,
  plan: Plan,
  enclaveId: string,
  block: Block,
  reference: Plan | null = null,
  language: Language = "en",
): Suggestion[] {
  const entry = plan.enclaves.find((e) => e.enclaveId === enclaveId);
  if (!entry) throw new PlanningError("NOT_FOUND", `there is no enclave ${enclaveId}`);
  const context = buildDayContext(scenario, plan.date, reference, [], language);
  const { phrases } = context;
  const status = context.enclaveStatus.get(enclaveId)!;
  if (!status.runs || !status.blocks.includes(block)) return [];
  const needsCoach = entry.problems.some(
    (p) => (p.code === "NO_QUALIFIED_COACH" || p.code === "RATIO_EXCEEDED") && (p.block === undefined || p.block === block),
  );
  const where = new Map<string, string>();
  for (const other of plan.enclaves) {
    for (const id of [...other.blocks[block].coachIds, ...other.blocks[block].workerIds]) where.set(id, other.enclaveId);
  }
  const alreadyBroken = new Set(validatePlan(scenario, plan).map(violationKey));
  const people = needsCoach
    ? scenario.coaches.filter((c) => c.role !== "interim" || scenario.rules.interimCoachesAllowed)
    : scenario.workers.filter((w) => !w.excludedEnclaveIds.includes(enclaveId));
  const scored: (Omit<Suggestion, "rank"> & { score: number })[] = [];
  for (const person of people) {
    if (where.get(person.id) === enclaveId) continue;
    if (!(context.available.get(person.id) ?? []).includes(block)) continue;
    if (person.homeEnclaveId !== enclaveId && !person.qualifiedEnclaveIds.includes(enclaveId)) continue;
    const from = where.get(person.id) ?? null;
    const { plan: moved, violations } = applyManualMove(scenario, plan, { personId: person.id, toEnclaveId: enclaveId }, reference, { context });
    // Rules this plan already breaks (a sick coach still placed) are not this move's fault.
    const broken = violations.filter((v) => !alreadyBroken.has(violationKey(v)));
    const before = coveredCount(plan);
    const after = coveredCount(moved);
    const fixes = moved.enclaves.find((e) => e.enclaveId === enclaveId)!.covered && !entry.covered;
    const who = personLabel(context, person.id);
    const trained = person.homeEnclaveId === enclaveId ? phrases.ownEnclave({ enclave: enclaveId }) : phrases.trainedAt({ enclave: enclaveId });
    let reason: string;
    let score: number;
    if (from === null) {
      reason = phrases.freeIn({ who, block, trained });
      score = 0;
    } else if (after >= before) {
      reason = phrases.canBeSpared({ who, from, trained });
      score = 1;
    } else {
      reason = phrases.wouldLeaveShort({ who, from, trained });
      score = 3;
    }
    if (!fixes && !entry.covered) {
      reason += `; ${phrases.notEnoughAlone({ enclave: enclaveId })}`;
      score += 1;
    }
    if (broken.length > 0) {
      const rules = broken.map((v) => ({
        rule: v.rule,
        message: v.message,
        ...(v.personId ? { who: personLabel(context, v.personId) } : {}),
        ...(v.enclaveId ? { enclave: v.enclaveId } : {}),
        ...(v.block ? { block: v.block } : {}),
      }));
      reason = phrases.breaksRule({ who, from, block, rules });
      score = 10;
    }
    const role = "role" in person ? person.role : "worker";
    // Butterflies exist to stand in ("they do nothing else"): prefer them among equals.
    const tie = role === "butterfly" ? 0 : 0.5;
    scored.push({ personId: person.id, name: person.name, role, fromEnclaveId: from, reason, allowed: broken.length === 0, score: score + tie });
  }
  scored.sort((a, b) => a.score - b.score || a.personId.localeCompare(b.personId));
  return scored.map(({ score: _score, ...suggestion }, index) => ({ ...suggestion, rank: index + 1 }));
}

/** What identifies a violation: its rule, person, enclave and block. */
export function violationKey(v: Violation): string {
  return `${v.rule}|${v.personId ?? ""}|${v.enclaveId ?? ""}|${v.block ?? ""}`;
}

function coveredCount(plan: Plan): number {
  return plan.enclaves.filter((e) => e.running && e.covered).length;
}
