/**
 * Checks of each team, block by block, at every running enclave that may be staffed: enough
 * coaches for the workers (permanent supervision, ratio norms) and not more workers than the
 * contract's maximum. Placements at an enclave that does not run, in a block it does not work
 * or at an enclave that must not be staffed are reported by the calendar checks instead.
 */
import type { BlockAssessment, EnclaveAssessment, PlanContext } from "./plan-context.ts";
import { coachCount, listIds, plural } from "./plan-context.ts";
import { describeGuidance } from "./ratio.ts";
import type { Violation } from "./violation.ts";

/** The blocks of enclaves that run, may be staffed, and so are judged team by team. */
function staffedBlocks(ctx: PlanContext): { assessment: EnclaveAssessment; block: BlockAssessment }[] {
  return ctx.assessments
    .filter((a) => a.day.runs && a.day.notified)
    .flatMap((assessment) => assessment.blocks.map((block) => ({ assessment, block })));
}

/**
 * True when the ratio shortfall is already the permanent-supervision shortfall: too few
 * coaches for `minCoachesPerEnclave`, and the ratio asks for no more than that minimum.
 * Reported once, as NO_COACH_WITH_WORKERS.
 */
export function ratioShortIsSupervisionShort(block: BlockAssessment, minCoaches: number): boolean {
  return block.coachShort && block.ratioNeed <= minCoaches;
}

/**
 * DOMAIN.md rule 2: "one coach per 13 workers of low guidance need, per 10 of medium, per 7 of
 * high. For a mixed team the coach load is the sum of 1/13, 1/10, 1/7 per worker present, and
 * the number of coaches present must be at least that load (rounded up)." Ratios from
 * `rules.ratios`; the sum is computed exactly in integers (see ratio.ts).
 */
export function checkRatio(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const minCoaches = ctx.scenario.rules.minCoachesPerEnclave;
  for (const { assessment, block } of staffedBlocks(ctx)) {
    if (!block.ratioShort || ratioShortIsSupervisionShort(block, minCoaches)) continue;
    const coachIds = block.coaches.map((c) => c.id);
    violations.push({
      rule: "RATIO_EXCEEDED",
      enclaveId: assessment.enclave.id,
      block: block.block,
      message:
        `${assessment.enclave.id} ${block.block}: ${plural(block.workers.length, "worker")} ` +
        `(${describeGuidance(block.guidance)}) need ${coachCount(block.ratioNeed)} ` +
        `by the ratio norms, ${block.coaches.length} present (${listIds(coachIds)})`,
    });
  }
  return violations;
}

/**
 * DOMAIN.md rule 1: "every enclave that runs has at least 1 coach present for the whole
 * working time … No coach, no enclave." (`rules.minCoachesPerEnclave`, default 1): wherever
 * workers are placed, block by block, at least that many coaches are placed with them.
 */
export function checkMinCoaches(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  const minCoaches = ctx.scenario.rules.minCoachesPerEnclave;
  for (const { assessment, block } of staffedBlocks(ctx)) {
    if (block.workers.length === 0 || !block.coachShort) continue;
    const coachIds = block.coaches.map((c) => c.id);
    violations.push({
      rule: "NO_COACH_WITH_WORKERS",
      enclaveId: assessment.enclave.id,
      block: block.block,
      message:
        `${assessment.enclave.id} ${block.block}: ${plural(block.workers.length, "worker")} placed with ` +
        `${block.coaches.length === 0 ? "no coach" : `only ${block.coaches.length} (${listIds(coachIds)})`}; ` +
        `at least ${minCoaches} ${minCoaches === 1 ? "coach is" : "coaches are"} required wherever workers are placed`,
    });
  }
  return violations;
}

/**
 * DOMAIN.md rule 6: "each enclave has a minimum, a target and a maximum" (`staffing`,
 * "workers per block"): no block has more workers than the maximum.
 */
export function checkMaxHeadcount(ctx: PlanContext): Violation[] {
  const violations: Violation[] = [];
  for (const { assessment, block } of staffedBlocks(ctx)) {
    const max = assessment.enclave.staffing.max;
    if (block.workers.length <= max) continue;
    violations.push({
      rule: "OVER_MAX_HEADCOUNT",
      enclaveId: assessment.enclave.id,
      block: block.block,
      message: `${assessment.enclave.id} ${block.block}: ${plural(block.workers.length, "worker")} placed, the maximum is ${max}`,
    });
  }
  return violations;
}
