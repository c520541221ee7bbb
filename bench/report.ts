/**
 * The benchmark's report: one row per day, medians, and the markdown table of
 * bench/out/latest.md. Kept apart from bench/run.ts so that it can be tested without running
 * a benchmark.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Row {
  instance: string;
  enclaves: string;
  people: string;
  /** The untimed first planDay of the process (JIT compilation), like HiGHS's warm-up. */
  ourFirstMs: number | null;
  ourMedianMs: number | null;
  ourSolveMs: number | null;
  optimal: string;
  ourObjective: number | null;
  /** Enclaves our plan covers / the most that can be covered (independent oracle, test/oracles). */
  covered: string;
  /** The untimed first HiGHS solve (includes lazy WebAssembly compilation). */
  highsFirstMs: number | null;
  highsMedianMs: number | null;
  highsObjective: number | null;
  highsStatus: string;
  peakRssMb: number;
  note: string;
}

/** Prints the table and writes the whole report to `out` (its folder made if need be). */
export function publishReport(table: string, report: string, out: string): void {
  process.stdout.write(`${table}\n`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  process.stderr.write(`written to ${out}\n`);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Equal up to floating-point noise only: a weighted (lexicographic) objective in the millions
 * differs by 1 when one more person moves, so the tolerance must stay far below 1.
 */
export function sameObjective(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-6, 1e-12 * Math.max(Math.abs(a), Math.abs(b)));
}

export function joinNote(a: string, b: string): string {
  return a === "" ? b : `${a}; ${b}`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "–";
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

export function markdownTable(rows: readonly Row[]): string {
  const header = [
    "instance",
    "enclaves (staffable/all)",
    "people (available/all)",
    "our 1st ms",
    "our median ms",
    "our solveMs",
    "optimal?",
    "our objective",
    "covered / max",
    "HiGHS 1st ms",
    "HiGHS median ms",
    "HiGHS objective",
    "our solveMs / HiGHS",
    "peak RSS MB",
    "notes",
  ];
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map((h, i) => (i >= 1 && i <= 13 ? "---:" : "---")).join(" | ")} |`,
  ];
  for (const row of rows) {
    // Same model, solver against solver: our solve (model built from the day's facts, warm
    // start, lexicographic solve) against HiGHS's solve of the LP text.
    const ratio = row.ourSolveMs !== null && row.highsMedianMs !== null && row.highsMedianMs > 0 ? `${(row.ourSolveMs / row.highsMedianMs).toFixed(2)}×` : "–";
    lines.push(
      `| ${[
        row.instance,
        row.enclaves,
        row.people,
        formatMs(row.ourFirstMs),
        formatMs(row.ourMedianMs),
        formatMs(row.ourSolveMs),
        row.optimal,
        formatNumber(row.ourObjective),
        row.covered,
        formatMs(row.highsFirstMs),
        formatMs(row.highsMedianMs),
        formatNumber(row.highsObjective),
        ratio,
        row.peakRssMb.toFixed(0),
        row.note.replaceAll("|", "\\|"),
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}


export interface LevelWeight {
  rank: number;
  name: string;
  weight: number;
}

/**
 * The level weights a folded lexicographic LP declares in its header comments, in the form the
 * planner writes: `\   1. max enclaves fully covered  weight 620094054`. Empty when absent.
 */
export function levelWeights(lp: string): LevelWeight[] {
  const levels: LevelWeight[] = [];
  for (const line of lp.split("\n", 40)) {
    const match = /^\\\s*(\d+)\.\s+(.*?)\s+weight\s+([\d.eE+]+)\s*$/.exec(line);
    if (match) levels.push({ rank: Number(match[1]), name: match[2] ?? "", weight: Number(match[3]) });
  }
  return levels;
}

/**
 * The value of each declared level in a solution of the folded LP: every objective term is
 * credited to the highest level whose weight its coefficient reaches (the weights are spread
 * far apart, so a term's coefficient is a small multiple of its level's weight), then divided
 * by that weight; "max" levels of a Minimize model are negated back. Null without a header.
 */
export function levelValues(lp: string, columns: Readonly<Record<string, number>>): number[] | null {
  const levels = levelWeights(lp);
  if (levels.length === 0) return null;
  const lines = lp.split("\n");
  const senseAt = lines.findIndex((line) => /^\s*(minimi[sz]e|maximi[sz]e|min|max)\s*$/i.test(line));
  const endAt = lines.findIndex((line, i) => i > senseAt && /^\s*(subject to|such that|st|s\.t\.)\s*$/i.test(line));
  if (senseAt < 0 || endAt < 0) return null;
  const minimise = /^\s*min/i.test(lines[senseAt] ?? "");
  const text = lines.slice(senseAt + 1, endAt).join(" ").replace(/^\s*[^:]*:/, "");
  const byWeight = [...levels].sort((a, b) => b.weight - a.weight);
  const sums = new Map<number, number>();
  for (const match of text.matchAll(/([+-])?\s*(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)?\s*([A-Za-z_#][^\s+\-<>=:]*)/g)) {
    const coefficient = (match[1] === "-" ? -1 : 1) * (match[2] !== undefined ? Number(match[2]) : 1);
    const level = byWeight.find((l) => Math.abs(coefficient) >= l.weight * (1 - 1e-9)) ?? byWeight[byWeight.length - 1];
    if (!level) continue;
    sums.set(level.rank, (sums.get(level.rank) ?? 0) + (coefficient * (columns[match[3] ?? ""] ?? 0)) / level.weight);
  }
  return levels.map((level) => {
    const raw = sums.get(level.rank) ?? 0;
    const maximised = /^max\b/i.test(level.name);
    const value = maximised === minimise ? -raw : raw;
    return Math.round(value * 1e6) / 1e6 + 0;
  });
}

/**
 * The first level (index) where two level vectors on the same basis differ, or −1. Levels take
 * whole values at integer points; 1e-3 leaves room for another solver's columns rounded to 1e-6.
 * Beyond 2^52 this is the only sound comparison: sameObjective's 1e-12 of generated 160's
 * 5.6e15 is 5,600, eight move points (a plan 98 moves against HiGHS's 96 passed as equal).
 */
export function differingLevel(ours: readonly number[], theirs: readonly number[]): number {
  return ours.findIndex((value, i) => Math.abs(value - theirs[i]!) > 1e-3);
}

/** Doubles hold integers exactly only up to 2^53; beyond 2^52 the spacing is already 1. */
export const EXACT_OBJECTIVE_LIMIT = 2 ** 52;

/**
 * Where two level vectors on the same basis first differ, in words for the report's note.
 * (Generated 160's note once read "HiGHS (LP terms) [.., −4,006, ..]" beside our 108 moves with
 * its constant of 4,102: 12 moves short of HiGHS's plan, and read as equal.)
 */
export function firstDifference(ours: readonly number[], theirs: readonly number[]): string {
  const k = differingLevel(ours, theirs);
  return k === -1 ? " (equal on every level)" : ` (first difference at level ${k + 1}: ${ours[k]} against ${theirs[k]})`;
}
