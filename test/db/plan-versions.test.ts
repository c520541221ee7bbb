// Plan versions: numbered per date, VERSION_CONFLICT when the newest is not the one expected
// (also under concurrency: one winner), publish freezes, assignments stored with each version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOrganisation,
  createPlanVersion,
  dataStamp,
  importScenario,
  latestPlanVersion,
  listAssignments,
  listPlanVersions,
  publishPlanVersion,
  publishedPlanVersion,
  type Actor,
} from "../../src/db/index.ts";
import type { Plan, ScenarioInput } from "../../src/scenario/schema.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";

const PLANNER: Actor = { name: "planner", userId: null };
const DATE = "2026-11-23";

function plan(workers: string[]): Plan {
  return {
    version: 1,
    date: DATE,
    status: "covered",
    enclaves: [
      {
        enclaveId: "E01",
        running: true,
        blocks: { am: { coachIds: ["C01"], workerIds: workers }, pm: { coachIds: ["C01"], workerIds: workers.slice(0, 1) } },
        covered: true,
        problems: [],
      },
    ],
    transport: [],
    idle: { workerIds: [], coachIds: [] },
    changes: [],
    stats: { solveMs: 1, optimal: true },
  };
}

describe.each(BACKENDS)("plan versions on %s", (kind) => {
  let test: TestDatabase;
  let org: string;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    org = (await createOrganisation(test.db, { name: "Planners" }, PLANNER)).id;
  });
  afterAll(async () => test.drop());

  it("when versions are saved in turn, then they are numbered 1, 2 with their assignments", async () => {
    expect(await latestPlanVersion(test.db, org, DATE)).toBeNull();
    const first = await createPlanVersion(test.db, org, DATE, plan(["W001", "W002"]), { expectedLatestNumber: null, actor: PLANNER });
    expect(first).toMatchObject({ number: 1, status: "draft", basedOnNumber: null, createdBy: "planner", plan: plan(["W001", "W002"]) });
    const second = await createPlanVersion(test.db, org, DATE, plan(["W003"]), { expectedLatestNumber: 1, basedOnNumber: 1, actor: PLANNER });
    expect(second.number).toBe(2);
    expect((await latestPlanVersion(test.db, org, DATE))?.number).toBe(2);
    expect(await listAssignments(test.db, org, DATE, 1)).toEqual([
      { enclaveId: "E01", block: "am", personId: "C01", role: "coach" },
      { enclaveId: "E01", block: "am", personId: "W001", role: "worker" },
      { enclaveId: "E01", block: "am", personId: "W002", role: "worker" },
      { enclaveId: "E01", block: "pm", personId: "C01", role: "coach" },
      { enclaveId: "E01", block: "pm", personId: "W001", role: "worker" },
    ]);
  });

  it("when the expected number is not the newest, then VERSION_CONFLICT naming the newest", async () => {
    await expect(createPlanVersion(test.db, org, DATE, plan([]), { expectedLatestNumber: 1, actor: PLANNER })).rejects.toMatchObject({
      code: "VERSION_CONFLICT",
      details: { newest: 2, expected: 1 },
    });
    await expect(publishPlanVersion(test.db, org, DATE, 1, PLANNER)).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
  });

  it("when two writers expect the same number at once, then exactly one wins", async () => {
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map(() => createPlanVersion(test.db, org, DATE, plan(["W009"]), { expectedLatestNumber: 2, actor: PLANNER })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "VERSION_CONFLICT" });
    }
    expect((await listPlanVersions(test.db, org, DATE)).map((version) => version.number)).toEqual([1, 2, 3]);
  });

  it("when the newest is published, then it is the published one; later drafts leave it published", async () => {
    expect(await publishedPlanVersion(test.db, org, DATE)).toBeNull();
    const published = await publishPlanVersion(test.db, org, DATE, 3, { name: "boss" });
    expect(published).toMatchObject({ number: 3, status: "published", publishedBy: "boss" });
    expect(published.publishedAt).toBeInstanceOf(Date);
    await createPlanVersion(test.db, org, DATE, plan([]), { expectedLatestNumber: 3, basedOnNumber: 3, actor: PLANNER });
    expect((await publishedPlanVersion(test.db, org, DATE))?.number).toBe(3);
    expect((await latestPlanVersion(test.db, org, DATE))?.status).toBe("draft");
  });

  it("when data changes after a version was computed, then its data stamp is behind the organisation's", async () => {
    const version = await latestPlanVersion(test.db, org, DATE);
    expect(version?.dataStamp).toBe(await dataStamp(test.db, org));
    await importScenario(test.db, { organisationId: org }, { version: 1, organisation: { name: "Planners" }, enclaves: [], workers: [], coaches: [], absenceModel: {} } satisfies ScenarioInput, PLANNER);
    expect(await dataStamp(test.db, org)).toBeGreaterThan(version?.dataStamp ?? Infinity);
  });
});
