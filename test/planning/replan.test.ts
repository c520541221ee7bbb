/**
 * Re-planning after a late sick call (DOMAIN.md rule 8): "A re-plan at 07:30 after a late sick
 * call changes as little as possible of the plan already sent out."
 *
 * The company: E1 (C1; A1–A4, target 4), E2 (C2; B1–B3, minimum 1, target 2), E3 (C3; D1–D3,
 * minimum = target = 3). S1 is an in-house stand-in trained for E1 and E3, S2 one trained for
 * E3 only. Butterfly V1 knows E1 and E2, V2 knows E3. A4 is on leave, so the first plan sends
 * S1 to E1 to keep it at target; S2, V1 and V2 stay idle. Some workers ride R1.
 */
import { describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { assertValidScenario } from "../../src/scenario/validate-scenario.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { generateTinyScenario, TINY_SCENARIO_DATE } from "../generators/scenario-generator.ts";
import { maxCoveredEnclaves } from "../oracles/brute-force-coverage.ts";
import {
  absence,
  coachInput,
  DATE,
  enclaveInput,
  placements,
  planEnclave,
  scenario,
  withAbsences,
  workerInput,
} from "./scenario-builders.ts";

const LATE = "2026-11-23T07:25:00+01:00";

function company(): Scenario {
  return scenario({
    enclaves: [
      enclaveInput("E1", { min: 3, target: 4, max: 5 }, ["C1"]),
      enclaveInput("E2", { min: 1, target: 2, max: 4 }, ["C2"]),
      enclaveInput("E3", { min: 3, target: 3, max: 4 }, ["C3"]),
    ],
    workers: [
      workerInput("A1", "E1", { transport: "van" }),
      workerInput("A2", "E1", { name: "Anouk A." }),
      workerInput("A3", "E1", { guidance: "medium" }),
      workerInput("A4", "E1"),
      workerInput("B1", "E2", { transport: "van" }),
      workerInput("B2", "E2", { name: "Bert B." }),
      workerInput("B3", "E2", { guidance: "high" }),
      workerInput("D1", "E3", { transport: "van" }),
      workerInput("D2", "E3", { name: "Dirk D." }),
      workerInput("D3", "E3"),
      workerInput("S1", null, { qualified: ["E1", "E3"] }),
      workerInput("S2", null, { qualified: ["E3"] }),
    ],
    coaches: [
      coachInput("C1", "fixed", "E1", { name: "Jonas J." }),
      coachInput("C2", "fixed", "E2"),
      coachInput("C3", "fixed", "E3"),
      coachInput("V1", "butterfly", null, { qualified: ["E1", "E2"], name: "Sien Q." }),
      coachInput("V2", "butterfly", null, { qualified: ["E3"] }),
    ],
    routes: [{ id: "R1", enclaveIds: ["E1", "E2", "E3"], seats: { day: 4, morning: 0, afternoon: 0 } }],
    absences: [absence("A4", "leave")],
  });
}

/** People whose place differs between two plans, per block, as "id: am/pm before → after". */
function differences(before: Plan, after: Plan): string[] {
  const a = placements(before);
  const b = placements(after);
  const out: string[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const was = a.get(id) ?? { am: null, pm: null };
    const now = b.get(id) ?? { am: null, pm: null };
    if (was.am !== now.am || was.pm !== now.pm) out.push(`${id}: ${was.am}/${was.pm} → ${now.am}/${now.pm}`);
  }
  return out;
}

function firstPlan(): { s: Scenario; plan: Plan } {
  const s = company();
  const { plan } = planDay(s, DATE);
  expect(validatePlan(s, plan)).toEqual([]);
  return { s, plan };
}

describe("the first plan (the baseline of the re-plans)", () => {
  it("when A4 is on leave, then S1 stands in at E1 and everyone else is at home", () => {
    const { plan } = firstPlan();
    expect(plan.status).toBe("covered");
    expect(planEnclave(plan, "E1").blocks.am).toEqual({ coachIds: ["C1"], workerIds: ["A1", "A2", "A3", "S1"] });
    expect(planEnclave(plan, "E2").blocks.am).toEqual({ coachIds: ["C2"], workerIds: ["B1", "B2", "B3"] });
    expect(planEnclave(plan, "E3").blocks.am).toEqual({ coachIds: ["C3"], workerIds: ["D1", "D2", "D3"] });
    expect(plan.idle).toEqual({ workerIds: ["S2"], coachIds: ["V1", "V2"] });
  });
});

describe("re-plan without news", () => {
  it("when the same scenario is re-planned with the plan as previous, then nobody changes place and no change is listed", () => {
    const { s, plan } = firstPlan();
    const again = planDay(s, DATE, { previous: plan }).plan;
    expect(validatePlan(s, again)).toEqual([]);
    expect(differences(plan, again)).toEqual([]);
    for (const entry of plan.enclaves) expect(planEnclave(again, entry.enclaveId).blocks).toEqual(entry.blocks);
    expect(again.changes).toEqual([]);
    expect(again.transport).toEqual(plan.transport);
  });
});

describe("re-plan after a late sick call", () => {
  it("when E1's fixed coach calls in sick at 07:25, then only C1 leaves and one butterfly fills E1; every other team is identical", () => {
    const { s, plan } = firstPlan();
    const sick = withAbsences(s, absence("C1", "sick", { reportedAt: LATE }));
    const replan = planDay(sick, DATE, { previous: plan }).plan;
    expect(validatePlan(sick, replan)).toEqual([]);
    expect(differences(plan, replan)).toEqual(["C1: E1/E1 → null/null", "V1: null/null → E1/E1"]);
    for (const id of ["E2", "E3"]) expect(planEnclave(replan, id).blocks).toEqual(planEnclave(plan, id).blocks);
    expect(planEnclave(replan, "E1").blocks.am).toEqual({ coachIds: ["V1"], workerIds: ["A1", "A2", "A3", "S1"] });
    expect(planEnclave(replan, "E1").covered).toBe(true);
  });

  it("when E1's fixed coach calls in sick, then both changes are listed with reasons that name the sick coach", () => {
    const { s, plan } = firstPlan();
    const sick = withAbsences(s, absence("C1", "sick", { reportedAt: LATE }));
    const { changes } = planDay(sick, DATE, { previous: plan }).plan;
    expect(changes.map((c) => ({ personId: c.personId, from: c.from, to: c.to, block: c.block }))).toEqual([
      { personId: "C1", from: "E1", to: null, block: undefined },
      { personId: "V1", from: null, to: "E1", block: undefined },
    ]);
    expect(changes[0]?.reason).toBe("C1 (Jonas J.) is sick (reported 07:25)");
    expect(changes[1]?.reason).toContain("V1 (Sien Q.) stands in at E1");
    expect(changes[1]?.reason).toContain("C1 (Jonas J.) is sick");
  });

  it("when a worker of E3 (at its minimum) calls in sick, then only the sick worker and one idle stand-in change", () => {
    const { s, plan } = firstPlan();
    const sick = withAbsences(s, absence("D2", "sick", { reportedAt: LATE }));
    const replan = planDay(sick, DATE, { previous: plan }).plan;
    expect(validatePlan(sick, replan)).toEqual([]);
    // S2 is idle and trained for E3; S1 is trained too, but moving S1 would undo E1's plan.
    expect(differences(plan, replan)).toEqual(["D2: E3/E3 → null/null", "S2: null/null → E3/E3"]);
    for (const id of ["E1", "E2"]) expect(planEnclave(replan, id).blocks).toEqual(planEnclave(plan, id).blocks);
    expect(planEnclave(replan, "E3").covered).toBe(true);
    const reasons = new Map(replan.changes.map((c) => [c.personId, c.reason]));
    expect([...reasons.keys()].sort()).toEqual(["D2", "S2"]);
    expect(reasons.get("D2")).toBe("D2 (Dirk D.) is sick (reported 07:25)");
    expect(reasons.get("S2")).toContain("stands in at E3");
    expect(reasons.get("S2")).toContain("D2 (Dirk D.) is sick");
  });

  it("when a worker of E2 calls in sick and E2 stays above its minimum and at its target, then only that worker changes", () => {
    const { s, plan } = firstPlan();
    const sick = withAbsences(s, absence("B2", "sick", { reportedAt: LATE }));
    const replan = planDay(sick, DATE, { previous: plan }).plan;
    expect(validatePlan(sick, replan)).toEqual([]);
    expect(differences(plan, replan)).toEqual(["B2: E2/E2 → null/null"]);
    expect(planEnclave(replan, "E2").blocks.am).toEqual({ coachIds: ["C2"], workerIds: ["B1", "B3"] });
    expect(planEnclave(replan, "E2").covered).toBe(true);
    expect(replan.changes).toEqual([{ personId: "B2", from: "E2", to: null, reason: "B2 (Bert B.) is sick (reported 07:25)" }]);
  });

  it("when a worker with a van seat calls in sick, then the seat is freed and nobody else's seat changes", () => {
    const { s, plan } = firstPlan();
    const sick = withAbsences(s, absence("B1", "sick", { reportedAt: LATE }));
    const replan = planDay(sick, DATE, { previous: plan }).plan;
    expect(differences(plan, replan)).toEqual(["B1: E2/E2 → null/null"]);
    const riders = (p: Plan) => p.transport.flatMap((t) => t.personIds.map((id) => `${t.routeId} ${t.run} ${id}`)).sort();
    expect(riders(replan)).toEqual(riders(plan).filter((r) => !r.endsWith(" B1")));
  });
});

/** "id block" for every person and block whose place differs between two plans. */
function movedBlocks(before: Plan, after: Plan): Set<string> {
  const a = placements(before);
  const b = placements(after);
  const moved = new Set<string>();
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    for (const block of ["am", "pm"] as const) {
      if ((a.get(id)?.[block] ?? null) !== (b.get(id)?.[block] ?? null)) moved.add(`${id} ${block}`);
    }
  }
  return moved;
}

/** "id block" for every change a plan lists (a change without a block is both blocks). */
function listedBlocks(plan: Plan): Set<string> {
  return new Set(plan.changes.flatMap((c) => (c.block ? [c.block] : (["am", "pm"] as const)).map((b) => `${c.personId} ${b}`)));
}

describe("re-plan properties on tiny days (generateTinyScenario, seeds 1–150)", () => {
  const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);
  const tiny = (seed: number) => assertValidScenario(generateTinyScenario(seed));

  it("when a tiny day is re-planned with its own plan and no news, then nobody moves and no change is listed", () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const s = tiny(seed);
      const first = planDay(s, TINY_SCENARIO_DATE).plan;
      const again = planDay(s, TINY_SCENARIO_DATE, { previous: first }).plan;
      const moved = [...movedBlocks(first, again)];
      if (moved.length > 0 || again.changes.length > 0) {
        failures.push(`seed ${seed} (generateTinyScenario(${seed})): moved ${moved.join(", ")}; changes ${JSON.stringify(again.changes)}`);
      }
    }
    expect(failures, failures.slice(0, 5).join("\n")).toEqual([]);
  });

  it("when one placed person calls in sick at 07:25, then the re-plan is valid, as covered as possible, and lists exactly who moved", () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const s = tiny(seed);
      const first = planDay(s, TINY_SCENARIO_DATE).plan;
      const placed = [...placements(first).keys()].sort();
      if (placed.length === 0) continue;
      const victim = placed[seed % placed.length]!;
      const where = `seed ${seed} (generateTinyScenario(${seed}), ${victim} sick)`;
      const sick = withAbsences(s, absence(victim, "sick", { reportedAt: LATE }));
      const result = planDay(sick, TINY_SCENARIO_DATE, { previous: first });
      const replan = result.plan;
      const violations = validatePlan(sick, replan);
      if (violations.length > 0) failures.push(`${where}: ${violations.map((v) => v.message).join("; ")}`);
      if (placements(replan).has(victim)) failures.push(`${where}: ${victim} is still placed`);
      const covered = replan.enclaves.filter((e) => e.running && e.covered).length;
      const oracle = maxCoveredEnclaves(result.context.day);
      if (covered !== oracle) failures.push(`${where}: ${covered} covered, oracle ${oracle}`);
      const moved = movedBlocks(first, replan);
      const listed = listedBlocks(replan);
      const unlisted = [...moved].filter((x) => !listed.has(x));
      const unmoved = [...listed].filter((x) => !moved.has(x));
      if (unlisted.length > 0 || unmoved.length > 0) failures.push(`${where}: moved but not listed ${unlisted.join(", ")}; listed but not moved ${unmoved.join(", ")}`);
      const own = replan.changes.filter((c) => c.personId === victim);
      if (own.length === 0 || !own.every((c) => c.reason.includes(victim) && c.reason.includes("sick"))) {
        failures.push(`${where}: the sick person's change says ${JSON.stringify(own)}`);
      }
    }
    expect(failures, failures.slice(0, 5).join("\n")).toEqual([]);
  });
});
