/**
 * Parts of a model that share only a few capacity rows: the regions of a multi-site company.
 *
 * A company of 80 enclaves is seven or eight sites; people and vans stay on their site but for
 * a handful of people trained across a border. Those few people keep the model one component
 * (splitComponents cannot cut it), yet each site alone is a Westhoek-sized model that the
 * dense-tableau solver handles in milliseconds while the whole takes seconds per relaxation.
 *
 * A row may be cut between parts only when it is a *packing* row: `Σ a·x ≤ b` with positive
 * integer coefficients on non-negative integer variables ("one place per person", "seats per
 * run"). Giving every part such a row with the full capacity b is a relaxation of the model (a
 * part's share of a sum of non-negative terms is at most the sum), and splitting b between the
 * parts is how decompose.ts repairs the relaxation without losing an optimum. Every other row
 * (ratio, coverage, headcount) keeps its variables in one part.
 */
import { cutsWithin, type LinearModel, type Row } from "./linear-model.ts";
import { restrictObjective, UnionFind } from "./components.ts";

export interface LinkingRow {
  /** The row of the whole model. */
  row: Row;
  /** The parts it touches (indices into `parts`), with that part's share of the row's terms. */
  shares: { part: number; terms: Map<string, number> }[];
}

export interface Partition {
  parts: LinearModel[];
  /** Rows cut between parts; each part holds its share as a row named after the original. */
  linking: LinkingRow[];
}

export interface PartitionOptions {
  /** Most variables in one part; atoms larger than this stay whole. */
  maxPartVariables: number;
}

/** A row whose capacity can be split between parts (see the header). */
export function isPackingRow(model: LinearModel, row: Row): boolean {
  if (row.sense !== "<=" || row.rhs < 0 || !Number.isInteger(row.rhs)) return false;
  for (const [name, coefficient] of row.terms) {
    if (coefficient <= 0 || !Number.isInteger(coefficient)) return false;
    if (!model.variables.get(name)!.integer) return false;
  }
  return true;
}

/**
 * Cuts a model into parts along packing rows.
 *
 * 1. Atoms: variables joined by any row that is not a packing row (for the day model, one atom
 *    per enclave: its ratio, headcount and coverage rows hold its placements together).
 * 2. Atoms joined by many packing rows (many shared people, a shared van) are merged first,
 *    heaviest link first, as long as the merged part stays within `maxPartVariables` — so a site
 *    comes together before a lone cross-trained person could join two sites.
 */
export function partitionModel(model: LinearModel, options: PartitionOptions): Partition {
  const atoms = new UnionFind();
  for (const name of model.variables.keys()) atoms.add(name);
  const packing = model.rows.map((row) => isPackingRow(model, row));
  model.rows.forEach((row, r) => {
    if (packing[r]) return;
    let first: string | null = null;
    for (const name of row.terms.keys()) {
      if (first === null) first = name;
      else atoms.union(first, name);
    }
  });
  const atomSize = new Map<string, number>();
  for (const name of model.variables.keys()) {
    const atom = atoms.find(name);
    atomSize.set(atom, (atomSize.get(atom) ?? 0) + 1);
  }
  // Link weights between atoms: how many packing rows join them.
  const weights = new Map<string, { a: string; b: string; weight: number }>();
  model.rows.forEach((row, r) => {
    if (!packing[r]) return;
    const touched = [...new Set([...row.terms.keys()].map((name) => atoms.find(name)))].sort();
    for (let i = 0; i < touched.length; i++) {
      for (let j = i + 1; j < touched.length; j++) {
        const key = `${touched[i]}\u0000${touched[j]}`;
        const link = weights.get(key);
        if (link) link.weight++;
        else weights.set(key, { a: touched[i]!, b: touched[j]!, weight: 1 });
      }
    }
  });
  const groups = new UnionFind();
  const size = new Map<string, number>();
  for (const [atom, count] of atomSize) {
    groups.add(atom);
    size.set(atom, count);
  }
  const links = [...weights.values()].sort((x, y) => y.weight - x.weight || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  for (const { a, b } of links) {
    const ga = groups.find(a);
    const gb = groups.find(b);
    if (ga === gb) continue;
    const merged = size.get(ga)! + size.get(gb)!;
    if (merged > options.maxPartVariables) continue;
    size.set(groups.union(ga, gb), merged);
  }
  const partIndex = new Map<string, number>();
  const parts: LinearModel[] = [];
  const partOf = (name: string): number => {
    const group = groups.find(atoms.find(name));
    let index = partIndex.get(group);
    if (index === undefined) {
      index = parts.length;
      partIndex.set(group, index);
      parts.push({ variables: new Map(), rows: [], objectives: [] });
    }
    return index;
  };
  for (const variable of model.variables.values()) parts[partOf(variable.name)]!.variables.set(variable.name, variable);
  const linking: LinkingRow[] = [];
  for (const row of model.rows) {
    const byPart = new Map<number, Map<string, number>>();
    for (const [name, coefficient] of row.terms) {
      const p = partOf(name);
      let terms = byPart.get(p);
      if (!terms) {
        terms = new Map();
        byPart.set(p, terms);
      }
      terms.set(name, coefficient);
    }
    if (byPart.size <= 1) {
      const only = byPart.keys().next().value;
      if (only !== undefined) parts[only]!.rows.push(row);
      continue;
    }
    const shares = [...byPart].map(([part, terms]) => ({ part, terms }));
    for (const share of shares) parts[share.part]!.rows.push({ ...row, terms: share.terms });
    linking.push({ row, shares });
  }
  for (const part of parts) {
    part.objectives = model.objectives.map((objective) => restrictObjective(objective, part));
    const cuts = cutsWithin(model, part);
    if (cuts.length > 0) part.cuts = cuts;
  }
  return { parts, linking };
}
