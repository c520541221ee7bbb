/**
 * The yearly question of HR (DOMAIN.md): how many butterflies must the company employ? The
 * hearing's arithmetic — "13 fixed coaches × 32 days = 416 coach-days, so at least two
 * butterflies" — is reproduced as the arithmetic minimum, and improved by a simulation of the
 * year: enclave calendars, fixed coaches' absences (leave and ADV in the holidays, sickness in
 * episodes) and work patterns, butterflies' own absences and training days, and which
 * butterfly is trained where. The answer is the coverage that k butterflies buy, for k from 0
 * to past the recommendation, and the smallest k that meets the service level.
 *
 * `runEstimate` is the use case the CLI and the service call. It is deterministic for a given
 * seed, reports progress, and can be cancelled.
 */
import { absenceModelSchema, type Estimate, type EstimateCurveRow, type EstimateMetric, type Scenario } from "../scenario/schema.ts";
import { buildCoverageModel, buildYearCalendar, type AbsenceParameters, type AbsencePlacement, type CoverageModel, type PersonSpec, type SiteSpec, type YearCalendar } from "./coverage-model.ts";
import { coverageRows, recommendation, type CoverageRow } from "./curve.ts";
import { enclaveSites, extraButterfly } from "./enclave-sites.ts";
import { runSimulation, type ProgressHooks } from "./run-simulation.ts";
import type { SimulationTotals } from "./simulate.ts";
import { estimateWhatIfs } from "./what-ifs.ts";

export { EstimateCancelledError, type ProgressHooks } from "./run-simulation.ts";

export interface EstimateOptions {
  year: number;
  /** Target share, strictly between 0 and 1 (default 0.99). */
  serviceLevel?: number;
  /** What the target is a share of (default "enclaveDays"). */
  metric?: EstimateMetric;
  /** Simulated years (default 2000). */
  runs?: number;
  seed?: number;
  /** Also compute the what-ifs: stand-in workers, coaches at 4/5, shared coaching (default true). */
  whatIfs?: boolean;
  /** For the correctness tests: "independent" places absences uniformly and independently. */
  placement?: AbsencePlacement;
}

export const ESTIMATE_DEFAULTS = { serviceLevel: 0.99, metric: "enclaveDays", runs: 2000, seed: 1 } as const;

/** Beyond this many butterflies the curve stops looking (no company of this size needs more). */
export const MAX_BUTTERFLIES = 64;

/** A target no number of butterflies up to MAX_BUTTERFLIES meets. */
export class EstimateUnreachableError extends Error {
  readonly code = "UNREACHABLE";
  constructor(message: string) {
    super(message);
    this.name = "EstimateUnreachableError";
  }
}

export interface ResolvedOptions {
  year: number;
  serviceLevel: number;
  metric: EstimateMetric;
  runs: number;
  seed: number;
  whatIfs: boolean;
  placement: AbsencePlacement;
}

export function resolveOptions(options: EstimateOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    year: options.year,
    serviceLevel: options.serviceLevel ?? ESTIMATE_DEFAULTS.serviceLevel,
    metric: options.metric ?? ESTIMATE_DEFAULTS.metric,
    runs: options.runs ?? ESTIMATE_DEFAULTS.runs,
    seed: options.seed ?? ESTIMATE_DEFAULTS.seed,
    whatIfs: options.whatIfs ?? true,
    placement: options.placement ?? { kind: "clustered" },
  };
  if (!Number.isInteger(resolved.year) || resolved.year < 1583 || resolved.year > 9998) {
    throw new RangeError(`year must be a whole number from 1583 to 9998 (got ${resolved.year})`);
  }
  if (!(resolved.serviceLevel > 0 && resolved.serviceLevel < 1)) {
    throw new RangeError(`serviceLevel must be strictly between 0 and 1 (got ${resolved.serviceLevel})`);
  }
  if (!Number.isInteger(resolved.runs) || resolved.runs < 1) throw new RangeError(`runs must be a whole number ≥ 1 (got ${resolved.runs})`);
  if (!Number.isInteger(resolved.seed)) throw new RangeError(`seed must be a whole number (got ${resolved.seed})`);
  return resolved;
}

/** The absence model of the scenario, or the hearing's figures when it has none. */
export function absenceParameters(scenario: Scenario): AbsenceParameters {
  const model = scenario.absenceModel ?? absenceModelSchema.parse({});
  return {
    leaveDays: model.leaveDays,
    advDays: model.advDays,
    sickDays: model.sickDays,
    sickEpisodeMeanDays: model.sickEpisodeMeanDays,
    trainingDays: model.butterflyTrainingDays,
  };
}

/**
 * The hearing's arithmetic: "13 fixed coaches, each with 10 leave days, about 7 ADV days and
 * about 15 sick days a year = 32 days each, 416 coach-days in all."
 */
export function coachAbsenceDaysByArithmetic(fixedCoaches: number, absence: Pick<AbsenceParameters, "leaveDays" | "advDays" | "sickDays">): number {
  return fixedCoaches * (absence.leaveDays + absence.advDays + absence.sickDays);
}

/** ceil(coachAbsenceDays / butterflyAvailableDays): "so at least two butterflies". */
export function arithmeticMinimum(coachAbsenceDays: number, butterflyAvailableDays: number): number {
  if (coachAbsenceDays <= 0) return 0;
  if (butterflyAvailableDays <= 0) return MAX_BUTTERFLIES;
  return Math.ceil(coachAbsenceDays / butterflyAvailableDays - 1e-9);
}

/** A coverage curve over 0..K floaters, with what the caller needs besides the rows. */
export interface CurveResult {
  model: CoverageModel;
  totals: SimulationTotals;
  rows: CoverageRow[];
  recommended: number | null;
}

export interface CurveProblem {
  calendar: YearCalendar;
  sites: readonly SiteSpec[];
  members: readonly PersonSpec[];
  /** The real floaters, best first; the curve uses the first k of them, then extras. */
  floaters: readonly PersonSpec[];
  extra: (n: number) => PersonSpec;
  absence: AbsenceParameters;
  /** Floaters to simulate at first; doubled until the recommendation is at least two below. */
  initialFloaters: number;
}

/** Progress within [from, to] of the whole estimate. */
export interface ProgressSpan {
  hooks: ProgressHooks;
  from: number;
  to: number;
}

/**
 * Simulates the curve for 0..K floaters; when the target is not met at least two floaters
 * before K, doubles K and simulates again (the first rows do not change: every person's
 * absences depend on (seed, run, person) only).
 */
export async function simulateCurve(problem: CurveProblem, options: ResolvedOptions, span: ProgressSpan): Promise<CurveResult> {
  let floaters = Math.max(1, Math.min(MAX_BUTTERFLIES, problem.initialFloaters));
  let from = span.from;
  for (;;) {
    const people = Array.from({ length: floaters }, (_, i) => problem.floaters[i] ?? problem.extra(i + 1 - problem.floaters.length));
    const model = buildCoverageModel(problem.calendar, problem.sites, problem.members, people);
    const to = floaters >= MAX_BUTTERFLIES ? span.to : from + (span.to - from) * 0.75;
    const start = from;
    const totals = await runSimulation({ model, absence: problem.absence, placement: options.placement, seed: options.seed, runs: options.runs }, span.hooks.signal, (done) =>
      span.hooks.onProgress?.(start + (to - start) * done),
    );
    from = to;
    const rows = coverageRows(totals, model);
    const recommended = recommendation(rows, options.metric, options.serviceLevel);
    if ((recommended !== null && recommended + 2 <= floaters) || floaters >= MAX_BUTTERFLIES) {
      span.hooks.onProgress?.(span.to);
      return { model, totals, rows, recommended };
    }
    floaters = Math.min(MAX_BUTTERFLIES, Math.max(floaters * 2, (recommended ?? 0) + 2));
  }
}

export function curveRow(row: CoverageRow): EstimateCurveRow {
  return {
    butterflies: row.people,
    fullDaysShare: round(row.fullDaysShare, 4),
    enclaveDaysCoveredShare: round(row.coveredShare, 4),
    uncoveredEnclaveDays: { mean: round(row.uncovered.mean, 1), p50: row.uncovered.p50, p95: row.uncovered.p95 },
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The rows 0..last, where last is past the recommendation and covers the scenario's count. */
export function curveRows(result: CurveResult, scenarioCount: number): CoverageRow[] {
  const last = Math.min(result.rows.length - 1, Math.max((result.recommended ?? result.rows.length) + 2, scenarioCount));
  return result.rows.slice(0, last + 1);
}

/** A first guess of the number of butterflies, from the hearing's arithmetic. */
function initialGuess(members: number, butterflies: number, absence: AbsenceParameters, fullTimeDays: number): number {
  const absent = absence.leaveDays + absence.advDays + absence.sickDays;
  const guess = arithmeticMinimum(members * absent, Math.max(1, fullTimeDays - absent - absence.trainingDays));
  return Math.max(butterflies, guess) + 3;
}

/**
 * The estimate document of SCENARIO-FORMAT.md ("Estimate"), with the optional additions
 * `scenarioButterflies`, `assumptions` and `whatIfs`.
 */
export async function runEstimate(scenario: Scenario, options: EstimateOptions, hooks: ProgressHooks = {}): Promise<Estimate> {
  const resolved = resolveOptions(options);
  const calendar = buildYearCalendar(resolved.year, scenario.rules.publicHolidays);
  const { sites, members, butterflies } = enclaveSites(scenario, calendar);
  const absence = absenceParameters(scenario);
  const baseShare = resolved.whatIfs ? 0.5 : 1;
  const problem: CurveProblem = {
    calendar,
    sites,
    members,
    floaters: butterflies,
    extra: (n) => extraButterfly(n, sites.length, calendar),
    absence,
    initialFloaters: initialGuess(members.length, butterflies.length, absence, calendar.fullTimeDays),
  };
  hooks.onProgress?.(0);
  const result = await simulateCurve(problem, resolved, { hooks, from: 0, to: baseShare });
  if (result.recommended === null) throw unreachable(resolved, "butterflies");
  const { totals, model } = result;
  const coachAbsenceDays = Math.round(totals.memberAbsenceHalves / 2 / totals.runs);
  const counted = Math.max(1, Math.min(butterflies.length, totals.floaters));
  let available = 0;
  for (let f = 0; f < counted; f++) available += totals.floaterAvailableHalves[f] ?? 0;
  const butterflyAvailableDays = Math.round(available / 2 / totals.runs / counted);
  const estimate: Estimate = {
    version: 1,
    year: resolved.year,
    serviceLevel: { metric: resolved.metric, target: resolved.serviceLevel },
    runs: resolved.runs,
    seed: resolved.seed,
    demand: { enclaveDays: model.siteDays, coachAbsenceDays, butterflyAvailableDays },
    arithmeticMinimum: arithmeticMinimum(coachAbsenceDays, butterflyAvailableDays),
    curve: curveRows(result, butterflies.length).map(curveRow),
    recommended: result.recommended,
    scenarioButterflies: butterflies.length,
    assumptions: assumptions(scenario, sites, resolved),
  };
  if (resolved.whatIfs) {
    estimate.whatIfs = await estimateWhatIfs({ scenario, calendar, sites, members, butterflies, absence, options: resolved, base: result }, { hooks, from: baseShare, to: 1 });
  }
  hooks.onProgress?.(1);
  return estimate;
}

export function unreachable(options: ResolvedOptions, what: string): EstimateUnreachableError {
  const metric = options.metric === "fullDays" ? "of days fully covered" : "of enclave-days covered";
  return new EstimateUnreachableError(`no number of ${what} up to ${MAX_BUTTERFLIES} reaches ${options.serviceLevel * 100}% ${metric}`);
}

function assumptions(scenario: Scenario, sites: readonly SiteSpec[], options: ResolvedOptions): string[] {
  const needTwo = sites.filter((site) => site.need > 1).map((site) => `${site.id} (${site.need})`);
  const list = [
    "Simulated per half-day block; an enclave without enough coaches in a block loses half an enclave-day.",
    `An enclave needs at least ${scenario.rules.minCoachesPerEnclave === 1 ? "1 coach" : `${scenario.rules.minCoachesPerEnclave} coaches`} and as many as the ratio norms ask for its contract minimum headcount of its lightest-need home workers` +
      (needTwo.length > 0 ? `: more than one for ${needTwo.join(", ")}.` : "; every enclave here needs one."),
    "Butterflies are matched to the uncovered enclaves they are trained for (maximum bipartite matching); fixed coaches whose own enclave does not run, or who are more than it needs, stand in where trained.",
    "With fewer butterflies than the scenario has, the most widely trained are kept; butterflies beyond the scenario's are full-time and trained for every enclave.",
    "The service level is met when the mean share over the simulated years reaches the target.",
  ];
  if (options.placement.kind === "independent") {
    list.push(`Absences placed uniformly and independently: each person absent on each working day with probability ${options.placement.probability}.`);
  } else {
    list.push(
      "Leave and ADV are chosen by each person, preferring Flemish school holidays (3×) and bridge days (8×), pro rata for part-timers; sickness comes in episodes of geometric length with the given mean; butterflies also have their training days.",
    );
  }
  return list;
}
