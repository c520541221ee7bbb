// vlinder plan on a small hand-made scenario (Kleine Maatwerk, Monday 2026-11-23): C1 of E1
// is sick and butterfly V1 stands in, E2 runs with a morning-only worker, E3 runs on
// Wednesdays only, E4 is one worker short. The table, the JSON, the files, bad input and
// re-planning from a previous plan.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planSchema, type Plan, type Scenario } from "../../src/scenario/schema.ts";
import { readScenarioFile } from "../../src/scenario/validate-scenario.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { generateScenario } from "../generators/scenario-generator.ts";
import { DATE, fixture, scratchDir, SMALL, vlinder } from "./run-cli.ts";

function readScenario(path: string): Scenario {
  const read = readScenarioFile(path);
  if (!read.ok) throw new Error(`fixture ${path} is invalid: ${JSON.stringify(read.issues)}`);
  return read.scenario;
}

function parsePlan(text: string): Plan {
  return planSchema.parse(JSON.parse(text));
}

const teams = (plan: Plan) => plan.enclaves.map((entry) => ({ id: entry.enclaveId, blocks: entry.blocks }));

describe.concurrent("vlinder plan: the table", () => {
  let stdout = "";
  beforeAll(async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    stdout = run.stdout;
  });

  it("mentions every running enclave on a row of its own, with its status", async () => {
    expect(stdout).toMatch(/^E1 .*Inpaklijn Noord .* covered$/m);
    expect(stdout).toMatch(/^E2 .*Sorteerlijn Zuid .* covered$/m);
    expect(stdout).toMatch(/^E4 .*Montage Oost .* short$/m);
    expect(stdout).toMatch(/^E3 .* not running$/m);
  });

  it("shows the team against the contract, with morning·afternoon where they differ", async () => {
    expect(stdout).toMatch(/^E1 .* V1 +3\/3–3 ✓ +2\/1\/0 /m);
    expect(stdout).toMatch(/^E2 .* C2 +3·2\/2–2 ✓ /m);
    expect(stdout).toMatch(/^E4 .* C4 +1\/2–2 ✗ /m);
  });

  it("lists the problems with their options, the changes with reasons, the idle people and the vans", async () => {
    expect(stdout).toContain("UNDER_MIN_HEADCOUNT");
    expect(stdout).toContain("→ run with a smaller team");
    expect(stdout).toMatch(/V1 +– → E1 +day +V1 \(Robbe\) stands in at E1: C1 \(Lien\) is sick/);
    expect(stdout).toMatch(/C1 +E1 → – +day +C1 \(Lien\) is sick \(reported 07:05\)/);
    expect(stdout).toContain("coaches  C3 Nele");
    expect(stdout).toMatch(/R1 +E1 E2 +4\/6 +1\/1/);
  });

  it("ends with the solve time and whether the plan is proven optimal, in at most 100 columns", async () => {
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^Solved in \d+\.\d+ s — (proven optimal|NOT proven optimal \(stopped at the time limit\))$/);
    expect(lines.filter((line) => [...line].length > 100)).toEqual([]);
    expect(stdout).not.toContain("\u001b[");
  });
});

describe.concurrent("vlinder plan --json, --out, --lp", () => {
  it("when --json, then stdout is one plan document that passes the validator, and --out holds the same", async () => {
    const dir = scratchDir();
    const out = join(dir, "plan.json");
    const lp = join(dir, "model.lp");
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--json", "--out", out, "--lp", lp]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const plan = parsePlan(run.stdout);
    expect(plan.date).toBe(DATE);
    expect(validatePlan(readScenario(SMALL), plan)).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(run.stdout);
    // Written in place by rename: no temporary file is left beside them.
    expect(readdirSync(dir).sort()).toEqual(["model.lp", "plan.json"]);
  });

  it("when --lp, then the model in CPLEX LP format: a comment first, Subject To, End", async () => {
    const lp = join(scratchDir(), "model.lp");
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--lp", lp]);
    expect(run.status).toBe(0);
    const text = readFileSync(lp, "utf8");
    expect(text.startsWith("\\")).toBe(true);
    expect(text).toMatch(/^Subject To$/m);
    expect(text.trimEnd().endsWith("End")).toBe(true);
  });

  it("when --out names an existing file, then it is replaced by the new plan", async () => {
    const out = join(scratchDir(), "plan.json");
    writeFileSync(out, "old");
    expect((await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--out", out])).status).toBe(0);
    expect(parsePlan(readFileSync(out, "utf8")).date).toBe(DATE);
  });
});

describe.concurrent("vlinder plan: bad input", () => {
  it("when the scenario is invalid, then exit 2 with every JSON path, and no --out or --lp file", async () => {
    const dir = scratchDir();
    const out = join(dir, "plan.json");
    const lp = join(dir, "model.lp");
    const run = await vlinder(["plan", "--scenario", fixture("invalid.json"), "--date", DATE, "--out", out, "--lp", lp]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("enclaves[1].staffing.min: must be ≤ target (got 4 > 3)");
    expect(run.stderr).toContain("workers[0].homeEnclaveId: unknown enclave E9");
    expect(run.stderr).toContain("absences[0].to: 2026-02-30 is not a day of the calendar");
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out) || existsSync(lp)).toBe(false);
  });

  it("when --time-limit is not a number of seconds from 0.1 to 600, then exit 2 naming it, and no --out file", async () => {
    const dir = scratchDir();
    const out = join(dir, "plan.json");
    for (const value of ["abc", "0", "601", "-1", "1e3"]) {
      const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, `--time-limit=${value}`, "--out", out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--time-limit: must be a number of seconds from 0.1 to 600 (got "${value}")`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("when the scenario file does not exist, then exit 2 naming it", async () => {
    const run = await vlinder(["plan", "--scenario", "no-such-scenario.json", "--date", DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("(root): cannot read no-such-scenario.json: no such file");
  });
});

describe.concurrent("vlinder plan --previous: re-planning the plan already sent out", () => {
  let previousPath = "";
  let previous: Plan;
  beforeAll(async () => {
    previousPath = join(scratchDir(), "plan-0730.json");
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--out", previousPath]);
    expect(run.status).toBe(0);
    previous = parsePlan(readFileSync(previousPath, "utf8"));
  });

  it("when nothing happened since, then nobody moves and no change is listed", async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--previous", previousPath, "--json"]);
    expect(run.status).toBe(0);
    const again = parsePlan(run.stdout);
    expect(teams(again)).toEqual(teams(previous));
    // Changes of a re-plan are counted from the previous plan (what the planner must phone
    // about), so the re-plan's own list is empty: nobody moves more.
    expect(again.changes).toEqual([]);
  });

  it("when a worker of E1 calls in sick at 07:40, then only that worker and one stand-in change", async () => {
    const late = fixture("small-late-sick.json");
    const run = await vlinder(["plan", "--scenario", late, "--date", DATE, "--previous", previousPath, "--json"]);
    expect(run.status).toBe(0);
    const replan = parsePlan(run.stdout);
    expect(validatePlan(readScenario(late), replan)).toEqual([]);
    const changed = replan.changes.map((change) => `${change.personId} ${change.from ?? "-"}→${change.to ?? "-"}`);
    expect(changed).toContain("W1 E1→-");
    expect(changed).toHaveLength(2);
    expect(changed.find((change) => change !== "W1 E1→-")).toMatch(/^W(7|11) -→E1$/);
    expect(teams(replan).filter((team) => team.id !== "E1")).toEqual(teams(previous).filter((team) => team.id !== "E1"));
  });

  it("when the previous plan is for another day, then exit 2 naming --previous", async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", "2026-11-24", "--previous", previousPath]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--previous: the plan is for 2026-11-23, not for --date 2026-11-24");
  });

  it("when the previous plan names people the scenario does not know, then exit 2", async () => {
    const stranger = structuredClone(previous);
    stranger.enclaves[0]?.blocks.am.workerIds.push("W999");
    const path = join(scratchDir(), "stranger.json");
    writeFileSync(path, JSON.stringify(stranger));
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--previous", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--previous: .*W999/);
  });

  it("when the previous plan is not a plan, then exit 2 with its JSON paths", async () => {
    const path = join(scratchDir(), "not-a-plan.json");
    writeFileSync(path, JSON.stringify({ version: 1, date: DATE }));
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--previous", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`in previous plan ${path}:`);
    expect(run.stderr).toMatch(/^ +enclaves: /m);
  });
});

describe("vlinder plan --time-limit", () => {
  // Generated 160-enclave company (the benchmark's): its lower levels are not proven even in
  // the default 10 s. (Generated 80 was used until session 11; it is now proven within half a
  // second on some runs.)
  it("when the limit is short on a large day, then the best plan found comes back within it, valid, saying it is not proven", async () => {
    const path = join(scratchDir(), "generated-160.json");
    writeFileSync(path, JSON.stringify(generateScenario({ seed: 160, enclaves: 160, date: DATE })));
    const run = await vlinder(["plan", "--scenario", path, "--date", DATE, "--time-limit", "0.5", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const plan = parsePlan(run.stdout);
    expect(validatePlan(readScenario(path), plan)).toEqual([]);
    expect(plan.stats.optimal).toBe(false);
    expect(plan.stats.solveMs).toBeLessThan(4000);
    const table = await vlinder(["plan", "--scenario", path, "--date", DATE, "--time-limit", "0.5"]);
    expect(table.stdout).toContain("NOT proven optimal (stopped at the time limit)");
  });
});
