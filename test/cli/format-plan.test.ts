// formatPlanTable on a hand-made plan for the small CLI scenario: what each section shows,
// the 100-column layout, and colour that changes nothing but the escape codes.
import { describe, expect, it } from "vitest";
import { enclaveStatusLabel, formatPlanTable, longDate } from "../../src/cli/format-plan.ts";
import { stripAnsi } from "../../src/cli/text-layout.ts";
import type { Plan, PlanEnclave, Scenario } from "../../src/scenario/schema.ts";
import { readScenarioFile } from "../../src/scenario/validate-scenario.ts";
import { SMALL } from "./run-cli.ts";

function smallScenario(): Scenario {
  const read = readScenarioFile(SMALL);
  if (!read.ok) throw new Error("small.json is invalid");
  return read.scenario;
}

const team = (coachIds: string[], workerIds: string[]) => ({ coachIds, workerIds });

function handMadePlan(): Plan {
  return {
    version: 1,
    date: "2026-11-23",
    status: "partial",
    enclaves: [
      {
        enclaveId: "E1",
        running: true,
        blocks: { am: team(["V1"], ["W1", "W2", "W7"]), pm: team(["C2"], ["W1", "W2", "W7"]) },
        covered: true,
        problems: [],
      },
      {
        enclaveId: "E2",
        running: true,
        blocks: { am: team([], []), pm: team([], []) },
        covered: false,
        problems: [
          {
            code: "NO_QUALIFIED_COACH",
            block: "am",
            message: "E2 has no coach in the morning on 2026-11-23 (0 of 1 needed): C2 (Mieke) is sick; V1 (Robbe) is needed at E1",
            options: ["an interim coach (not allowed by the current rules: interimCoachesAllowed is false)", "3 workers of E2 to in-house work or temporary unemployment"],
          },
        ],
      },
      { enclaveId: "E3", running: false, blocks: { am: team([], []), pm: team([], []) }, covered: false, problems: [] },
      {
        enclaveId: "E4",
        running: true,
        blocks: { am: team(["C4"], ["W9"]), pm: team(["C4"], ["W9"]) },
        covered: false,
        problems: [{ code: "UNDER_MIN_HEADCOUNT", message: "E4: 1 worker, minimum 2", options: [] }],
      },
    ],
    transport: [
      { routeId: "R1", run: "day", personIds: ["W1", "W2"] },
      { routeId: "R1", run: "morning", personIds: ["W6"] },
    ],
    idle: { workerIds: ["W8"], coachIds: ["C3"] },
    changes: [
      { personId: "V1", from: null, to: "E1", block: "am", reason: "V1 (Robbe) stands in at E1: C1 (Lien) is sick" },
      { personId: "C1", from: "E1", to: null, reason: "C1 (Lien) is sick (reported 07:05)" },
    ],
    stats: { solveMs: 12.5, optimal: true, objective: [1, 3], levels: ["enclaves fully covered", "shortfall below minimum headcount"] },
  };
}

describe("formatPlanTable", () => {
  const scenario = smallScenario();
  const text = formatPlanTable(handMadePlan(), scenario);
  const lines = text.split("\n");

  it("opens with the organisation, the day in words and what is not covered", () => {
    expect(lines[0]).toBe("Kleine Maatwerk · plan for Monday 23 November 2026");
    expect(lines.slice(1, 3).join(" ")).toBe(
      "Partial: 1 of 3 running enclaves covered; not covered: E2 (no coach), E4 (short); not running today: E3.",
    );
  });

  it("has one row per enclave with coaches am·pm, team against min–target, mix and status, the client beneath", () => {
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `)) ?? "";
    expect(row("E1")).toMatch(/^E1 +Inpaklijn Noord +V1·C2 +3\/3–3 ✓ +2\/1\/0 +covered$/);
    expect(lines[lines.indexOf(row("E1")) + 1]?.trim()).toBe("Kunststoffen Noord NV");
    expect(row("E2")).toMatch(/^E2 +Sorteerlijn Zuid +– +0\/2–2 ✗ +0\/0\/0 +no coach$/);
    expect(row("E3")).toMatch(/^E3 +Magazijn West +not running$/);
    expect(row("E4")).toMatch(/^E4 +Montage Oost +C4 +1\/2–2 ✗ +1\/0\/0 +short$/);
  });

  it("lists each problem with its block, code, message and options; a problem without block counts for the day", () => {
    expect(text).toContain("Problems (2)");
    expect(text).toMatch(/^ {2}E2 {2}am {2}NO_QUALIFIED_COACH$/m);
    expect(text).toMatch(/^ {7}E2 has no coach in the morning/m);
    expect(text).toMatch(/^ {7}→ an interim coach \(not allowed/m);
    expect(text).toMatch(/^ {2}E4 {2}day {2}UNDER_MIN_HEADCOUNT$/m);
  });

  it("lists moves before people taken off their enclave, with the block or the whole day", () => {
    const moves = lines.indexOf("Stand-ins and moves (1)");
    const away = lines.indexOf("Not at their usual enclave (1)");
    expect(moves).toBeGreaterThan(0);
    expect(away).toBe(moves + 2);
    expect(lines[moves + 1]).toMatch(/^ {2}V1 +– → E1 +am +V1 \(Robbe\) stands in at E1: C1 \(Lien\) is sick$/);
    expect(lines[away + 1]).toMatch(/^ {2}C1 +E1 → – +day +C1 \(Lien\) is sick \(reported 07:05\)$/);
  });

  it("names the idle people and shows seats used per route and run", () => {
    expect(text).toContain("Idle (available, not placed): 1 coach, 1 worker");
    expect(text).toContain("  coaches  C3 Nele");
    expect(text).toContain("  workers  W8 Hanne");
    expect(text).toMatch(/^ {2}R1 +E1 E2 +2\/6 +1\/1$/m);
    expect(text).toMatch(/^ {2}R2 +E3 E4 +0\/4$/m);
  });

  it("ends with the objective by priority and the solve time, proven optimal or not", () => {
    expect(lines.at(-2)).toBe("Objective, by priority: enclaves fully covered 1 · shortfall below minimum headcount 3");
    expect(lines.at(-1)).toBe("Solved in 0.01 s — proven optimal");
    const timedOut = { ...handMadePlan(), stats: { solveMs: 20_012.3, optimal: false } };
    expect(formatPlanTable(timedOut, scenario).split("\n").at(-1)).toBe(
      "Solved in 20.0 s — NOT proven optimal (stopped at the time limit)",
    );
  });

  it("says which priorities are proven the best possible when the time limit left others open", () => {
    const levels = ["enclaves fully covered", "shortfall below minimum headcount", "moves (stability)"];
    const partly = { ...handMadePlan(), stats: { solveMs: 10_000, optimal: false, levels, objective: [1, 3, 4], proven: [true, true, false] } };
    const partlyLines = formatPlanTable(partly, scenario).split("\n");
    const at = partlyLines.findIndex((line) => line.startsWith("Proven the best possible"));
    expect(at).toBeGreaterThan(0);
    // Wrapped to the width like the objective line, just above the verdict.
    expect(partlyLines.slice(at, -1).map((line) => line.trim()).join(" ")).toBe(
      "Proven the best possible: enclaves fully covered, shortfall below minimum headcount; may still improve: moves (stability)",
    );
    expect(partlyLines.at(-1)).toBe("Solved in 10.0 s — NOT proven optimal (stopped at the time limit)");
    // Nothing proven, or everything: no such line.
    const none = { ...partly, stats: { ...partly.stats, proven: [false, false, false] } };
    expect(formatPlanTable(none, scenario)).not.toContain("Proven the best possible");
    expect(text).not.toContain("Proven the best possible");
  });

  it("says so when there are no problems and no changes", () => {
    const calm = { ...handMadePlan(), changes: [], enclaves: handMadePlan().enclaves.map((e) => ({ ...e, problems: [] })) };
    const calmText = formatPlanTable(calm, scenario);
    expect(calmText).toContain("Problems: none.");
    expect(calmText).toContain("Changes: none — everyone is where they belong.");
  });

  it("keeps every line within 100 columns, cutting long names with …", () => {
    const long = smallScenario();
    long.enclaves[0]!.name = "Inpaklijn en eindcontrole van kunststof onderdelen voor de automobielindustrie, hal 3";
    const longText = formatPlanTable(handMadePlan(), long);
    expect(longText.split("\n").filter((line) => [...line].length > 100)).toEqual([]);
    expect(longText).toMatch(/^E1 +Inpaklijn en eindcontrole .*… +V1·C2/m);
  });

  it("with colour on, only escape codes are added: the layout is the same", () => {
    const coloured = formatPlanTable(handMadePlan(), scenario, { color: true });
    expect(coloured).toContain("\u001b[");
    expect(stripAnsi(coloured)).toBe(text);
    expect(text).not.toContain("\u001b[");
  });
});

describe("enclaveStatusLabel", () => {
  const entry = (edit: Partial<PlanEnclave>): PlanEnclave => ({
    enclaveId: "E1",
    running: true,
    blocks: { am: team([], []), pm: team([], []) },
    covered: false,
    problems: [],
    ...edit,
  });

  it("reads the status from running, covered and the problem codes", () => {
    expect(enclaveStatusLabel(entry({ running: false }))).toBe("not running");
    expect(enclaveStatusLabel(entry({ covered: true }))).toBe("covered");
    expect(enclaveStatusLabel(entry({ problems: [{ code: "NOT_NOTIFIED", message: "", options: [] }] }))).toBe("not notified");
    expect(enclaveStatusLabel(entry({ problems: [{ code: "NO_QUALIFIED_COACH", message: "", options: [] }] }))).toBe("no coach");
    expect(enclaveStatusLabel(entry({ problems: [{ code: "NO_TRANSPORT", message: "", options: [] }] }))).toBe("short");
  });
});

describe("longDate", () => {
  it("names the day without depending on the process time zone", () => {
    expect(longDate("2026-11-23")).toBe("Monday 23 November 2026");
    expect(longDate("2026-03-29")).toBe("Sunday 29 March 2026");
    expect(longDate("2028-02-29")).toBe("Tuesday 29 February 2028");
  });
});
