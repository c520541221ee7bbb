/**
 * The benchmark's days: Westhoek as shipped, generated companies of 40, 80 and 160 enclaves
 * (fixed seeds, so every run times the same days), generated 80 again with a budget of 1 s, and
 * Westhoek re-planned after a late sick call — the 07:25 phone call the product exists for.
 */
import { scenarioSchema } from "../src/scenario/schema.ts";
import type { Absence, Plan, Scenario } from "../src/scenario/schema.ts";
import { brusselsMorningOffset } from "../test/generators/calendar-helpers.ts";
import { generateScenario } from "../test/generators/scenario-generator.ts";
import { westhoekScenario } from "../test/scenario/westhoek-fixture.ts";

export const BENCH_DATE = "2026-11-23"; // a Monday

export interface BenchInstance {
  name: string;
  scenario: Scenario;
  date: string;
  /** Timed runs: the median is reported. */
  runs: number;
  /** A re-plan: built from the first plan of another instance. */
  replanOf?: string;
  /** planDay's budget for this instance (the planner's default, or --timeout-ms, otherwise). */
  timeoutMs?: number;
}

export { westhoekScenario };

export function benchInstances(): BenchInstance[] {
  const generated = (enclaves: number, seed: number, runs: number): BenchInstance => ({
    name: `generated-${enclaves}`,
    scenario: scenarioSchema.parse(generateScenario({ seed, enclaves, date: BENCH_DATE })),
    date: BENCH_DATE,
    runs,
  });
  const westhoek = westhoekScenario();
  return [
    { name: "westhoek", scenario: westhoek, date: BENCH_DATE, runs: 7 },
    { name: "westhoek-replan-07:25", scenario: westhoek, date: BENCH_DATE, runs: 7, replanOf: "westhoek" },
    generated(40, 40, 7),
    generated(80, 80, 7),
    // The "80 enclaves ≤ 1 s" with the budget itself at 1 s: still proven optimal?
    { ...generated(80, 80, 7), name: "generated-80-budget-1s", timeoutMs: 1000 },
    generated(160, 160, 3),
  ];
}

/**
 * The scenario after one more sick call at 07:25: the first fixed coach who is placed at
 * their own enclave in `plan` (so the call breaks the plan already sent out), or failing
 * that the first placed worker.
 */
export function withLateSickCall(scenario: Scenario, plan: Plan | null, date: string): { scenario: Scenario; personId: string } {
  const placed = new Set(
    (plan?.enclaves ?? []).flatMap((entry) => [...entry.blocks.am.coachIds, ...entry.blocks.am.workerIds]),
  );
  const absent = new Set(scenario.absences.filter((a) => a.from <= date && date <= a.to).map((a) => a.personId));
  const homeOf = new Map(
    (plan?.enclaves ?? []).flatMap((entry) => entry.blocks.am.coachIds.map((id) => [id, entry.enclaveId] as const)),
  );
  const coach = scenario.coaches.find(
    (c) => c.role === "fixed" && !absent.has(c.id) && (plan === null || (placed.has(c.id) && homeOf.get(c.id) === c.homeEnclaveId)),
  );
  const worker = scenario.workers.find((w) => !absent.has(w.id) && (plan === null || placed.has(w.id)));
  const personId = coach?.id ?? worker?.id;
  if (!personId) throw new Error("no one left to fall sick");
  const absence: Absence = {
    personId,
    from: date,
    to: date,
    blocks: ["am", "pm"],
    kind: "sick",
    reportedAt: `${date}T07:25:00${brusselsMorningOffset(date)}`,
  };
  return { scenario: { ...scenario, absences: [...scenario.absences, absence] }, personId };
}
