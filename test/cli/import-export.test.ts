// vlinder import / vlinder export against a real SQLite file (and PostgreSQL when reachable):
// exit codes, idempotence, round trip, and bad input that writes nothing.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOrganisations } from "../../src/db/index.ts";
import { assertValidScenario } from "../../src/scenario/validate-scenario.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { BIN, fixture, REPO, scratchDir, WESTHOEK, type CliRun } from "./run-cli.ts";

/**
 * Prisma runs a query's relation reads side by side, and inside a PostgreSQL transaction that
 * is one connection: pg queues them correctly but warns (pg 8). Harmless; ignored here.
 */
function withoutPgQueueWarning(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !line.includes("Calling client.query() when the client is already executing") && !line.includes("node --trace-deprecation"))
    .join("\n");
}

function vlinderWith(url: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(new Error(`vlinder ${args.join(" ")}: ${error.message}\n${stderr}`));
        else resolve({ status: error ? Number(error.code) : 0, stdout, stderr: withoutPgQueueWarning(stderr) });
      },
    );
  });
}

describe.each(BACKENDS)("vlinder import and export on %s", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => test.drop());

  it("when a scenario is imported twice, then the second import changes nothing; export gives the file back, exit 0", async () => {
    const first = await vlinderWith(test.url, ["import", "--scenario", WESTHOEK]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Westhoek Maatwerk (new organisation): 219 created, 0 updated, 0 deleted, 0 unchanged");
    const second = await vlinderWith(test.url, ["import", "--scenario", WESTHOEK]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("Westhoek Maatwerk: 0 created, 0 updated, 0 deleted, 219 unchanged");
    const exported = await vlinderWith(test.url, ["export"]);
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(JSON.stringify(assertValidScenario(JSON.parse(readFileSync(WESTHOEK, "utf8"))))));
    const out = join(scratchDir(), "export.json");
    const toFile = await vlinderWith(test.url, ["export", "--organisation", "Westhoek Maatwerk", "--out", out]);
    expect(toFile.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(exported.stdout);
    const back = await vlinderWith(test.url, ["import", "--scenario", out]);
    expect(back.stdout).toContain("0 created, 0 updated, 0 deleted, 219 unchanged");
  });

  it("when the scenario is invalid, then every problem as `path: message`, exit 2, nothing written", async () => {
    const run = await vlinderWith(test.url, ["import", "--scenario", fixture("invalid.json"), "--organisation", "Ongeldig"]);
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n").map((line) => line.trim());
    expect(lines).toContain("enclaves[1].staffing.min: must be ≤ target (got 4 > 3)");
    expect(lines).toContain("workers[0].homeEnclaveId: unknown enclave E9");
    expect((await listOrganisations(test.db)).map((org) => org.name)).not.toContain("Ongeldig");
  });

  it("when --scenario is missing or the organisation is unknown, then exit 2 naming it", async () => {
    const missing = await vlinderWith(test.url, ["import"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--scenario: is required");
    const unknown = await vlinderWith(test.url, ["export", "--organisation", "Niemand"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--organisation: no organisation called "Niemand"');
  });
});

describe("vlinder import with a bad DATABASE_URL", () => {
  it("when DATABASE_URL is not file: or postgresql:, then exit 2 naming it", async () => {
    const run = await vlinderWith("mysql://x", ["import", "--scenario", WESTHOEK]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("DATABASE_URL: DATABASE_URL must start with file:");
  });

  it("when a relative file: URL is given, then it is relative to the current directory", async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, "small.json"), readFileSync(fixture("small.json")));
    const run = await new Promise<CliRun>((resolve) => {
      execFile(process.execPath, [BIN, "import", "--scenario", "small.json"], { cwd: dir, encoding: "utf8", env: { ...process.env, DATABASE_URL: "file:./here.db" } }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "here.db")).length).toBeGreaterThan(0);
  });
});
