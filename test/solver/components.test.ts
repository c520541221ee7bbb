/**
 * Union-find (solver/components.ts), on which splitting a model into independent parts and
 * cutting it into sites rest: names joined directly or through others share one root, others
 * do not, and a union makes the second name's root the root of both (the parts' order and the
 * sites' tie-breaking depend on which name is the root).
 */
import { describe, expect, it } from "vitest";
import { splitComponents, UnionFind } from "../../solver/components.ts";
import { addRow, addVariable, emptyModel } from "../../solver/linear-model.ts";

describe("UnionFind", () => {
  it("when names are joined in a chain, then all share the root of the last union's second name", () => {
    const sets = new UnionFind();
    // More names than the first allocation holds (64).
    const names = Array.from({ length: 200 }, (_, i) => `x${i}`);
    for (const name of names) sets.add(name);
    for (let i = 0; i + 2 < names.length; i += 2) sets.union(names[i]!, names[i + 2]!);
    expect(sets.find("x0")).toBe("x198");
    expect(sets.find("x100")).toBe("x198");
    expect(sets.find("x1")).toBe("x1");
    expect(sets.union("x1", "x3")).toBe("x3");
    expect(sets.find("x1")).toBe("x3");
    expect(sets.find("x0")).not.toBe(sets.find("x1"));
    expect(sets.union("x0", "x1")).toBe("x3");
    expect(new Set(names.map((name) => sets.find(name))).size).toBe(1 + 100 - 2);
  });
});

describe("splitComponents", () => {
  it("when two groups of variables share no row, then they are two parts, in the order of their first variable", () => {
    const model = emptyModel();
    for (const name of ["a", "b", "c", "d", "e"]) addVariable(model, name, { upper: 1, integer: true });
    addRow(model, "r1", new Map([["b", 1], ["d", 1]]), "<=", 1);
    addRow(model, "r2", new Map([["a", 1], ["c", 1]]), "<=", 1);
    addRow(model, "r3", new Map([["c", 1], ["e", 1]]), "<=", 1);
    model.objectives.push({ name: "o", sense: "max", terms: new Map([["a", 1], ["b", 1]]), range: 2 });
    const parts = splitComponents(model);
    expect(parts.map((part) => [...part.variables.keys()])).toEqual([["a", "c", "e"], ["b", "d"]]);
    expect(parts.map((part) => part.rows.map((row) => row.name))).toEqual([["r2", "r3"], ["r1"]]);
    expect(parts.map((part) => [...part.objectives[0]!.terms.keys()])).toEqual([["a"], ["b"]]);
  });
});
