// vlinder check: exit 0 for a plan that keeps every rule, 1 with one line per violation for a
// plan broken by hand, 2 for a file that is not a plan.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planSchema, type Plan } from "../../src/scenario/schema.ts";
import { DATE, scratchDir, SMALL, vlinder } from "./run-cli.ts";

describe.concurrent("vlinder check", () => {
  let dir = "";
  let planPath = "";
  let plan: Plan;
  beforeAll(async () => {
    dir = scratchDir();
    planPath = join(dir, "plan.json");
    expect((await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--out", planPath])).status).toBe(0);
    plan = planSchema.parse(JSON.parse(readFileSync(planPath, "utf8")));
  });

  it("when the plan is vlinder's own, then it is valid, exit 0", async () => {
    const run = await vlinder(["check", "--scenario", SMALL, "--plan", planPath]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`plan ${planPath} is valid for ${SMALL} on ${DATE}`);
  });

  it("when the sick coach C1 is put back in E1's morning team, then the violation is printed, exit 1", async () => {
    const broken = structuredClone(plan);
    const e1 = broken.enclaves.find((entry) => entry.enclaveId === "E1");
    e1?.blocks.am.coachIds.push("C1");
    const path = join(dir, "sick-coach.json");
    writeFileSync(path, JSON.stringify(broken, null, 2));
    const run = await vlinder(["check", "--scenario", SMALL, "--plan", path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^NOT_AVAILABLE +.*C1.*sick/m);
    expect(run.stdout).toContain(`plan ${path} is not valid for ${SMALL} on ${DATE}`);
  });

  it("when the plan file is not a plan, then its JSON paths, exit 2", async () => {
    const path = join(dir, "half.json");
    writeFileSync(path, JSON.stringify({ ...plan, status: "fine" }));
    const run = await vlinder(["check", "--scenario", SMALL, "--plan", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ +status: /m);
  });

  it("when --plan is missing, then exit 2 naming it", async () => {
    const run = await vlinder(["check", "--scenario", SMALL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--plan: is required");
  });
});
