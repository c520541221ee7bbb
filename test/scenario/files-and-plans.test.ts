// readScenarioFile (JSON syntax errors with line and column, unreadable files) and readPlan.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { locateJsonError, parseJsonText } from "../../src/scenario/json-text.ts";
import { readPlan, readPlanFile, readScenarioFile } from "../../src/scenario/validate-scenario.ts";
import { WESTHOEK_PATH } from "./break-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "vlinder-scenario-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readScenarioFile", () => {
  it("reads the Westhoek fixture", () => {
    const result = readScenarioFile(fileURLToPath(WESTHOEK_PATH));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("when a field is followed by a stray comma, then the issue names line and column", () => {
    const result = readScenarioFile(file("comma.json", '{\n  "version": 1,\n  "enclaves": [],\n}\n'));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "(root)", message: "not valid JSON at line 4, column 1: trailing comma before }" }],
    });
  });

  it("when a value is missing", () => {
    const result = readScenarioFile(file("value.json", '{\n  "version": ,\n}'));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: "(root)", message: 'not valid JSON at line 2, column 14: expected a value, found ","' },
    ]);
  });

  it("when the file is empty", () => {
    const result = readScenarioFile(file("empty.json", ""));
    expect(result.ok ? [] : result.issues).toEqual([{ path: "(root)", message: expect.stringContaining("empty") }]);
  });

  it("a byte order mark is tolerated, and a valid file with a broken scenario lists scenario issues", () => {
    const result = readScenarioFile(file("bom.json", '\uFEFF{"version": 2}'));
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toContain("version");
  });

  it("when the file does not exist", () => {
    const result = readScenarioFile(join(dir, "missing.json"));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: "(root)", message: expect.stringContaining("no such file") },
    ]);
  });
});

describe("locating JSON syntax errors", () => {
  it.each([
    ["{'a': 1}", 1, "double quotes"],
    ['{"a": 1} x', 9, "after the end"],
    ['{"a": "line\nbreak"}', 11, "control character"],
    ['[1, 2,]', 6, "trailing comma"],
    ['{"a": tru}', 6, "expected a value"],
    ['{"a": 01}', 7, '"," or "}"'],
    ['{"a": "\\x"}', 7, "invalid escape"],
    ['{"a" 1}', 5, '":"'],
    ['[1', 2, '"," or "]"'],
  ])("%j: offset %i, %s", (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = locateJsonError(text);
    expect(found?.offset).toBe(offset);
    expect(found?.reason).toContain(reason);
  });

  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}', "[]", " 0 "]) {
      expect(locateJsonError(text)).toBeNull();
      expect(parseJsonText(text).ok).toBe(true);
    }
  });
});

const PLAN = {
  version: 1,
  date: "2026-11-23",
  status: "partial",
  enclaves: [
    {
      enclaveId: "E01",
      running: true,
      blocks: { am: { coachIds: ["V02"], workerIds: ["W001"] }, pm: { coachIds: ["V02"], workerIds: ["W001"] } },
      covered: false,
      problems: [{ code: "UNDER_MIN_HEADCOUNT", block: "am", message: "1 of 7 workers" }],
    },
  ],
  transport: [{ routeId: "R1", run: "day", personIds: ["W001"] }],
  idle: { workerIds: [], coachIds: [] },
  changes: [{ personId: "V02", from: null, to: "E01", reason: "C01 is sick" }],
  stats: { solveMs: 12.5, optimal: true },
};

function clonePlan(mutate: (plan: typeof PLAN) => void): unknown {
  const plan = structuredClone(PLAN);
  mutate(plan);
  return plan;
}

describe("readPlan", () => {
  it("reads a plan and fills the problem options", () => {
    const result = readPlan(structuredClone(PLAN));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.enclaves[0]?.problems[0]?.options).toEqual([]);
  });

  it("when a plan has an unknown problem code and an unknown field", () => {
    const result = readPlan(
      clonePlan((plan) => {
        Reflect.set(plan.enclaves[0]?.problems[0] ?? {}, "code", "TOO_HOT");
        Reflect.set(plan.stats, "cpu", 3);
      }),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { path: "enclaves[0].problems[0].code", message: expect.stringContaining('(got "TOO_HOT")') },
      { path: "stats.cpu", message: "unknown field" },
    ]);
  });

  it("when a plan names an enclave twice", () => {
    const result = readPlan(clonePlan((plan) => plan.enclaves.push(structuredClone(PLAN.enclaves[0]!))));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: "enclaves[1].enclaveId", message: "duplicate enclave E01 (also enclaves[0])" },
    ]);
  });

  it("when a plan is version 2 or its date does not exist", () => {
    const result = readPlan(clonePlan((plan) => Object.assign(plan, { version: 2, date: "2026-11-31" })));
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(["version", "date"]);
  });

  it("readPlanFile reads JSON from disk", () => {
    expect(readPlanFile(file("plan.json", JSON.stringify(PLAN))).ok).toBe(true);
  });
});
