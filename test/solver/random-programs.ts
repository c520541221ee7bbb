/**
 * Random small integer programs with every feasible point enumerated: what the solver's
 * searches and fixings are checked against (test/solver/thread-branch-and-bound.test.ts,
 * reduced-cost-fixing.test.ts).
 */
import { addRow, addVariable, emptyModel, violatedRows, type LinearModel, type Objective } from "../../solver/linear-model.ts";
import { createRandom } from "../generators/seeded-random.ts";

export interface Instance {
  model: LinearModel;
  objective: Objective;
  points: Map<string, number>[];
}

/** Six integer variables (upper 1–3), three packing rows, an objective whose coefficients are multiples of `step`. */
export function randomProgram(seed: number): Instance {
  const random = createRandom(seed);
  const pick = (n: number) => random.int(0, n - 1);
  const model = emptyModel();
  const names = Array.from({ length: 6 }, (_, i) => `x${i}`);
  for (const name of names) addVariable(model, name, { upper: 1 + pick(3), integer: true });
  for (let r = 0; r < 3; r++) {
    const terms = new Map(names.map((name) => [name, pick(5)] as const).filter(([, a]) => a > 0));
    if (terms.size > 0) addRow(model, `row${r}`, terms, "<=", 3 + pick(7));
  }
  const step = 1 + pick(2);
  const sense = random.chance(0.5) ? "min" : "max";
  const objective: Objective = { name: "level", sense, terms: new Map(names.map((name) => [name, step * (pick(9) - 4)])), range: 100 };
  model.objectives.push(objective);
  // Every point of the box that keeps the rows.
  const points: Map<string, number>[] = [];
  const walk = (i: number, point: Map<string, number>) => {
    if (i === names.length) {
      if (violatedRows(model, point).length === 0) points.push(new Map(point));
      return;
    }
    for (let v = 0; v <= model.variables.get(names[i]!)!.upper; v++) {
      point.set(names[i]!, v);
      walk(i + 1, point);
    }
  };
  walk(0, new Map());
  return { model, objective, points };
}

