// One real Westhoek morning through the CLI (Monday 2026-11-23, 13 enclaves, 156 workers):
// the table names every running enclave, the plan written by --out is a valid plan, and the
// model written by --lp is an LP file. One solve only: it can take ~20 s today.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planSchema, type Plan } from "../../src/scenario/schema.ts";
import { readScenarioFile } from "../../src/scenario/validate-scenario.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { DATE, scratchDir, vlinder, WESTHOEK, type CliRun } from "./run-cli.ts";

describe("vlinder plan on the Westhoek fixture", () => {
  let run: CliRun;
  let plan: Plan;
  let lp = "";
  beforeAll(async () => {
    const dir = scratchDir();
    run = await vlinder(["plan", "--scenario", WESTHOEK, "--date", DATE, "--out", join(dir, "plan.json"), "--lp", join(dir, "model.lp")], {
      timeoutMs: 170_000,
    });
    plan = planSchema.parse(JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")));
    lp = readFileSync(join(dir, "model.lp"), "utf8");
  }, 180_000);

  it("exits 0 with nothing on stderr", async () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("the table has a row for every running enclave and ends with the solve line", async () => {
    const running = plan.enclaves.filter((entry) => entry.running).map((entry) => entry.enclaveId);
    expect(running.length).toBeGreaterThan(10);
    for (const id of running) expect(run.stdout).toMatch(new RegExp(`^${id} .*(covered|short|no coach|not notified)$`, "m"));
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^Solved in [\d.]+ s — /);
    expect(run.stdout.split("\n").filter((line) => [...line].length > 100)).toEqual([]);
  });

  it("the plan written by --out passes the plan validator", async () => {
    const read = readScenarioFile(WESTHOEK);
    if (!read.ok) throw new Error("the Westhoek fixture is invalid");
    expect(validatePlan(read.scenario, plan)).toEqual([]);
  });

  it("the model written by --lp is in CPLEX LP format", async () => {
    expect(lp.startsWith("\\")).toBe(true);
    expect(lp).toMatch(/^Subject To$/m);
    expect(lp.trimEnd().endsWith("End")).toBe(true);
  });
});
