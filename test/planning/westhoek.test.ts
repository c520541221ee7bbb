/**
 * The Westhoek example (test/fixtures/westhoek.json) on Monday 2026-11-23: 13 enclaves, 156
 * workers, 16 fixed coaches and 4 butterflies. That morning C01 (E01's only coach) is sick,
 * C08 (E06's) has an ADV day and butterfly V01 is on leave; E10 (Wednesdays) and E11 (one week
 * a month) do not run.
 *
 * One plan, made once: the solver is being optimised and takes tens of seconds on this day
 * today, so the hook has a generous timeout.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { placements, planEnclave } from "./scenario-builders.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const DATE = "2026-11-23";
const SOLVER_TIMEOUT_MS = 120_000;
const HOOK_TIMEOUT_MS = 180_000;

let scenario: Scenario;
let plan: Plan;
let planMs = 0;

beforeAll(() => {
  scenario = westhoekScenario();
  const started = performance.now();
  plan = planDay(scenario, DATE, { timeoutMs: SOLVER_TIMEOUT_MS }).plan;
  planMs = performance.now() - started;
}, HOOK_TIMEOUT_MS);

const personIds = () => new Set([...scenario.workers, ...scenario.coaches].map((p) => p.id));

describe("Westhoek, Monday 2026-11-23", () => {
  it("when the day is planned, then the validator finds nothing and the plan is proven optimal", () => {
    expect(validatePlan(scenario, plan)).toEqual([]);
    expect(plan.stats.optimal, `planDay took ${Math.round(planMs)} ms`).toBe(true);
    expect(plan.date).toBe(DATE);
  });

  it("when E10 (Wednesdays) and E11 (one week a month) do not run, then nobody is placed there and they have no problems", () => {
    for (const id of ["E10", "E11"]) {
      const entry = planEnclave(plan, id);
      expect(entry.running).toBe(false);
      expect(entry.blocks).toEqual({ am: { coachIds: [], workerIds: [] }, pm: { coachIds: [], workerIds: [] } });
      expect(entry.problems).toEqual([]);
    }
    expect(plan.enclaves.filter((e) => e.running).map((e) => e.enclaveId)).toEqual([
      "E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E12", "E13",
    ]);
  });

  it("when C01 is sick and V01 on leave, then E01 is covered by another butterfly trained for E01", () => {
    const e01 = planEnclave(plan, "E01");
    expect(e01.covered).toBe(true);
    for (const block of ["am", "pm"] as const) {
      const coaches = e01.blocks[block].coachIds;
      expect(coaches).not.toContain("C01");
      expect(coaches).not.toContain("V01");
      expect(coaches.length).toBeGreaterThanOrEqual(1);
      const butterflies = coaches.map((id) => scenario.coaches.find((c) => c.id === id)!).filter((c) => c.role === "butterfly");
      expect(butterflies.length, `E01 ${block} coaches ${coaches.join(", ")}`).toBeGreaterThanOrEqual(1);
      for (const butterfly of butterflies) expect(butterfly.qualifiedEnclaveIds).toContain("E01");
    }
    expect(placements(plan).has("V01")).toBe(false);
    expect(placements(plan).has("C01")).toBe(false);
  });

  it("when C08 has an ADV day, then E06 is covered by a coach trained for E06", () => {
    const e06 = planEnclave(plan, "E06");
    expect(e06.covered).toBe(true);
    for (const block of ["am", "pm"] as const) {
      const coaches = e06.blocks[block].coachIds;
      expect(coaches).not.toContain("C08");
      expect(coaches.length).toBeGreaterThanOrEqual(1);
      for (const id of coaches) {
        const c = scenario.coaches.find((x) => x.id === id)!;
        expect(c.homeEnclaveId === "E06" || c.qualifiedEnclaveIds.includes("E06"), `${id} trained for E06`).toBe(true);
      }
    }
  });

  it("when the plan is made, then every running enclave is covered and every team is within its minimum and maximum", () => {
    expect(plan.status).toBe("covered");
    for (const entry of plan.enclaves.filter((e) => e.running)) {
      const { min, max } = scenario.enclaves.find((e) => e.id === entry.enclaveId)!.staffing;
      expect(entry.covered, entry.enclaveId).toBe(true);
      for (const block of ["am", "pm"] as const) {
        const size = entry.blocks[block].workerIds.length;
        expect(size, `${entry.enclaveId} ${block}: ${size} workers, min ${min}, max ${max}`).toBeGreaterThanOrEqual(min);
        expect(size, `${entry.enclaveId} ${block}: ${size} workers, min ${min}, max ${max}`).toBeLessThanOrEqual(max);
      }
    }
  });

  it("when people change place, then every change has a reason that names the person", () => {
    expect(plan.changes.length).toBeGreaterThan(0);
    for (const change of plan.changes) {
      expect(change.reason, JSON.stringify(change)).toContain(change.personId);
    }
    const c01 = plan.changes.find((c) => c.personId === "C01");
    expect(c01).toMatchObject({ from: "E01", to: null });
    expect(c01?.reason).toContain("is sick");
    const c08 = plan.changes.find((c) => c.personId === "C08");
    expect(c08).toMatchObject({ from: "E06", to: null });
    expect(c08?.reason).toContain("ADV");
    const standIn = plan.changes.find((c) => c.to === "E01" && c.personId.startsWith("V"));
    expect(standIn?.reason).toContain("C01");
  });

  it("when the plan lists problems, then each names the people concerned", () => {
    const ids = personIds();
    for (const entry of plan.enclaves) {
      for (const problem of entry.problems) {
        if (problem.code === "NOT_NOTIFIED") continue;
        const named = [...ids].filter((id) => new RegExp(`\\b${id}\\b`).test(problem.message));
        expect(named.length, `${entry.enclaveId} ${problem.code}: ${problem.message}`).toBeGreaterThan(0);
      }
    }
  });
});
