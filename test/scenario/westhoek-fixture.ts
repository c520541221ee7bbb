/**
 * The Westhoek fixture (test/fixtures/westhoek.json, copied from shared/examples): one place
 * that reads it, for the tests and the benchmark. No test-runner imports, so bench/ can use it.
 */
import { readFileSync } from "node:fs";
import type { Scenario, ScenarioInput } from "../../src/scenario/schema.ts";
import { assertValidScenario } from "../../src/scenario/validate-scenario.ts";

export const WESTHOEK_PATH = new URL("../fixtures/westhoek.json", import.meta.url);
const WESTHOEK_TEXT = readFileSync(WESTHOEK_PATH, "utf8");

/** A fresh copy of the fixture as written (input form). */
export function westhoek(): ScenarioInput {
  return JSON.parse(WESTHOEK_TEXT) as ScenarioInput;
}

/** The fixture read as the planner reads it (throws listing every problem if it is not valid). */
export function westhoekScenario(): Scenario {
  return assertValidScenario(westhoek());
}
