/**
 * Independent parts of a model: variables linked by a common row belong together.
 *
 * A multi-site company (regions with their own butterflies and routes) falls apart into one
 * small model per region; the dense-tableau solver pays rows × columns per pivot, so several
 * small models solve far faster than one large one. Lexicographic optima add up over parts.
 */
import { addTerm, type LinearModel, type Objective } from "./linear-model.ts";

function restrictObjective(objective: Objective, model: LinearModel): Objective {
  const terms = new Map<string, number>();
  for (const [name, coefficient] of objective.terms) if (model.variables.has(name)) addTerm(terms, name, coefficient);
  return { ...objective, terms };
}

/** Splits a model into independent parts: variables linked by a common row belong together. */
export function splitComponents(model: LinearModel): LinearModel[] {
  const parent = new Map<string, string>();
  const find = (name: string): string => {
    let root = name;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = name;
    while (parent.get(node) !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const name of model.variables.keys()) parent.set(name, name);
  for (const row of model.rows) {
    const names = [...row.terms.keys()];
    for (let i = 1; i < names.length; i++) {
      const a = find(names[0]!);
      const b = find(names[i]!);
      if (a !== b) parent.set(a, b);
    }
  }
  const parts = new Map<string, LinearModel>();
  for (const variable of model.variables.values()) {
    const root = find(variable.name);
    let part = parts.get(root);
    if (!part) {
      part = { variables: new Map(), rows: [], objectives: [] };
      parts.set(root, part);
    }
    part.variables.set(variable.name, variable);
  }
  for (const row of model.rows) {
    const first = row.terms.keys().next().value as string;
    parts.get(find(first))!.rows.push(row);
  }
  for (const part of parts.values()) {
    part.objectives = model.objectives.map((objective) => restrictObjective(objective, part));
  }
  return [...parts.values()];
}
