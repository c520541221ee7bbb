/**
 * The board's only way to the service: typed calls to the REST contract of docs/api.md.
 * Errors arrive as `ApiError` with the contract's code, message, issues and violations, so a
 * page can say *why* something was refused (a 422 names the rules a move would break).
 */
import type {
  Coach,
  DayView,
  Enclave,
  EstimateJob,
  EstimateRequest,
  InputIssue,
  Route,
  Scenario,
  StoredAbsence,
  Absence,
  Suggestion,
  User,
  Violation,
  Worker,
  Block,
} from "./types.ts";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: InputIssue[];
  readonly violations: Violation[];

  constructor(status: number, code: string, message: string, issues: InputIssue[] = [], violations: Violation[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.violations = violations;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: InputIssue[]; violations?: Violation[] };
}

/** Listeners told when the session ends (a 401 anywhere sends the planner to the login page). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch {
    throw new ApiError(0, "NETWORK", "De dienst is niet bereikbaar. Controleer de verbinding.");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = (parsed as ErrorBody | undefined)?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `De dienst antwoordde ${response.status} ${response.statusText}`,
      error?.issues ?? [],
      error?.violations ?? [],
    );
    if (response.status === 401 && path !== "/auth/login") unauthenticatedListeners.forEach((l) => l());
    throw apiError;
  }
  return parsed as T;
}

/** List endpoints may answer a bare array or `{ <name>: [...] }`; accept both. */
function listOf<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === "object" && Array.isArray((value as Record<string, unknown>)[key])) {
    return (value as Record<string, T[]>)[key] ?? [];
  }
  return [];
}

const enc = encodeURIComponent;

export const api = {
  login: (email: string, password: string) => request<{ user: User }>("POST", "/auth/login", { email, password }),
  logout: () => request<void>("POST", "/auth/logout"),
  me: () => request<{ user: User }>("GET", "/auth/me"),

  scenario: () => request<Scenario>("GET", "/scenario"),
  enclaves: async () => listOf<Enclave>(await request<unknown>("GET", "/enclaves"), "enclaves"),
  workers: async () => listOf<Worker>(await request<unknown>("GET", "/workers"), "workers"),
  coaches: async () => listOf<Coach>(await request<unknown>("GET", "/coaches"), "coaches"),
  routes: async () => listOf<Route>(await request<unknown>("GET", "/routes"), "routes"),
  saveEnclave: (enclave: Enclave) => request<Enclave>("PUT", `/enclaves/${enc(enclave.id)}`, enclave),
  saveWorker: (worker: Worker) => request<Worker>("PUT", `/workers/${enc(worker.id)}`, worker),
  saveCoach: (coach: Coach) => request<Coach>("PUT", `/coaches/${enc(coach.id)}`, coach),
  saveRoute: (route: Route) => request<Route>("PUT", `/routes/${enc(route.id)}`, route),

  absences: async (from: string, to: string) =>
    listOf<StoredAbsence>(await request<unknown>("GET", `/absences?from=${enc(from)}&to=${enc(to)}`), "absences"),
  addAbsence: (absence: Absence) => request<StoredAbsence>("POST", "/absences", absence),
  deleteAbsence: (id: string) => request<void>("DELETE", `/absences/${enc(id)}`),

  day: (date: string) => request<DayView>("GET", `/days/${enc(date)}/plan`),
  replan: (date: string, version: number) => request<DayView>("POST", `/days/${enc(date)}/replan`, { version }),
  move: (date: string, version: number, personId: string, toEnclaveId: string | null, pin = false) =>
    // pin is optional in the contract: sent only when asked for.
    request<DayView>("POST", `/days/${enc(date)}/moves`, { version, personId, toEnclaveId, ...(pin ? { pin: true } : {}) }),
  suggestions: async (date: string, enclaveId: string, block: Block) =>
    listOf<Suggestion>(
      await request<unknown>("GET", `/days/${enc(date)}/suggestions?enclaveId=${enc(enclaveId)}&block=${block}`),
      "suggestions",
    ),
  publish: (date: string, version: number) => request<DayView>("POST", `/days/${enc(date)}/publish`, { version }),
  registrationUrl: (date: string) => `/api/days/${enc(date)}/registration`,
  registrationCsvUrl: (date: string) => `/api/days/${enc(date)}/registration.csv`,

  startEstimate: (body: EstimateRequest) => request<{ id: string }>("POST", "/estimates", body),
  estimate: (id: string) => request<EstimateJob>("GET", `/estimates/${enc(id)}`),
};
