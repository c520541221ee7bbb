// The command line itself: help, version, unknown commands and flags, missing and malformed
// flags. Every refusal exits 2, says what is wrong in terms of the flag, and writes nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATE, REPO, SMALL, scratchDir, vlinder } from "./run-cli.ts";

describe.concurrent("help and version", () => {
  it("when asked for --help, then every command is listed with the exit statuses, exit 0", async () => {
    const run = await vlinder(["--help"]);
    expect(run.status).toBe(0);
    for (const command of ["plan", "check", "validate"]) expect(run.stdout).toContain(`vlinder ${command} --scenario`);
    expect(run.stdout).toContain("0 ok, 1 check found violations, 2 bad input");
    expect(run.stderr).toBe("");
  });

  it("when asked `help plan` or `plan --help`, then the same text naming every flag of plan", async () => {
    const help = await vlinder(["help", "plan"]);
    expect(help.status).toBe(0);
    for (const flag of ["--scenario", "--date", "--previous", "--json", "--lp", "--out"]) expect(help.stdout).toContain(flag);
    expect((await vlinder(["plan", "--help"])).stdout).toBe(help.stdout);
  });

  it("when asked --version, then the version of package.json", async () => {
    const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    const run = await vlinder(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`vlinder ${manifest.version}`);
  });
});

describe.concurrent("commands and flags vlinder does not know", () => {
  it("when no command is given, then the usage on stderr, exit 2", async () => {
    const run = await vlinder([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing command");
    expect(run.stderr).toContain("Usage:");
    expect(run.stdout).toBe("");
  });

  it("when the command is misspelt, then it is named and the usage follows, exit 2", async () => {
    const run = await vlinder(["plna", "--scenario", SMALL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "plna"');
    expect(run.stderr).toContain("Usage:");
  });

  it("when a flag is misspelt, then it is named and plan's usage follows, exit 2", async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--dat", DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option --dat");
    expect(run.stderr).toContain("Usage: vlinder plan");
  });

  it("when a flag lacks its value, then exit 2 naming the flag", async () => {
    const run = await vlinder(["plan", "--date", DATE, "--scenario"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--scenario needs a value");
  });

  it("when a file is given without its flag, then exit 2", async () => {
    const run = await vlinder(["validate", SMALL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unexpected argument");
  });

  it("when help is asked for an unknown command, then exit 2", async () => {
    expect((await vlinder(["help", "forecast"])).status).toBe(2);
  });

  it("when help is asked for a known command, then its help is printed, exit 0", async () => {
    const run = await vlinder(["help", "estimate"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("--year");
  });
});

describe.concurrent("plan: required and malformed flags", () => {
  it("when --scenario and --date are missing, then both are named, exit 2", async () => {
    const run = await vlinder(["plan"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--scenario: is required");
    expect(run.stderr).toContain("--date: is required");
    expect(run.stdout).toBe("");
  });

  it("when the date does not exist, then exit 2, the message names --date, and no --out or --lp file is written", async () => {
    const dir = scratchDir();
    const out = join(dir, "plan.json");
    const lp = join(dir, "model.lp");
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", "2026-02-30", "--out", out, "--lp", lp]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--date: 2026-02-30 is not a day of the calendar");
    expect(run.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(existsSync(lp)).toBe(false);
  });

  it("when the date is written another way, then exit 2 asking for YYYY-MM-DD", async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", "23/11/2026"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--date: must be a date written YYYY-MM-DD (got "23/11/2026")');
  });

  it("when --out names a directory that does not exist, then exit 2 before planning", async () => {
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--out", "/nonexistent-vlinder/plan.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--out: cannot write /nonexistent-vlinder/plan.json: directory /nonexistent-vlinder does not exist");
  });

  it("when --lp and --out name the same file, then exit 2", async () => {
    const file = join(scratchDir(), "same");
    const run = await vlinder(["plan", "--scenario", SMALL, "--date", DATE, "--out", file, "--lp", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--lp: must not be the same file as --out");
    expect(existsSync(file)).toBe(false);
  });

  it("when a flag and the scenario are both wrong, then every problem is listed at once", async () => {
    const run = await vlinder(["plan", "--scenario", join(scratchDir(), "missing.json"), "--date", "2026-13-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--date: 2026-13-01 is not a day of the calendar");
    expect(run.stderr).toMatch(/\(root\): cannot read .*missing\.json: no such file/);
  });
});
