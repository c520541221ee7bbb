// Import and export of whole scenarios, on SQLite and PostgreSQL: idempotent, round trip
// equal, organisations isolated, every change audited, nothing half-written.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportScenario,
  findOrganisationByName,
  importScenario,
  listAuditEntries,
  listEnclaves,
  loadScenario,
  type Actor,
} from "../../src/db/index.ts";
import type { Scenario, ScenarioInput } from "../../src/scenario/schema.ts";
import { assertValidScenario, ScenarioInputError } from "../../src/scenario/validate-scenario.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";

const WESTHOEK_TEXT = readFileSync(new URL("../fixtures/westhoek.json", import.meta.url), "utf8");
const westhoekInput = (): ScenarioInput => JSON.parse(WESTHOEK_TEXT) as ScenarioInput;
const WESTHOEK: Scenario = assertValidScenario(westhoekInput());
const CLI: Actor = { name: "test" };

describe.each(BACKENDS)("scenario import and export on %s", (kind) => {
  let test: TestDatabase;
  let organisationId: string;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const first = await importScenario(test.db, {}, westhoekInput(), CLI);
    organisationId = first.organisationId;
  });
  afterAll(async () => test.drop());

  it("when Westhoek is imported, then export deep-equals the parsed file", async () => {
    expect(await exportScenario(test.db, organisationId)).toEqual(WESTHOEK);
    // and as JSON text, key for key (no stray undefined, nulls where the file has them)
    expect(JSON.parse(JSON.stringify(await loadScenario(test.db, organisationId)))).toEqual(JSON.parse(JSON.stringify(WESTHOEK)));
  });

  it("when the same file is imported twice, then nothing changes, nothing is duplicated and no audit entry is written", async () => {
    const auditBefore = (await listAuditEntries(test.db, organisationId, { limit: 10_000 })).length;
    const again = await importScenario(test.db, {}, westhoekInput(), CLI);
    expect(again).toMatchObject({ organisationId, created: 0, updated: 0, deleted: 0, organisationCreated: false });
    expect(again.unchanged).toBe(1 + 13 + 156 + 20 + 4 + 25);
    expect(await listEnclaves(test.db, organisationId)).toHaveLength(13);
    expect((await listAuditEntries(test.db, organisationId, { limit: 10_000 })).length).toBe(auditBefore);
  });

  it("when export is imported again, then the data is the same", async () => {
    const exported = await exportScenario(test.db, organisationId);
    const result = await importScenario(test.db, { organisationId }, exported, CLI);
    expect(result.created + result.updated + result.deleted).toBe(0);
    expect(await exportScenario(test.db, organisationId)).toEqual(exported);
  });

  it("when a file changes one enclave, drops a worker and adds an absence, then exactly that is written and audited", async () => {
    const changed = westhoekInput() as Scenario;
    const enclave = changed.enclaves[2];
    if (!enclave) throw new Error("fixture");
    enclave.staffing = { ...enclave.staffing, max: enclave.staffing.max + 1 };
    const dropped = changed.workers.findIndex((worker) => !changed.absences.some((absence) => absence.personId === worker.id));
    const [gone] = changed.workers.splice(dropped, 1);
    changed.absences.push({ personId: "C01", from: "2026-12-01", to: "2026-12-02", blocks: ["am"], kind: "training" });
    const result = await importScenario(test.db, {}, changed, CLI);
    expect(result.byKind.enclaves).toMatchObject({ updated: 1, created: 0, deleted: 0 });
    expect(result.byKind.workers).toMatchObject({ deleted: 1, updated: 0, created: 0 });
    expect(result.byKind.absences).toMatchObject({ created: 1, deleted: 0 });
    const audit = await listAuditEntries(test.db, organisationId, { limit: 3 });
    expect(audit.map((entry) => `${entry.action} ${entry.entity}`).sort()).toEqual(["create absence", "delete worker", "update enclave"]);
    expect(audit.find((entry) => entry.entity === "worker")).toMatchObject({ entityId: gone?.id, actor: "test", after: undefined });
    expect(await exportScenario(test.db, organisationId)).toEqual(assertValidScenario(changed));
    // and back to the original file
    await importScenario(test.db, {}, westhoekInput(), CLI);
    expect(await exportScenario(test.db, organisationId)).toEqual(WESTHOEK);
  });

  it("when two organisations have the same scenario ids, then each sees only its own", async () => {
    const other = westhoekInput() as Scenario;
    other.organisation.name = "Leiedal Maatwerk";
    other.enclaves = other.enclaves.map((enclave) => ({ ...enclave, name: `Leiedal ${enclave.name}` }));
    const result = await importScenario(test.db, {}, other, CLI);
    expect(result.organisationCreated).toBe(true);
    expect(result.organisationId).not.toBe(organisationId);
    const theirs = await listEnclaves(test.db, result.organisationId);
    const ours = await listEnclaves(test.db, organisationId);
    expect(theirs.map((enclave) => enclave.id)).toEqual(ours.map((enclave) => enclave.id));
    expect(theirs.every((enclave) => enclave.name.startsWith("Leiedal "))).toBe(true);
    expect(ours.some((enclave) => enclave.name.startsWith("Leiedal "))).toBe(false);
    expect(await exportScenario(test.db, organisationId)).toEqual(WESTHOEK);
  });

  it("when --organisation names another organisation, then the file goes there under that name", async () => {
    const result = await importScenario(test.db, { organisationName: "Kopie" }, westhoekInput(), CLI);
    expect(result.organisationName).toBe("Kopie");
    const exported = await exportScenario(test.db, result.organisationId);
    expect(exported).toEqual({ ...WESTHOEK, organisation: { ...WESTHOEK.organisation, name: "Kopie" } });
  });

  it("when the file is invalid, then every problem is listed and nothing is written", async () => {
    const bad = westhoekInput() as Scenario;
    bad.organisation.name = "Nooit";
    const worker = bad.workers[5];
    if (!worker) throw new Error("fixture");
    worker.homeEnclaveId = "E99";
    await expect(importScenario(test.db, {}, bad, CLI)).rejects.toThrow(ScenarioInputError);
    await expect(importScenario(test.db, {}, bad, CLI)).rejects.toMatchObject({
      issues: [{ path: "workers[5].homeEnclaveId", message: "unknown enclave E99" }],
    });
    expect(await findOrganisationByName(test.db, "Nooit")).toBeNull();
  });

  it("when a write fails half-way (the new name is taken), then the whole import is undone", async () => {
    const renamed = westhoekInput() as Scenario;
    renamed.organisation.name = "Leiedal Maatwerk"; // another organisation's name: fails at the end
    renamed.enclaves.push({ ...WESTHOEK.enclaves[0]!, id: "E99", name: "Nieuw", fixedCoachIds: [] });
    renamed.workers.splice(0, 3);
    renamed.absences = renamed.absences.filter((absence) => !["W001", "W002", "W003"].includes(absence.personId));
    const auditBefore = (await listAuditEntries(test.db, organisationId, { limit: 10_000 })).length;
    await expect(importScenario(test.db, { organisationId }, renamed, CLI)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await exportScenario(test.db, organisationId)).toEqual(WESTHOEK);
    expect((await listAuditEntries(test.db, organisationId, { limit: 10_000 })).length).toBe(auditBefore);
  });
});
