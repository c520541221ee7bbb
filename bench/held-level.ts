/**
 * One level of a lexicographic model as a model of its own: the levels above held at the values
 * a point gives them (exactly, as rows), the level itself the only objective. What
 * `npm run bench:site-levels` hands HiGHS to time each level of a site alone, against the time
 * our lexicographic solve spent on that level.
 */
import { evaluate, type LinearModel } from "../solver/linear-model.ts";

export function heldLevelModel(model: LinearModel, level: number, point: Map<string, number>): LinearModel {
  const objective = model.objectives[level];
  if (objective === undefined) throw new Error(`the model has no level ${level + 1}`);
  const holds = model.objectives.slice(0, level).map((above, k) => ({
    name: `hold_level_${k + 1}`,
    terms: above.terms,
    sense: above.sense === "max" ? (">=" as const) : ("<=" as const),
    // Level values are whole at whole points; rounding keeps the row exact in LP text.
    rhs: Math.round(evaluate(above.terms, point) * 1e6) / 1e6,
  }));
  return { variables: model.variables, rows: [...model.rows, ...holds], objectives: [objective] };
}
