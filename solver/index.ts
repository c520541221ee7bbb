/**
 * The solver's front door: a day in, the best assignment out, with proof status.
 *
 * solveDay builds the model, solves it level by level, checks the answer against every row of
 * the model (never trusting the back end), and decodes it into teams and seats.
 */
import type { DayInstance } from "./types.ts";
import { buildDailyModel, type DailyModelIndex } from "./daily-model.ts";
import { solveLexicographic, type LevelResult } from "./lexicographic-solve.ts";
import { decodeAssignment, type DayAssignment } from "./decode.ts";
import { violatedRows, weightedObjective, type LinearModel } from "./linear-model.ts";
import { writeCplexLp } from "./lp-format.ts";

export type { DayInstance } from "./types.ts";
export type { DayAssignment } from "./decode.ts";

export interface DaySolution {
  status: "optimal" | "feasible" | "timeout" | "infeasible";
  optimal: boolean;
  assignment: DayAssignment;
  levels: LevelResult[];
  /** Value of the single weighted objective written by `lp()`: HiGHS must find the same optimum. */
  weightedObjective: number;
  solveMs: number;
  model: LinearModel;
  index: DailyModelIndex;
  lp: () => string;
}

export interface SolveDayOptions {
  timeoutMs?: number;
}

export function solveDay(day: DayInstance, options: SolveDayOptions = {}): DaySolution {
  const started = performance.now();
  const { model, index } = buildDailyModel(day);
  const result = solveLexicographic(model, { timeoutMs: options.timeoutMs ?? 10_000 });
  const values = result.values;
  if (result.status === "infeasible") {
    // The empty plan (nobody placed) always satisfies every hard row, so this is a solver fault.
    throw new Error(`solver reported the day ${day.date} infeasible; the empty plan is always feasible`);
  }
  const broken = violatedRows(model, values);
  if (result.status !== "timeout" && broken.length > 0) {
    throw new Error(`solver returned a point that breaks ${broken.slice(0, 5).join(", ")}`);
  }
  const { terms } = weightedObjective(model);
  let weighted = 0;
  for (const [name, coefficient] of terms) weighted += coefficient * (values.get(name) ?? 0);
  const assignment = decodeAssignment(index, values);
  return {
    status: result.status,
    optimal: result.status === "optimal",
    assignment,
    levels: result.levels,
    weightedObjective: weighted,
    solveMs: performance.now() - started,
    model,
    index,
    lp: () => writeCplexLp(model, `vlinder day model ${day.date}`),
  };
}
