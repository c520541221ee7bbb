/**
 * The planner's hands on the plan: manual moves (checked by the validator, refused with the
 * rule they break), ranked replacement suggestions, and the daily registration — all on the
 * Westhoek day 2026-11-23 as the solver plans it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import { applyManualMove, rebuildPlan } from "../../src/planning/manual-move.ts";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { suggestReplacements } from "../../src/planning/suggestions.ts";
import { registrationCsv, registrationHtml, registrationRows } from "../../src/planning/registration.ts";
import { PlanningError } from "../../src/planning/planning-error.ts";
import type { Block, Plan, Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const DATE = "2026-11-23";
let scenario: Scenario;
let plan: Plan;

beforeAll(() => {
  scenario = westhoekScenario();
  plan = planDay(scenario, DATE, { timeoutMs: 60_000 }).plan;
}, 120_000);

function enclaveOf(p: Plan, personId: string, block: Block = "am"): string | null {
  const entry = p.enclaves.find((e) => e.blocks[block].coachIds.includes(personId) || e.blocks[block].workerIds.includes(personId));
  return entry?.enclaveId ?? null;
}

describe("rebuildPlan", () => {
  it("when the solver's own teams are rebuilt, then the same enclaves, coverage, problems, idle people and changes come out", () => {
    const context = buildDayContext(scenario, DATE);
    const teams = new Map(plan.enclaves.map((e) => [e.enclaveId, structuredClone(e.blocks)]));
    const rebuilt = rebuildPlan(context, teams);
    expect(rebuilt.enclaves).toEqual(plan.enclaves);
    expect(rebuilt.idle).toEqual(plan.idle);
    expect(rebuilt.changes).toEqual(plan.changes);
    expect(rebuilt.status).toBe(plan.status);
    expect(validatePlan(scenario, rebuilt)).toEqual([]);
    // Seats are handed out again, but everyone who rode still rides the same kind of run.
    const seated = (p: Plan) => p.transport.flatMap((t) => t.personIds.map((id) => `${id}:${t.run}`)).sort();
    expect(seated(rebuilt)).toEqual(seated(plan));
  });
});

describe("applyManualMove", () => {
  it("when a worker is moved to an enclave they are trained for and it has room, then the plan is valid and lists the move as the planner's", () => {
    // W001 (E01) is trained for E02 too.
    const from = enclaveOf(plan, "W001");
    expect(from).toBe("E01");
    const { plan: moved, violations } = applyManualMove(scenario, plan, { personId: "W001", toEnclaveId: "E02" });
    const e02 = moved.enclaves.find((e) => e.enclaveId === "E02")!;
    if (violations.length === 0) {
      expect(enclaveOf(moved, "W001")).toBe("E02");
      expect(e02.blocks.pm.workerIds).toContain("W001");
      const change = moved.changes.find((c) => c.personId === "W001")!;
      expect(change).toMatchObject({ from: "E01", to: "E02" });
      expect(change.reason).toMatch(/^moved by the planner/);
    } else {
      // E02 may be at its maximum or its coach's ratio limit: then the rule is named.
      expect(violations.map((v) => v.rule).every((r) => ["OVER_MAX_HEADCOUNT", "RATIO_EXCEEDED", "NO_SEAT"].includes(r))).toBe(true);
    }
  });

  it("when a worker is moved to an enclave they are not trained for, then the move breaks NOT_QUALIFIED", () => {
    const { violations } = applyManualMove(scenario, plan, { personId: "W001", toEnclaveId: "E05" });
    expect(violations.some((v) => v.rule === "NOT_QUALIFIED" && v.personId === "W001")).toBe(true);
  });

  it("when the only coach of a team with workers is taken off, then the move breaks NO_COACH_WITH_WORKERS", () => {
    const e07 = plan.enclaves.find((e) => e.enclaveId === "E07")!;
    expect(e07.blocks.am.coachIds).toEqual(["C09"]);
    const { violations } = applyManualMove(scenario, plan, { personId: "C09", toEnclaveId: null });
    expect(violations.some((v) => v.rule === "NO_COACH_WITH_WORKERS" && v.enclaveId === "E07")).toBe(true);
  });

  it("when a sick coach is placed by hand, then the move breaks NOT_AVAILABLE", () => {
    const { violations } = applyManualMove(scenario, plan, { personId: "C08", toEnclaveId: "E06", blocks: ["am", "pm"] });
    expect(violations.some((v) => v.rule === "NOT_AVAILABLE" && v.personId === "C08")).toBe(true);
  });

  it("when a worker is taken off, then they are idle, their team shrinks and the change says so", () => {
    const home = enclaveOf(plan, "W002")!;
    const { plan: moved, violations } = applyManualMove(scenario, plan, { personId: "W002", toEnclaveId: null });
    expect(violations).toEqual([]);
    expect(enclaveOf(moved, "W002")).toBeNull();
    expect(moved.idle.workerIds).toContain("W002");
    expect(moved.transport.some((t) => t.personIds.includes("W002"))).toBe(false);
    expect(moved.changes.find((c) => c.personId === "W002")).toMatchObject({ from: home, to: null });
  });

  it("when the person or the enclave does not exist, then it is NOT_FOUND", () => {
    expect(() => applyManualMove(scenario, plan, { personId: "W999", toEnclaveId: "E01" })).toThrow(PlanningError);
    expect(() => applyManualMove(scenario, plan, { personId: "W001", toEnclaveId: "E99" })).toThrow(/no enclave E99/);
  });
});

describe("suggestReplacements", () => {
  it("when E02's coach calls in sick after the plan was made, then idle coaches trained for E02 are suggested first, each move valid", () => {
    // The sick call arrives after publishing: C02 is absent, the plan still has E02's team.
    const sick: Scenario = {
      ...scenario,
      absences: [...scenario.absences, { personId: "C02", from: DATE, to: DATE, blocks: ["am", "pm"], kind: "sick", reportedAt: "2026-11-23T07:25:00+01:00" }],
    };
    const teams = new Map(plan.enclaves.map((e) => [e.enclaveId, structuredClone(e.blocks)]));
    for (const block of ["am", "pm"] as const) teams.get("E02")![block].coachIds = teams.get("E02")![block].coachIds.filter((id) => id !== "C02");
    const gapPlan = rebuildPlan(buildDayContext(sick, DATE, plan), teams);
    expect(gapPlan.enclaves.find((e) => e.enclaveId === "E02")!.problems.map((p) => p.code)).toContain("NO_QUALIFIED_COACH");

    const suggestions = suggestReplacements(sick, gapPlan, "E02", "am", plan);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.rank)).toEqual(suggestions.map((_, i) => i + 1));
    const before = new Set(validatePlan(sick, gapPlan).map((v) => `${v.rule}|${v.enclaveId}`));
    for (const s of suggestions) {
      expect(s.role).not.toBe("worker");
      const { plan: moved, violations } = applyManualMove(sick, gapPlan, { personId: s.personId, toEnclaveId: "E02" }, plan);
      const fresh = violations.filter((v) => !before.has(`${v.rule}|${v.enclaveId}`));
      expect(fresh.length === 0, `${s.personId}: ${s.reason}`).toBe(s.allowed);
      if (!s.allowed) expect(s.reason).toContain(fresh[0]!.rule);
      expect(moved.enclaves.find((e) => e.enclaveId === "E02")!.blocks.am.coachIds).toContain(s.personId);
      expect(s.reason).toMatch(/E02|breaks a rule/);
    }
    // Allowed moves come first.
    const firstRefused = suggestions.findIndex((s) => !s.allowed);
    if (firstRefused >= 0) expect(suggestions.slice(firstRefused).every((s) => !s.allowed)).toBe(true);
    const firstBusy = suggestions.findIndex((s) => s.fromEnclaveId !== null);
    const lastIdle = suggestions.map((s) => s.fromEnclaveId).lastIndexOf(null);
    if (firstBusy >= 0 && lastIdle >= 0) expect(lastIdle).toBeLessThan(firstBusy);
  });

  it("when an enclave lacks its coach, then only coaches are suggested and every one is trained there", () => {
    const gap = plan.enclaves.find((e) => e.problems.some((p) => p.code === "NO_QUALIFIED_COACH"));
    const target = gap ?? plan.enclaves.find((e) => e.enclaveId === "E01")!;
    const suggestions = suggestReplacements(scenario, plan, target.enclaveId, "am");
    for (const s of suggestions) {
      if (gap) expect(s.role).not.toBe("worker");
      const person = [...scenario.coaches, ...scenario.workers].find((p) => p.id === s.personId)!;
      expect(person.homeEnclaveId === target.enclaveId || person.qualifiedEnclaveIds.includes(target.enclaveId)).toBe(true);
    }
  });

  it("when the enclave does not run that day, then there is nobody to suggest", () => {
    // E10 runs on Wednesdays only.
    expect(suggestReplacements(scenario, plan, "E10", "am")).toEqual([]);
  });
});

describe("daily registration", () => {
  it("when the plan is registered, then every placed person appears once per enclave with their blocks and times", () => {
    const rows = registrationRows(scenario, plan);
    for (const entry of plan.enclaves.filter((e) => e.running)) {
      const placed = new Set([...entry.blocks.am.coachIds, ...entry.blocks.am.workerIds, ...entry.blocks.pm.coachIds, ...entry.blocks.pm.workerIds]);
      const listed = rows.filter((r) => r.enclaveId === entry.enclaveId).map((r) => r.personId);
      expect(new Set(listed)).toEqual(placed);
      expect(listed.length).toBe(placed.size);
    }
    const w095 = rows.find((r) => r.personId === "W095");
    if (w095) expect(w095).toMatchObject({ blocks: "am", end: "12:00" }); // on leave in the afternoon
    const coach = rows.find((r) => r.personId === "C02")!;
    expect(coach).toMatchObject({ role: "coach", enclaveId: "E02", blocks: "am+pm", start: "07:30", end: "16:00", client: "Fietsenfabriek Zonnebeke NV" });
  });

  it("when written as CSV, then there is a header and one line per row, and fields with commas are quoted", () => {
    const rows = registrationRows(scenario, plan);
    const csv = registrationCsv(rows);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,enclaveId,enclaveName,client,address,role,personId,personName,blocks,start,end");
    expect(lines.length).toBe(rows.length + 1);
    expect(registrationCsv([{ ...rows[0]!, client: 'Smet, "De Zon" NV', personName: "=HYPERLINK()" }])).toContain(`"Smet, ""De Zon"" NV"`);
    expect(registrationCsv([{ ...rows[0]!, personName: "=HYPERLINK()" }])).toContain(`'=HYPERLINK()`);
  });

  it("when printed, then the page is Dutch and names every running enclave", () => {
    const html = registrationHtml(scenario, plan, "gepubliceerd");
    expect(html).toContain('lang="nl-BE"');
    expect(html).toContain("Dagelijkse registratie");
    expect(html).toContain("maandag 23 november 2026");
    for (const entry of plan.enclaves.filter((e) => e.running && e.blocks.am.coachIds.length > 0)) expect(html).toContain(`<h2>${entry.enclaveId} ·`);
    expect(html).not.toContain("<h2>E10 ·");
  });
});

describe("pins", () => {
  it("when the planner pins a worker to another enclave they are trained for, then a re-plan keeps them there and carries the pin", () => {
    const pins = [{ personId: "W001", enclaveId: "E02" }];
    const replanned = planDay(scenario, DATE, { previous: plan, pins, timeoutMs: 60_000 }).plan;
    expect(enclaveOf(replanned, "W001")).toBe("E02");
    expect(replanned.pins).toEqual(pins);
    expect(replanned.changes.find((c) => c.personId === "W001")).toMatchObject({ from: "E01", to: "E02" });
    expect(validatePlan(scenario, replanned)).toEqual([]);
  }, 120_000);

  it("when a move is pinned, then the plan carries the pin; moving the person again drops it", () => {
    const { plan: pinned } = applyManualMove(scenario, plan, { personId: "W002", toEnclaveId: null, pin: false });
    expect(pinned.pins).toBeUndefined();
    const { plan: withPin } = applyManualMove(scenario, plan, { personId: "W001", toEnclaveId: "E02", pin: true });
    expect(withPin.pins).toEqual([{ personId: "W001", enclaveId: "E02" }]);
    const { plan: moved } = applyManualMove(scenario, withPin, { personId: "W001", toEnclaveId: "E01" });
    expect(moved.pins).toBeUndefined();
  });
});

describe("the reason of a manual move", () => {
  it("when the planner takes a coach off, then the reason is the planner's decision, not a made-up one", () => {
    const { plan: moved } = applyManualMove(scenario, plan, { personId: "C02", toEnclaveId: null });
    const change = moved.changes.find((c) => c.personId === "C02")!;
    expect(change).toMatchObject({ from: "E02", to: null, reason: "moved by the planner" });
  });
});
