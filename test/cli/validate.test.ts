// vlinder validate: a one-line summary for a good scenario, every problem with its JSON path
// for a bad one.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, scratchDir, vlinder, WESTHOEK } from "./run-cli.ts";

describe.concurrent("vlinder validate", () => {
  it("when the scenario is valid, then one summary line, exit 0", async () => {
    const run = await vlinder(["validate", "--scenario", WESTHOEK]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain(
      "valid scenario — Westhoek Maatwerk: 13 enclaves, 156 workers, 20 coaches (16 fixed, 4 butterflies), 4 routes, 25 absences",
    );
  });

  it("when the scenario breaks several rules, then each is listed as `path: message`, exit 2", async () => {
    const run = await vlinder(["validate", "--scenario", fixture("invalid.json")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").map((line) => line.trim());
    expect(lines).toContain("enclaves[1].staffing.min: must be ≤ target (got 4 > 3)");
    expect(lines).toContain("workers[0].homeEnclaveId: unknown enclave E9");
    expect(lines).toContain("absences[0].to: 2026-02-30 is not a day of the calendar");
  });

  it("when the file is not JSON, then the line and column, exit 2", async () => {
    const path = join(scratchDir(), "broken.json");
    writeFileSync(path, '{\n  "version": 1,\n}\n');
    const run = await vlinder(["validate", "--scenario", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("(root): not valid JSON at line 3, column 1");
  });

  it("when --scenario is missing, then exit 2 naming it", async () => {
    const run = await vlinder(["validate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--scenario: is required");
  });
});
