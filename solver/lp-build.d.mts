// Types of lp-build.mjs (plain JavaScript: the solver thread runs it without a TypeScript loader).
import type { LpAnswer, SolverLp } from "./lp-backend.ts";

/** The parts of javascript-lp-solver's tableau the tests look at. */
export interface LibraryTableau {
  matrix: Float64Array;
  width: number;
  height: number;
  varIndexByRow: number[];
  varIndexByCol: number[];
  /** Each variable's column while nonbasic (−1 while basic), by the library's variable index. */
  colByVarIndex: number[];
  /** The right-hand side's column (0); row 0 is the objective's. */
  rhsColumn: number;
}

export interface BuiltModel {
  model: { tableau: LibraryTableau };
  variables: { index: number; value: number }[];
}

export function buildModel(lp: Omit<SolverLp, "names" | "origin">, options: { timeout?: number; tolerance?: number; exitOnCycles?: boolean }): BuiltModel;
export function solveModel(lp: Omit<SolverLp, "names" | "origin">, options: { timeout?: number; tolerance?: number; exitOnCycles?: boolean }): { built: BuiltModel; answer: LpAnswer };
