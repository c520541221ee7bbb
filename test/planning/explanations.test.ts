/**
 * Explanations (DOMAIN.md, "The daily question"): "say exactly which enclave is short, of
 * what, why, and what the options are (a butterfly who is not trained there, an interim coach
 * if the rules allow, a smaller team, temporary unemployment for N workers)".
 */
import { describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import type { Problem, Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { absence, coachInput, DATE, enclaveInput, homeTeam, planEnclave, scenario, workerInput } from "./scenario-builders.ts";

/** planDay's verdict on one enclave; the plan must pass the validator. */
function explain(s: Scenario, enclaveId: string): { covered: boolean; problems: Problem[] } {
  const { plan } = planDay(s, DATE);
  expect(validatePlan(s, plan)).toEqual([]);
  const { covered, problems } = planEnclave(plan, enclaveId);
  return { covered, problems };
}

const untrainedButterfly = (interimCoachesAllowed: boolean) =>
  scenario({
    rules: { interimCoachesAllowed },
    enclaves: [enclaveInput("E1", { min: 2, target: 3, max: 4 }, ["C1"]), enclaveInput("E2", { min: 1, target: 1, max: 3 }, ["C2"])],
    workers: [...homeTeam("A", 3, "E1"), workerInput("B1", "E2")],
    coaches: [
      coachInput("C1", "fixed", "E1", { name: "Jonas J." }),
      coachInput("C2", "fixed", "E2", { name: "Wannes G." }),
      coachInput("V1", "butterfly", null, { name: "Elke E.", qualified: ["E2"] }),
    ],
    absences: [absence("C1", "sick", { reportedAt: "2026-11-23T07:12:00+01:00" })],
  });

describe("NO_QUALIFIED_COACH", () => {
  it("when the only free butterfly is not trained for the enclave, then the problem names the sick coach and the untrained butterfly", () => {
    const { covered, problems } = explain(untrainedButterfly(false), "E1");
    expect(covered).toBe(false);
    const noCoach = problems.filter((p) => p.code === "NO_QUALIFIED_COACH");
    expect(noCoach.map((p) => p.block)).toEqual(["am", "pm"]);
    const am = noCoach[0]!;
    expect(am.message).toContain("E1");
    expect(am.message).toContain("C1 (Jonas J.) is sick");
    expect(am.message).toContain("V1 (Elke E.) is available but not trained for E1");
    expect(am.options).toContain("V1 (Elke E.) is available but not trained for E1");
  });

  it("when the enclave has no coach, then it is also under its minimum headcount, with the shortfall", () => {
    // Was a bug: without a coach, explainEnclave listed no UNDER_MIN_HEADCOUNT and the validator
    // gate refused the plan (SILENT_PROBLEM) on most days with a coachless enclave.
    const { problems } = explain(untrainedButterfly(false), "E1");
    const under = problems.filter((p) => p.code === "UNDER_MIN_HEADCOUNT");
    expect(under.map((p) => p.block)).toEqual(["am", "pm"]);
    expect(under[0]?.message).toContain("E1 am: 0 workers, minimum 2 (target 3), 2 short");
  });

  it("when interim coaches are not allowed, then the options say so and offer in-house work or temporary unemployment for the team", () => {
    const { problems } = explain(untrainedButterfly(false), "E1");
    const options = problems.find((p) => p.code === "NO_QUALIFIED_COACH")?.options ?? [];
    expect(options.some((o) => /interim coach/.test(o) && /not allowed/.test(o) && /interimCoachesAllowed/.test(o))).toBe(true);
    expect(options.some((o) => o.includes("3 workers of E1") && /in-house work/.test(o) && /temporary unemployment/.test(o))).toBe(
      true,
    );
  });

  it("when interim coaches are allowed but none is on the books, then the options propose one", () => {
    const { problems } = explain(untrainedButterfly(true), "E1");
    const options = problems.find((p) => p.code === "NO_QUALIFIED_COACH")?.options ?? [];
    expect(options).toContain("an interim coach for E1");
  });

  it("when the butterfly is trained for the enclave, then it covers it and there is no problem", () => {
    const s = untrainedButterfly(false);
    s.coaches.find((c) => c.id === "V1")!.qualifiedEnclaveIds.push("E1");
    const { plan } = planDay(s, DATE);
    expect(validatePlan(s, plan)).toEqual([]);
    expect(planEnclave(plan, "E1")).toMatchObject({ covered: true, problems: [] });
    expect(planEnclave(plan, "E1").blocks.am.coachIds).toEqual(["V1"]);
  });
});

describe("UNDER_MIN_HEADCOUNT", () => {
  const shortTeam = () =>
    scenario({
      enclaves: [enclaveInput("E1", { min: 4, target: 4, max: 5 }, ["C1"])],
      workers: [
        workerInput("A1", "E1"),
        workerInput("A2", "E1"),
        workerInput("A3", "E1", { name: "Saar W." }),
        workerInput("A4", "E1", { name: "Thijs X." }),
        workerInput("S1", null, { name: "Robbe J.", qualified: [] }),
      ],
      coaches: [coachInput("C1", "fixed", "E1")],
      absences: [absence("A3", "sick", { reportedAt: "2026-11-23T07:04:00+01:00" }), absence("A4", "leave")],
    });

  it("when two of four workers are absent and no stand-in is trained, then the problem names both and says 2 short", () => {
    const s = shortTeam();
    const { plan } = planDay(s, DATE);
    expect(validatePlan(s, plan)).toEqual([]);
    const e1 = planEnclave(plan, "E1");
    expect(e1.covered).toBe(false);
    const under = e1.problems.filter((p) => p.code === "UNDER_MIN_HEADCOUNT");
    expect(under.map((p) => p.block)).toEqual(["am", "pm"]);
    const message = under[0]!.message;
    expect(message).toContain("E1 am: 2 workers, minimum 4 (target 4), 2 short");
    expect(message).toContain("A3 (Saar W.) is sick (reported 07:04)");
    expect(message).toContain("A4 (Thijs X.) is on leave");
    expect(message).not.toContain("A1");
  });

  it("when the team is short, then the options offer a smaller team and temporary unemployment", () => {
    const { plan } = planDay(shortTeam(), DATE);
    const options = planEnclave(plan, "E1").problems.find((p) => p.code === "UNDER_MIN_HEADCOUNT")?.options ?? [];
    expect(options.some((o) => /smaller team/.test(o) && o.includes("2 of minimum 4"))).toBe(true);
    expect(options.some((o) => /temporary unemployment/.test(o))).toBe(true);
  });

  it("when an in-house stand-in is available but not trained for the enclave, then the problem says so", () => {
    const { plan } = planDay(shortTeam(), DATE);
    const under = planEnclave(plan, "E1").problems.find((p) => p.code === "UNDER_MIN_HEADCOUNT");
    expect(under?.message).toContain("S1 (Robbe J.) is available but not trained for E1");
  });

  it("when that stand-in is trained for the enclave, then the shortfall shrinks to 1 and nobody trained is left out", () => {
    const s = shortTeam();
    s.workers.find((w) => w.id === "S1")!.qualifiedEnclaveIds.push("E1");
    const { plan } = planDay(s, DATE);
    const under = planEnclave(plan, "E1").problems.find((p) => p.code === "UNDER_MIN_HEADCOUNT");
    expect(planEnclave(plan, "E1").blocks.am.workerIds).toEqual(["A1", "A2", "S1"]);
    expect(under?.message).toContain("3 workers, minimum 4 (target 4), 1 short");
  });
});
