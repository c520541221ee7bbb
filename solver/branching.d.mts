// Types of branching.mjs (plain JavaScript: the solver thread runs it without a TypeScript loader).
export interface Pseudocosts {
  record(position: number, up: boolean, distance: number, gain: number): void;
  choose(tierOf: (position: number) => number, valueOf: (position: number) => number, integrality: number): { position: number; value: number } | null;
}
export function pseudocosts(n: number): Pseudocosts;
