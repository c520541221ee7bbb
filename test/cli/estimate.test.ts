// vlinder estimate on the Westhoek example: the table for HR, the estimate JSON, the chart,
// determinism for a seed, and bad input (every problem listed, exit 2, nothing written).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateSchema } from "../../src/scenario/schema.ts";
import { scratchDir, vlinder, WESTHOEK } from "./run-cli.ts";

const BASE = ["estimate", "--scenario", WESTHOEK, "--year", "2027", "--runs", "200"];

describe.concurrent("vlinder estimate", () => {
  it("when asked for a year, then the curve as a table with the recommendation and the arithmetic minimum explained", async () => {
    const run = await vlinder(BASE);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^BUTTERFLIES +FULL DAYS +ENCLAVE-DAYS +UNCOVERED MEAN +P50 +P95$/m);
    expect(run.stdout).toMatch(/^ +0 +\d+\.\d% +\d+\.\d% +\d+\.\d/m);
    expect(run.stdout).toMatch(/◀ recommended/);
    expect(run.stdout).toMatch(/^Recommended: \d+ butterfl(y|ies) — the smallest number for which ≥ 99% of enclave-days are covered/m);
    expect(run.stdout).toMatch(/^Arithmetic minimum: \d+ — \d+ coach absence days ÷ \d+ available days of one butterfly, rounded up; it/m);
    expect(run.stdout.split("\n").filter((line) => [...line].length > 100)).toEqual([]);
  });

  it("when --json and --plot, then exactly the estimate document, and a chart with the service level and the recommendation", async () => {
    const dir = scratchDir();
    const plot = join(dir, "raming.svg");
    const run = await vlinder([...BASE, "--json", "--plot", plot, "--metric", "fullDays", "--service-level", "0.9", "--seed", "5"]);
    expect(run.status).toBe(0);
    const estimate = estimateSchema.parse(JSON.parse(run.stdout));
    expect(estimate.serviceLevel).toEqual({ metric: "fullDays", target: 0.9 });
    expect(estimate.runs).toBe(200);
    expect(estimate.seed).toBe(5);
    expect(estimate.curve[0]!.butterflies).toBe(0);
    expect(estimate.curve.at(-1)!.butterflies).toBeGreaterThan(estimate.recommended);
    expect(estimate.curve[estimate.recommended]!.fullDaysShare).toBeGreaterThanOrEqual(0.9);
    const svg = readFileSync(plot, "utf8");
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg /);
    expect(svg).toContain("service level: 90% of days fully covered");
    expect(svg).toContain(`recommended: ${estimate.recommended}`);
    expect(readdirSync(dir)).toEqual(["raming.svg"]);
  });

  it("when run twice with the same seed, then the same estimate", async () => {
    const [a, b] = await Promise.all([vlinder([...BASE, "--json", "--seed", "9"]), vlinder([...BASE, "--json", "--seed", "9"])]);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("when the flags are wrong, then every problem as `flag: message`, exit 2, and no chart written", async () => {
    const dir = scratchDir();
    const plot = join(dir, "raming.svg");
    const run = await vlinder(["estimate", "--scenario", WESTHOEK, "--year", "27", "--service-level", "1", "--metric", "days", "--runs", "0", "--plot", plot]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").map((line) => line.trim());
    expect(lines).toContain('--year: must be a year written YYYY (got "27")');
    expect(lines.some((line) => line.startsWith("--service-level: must be strictly between 0 and 1"))).toBe(true);
    expect(lines).toContain('--metric: must be enclaveDays or fullDays (got "days")');
    expect(lines).toContain("--runs: must be from 1 to 1000000 (got 0)");
    expect(existsSync(plot)).toBe(false);
  });

  it("when --scenario and --year are missing or the plot directory does not exist, then exit 2 naming them", async () => {
    const run = await vlinder(["estimate", "--plot", "/no/such/dir/raming.svg"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--scenario: is required");
    expect(run.stderr).toContain("--year: is required");
    expect(run.stderr).toContain("--plot: cannot write /no/such/dir/raming.svg: directory /no/such/dir does not exist");
  });
});
