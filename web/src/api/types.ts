/**
 * The shapes of docs/api.md as the board sees them. Scenario and plan objects come from the
 * zod schemas of the core (types only: nothing of zod reaches the browser bundle).
 */
import type {
  Absence,
  Block,
  Coach,
  Enclave,
  Estimate,
  EstimateMetric,
  EstimateWhatIfs,
  Plan,
  Route,
  Scenario,
  Worker,
} from "../../../src/scenario/schema.ts";

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

export type { Estimate, EstimateMetric, EstimateWhatIfs };
export type EstimateCurvePoint = Estimate["curve"][number];

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
