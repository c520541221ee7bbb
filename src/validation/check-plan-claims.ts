/**
 * Checks of what the plan says about itself: each enclave's `covered` flag and problems, the
 * plan's `status` and its `idle` lists. They are compared with what the teams actually amount
 * to (plan-context.ts), so a hand edit that removes a coach but keeps `covered: true` is
 * caught, and a plan cannot hide a shortfall by leaving it out of its problems.
 */
import type { Block, ProblemCode } from "../scenario/schema.ts";
import type { EnclaveAssessment, PlanContext } from "./plan-context.ts";
import { coachCount, plural, whyUnavailable } from "./plan-context.ts";
import { ratioShortIsSupervisionShort } from "./check-teams.ts";
import type { Violation } from "./violation.ts";

/** What keeps an enclave from being covered, in words; empty when it is covered. */
function shortfalls(assessment: EnclaveAssessment, minCoaches: number): string[] {
  const { day, enclave } = assessment;
  if (!day.runs) return [`it does not run on this date (${day.runsReason})`];
  if (!day.notified) return [`its contract was not notified in time (${day.notifiedReason})`];
  const reasons: string[] = [];
  for (const b of assessment.blocks) {
    if (b.coachShort) reasons.push(`${b.block}: ${coachCount(b.coaches.length)}, at least ${minCoaches} needed`);
    if (b.ratioShort && !ratioShortIsSupervisionShort(b, minCoaches)) {
      reasons.push(`${b.block}: ${plural(b.workers.length, "worker")} need ${coachCount(b.ratioNeed)}, ${b.coaches.length} present`);
    }
    if (b.underMin) reasons.push(`${b.block}: ${plural(b.workers.length, "worker")}, minimum ${enclave.staffing.min}`);
  }
  return reasons;
}

/**
 * SCENARIO-FORMAT.md: `covered` — "coaches and headcount satisfy every rule in both blocks":
 * true exactly when the enclave runs, its contract was notified in time, and in every block
 * it works there are at least `minCoachesPerEnclave` coaches, enough coaches for the ratio
 * norms and at least `staffing.min` workers. An enclave that does not run is not covered
 * (`covered: false`); the plan's status looks at running enclaves only.
 */
export function checkCoveredFlag(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const minCoaches = ctx.scenario.rules.minCoachesPerEnclave;
  for (const assessment of ctx.assessments) {
    if (assessment.entry.covered === assessment.covered) continue;
    const id = assessment.enclave.id;
    violations.push({
      rule: "COVERED_FLAG_WRONG",
      enclaveId: id,
      message: assessment.covered
        ? `${id} is marked as not covered, but its teams satisfy every rule`
        : `${id} is marked as covered, but ${shortfalls(assessment, minCoaches).join("; ")}`,
    });
  }
  return violations;
}

interface RequiredProblem {
  code: ProblemCode;
  block?: Block;
  why: string;
}

/** The problems a running, uncovered enclave must list: one per kind of shortfall and block. */
function requiredProblems(assessment: EnclaveAssessment, minCoaches: number): RequiredProblem[] {
  const { day, enclave } = assessment;
  if (!day.runs || assessment.covered) return [];
  if (!day.notified) {
    return [{ code: "NOT_NOTIFIED", why: `its contract was not notified in time (${day.notifiedReason})` }];
  }
  const required: RequiredProblem[] = [];
  for (const b of assessment.blocks) {
    if (b.coachShort) {
      required.push({
        code: "NO_QUALIFIED_COACH",
        block: b.block,
        why: `it has ${coachCount(b.coaches.length)} in the ${b.block} block (at least ${minCoaches} needed)`,
      });
    }
    if (b.ratioShort && !ratioShortIsSupervisionShort(b, minCoaches)) {
      required.push({
        code: "RATIO_EXCEEDED",
        block: b.block,
        why: `its ${plural(b.workers.length, "worker")} in the ${b.block} block need ${coachCount(b.ratioNeed)}, ${b.coaches.length} present`,
      });
    }
    if (b.underMin) {
      required.push({
        code: "UNDER_MIN_HEADCOUNT",
        block: b.block,
        why: `it has ${plural(b.workers.length, "worker")} in the ${b.block} block (minimum ${enclave.staffing.min})`,
      });
    }
  }
  return required;
}

/**
 * SCENARIO-FORMAT.md: "A plan never breaks a rule silently: whatever it cannot satisfy is
 * listed as a problem on the enclave it concerns." Every shortfall of a running enclave has a
 * problem with the matching code (no coach → NO_QUALIFIED_COACH, too few coaches for the
 * ratio → RATIO_EXCEEDED, workers below the minimum → UNDER_MIN_HEADCOUNT, contract not
 * notified → NOT_NOTIFIED, which alone explains an enclave that must not be staffed). A
 * problem without a block counts for both blocks.
 */
export function checkProblemsListed(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const minCoaches = ctx.scenario.rules.minCoachesPerEnclave;
  for (const assessment of ctx.assessments) {
    const listed = assessment.entry.problems;
    for (const need of requiredProblems(assessment, minCoaches)) {
      const found = listed.some(
        (p) => p.code === need.code && (p.block === undefined || need.block === undefined || p.block === need.block),
      );
      if (found) continue;
      violations.push({
        rule: "SILENT_PROBLEM",
        enclaveId: assessment.enclave.id,
        ...(need.block ? { block: need.block } : {}),
        message: `${assessment.enclave.id} is not covered: ${need.why}, but the plan lists no ${need.code} problem${need.block ? ` for ${need.block}` : ""}`,
      });
    }
  }
  return violations;
}

/**
 * SCENARIO-FORMAT.md: `status` — ""covered": every running enclave fully covered; else
 * "partial"". A running enclave missing from the plan is not covered.
 */
export function checkStatus(ctx: PlanContext): Violation[] {
  const uncovered: string[] = [];
  for (const enclave of ctx.scenario.enclaves) {
    if (!ctx.enclaveDays.get(enclave.id)?.runs) continue;
    const entries = ctx.assessments.filter((a) => a.enclave.id === enclave.id);
    if (entries.length === 0 || entries.some((a) => !a.covered)) uncovered.push(enclave.id);
  }
  const expected = uncovered.length === 0 ? "covered" : "partial";
  if (ctx.plan.status === expected) return [];
  return [
    {
      rule: "STATUS_WRONG",
      message:
        expected === "covered"
          ? `The plan's status is "partial", but every running enclave is covered`
          : `The plan's status is "covered", but ${uncovered.join(", ")} ${uncovered.length === 1 ? "is" : "are"} not covered`,
    },
  ];
}

/**
 * SCENARIO-FORMAT.md: `idle` — "available but not placed": exactly the people available in at
 * least one block of the date who are placed nowhere. Interim coaches are outside the rule
 * when `rules.interimCoachesAllowed` is false (they cannot be placed, so they are neither
 * required nor forbidden in idle). A placed person listed as idle is DOUBLE_BOOKED.
 */
export function checkIdle(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const placed = new Set(ctx.placements.map((p) => p.person.id));
  const listed = [...ctx.plan.idle.workerIds, ...ctx.plan.idle.coachIds];
  const listedSet = new Set(listed);

  const seen = new Set<string>();
  for (const id of listed) {
    if (seen.has(id)) {
      violations.push({ rule: "IDLE_WRONG", personId: id, message: `${id} is listed as idle more than once` });
    }
    seen.add(id);
  }

  const people = [
    ...ctx.scenario.workers.map((person) => ({ person, interim: false })),
    ...ctx.scenario.coaches.map((person) => ({ person, interim: person.role === "interim" })),
  ];
  for (const { person, interim } of people) {
    if (placed.has(person.id)) continue;
    if (interim && !ctx.scenario.rules.interimCoachesAllowed) continue;
    const available = ctx.available(person.id);
    const isListed = listedSet.has(person.id);
    if (isListed && available.size === 0) {
      violations.push({
        rule: "IDLE_WRONG",
        personId: person.id,
        message: `${person.id} is listed as idle but is not available on ${ctx.date}: ${whyUnavailable(ctx, person.id, ["am", "pm"])}`,
      });
    } else if (!isListed && available.size > 0) {
      violations.push({
        rule: "IDLE_WRONG",
        personId: person.id,
        message: `${person.id} is available (${[...available].join("+")}) and placed nowhere, but is missing from idle`,
      });
    }
  }
  return violations;
}
