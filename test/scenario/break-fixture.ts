/**
 * Test helpers: the Westhoek fixture, deep-cloned and broken in one place, so that each test
 * reads "when X, then the issue names path P".
 */
import { expect } from "vitest";
import type { ScenarioInput } from "../../src/scenario/schema.ts";
import type { InputIssue } from "../../src/scenario/input-issue.ts";
import { readScenario } from "../../src/scenario/validate-scenario.ts";
import { westhoek } from "./westhoek-fixture.ts";

export { WESTHOEK_PATH, westhoek } from "./westhoek-fixture.ts";

/** The fixture with one thing broken by `mutate`. */
export function breakFixture(mutate: (scenario: ScenarioInput) => void): ScenarioInput {
  const scenario = westhoek();
  mutate(scenario);
  return scenario;
}

/** Item `i` of a list that the fixture is known to have. */
export function nth<T>(list: readonly T[] | undefined, i: number): T {
  const item = list?.[i];
  if (item === undefined) throw new Error(`fixture has no item ${i}`);
  return item;
}

/** Sets a field to anything at all (a wrong type, an unknown field): inputs are untrusted. */
export function put(target: object, key: string, value: unknown): void {
  Reflect.set(target, key, value);
}

/** Removes a field. */
export function drop(target: object, key: string): void {
  Reflect.deleteProperty(target, key);
}

/** The issues of a scenario that must be refused. */
export function issuesOf(input: unknown): InputIssue[] {
  const result = readScenario(input);
  if (result.ok) throw new Error("expected the scenario to be refused, but it was accepted");
  return result.issues;
}

/** Asserts that exactly one issue names `path` and that its message contains `part`. */
export function expectIssue(issues: readonly InputIssue[], path: string, part: string | RegExp): void {
  const atPath = issues.filter((issue) => issue.path === path);
  expect(atPath, `issues at ${path} among ${JSON.stringify(issues)}`).toHaveLength(1);
  expect(atPath[0]?.message).toMatch(part);
}

/** Asserts that the only issue is at `path` with a message containing `part`. */
export function expectOnlyIssue(input: unknown, path: string, part: string | RegExp): void {
  const issues = issuesOf(input);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  expectIssue(issues, path, part);
}
