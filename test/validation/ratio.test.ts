// The ratio norms (DOMAIN.md rule 2), computed exactly: the boundary cases where a float sum
// of 1/13s would tip over, and the RATIO_EXCEEDED rule on a one-enclave scenario.
import { describe, expect, it } from "vitest";
import type { Guidance, Plan, Scenario } from "../../src/scenario/schema.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { coachesNeeded, ratioUnits } from "../../src/validation/ratio.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { codes, DATE } from "./tiny-scenario.ts";

const NORMS = { low: 13, medium: 10, high: 7 };

describe("coachesNeeded", () => {
  it("scales 13/10/7 to 910 units of 70/91/130", () => {
    expect(ratioUnits(NORMS)).toEqual({ unit: 910, weight: { low: 70, medium: 91, high: 130 } });
  });

  it.each([
    [{ low: 13, medium: 0, high: 0 }, 1],
    [{ low: 14, medium: 0, high: 0 }, 2],
    [{ low: 0, medium: 10, high: 0 }, 1],
    [{ low: 0, medium: 11, high: 0 }, 2],
    [{ low: 0, medium: 0, high: 7 }, 1],
    [{ low: 0, medium: 0, high: 8 }, 2],
    [{ low: 6, medium: 4, high: 1 }, 2], // 420 + 364 + 130 = 914 > 910
    [{ low: 6, medium: 4, high: 0 }, 1], // 784 ≤ 910
    [{ low: 26, medium: 0, high: 0 }, 2],
    [{ low: 0, medium: 0, high: 0 }, 0],
  ])("%o needs %i coach(es)", (counts, expected) => {
    expect(coachesNeeded(counts, NORMS)).toBe(expected);
  });

  it("uses the organisation's own ratios", () => {
    expect(coachesNeeded({ low: 12, medium: 0, high: 0 }, { low: 12, medium: 8, high: 6 })).toBe(1);
    expect(coachesNeeded({ low: 12, medium: 1, high: 0 }, { low: 12, medium: 8, high: 6 })).toBe(2);
  });
});

/** One enclave E04 (min 0, max 30) with coaches C05, C06 and workers of the given needs. */
function crowd(counts: Record<Guidance, number>): Scenario {
  const pattern = [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", blocks: ["am" as const, "pm" as const] }];
  const workers = (["low", "medium", "high"] as const).flatMap((guidance) =>
    Array.from({ length: counts[guidance] }, (_, i) => ({
      id: `W-${guidance}-${i + 1}`,
      name: `${guidance} ${i + 1}`,
      guidance,
      homeEnclaveId: "E04",
      workPattern: pattern,
      transport: "own" as const,
    })),
  );
  return scenarioSchema.parse({
    version: 1,
    organisation: { name: "Crowd" },
    enclaves: [
      {
        id: "E04",
        name: "Big line",
        client: "Client",
        contract: { start: "2024-01-01", notifiedOn: "2023-12-01" },
        schedule: { dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
        staffing: { min: 0, target: 0, max: 30 },
        fixedCoachIds: ["C05", "C06"],
      },
    ],
    workers,
    coaches: ["C05", "C06"].map((id) => ({ id, name: id, role: "fixed", homeEnclaveId: "E04", workPattern: pattern })),
  });
}

/** Everyone works at E04 in the morning; the coaches stay all day (rule 1); flags as the test says. */
function crowdPlan(scenario: Scenario, coachIds: string[], covered: boolean): Plan {
  return {
    version: 1,
    date: DATE,
    status: covered ? "covered" : "partial",
    enclaves: [
      {
        enclaveId: "E04",
        running: true,
        blocks: {
          am: { coachIds, workerIds: scenario.workers.map((w) => w.id) },
          pm: { coachIds, workerIds: [] },
        },
        covered,
        problems: covered ? [] : [{ code: "RATIO_EXCEEDED", block: "am", message: "too few coaches", options: [] }],
      },
    ],
    transport: [],
    idle: { workerIds: [], coachIds: scenario.coaches.filter((c) => !coachIds.includes(c.id)).map((c) => c.id) },
    changes: [],
    stats: { solveMs: 0, optimal: true },
  };
}

describe("checkRatio", () => {
  it.each([
    ["13 low with 1 coach", { low: 13, medium: 0, high: 0 }],
    ["7 high with 1 coach", { low: 0, medium: 0, high: 7 }],
    ["6 low + 4 medium with 1 coach", { low: 6, medium: 4, high: 0 }],
  ])("accepts %s", (_, counts) => {
    const scenario = crowd(counts);
    expect(validatePlan(scenario, crowdPlan(scenario, ["C05"], true))).toEqual([]);
  });

  it.each([
    ["14 low with 1 coach", { low: 14, medium: 0, high: 0 }],
    ["8 high with 1 coach", { low: 0, medium: 0, high: 8 }],
    ["6 low + 4 medium + 1 high with 1 coach (914/910)", { low: 6, medium: 4, high: 1 }],
  ])("rejects %s", (_, counts) => {
    const scenario = crowd(counts);
    const violations = validatePlan(scenario, crowdPlan(scenario, ["C05"], false));
    expect(codes(violations)).toEqual(["RATIO_EXCEEDED"]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ enclaveId: "E04", block: "am" });
  });

  it("accepts the mixed team of 914/910 with 2 coaches", () => {
    const scenario = crowd({ low: 6, medium: 4, high: 1 });
    expect(validatePlan(scenario, crowdPlan(scenario, ["C05", "C06"], true))).toEqual([]);
  });

  it("says how many coaches the team needs and who is present", () => {
    const scenario = crowd({ low: 9, medium: 5, high: 0 });
    const [violation] = validatePlan(scenario, crowdPlan(scenario, ["C05"], false));
    expect(violation?.message).toBe("E04 am: 14 workers (9 low, 5 medium) need 2 coaches by the ratio norms, 1 present (C05)");
  });
});
