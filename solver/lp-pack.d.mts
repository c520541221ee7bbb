// Types of lp-pack.mjs (plain JavaScript: the solver thread loads it without a TypeScript loader).
import type { SolverLp } from "./lp-backend.ts";

export function packRows(
  rows: readonly { upper: number; rhs: number; terms: readonly (readonly [number, number])[] }[],
): Pick<SolverLp, "upper" | "rhs" | "rowStart" | "column" | "coefficient">;
