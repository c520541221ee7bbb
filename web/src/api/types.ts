/**
 * The shapes of docs/api.md as the board sees them. Scenario and plan objects come from the
 * zod schemas of the core (types only: nothing of zod reaches the browser bundle).
 */
import type { Absence, Block, Coach, Enclave, Plan, Route, Scenario, Worker } from "../../../src/scenario/schema.ts";

export type { Absence, Block, Coach, Enclave, Plan, Route, Scenario, Worker };
export type PlanEnclave = Plan["enclaves"][number];
export type PlanChange = Plan["changes"][number];
export type Problem = PlanEnclave["problems"][number];
export type AbsenceKind = Absence["kind"];
export type Guidance = Worker["guidance"];

export type Role = "viewer" | "hr" | "planner" | "admin";

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: { id: string; name: string };
}

export interface PlanVersion {
  number: number;
  status: "draft" | "published";
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** A day view: the newest plan version of a date, and whether one is published. */
export interface DayView {
  date: string;
  version: PlanVersion;
  published: number | null;
  stale: boolean;
  plan: Plan;
}

export interface StoredAbsence extends Absence {
  id: string;
}

export interface Suggestion {
  personId: string;
  name: string;
  role: string;
  fromEnclaveId: string | null;
  reason: string;
  rank: number;
  /** false: the service ranks them but the move would break a rule. */
  allowed?: boolean;
}

export interface Violation {
  rule: string;
  message: string;
}

export interface InputIssue {
  path: string;
  message: string;
}

export type EstimateMetric = "enclaveDays" | "fullDays";

export interface EstimateCurvePoint {
  butterflies: number;
  fullDaysShare: number;
  enclaveDaysCoveredShare: number;
  uncoveredEnclaveDays: { mean: number; p50: number; p95: number };
}

/** The estimate document (SCENARIO-FORMAT.md, "Estimate"). */
export interface Estimate {
  version: 1;
  year: number;
  serviceLevel: { metric: EstimateMetric; target: number };
  runs: number;
  seed: number;
  demand: { enclaveDays: number; coachAbsenceDays: number; butterflyAvailableDays: number };
  arithmeticMinimum: number;
  curve: EstimateCurvePoint[];
  recommended: number | null;
  scenarioButterflies?: number;
  assumptions?: string[];
  whatIfs?: EstimateWhatIfs;
}

export interface WhatIfCurveRow {
  people: number;
  coveredShare: number;
  fullDaysShare: number;
  uncoveredDays: { mean: number; p50: number; p95: number };
}

/** What-ifs the estimate may add (each optional): stand-in workers, 4/5 coaches, shared coaching. */
export interface EstimateWhatIfs {
  standInWorkers?: {
    lineEnclaveIds: string[];
    inHouseStandIns: number;
    enclaveDays: number;
    curve: WhatIfCurveRow[];
    recommendedExtra: number | null;
    note: string;
  };
  fourFifthCoaches?: { coaches: number; curve: EstimateCurvePoint[]; recommended: number | null; note: string };
  sharedCoaching?: {
    maxEnclaves: number;
    maxTravelMinutes: number;
    groups: string[][];
    coachesSaved: number;
    curve: EstimateCurvePoint[];
    recommended: number | null;
    butterfliesSaved: number | null;
    note: string;
  };
}

export interface EstimateJob {
  id: string;
  status: "running" | "done" | "failed";
  progress: number;
  result?: Estimate;
  error?: string;
}

export interface EstimateRequest {
  year: number;
  serviceLevel?: number;
  metric?: EstimateMetric;
  runs?: number;
  seed?: number;
}
