/**
 * Small hand-made scenarios (SCENARIO-FORMAT.md) for the planDay tests, on Monday 2026-11-23.
 *
 * Defaults are the plainest ones: enclaves run every weekday 07:30–16:00 with a contract
 * notified long ago, people work every weekday both blocks with their own transport, no
 * routes, no absences. A test names only what it is about.
 */
import type { AbsenceInput, CoachInput, EnclaveInput, Plan, RouteInput, RulesInput, Scenario, WorkerInput } from "../../src/scenario/schema.ts";
import { assertValidScenario } from "../../src/scenario/validate-scenario.ts";

export const DATE = "2026-11-23";
export const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

type Block = "am" | "pm";

export function enclaveInput(
  id: string,
  staffing: { min: number; target: number; max: number },
  fixedCoachIds: string[],
  options: Partial<{ rrule: string; contractStart: string; notifiedOn: string | null; hours: { start: string; end: string } }> = {},
): EnclaveInput {
  const start = options.contractStart ?? "2024-01-01";
  return {
    id,
    name: `Enclave ${id}`,
    client: `Client ${id} NV`,
    contract: { start, end: null, notifiedOn: options.notifiedOn === undefined ? "2023-12-01" : options.notifiedOn },
    schedule: { dtstart: start, rrule: options.rrule ?? WEEKDAYS },
    hours: options.hours ?? { start: "07:30", end: "16:00" },
    staffing,
    fixedCoachIds,
  };
}

export function workerInput(
  id: string,
  home: string | null,
  options: Partial<{
    name: string;
    guidance: "low" | "medium" | "high";
    qualified: string[];
    excluded: string[];
    blocks: Block[];
    transport: "van" | "own";
  }> = {},
): WorkerInput {
  return {
    id,
    name: options.name ?? `Worker ${id}`,
    guidance: options.guidance ?? "low",
    homeEnclaveId: home,
    qualifiedEnclaveIds: options.qualified ?? [],
    excludedEnclaveIds: options.excluded ?? [],
    workPattern: [{ dtstart: "2024-01-01", rrule: WEEKDAYS, blocks: options.blocks ?? ["am", "pm"] }],
    transport: options.transport ?? "own",
  };
}

/** `count` workers `${prefix}1…` of one home enclave. */
export function homeTeam(prefix: string, count: number, home: string, options: Parameters<typeof workerInput>[2] = {}): WorkerInput[] {
  return Array.from({ length: count }, (_, i) => workerInput(`${prefix}${i + 1}`, home, options));
}

export function coachInput(
  id: string,
  role: "fixed" | "butterfly" | "interim",
  home: string | null,
  options: Partial<{ name: string; qualified: string[]; blocks: Block[]; transport: "van" | "own" }> = {},
): CoachInput {
  return {
    id,
    name: options.name ?? `Coach ${id}`,
    role,
    homeEnclaveId: home,
    qualifiedEnclaveIds: options.qualified ?? [],
    workPattern: [{ dtstart: "2024-01-01", rrule: WEEKDAYS, blocks: options.blocks ?? ["am", "pm"] }],
    transport: options.transport ?? "own",
  };
}

export function absence(
  personId: string,
  kind: AbsenceInput["kind"],
  options: Partial<{ blocks: Block[]; reportedAt: string }> = {},
): AbsenceInput {
  return {
    personId,
    from: DATE,
    to: DATE,
    blocks: options.blocks ?? ["am", "pm"],
    kind,
    ...(options.reportedAt ? { reportedAt: options.reportedAt } : {}),
  };
}

export function scenario(parts: {
  enclaves: EnclaveInput[];
  workers: WorkerInput[];
  coaches: CoachInput[];
  routes?: RouteInput[];
  absences?: AbsenceInput[];
  rules?: RulesInput;
}): Scenario {
  return assertValidScenario({
    version: 1,
    organisation: { name: "Test Maatwerk", timezone: "Europe/Brussels" },
    ...(parts.rules ? { rules: parts.rules } : {}),
    enclaves: parts.enclaves,
    workers: parts.workers,
    coaches: parts.coaches,
    routes: parts.routes ?? [],
    absences: parts.absences ?? [],
  });
}

/** The same scenario with extra absences (a late sick call). */
export function withAbsences(base: Scenario, ...extra: AbsenceInput[]): Scenario {
  return assertValidScenario({ ...structuredClone(base), absences: [...base.absences, ...extra] });
}

export function planEnclave(plan: Plan, enclaveId: string): Plan["enclaves"][number] {
  const entry = plan.enclaves.find((e) => e.enclaveId === enclaveId);
  if (!entry) throw new Error(`no ${enclaveId} in the plan`);
  return entry;
}

/** person id → enclave per block, from a plan's teams. */
export function placements(plan: Plan): Map<string, { am: string | null; pm: string | null }> {
  const out = new Map<string, { am: string | null; pm: string | null }>();
  for (const entry of plan.enclaves) {
    for (const block of ["am", "pm"] as const) {
      for (const id of [...entry.blocks[block].coachIds, ...entry.blocks[block].workerIds]) {
        const slot = out.get(id) ?? { am: null, pm: null };
        slot[block] = entry.enclaveId;
        out.set(id, slot);
      }
    }
  }
  return out;
}
