/**
 * A tiny scenario and a valid plan for it, for the plan validator's rule-by-rule tests.
 *
 * Monday 2026-11-23. E1 and E2 run on weekdays, E3 on Wednesdays only (so it does not run
 * today). C1 and C2 are the fixed coaches of E1 and E2, C3 of E3; V1 and V2 are butterflies
 * (V1 trained for E1 and E2, V2 for E3 only); I1 is an interim coach. W1, W2 (low) and W3
 * (medium, mornings only) belong to E1, W4 (high) to E2, W7 to E3; W5 is an in-house
 * stand-in; W6 is sick; W8 belongs to E2, is trained for E1 but excluded from it.
 * Route R1 stops at E1 and E2, R2 at E3.
 *
 * The valid plan staffs E1 and E2 with their own people and lists everyone else available as
 * idle. Tests copy it with `structuredClone` and break one rule at a time.
 */
import type { Plan, PlanEnclave, Scenario, ScenarioInput } from "../../src/scenario/schema.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import type { RuleCode, Violation } from "../../src/validation/validate-plan.ts";

export const DATE = "2026-11-23";

const WEEKDAYS = [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", blocks: ["am", "pm"] as const }];
const MORNINGS = [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", blocks: ["am"] as const }];

function enclave(id: string, rrule: string, staffing: { min: number; target: number; max: number }, coachId: string) {
  return {
    id,
    name: `Enclave ${id}`,
    client: `Client ${id}`,
    contract: { start: "2024-01-01", end: null, notifiedOn: "2023-12-01" },
    schedule: { dtstart: "2024-01-01", rrule },
    hours: { start: "07:30", end: "16:00" },
    staffing,
    fixedCoachIds: [coachId],
  };
}

function worker(
  id: string,
  guidance: "low" | "medium" | "high",
  homeEnclaveId: string | null,
  extra: Partial<{ qualified: string[]; excluded: string[]; transport: "van" | "own"; mornings: boolean }> = {},
) {
  return {
    id,
    name: `Worker ${id}`,
    guidance,
    homeEnclaveId,
    qualifiedEnclaveIds: extra.qualified ?? [],
    excludedEnclaveIds: extra.excluded ?? [],
    workPattern: (extra.mornings ? MORNINGS : WEEKDAYS).map((r) => ({ ...r, blocks: [...r.blocks] })),
    transport: extra.transport ?? "van",
  };
}

function coach(
  id: string,
  role: "fixed" | "butterfly" | "interim",
  homeEnclaveId: string | null,
  qualified: string[] = [],
  transport: "van" | "own" = "own",
) {
  return {
    id,
    name: `Coach ${id}`,
    role,
    homeEnclaveId,
    qualifiedEnclaveIds: qualified,
    workPattern: WEEKDAYS.map((r) => ({ ...r, blocks: [...r.blocks] })),
    transport,
  };
}

/** The tiny scenario, optionally edited (before parsing, so defaults still apply). */
export function tinyScenario(edit: (input: ScenarioInput) => void = () => {}): Scenario {
  const input: ScenarioInput = {
    version: 1,
    organisation: { name: "Tiny Maatwerk" },
    enclaves: [
      enclave("E1", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", { min: 2, target: 3, max: 3 }, "C1"),
      enclave("E2", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", { min: 1, target: 1, max: 2 }, "C2"),
      enclave("E3", "FREQ=WEEKLY;BYDAY=WE", { min: 1, target: 1, max: 2 }, "C3"),
    ],
    workers: [
      worker("W1", "low", "E1"),
      worker("W2", "low", "E1"),
      worker("W3", "medium", "E1", { transport: "own", mornings: true }),
      worker("W4", "high", "E2"),
      worker("W5", "low", null, { qualified: ["E1", "E2"], transport: "own" }),
      worker("W6", "low", "E1", { transport: "own" }),
      worker("W7", "low", "E3"),
      worker("W8", "low", "E2", { qualified: ["E1"], excluded: ["E1"], transport: "own" }),
    ],
    coaches: [
      coach("C1", "fixed", "E1"),
      coach("C2", "fixed", "E2", [], "van"),
      coach("C3", "fixed", "E3"),
      coach("V1", "butterfly", null, ["E1", "E2"]),
      coach("V2", "butterfly", null, ["E3"]),
      coach("I1", "interim", null, ["E1", "E2"]),
    ],
    routes: [
      { id: "R1", enclaveIds: ["E1", "E2"], seats: { day: 6, morning: 1, afternoon: 1 } },
      { id: "R2", enclaveIds: ["E3"], seats: { day: 2 } },
    ],
    absences: [{ personId: "W6", from: DATE, to: "2026-11-27", blocks: ["am", "pm"], kind: "sick" }],
  };
  edit(input);
  return scenarioSchema.parse(input);
}

function entry(
  enclaveId: string,
  running: boolean,
  am: { coachIds: string[]; workerIds: string[] },
  pm: { coachIds: string[]; workerIds: string[] },
  covered: boolean,
): PlanEnclave {
  return { enclaveId, running, blocks: { am, pm }, covered, problems: [] };
}

/** A plan for the tiny scenario that breaks no rule. */
export function validTinyPlan(): Plan {
  return {
    version: 1,
    date: DATE,
    status: "covered",
    enclaves: [
      entry(
        "E1",
        true,
        { coachIds: ["C1"], workerIds: ["W1", "W2", "W3"] },
        { coachIds: ["C1"], workerIds: ["W1", "W2"] },
        true,
      ),
      entry("E2", true, { coachIds: ["C2"], workerIds: ["W4"] }, { coachIds: ["C2"], workerIds: ["W4"] }, true),
      entry("E3", false, { coachIds: [], workerIds: [] }, { coachIds: [], workerIds: [] }, false),
    ],
    transport: [{ routeId: "R1", run: "day", personIds: ["W1", "W2", "W4", "C2"] }],
    idle: { workerIds: ["W5", "W7", "W8"], coachIds: ["C3", "V1", "V2"] },
    changes: [],
    stats: { solveMs: 0, optimal: true },
  };
}

/** The plan entry of an enclave (throws when missing, to keep tests short). */
export function at(plan: Plan, enclaveId: string): PlanEnclave {
  const found = plan.enclaves.find((e) => e.enclaveId === enclaveId);
  if (!found) throw new Error(`no ${enclaveId} in plan`);
  return found;
}

/** Removes ids from a list in place. */
export function without(list: string[], ...ids: string[]): void {
  for (const id of ids) {
    const index = list.indexOf(id);
    if (index >= 0) list.splice(index, 1);
  }
}

/** The distinct rule codes of the violations, sorted. */
export function codes(violations: readonly Violation[]): RuleCode[] {
  return [...new Set(violations.map((v) => v.rule))].sort();
}

/** The input of one enclave, for scenario edits. */
export function enclaveInput(input: ScenarioInput, id: string): ScenarioInput["enclaves"][number] {
  const found = input.enclaves.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} in scenario`);
  return found;
}

/** The input of one coach, for scenario edits. */
export function coachInput(input: ScenarioInput, id: string): ScenarioInput["coaches"][number] {
  const found = input.coaches.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in scenario`);
  return found;
}

/** The input of one worker, for scenario edits. */
export function workerInput(input: ScenarioInput, id: string): ScenarioInput["workers"][number] {
  const found = input.workers.find((w) => w.id === id);
  if (!found) throw new Error(`no ${id} in scenario`);
  return found;
}
