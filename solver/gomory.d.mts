// Types of gomory.mjs (plain JavaScript: the solver thread runs it without a TypeScript loader).
import type { SolverLp } from "./lp-backend.ts";
import type { LibraryTableau } from "./lp-build.mjs";

export function integralVariables(
  tableau: LibraryTableau,
  lp: Omit<SolverLp, "names" | "origin">,
  variables: { index: number }[],
  integers: ArrayLike<number>,
): { integral: Uint8Array; shift: Float64Array };
export function pointByVariable(
  tableau: LibraryTableau,
  lp: Omit<SolverLp, "names" | "origin">,
  variables: { index: number }[],
  columns: ArrayLike<number>,
  shift: Float64Array,
): Float64Array | null;
export function addGomoryCuts(tableau: LibraryTableau, integral: Uint8Array, maxCuts: number, point?: Float64Array | null): number;
export function rootCuts(
  tableau: LibraryTableau,
  integral: Uint8Array,
  threshold: number,
  point: Float64Array,
  pruned: (evaluation: number) => boolean,
  recoverable: (error: unknown) => boolean,
  until: number,
): { rounds: number; cuts: number; proven: boolean };
export function addRootRows(
  tableau: LibraryTableau,
  variables: { index: number }[],
  rows: Pick<SolverLp, "rhs" | "upper" | "rowStart" | "column" | "coefficient">,
  integers: ArrayLike<number>,
  incumbentPoint?: ArrayLike<number>,
): { index: number; value: number; whole: boolean }[];
export function cannotReach(recent: readonly { moved: number; ms: number }[], remaining: number, roundsLeft: number, msLeft: number): boolean;
export function fixByReducedCosts(tableau: LibraryTableau, indexes: ArrayLike<number>, pruned: (evaluation: number) => boolean): number[];
export function fixableByReducedCosts(tableau: LibraryTableau, indexes: ArrayLike<number>, pruned: (evaluation: number) => boolean): number[];
export function fixColumns(tableau: LibraryTableau, indexes: ArrayLike<number>): number;
