/**
 * Independent parts of a model: variables linked by a common row belong together.
 *
 * A multi-site company (regions with their own butterflies and routes) falls apart into one
 * small model per region; the dense-tableau solver pays rows × columns per pivot, so several
 * small models solve far faster than one large one. Lexicographic optima add up over parts.
 */
import { addTerm, cutsWithin, type LinearModel, type Objective } from "./linear-model.ts";

/** An objective with only the terms of a part's variables. */
export function restrictObjective(objective: Objective, model: LinearModel): Objective {
  const terms = new Map<string, number>();
  for (const [name, coefficient] of objective.terms) if (model.variables.has(name)) addTerm(terms, name, coefficient);
  return { ...objective, terms };
}

/** Disjoint sets of names (union-find with path compression). */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  add(name: string): void {
    this.parent.set(name, name);
  }
  find(name: string): string {
    let root = name;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = name;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  /** Joins two sets; returns the new root. */
  union(a: string, b: string): string {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
    return rb;
  }
}

/** Splits a model into independent parts: variables linked by a common row belong together. */
export function splitComponents(model: LinearModel): LinearModel[] {
  const sets = new UnionFind();
  for (const name of model.variables.keys()) sets.add(name);
  for (const row of model.rows) {
    const names = [...row.terms.keys()];
    for (let i = 1; i < names.length; i++) sets.union(names[0]!, names[i]!);
  }
  const parts = new Map<string, LinearModel>();
  for (const variable of model.variables.values()) {
    const root = sets.find(variable.name);
    let part = parts.get(root);
    if (!part) {
      part = { variables: new Map(), rows: [], objectives: [] };
      parts.set(root, part);
    }
    part.variables.set(variable.name, variable);
  }
  for (const row of model.rows) {
    const first = row.terms.keys().next().value as string;
    parts.get(sets.find(first))!.rows.push(row);
  }
  for (const part of parts.values()) {
    part.objectives = model.objectives.map((objective) => restrictObjective(objective, part));
    const cuts = cutsWithin(model, part);
    if (cuts.length > 0) part.cuts = cuts;
  }
  return [...parts.values()];
}
