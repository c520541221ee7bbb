// One enclave, person, route or absence at a time: scoped to the organisation, validated as a
// whole scenario, audited, and refused with the references named when a delete would break it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAbsence,
  createEnclave,
  createWorker,
  dataStamp,
  deleteAbsence,
  deleteEnclave,
  deleteWorker,
  getEnclave,
  getWorker,
  importScenario,
  listAbsences,
  listAuditEntries,
  listClients,
  listCoaches,
  listRoutes,
  listWorkers,
  updateEnclave,
  type Actor,
} from "../../src/db/index.ts";
import type { Enclave, Worker } from "../../src/scenario/schema.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";
import { westhoek } from "../scenario/westhoek-fixture.ts";

const PLANNER: Actor = { name: "planner@westhoek.be" };

describe.each(BACKENDS)("entities on %s", (kind) => {
  let test: TestDatabase;
  let org: string;
  let other: string;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    org = (await importScenario(test.db, {}, westhoek(), PLANNER)).organisationId;
    other = (await importScenario(test.db, { organisationName: "Ander" }, westhoek(), PLANNER)).organisationId;
  });
  afterAll(async () => test.drop());

  it("when listing, then the scenario's objects come back in file order", async () => {
    expect((await listWorkers(test.db, org)).slice(0, 2).map((worker) => worker.id)).toEqual(["W001", "W002"]);
    expect(await listCoaches(test.db, org)).toHaveLength(20);
    expect(await listRoutes(test.db, org)).toHaveLength(4);
    const clients = await listClients(test.db, org);
    expect(clients.flatMap((client) => client.enclaveIds).sort()).toHaveLength(13);
  });

  it("when an enclave is created, then it can be read back, is audited and bumps the data stamp", async () => {
    const before = await dataStamp(test.db, org);
    const enclave: Enclave = {
      ...(await getEnclave(test.db, org, "E01")),
      id: "E20",
      name: "Nieuwe klant",
      client: "Nieuw BV",
      fixedCoachIds: [],
    };
    expect(await createEnclave(test.db, org, enclave, PLANNER)).toEqual(enclave);
    expect(await getEnclave(test.db, org, "E20")).toEqual(enclave);
    expect(await dataStamp(test.db, org)).toBe(before + 1);
    const [entry] = await listAuditEntries(test.db, org, { limit: 1 });
    expect(entry).toMatchObject({ action: "create", entity: "enclave", entityId: "E20", actor: PLANNER.name, after: enclave });
    expect((await listClients(test.db, org)).map((client) => client.name)).toContain("Nieuw BV");
    // the other organisation does not see it
    await expect(getEnclave(test.db, other, "E20")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createEnclave(test.db, org, enclave, PLANNER)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("when an update breaks a rule, then the issue names the field and nothing changes", async () => {
    const enclave = await getEnclave(test.db, org, "E02");
    const broken = { ...enclave, staffing: { min: 9, target: 3, max: 9 } };
    await expect(updateEnclave(test.db, org, "E02", broken, PLANNER)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "staffing.min", message: "must be ≤ target (got 9 > 3)" }],
    });
    expect(await getEnclave(test.db, org, "E02")).toEqual(enclave);
    const fixed = { ...enclave, staffing: { ...enclave.staffing, max: enclave.staffing.max + 2 } };
    expect(await updateEnclave(test.db, org, "E02", fixed, PLANNER)).toEqual(fixed);
    await expect(updateEnclave(test.db, other, "E77", fixed, PLANNER)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("when an enclave people still belong to is deleted, then CONFLICT names them; an unused one goes", async () => {
    const error = await deleteEnclave(test.db, org, "E01", PLANNER).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(String((error as Error).message)).toMatch(/enclave E01 cannot be deleted: still named by worker W\d+ \(home enclave\)/);
    expect(await getEnclave(test.db, org, "E01")).toBeDefined();
    await deleteEnclave(test.db, org, "E20", PLANNER);
    await expect(getEnclave(test.db, org, "E20")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listClients(test.db, org)).map((client) => client.name)).not.toContain("Nieuw BV");
  });

  it("when a worker is created with an unknown enclave, then INVALID_INPUT; a valid one is stored and deleted with their absences", async () => {
    const worker: Worker = { ...(await getWorker(test.db, org, "W001")), id: "W900", name: "Nieuwe" };
    await expect(createWorker(test.db, org, { ...worker, qualifiedEnclaveIds: ["E404"] }, PLANNER)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "qualifiedEnclaveIds[0]", message: expect.stringContaining("E404") as unknown }],
    });
    await expect(createWorker(test.db, org, { ...worker, id: "C01" }, PLANNER)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await createWorker(test.db, org, worker, PLANNER)).toEqual(worker);
    const absence = await createAbsence(test.db, org, { personId: "W900", from: "2026-12-07", to: "2026-12-08", blocks: ["am", "pm"], kind: "sick" }, PLANNER);
    expect(absence.id).toEqual(expect.any(String));
    await deleteWorker(test.db, org, "W900", PLANNER);
    expect((await listAbsences(test.db, org)).some((entry) => entry.personId === "W900")).toBe(false);
  });

  it("when absences are listed for a range, then those overlapping it; created and deleted by id, scoped", async () => {
    const created = await createAbsence(
      test.db,
      org,
      { personId: "W002", from: "2026-12-14", to: "2026-12-18", blocks: ["pm"], kind: "leave", reportedAt: "2026-12-01T09:00:00+01:00" },
      PLANNER,
    );
    expect(created).toMatchObject({ personId: "W002", blocks: ["pm"], reportedAt: "2026-12-01T09:00:00+01:00" });
    expect((await listAbsences(test.db, org, { from: "2026-12-18", to: "2026-12-20" })).map((entry) => entry.id)).toEqual([created.id]);
    expect(await listAbsences(test.db, org, { from: "2026-12-19", to: "2026-12-20" })).toEqual([]);
    await expect(createAbsence(test.db, org, { personId: "W999", from: "2026-12-14", to: "2026-12-14", blocks: ["am"], kind: "sick" }, PLANNER)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(deleteAbsence(test.db, other, created.id, PLANNER)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await deleteAbsence(test.db, org, created.id, PLANNER)).toMatchObject({ id: created.id, personId: "W002" });
    const [entry] = await listAuditEntries(test.db, org, { limit: 1 });
    expect(entry).toMatchObject({ action: "delete", entity: "absence", entityId: created.id });
  });
});
