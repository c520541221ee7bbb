/**
 * Solves CPLEX LP text with HiGHS (npm `highs`, WebAssembly) as a reference for tests and
 * benchmarks. Never used by the product: HiGHS is a dev dependency only.
 *
 * The WebAssembly module is loaded once per process (the loader promise is cached) and its
 * start-up cost is reported separately, so `ms` times the solve alone (parse + presolve +
 * branch-and-bound). HiGHS's LP reader has quirks; the ones that bit us are handled here:
 *
 * - Its MIP stops at a relative gap of 1e-4 by default and still says "Optimal": a weighted
 *   objective in the millions would then come back off by hundreds. We set the gaps to 0.
 * - A parse error aborts the WebAssembly instance ("Aborted(undefined)"); we drop the cached
 *   instance so the next call starts clean, and say which constructs it refuses.
 * - It refuses range rows (`-2 <= x <= 3`), a constant on the left (`3 >= x`), `=<` / `=>`,
 *   and names with `[ ] / :` (a `-` inside a name splits it in two). `assertLpAccepted` checks
 *   the names before HiGHS sees them, since a mangled name solves silently to a wrong model.
 * - Solution values of binaries come back as 0.9999999 and the like: `columns` are rounded
 *   to 1e-6 before they are returned.
 *
 * Timing: V8 first runs WebAssembly from its baseline compiler (Liftoff) and moves hot code to
 * the optimising one over many calls; on the Westhoek model that made HiGHS ~6× slower for
 * the first dozen solves (~270 ms instead of ~45 ms). Benchmarks call
 * `preferOptimizedWasm()` before the first load and solve once untimed.
 */
import { setFlagsFromString } from "node:v8";
import type { Highs, LegacyHighsOptions, LegacyHighsSolution } from "highs";

export interface HighsRunResult {
  /** HiGHS model status: "Optimal", "Infeasible", "Time limit reached", … */
  status: string;
  /** Objective of the best solution found, null when there is none. */
  objective: number | null;
  /** Wall-clock milliseconds of the solve call alone (no module loading). */
  ms: number;
  /** Primal value of every column, by name (rounded to 1e-6). Empty without a solution. */
  columns: Record<string, number>;
}

export interface HighsRunOptions {
  timeLimitSeconds?: number;
  /** Relative MIP gap; 0 (prove optimality) unless said otherwise. */
  mipRelGap?: number;
}

let loading: Promise<Highs> | null = null;
let startupMs: number | null = null;
let optimizedWasm = false;

/**
 * Compile HiGHS with V8's optimising compiler from the start (`--no-liftoff`), so that solve
 * times are those of optimised code. Must be called before the module is first loaded; costs
 * a slower first solve (lazy compilation), which benchmarks should leave untimed.
 */
export function preferOptimizedWasm(): void {
  if (loading) throw new Error("preferOptimizedWasm() must be called before HiGHS is loaded");
  setFlagsFromString("--no-liftoff");
  optimizedWasm = true;
}

/** Whether HiGHS runs as optimised code from the start (see preferOptimizedWasm). */
export function usesOptimizedWasm(): boolean {
  return optimizedWasm;
}

/** Loads the WebAssembly module once; later calls share the same promise. */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    const started = performance.now();
    loading = import("highs")
      .then((module: unknown) => loaderOf(module)())
      .then((highs) => {
        startupMs = performance.now() - started;
        return highs;
      });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

type HighsLoader = () => Promise<Highs>;

/**
 * Node loads the package's ESM build, whose default export is the loader; TypeScript types
 * the package as CommonJS, where the loader sits one `default` deeper. Accept both.
 */
function loaderOf(module: unknown): HighsLoader {
  const outer = (module as { default?: unknown }).default;
  if (typeof outer === "function") return outer as HighsLoader;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  if (typeof inner === "function") return inner as HighsLoader;
  throw new Error("the highs package exports no loader function");
}

/** Milliseconds the first load of the module took, or null before it has loaded. */
export function highsStartupMs(): number | null {
  return startupMs;
}

const SOLUTION_STATUSES = new Set([
  "Optimal",
  "Time limit reached",
  "Iteration limit reached",
  "Bound on objective reached",
  "Target for objective reached",
  "Unknown",
]);

export async function solveLpWithHighs(lp: string, options: HighsRunOptions = {}): Promise<HighsRunResult> {
  assertLpAccepted(lp);
  const highs = await loadHighs();
  const highsOptions: LegacyHighsOptions = {
    mip_rel_gap: options.mipRelGap ?? 0,
    mip_abs_gap: 1e-9,
    ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
  };
  let solution: LegacyHighsSolution;
  const started = performance.now();
  try {
    solution = highs.solve(lp, highsOptions);
  } catch (error) {
    // An Emscripten abort may leave the instance unusable: start afresh next time.
    loading = null;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `HiGHS could not read or solve the LP (${message.split("(see")[0]?.trim() ?? message}). ` +
        "Its reader refuses range rows, constants on the left, '=<'/'=>' and names with [ ] / :.",
    );
  }
  const ms = performance.now() - started;
  const columns: Record<string, number> = {};
  const hasSolution = SOLUTION_STATUSES.has(solution.Status) && hasPrimalValues(solution);
  if (hasSolution) {
    for (const [name, column] of Object.entries(solution.Columns)) {
      if ("Primal" in column) columns[name] = Math.round(column.Primal * 1e6) / 1e6;
    }
  }
  return {
    status: solution.Status,
    objective: hasSolution ? solution.ObjectiveValue : null,
    ms,
    columns,
  };
}

function hasPrimalValues(solution: LegacyHighsSolution): boolean {
  const columns = Object.values(solution.Columns);
  return columns.length === 0 || columns.every((column) => "Primal" in column && Number.isFinite(column.Primal));
}

const SECTION_KEYWORD =
  /^(maximi[sz]e|minimi[sz]e|maximum|minimum|max|min|subject to|such that|st|s\.t\.|bounds?|generals?|gen|integers?|binar(y|ies)|bin|semi-continuous|semis?|end)$/i;
const CONSTRAINT_SECTION = /^(subject to|such that|st|s\.t\.)$/i;

/**
 * Refuses LP text that HiGHS would abort on or misread: names with characters its reader does
 * not take, `=<`/`=>`, and in the constraints range rows and constants on the left.
 */
export function assertLpAccepted(lp: string): void {
  const lines = lp.split(/\r?\n/);
  let inConstraints = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\\.*$/, "").trim();
    if (line === "") continue;
    if (SECTION_KEYWORD.test(line)) {
      inConstraints = CONSTRAINT_SECTION.test(line);
      continue;
    }
    const where = `LP line ${i + 1} ("${line.slice(0, 60)}")`;
    const label = /^([^:<>=]*):/.exec(line)?.[1];
    if (label !== undefined && /[[\]/]/.test(label)) throw new Error(`${where}: row name with a character HiGHS refuses ([ ] /)`);
    const body = label !== undefined ? line.slice(label.length + 1).trim() : line;
    if (/[[\]/:]/.test(body)) throw new Error(`${where}: a name has a character HiGHS refuses ([ ] / :)`);
    if (/=<|=>/.test(body)) throw new Error(`${where}: write <= and >= (HiGHS refuses =< and =>)`);
    if (inConstraints) {
      const comparisons = body.match(/<=|>=|<|>|=/g) ?? [];
      if (comparisons.length > 1) throw new Error(`${where}: HiGHS does not read range rows; write two rows`);
      if (/^[-+]?\s*(\d|\.\d)[\d.eE+-]*\s*(<=|>=|<|>|=)/.test(body)) {
        throw new Error(`${where}: HiGHS does not read a constant on the left; move it to the right`);
      }
    }
  }
}

/** A name HiGHS reads back unchanged: letters, digits and `_ . #` only, not starting with a digit or a dot. */
export function lpSafeName(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.#]/g, "_");
  return /^[A-Za-z_#]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
