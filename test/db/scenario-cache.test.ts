/**
 * The kept scenario (src/db/scenario-cache.ts) must always be what the database holds: after
 * every kind of write through this handle, and after a write through another handle (another
 * process), loadScenario equals a fresh read from a new connection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAbsence, deleteAbsence, importScenario, loadScenario, openDatabase, updateEnclave, type Database } from "../../src/db/index.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";
import { westhoek as westhoekInput } from "../scenario/westhoek-fixture.ts";

const westhoek = westhoekInput();

describe.each(BACKENDS)("the kept scenario on %s", (kind) => {
  let test: TestDatabase;
  let other: Database;
  let organisationId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    other = await openDatabase({ url: test.url });
    organisationId = (await importScenario(test.db, {}, westhoek, { name: "test" })).organisationId;
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await test?.drop();
  });

  /** A read through a second connection, which has never kept anything for this organisation. */
  const fresh = async () => {
    const connection = await openDatabase({ url: test.url });
    try {
      return await loadScenario(connection, organisationId);
    } finally {
      await connection.close();
    }
  };

  it("when absences are added and deleted and an enclave edited, then every load equals a fresh read", async () => {
    await loadScenario(test.db, organisationId);
    const absence = await createAbsence(test.db, organisationId, { personId: "W005", from: "2026-12-01", to: "2026-12-02", blocks: ["am"], kind: "leave" }, { name: "t" });
    expect(await loadScenario(test.db, organisationId)).toEqual(await fresh());
    const enclave = (await loadScenario(test.db, organisationId)).enclaves[2]!;
    await updateEnclave(test.db, organisationId, enclave.id, { ...enclave, name: "Nieuwe naam" }, { name: "t" });
    const afterEdit = await loadScenario(test.db, organisationId);
    expect(afterEdit.enclaves[2]!.name).toBe("Nieuwe naam");
    expect(afterEdit).toEqual(await fresh());
    await deleteAbsence(test.db, organisationId, absence.id, { name: "t" });
    expect(await loadScenario(test.db, organisationId)).toEqual(await fresh());
  });

  it("when another connection writes, then this one does not serve its old copy", async () => {
    const before = await loadScenario(test.db, organisationId);
    await createAbsence(other, organisationId, { personId: "W006", from: "2026-12-03", to: "2026-12-03", blocks: ["pm"], kind: "other" }, { name: "t" });
    const after = await loadScenario(test.db, organisationId);
    expect(after.absences.length).toBe(before.absences.length + 1);
    expect(after).toEqual(await fresh());
  });

  it("when a new absence breaks a rule of the scenario, then it is refused with its own paths and nothing is written", async () => {
    const before = await loadScenario(test.db, organisationId);
    const write = createAbsence(test.db, organisationId, { personId: "W007", from: "2026-12-05", to: "2026-12-04", blocks: ["am"], kind: "sick" }, { name: "t" });
    await expect(write).rejects.toMatchObject({ code: "INVALID_INPUT", issues: [expect.objectContaining({ path: expect.stringMatching(/^(to|from)/) })] });
    expect(await loadScenario(test.db, organisationId)).toEqual(before);
    expect(await fresh()).toEqual(before);
  });

  it("when a caller changes the scenario it got, then the kept copy is not changed", async () => {
    const mine = await loadScenario(test.db, organisationId);
    mine.enclaves[0]!.name = "changed by a caller";
    expect((await loadScenario(test.db, organisationId)).enclaves[0]!.name).not.toBe("changed by a caller");
  });
});
