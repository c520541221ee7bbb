/**
 * The benchmark's report: one row per day, medians, and the markdown table of
 * bench/out/latest.md. Kept apart from bench/run.ts so that it can be tested without running
 * a benchmark.
 */

export interface Row {
  instance: string;
  enclaves: string;
  people: string;
  ourMedianMs: number | null;
  ourSolveMs: number | null;
  optimal: string;
  ourObjective: number | null;
  /** The untimed first HiGHS solve (includes lazy WebAssembly compilation). */
  highsFirstMs: number | null;
  highsMedianMs: number | null;
  highsObjective: number | null;
  highsStatus: string;
  peakRssMb: number;
  note: string;
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
    "our median ms",
    "our solveMs",
    "optimal?",
    "our objective",
    "HiGHS 1st ms",
    "HiGHS median ms",
    "HiGHS objective",
    "ours/HiGHS",
    "peak RSS MB",
    "notes",
  ];
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map((h, i) => (i >= 1 && i <= 11 ? "---:" : "---")).join(" | ")} |`,
  ];
  for (const row of rows) {
    const ratio = row.ourMedianMs !== null && row.highsMedianMs !== null && row.highsMedianMs > 0 ? `${(row.ourMedianMs / row.highsMedianMs).toFixed(2)}×` : "–";
    lines.push(
      `| ${[
        row.instance,
        row.enclaves,
        row.people,
        formatMs(row.ourMedianMs),
        formatMs(row.ourSolveMs),
        row.optimal,
        formatNumber(row.ourObjective),
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

