/**
 * The morning at 07:10, through the API, on SQLite and on PostgreSQL: the Westhoek demo is
 * imported, the planner opens Monday 2026-11-23 and publishes it; two sick calls come in at
 * 07:10 (E02's coach C02 and one of E03's workers); the planner re-plans, checks that only the
 * necessary changes happened, publishes, and downloads the registration, which must list
 * exactly the published teams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportScenario } from "../../src/db/index.ts";
import type { Plan } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { ApiClient, BACKENDS, PLANNER, startTestService, type TestService } from "./api-harness.ts";

const DATE = "2026-11-23";

interface DayView {
  date: string;
  version: { number: number; status: "draft" | "published"; createdBy: string | null; publishedBy: string | null };
  published: number | null;
  stale: boolean;
  plan: Plan;
}

function placements(plan: Plan): Map<string, string> {
  const where = new Map<string, string>();
  for (const entry of plan.enclaves) {
    for (const block of ["am", "pm"] as const) {
      for (const id of [...entry.blocks[block].coachIds, ...entry.blocks[block].workerIds]) where.set(`${id}|${block}`, entry.enclaveId);
    }
  }
  return where;
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  const [header, ...rows] = records;
  return rows.map((values) => {
    expect(values.length).toBe(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, values[i]!]));
  });
}

describe.each(BACKENDS)("the morning workflow on %s", (kind) => {
  let service: TestService;
  let planner: ApiClient;
  let first: DayView;
  let replanned: DayView;

  beforeAll(async () => {
    service = await startTestService(kind);
    planner = await ApiClient.signedIn(service.url, PLANNER.email, PLANNER.password);
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it("when the planner opens the day, then a covered draft is computed and stored as version 1", async () => {
    const reply = await planner.get<DayView>(`/api/days/${DATE}/plan`);
    expect(reply.status).toBe(200);
    first = reply.body;
    expect(first.version).toMatchObject({ number: 1, status: "draft", createdBy: PLANNER.email });
    expect(first.plan.status).toBe("covered");
    expect(first.stale).toBe(false);
    // Opening it again shows the same stored version, not a new computation.
    const again = await planner.get<DayView>(`/api/days/${DATE}/plan`);
    expect(again.body.version.number).toBe(1);
    expect(again.body.plan).toEqual(first.plan);
  });

  it("when the planner publishes version 1, then it is frozen as the published plan", async () => {
    const reply = await planner.post<DayView>(`/api/days/${DATE}/publish`, { version: 1 });
    expect(reply.status).toBe(200);
    expect(reply.body.version).toMatchObject({ number: 1, status: "published", publishedBy: PLANNER.email });
    expect(reply.body.published).toBe(1);
  });

  it("when two sick calls come in at 07:10, then both are recorded and the day is stale", async () => {
    const worker = first.plan.enclaves.find((e) => e.enclaveId === "E03")!.blocks.am.workerIds[0]!;
    for (const personId of ["C02", worker]) {
      const reply = await planner.post(`/api/absences`, {
        personId,
        from: DATE,
        to: DATE,
        blocks: ["am", "pm"],
        kind: "sick",
        reportedAt: "2026-11-23T07:10:00+01:00",
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ personId, kind: "sick", reportedAt: "2026-11-23T07:10:00+01:00" });
    }
    const day = await planner.get<DayView>(`/api/days/${DATE}/plan`);
    expect(day.body.stale).toBe(true);
    expect(day.body.published).toBe(1);
  });

  it("when the planner re-plans, then only the necessary changes happen and each has its reason", async () => {
    const reply = await planner.post<DayView>(`/api/days/${DATE}/replan`, { version: 1 });
    expect(reply.status, reply.text).toBe(200);
    replanned = reply.body;
    expect(replanned.version).toMatchObject({ number: 2, status: "draft" });
    expect(replanned.published).toBe(1);
    expect(replanned.stale).toBe(false);
    expect(replanned.plan.status).toBe("covered");
    const scenario = await exportScenario(service.db, (await planner.get("/api/auth/me")).body.user.organisation.id);
    expect(validatePlan(scenario, replanned.plan)).toEqual([]);

    const sick = new Set(["C02", first.plan.enclaves.find((e) => e.enclaveId === "E03")!.blocks.am.workerIds[0]!]);
    const before = placements(first.plan);
    const after = placements(replanned.plan);
    const moved = new Set<string>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(key) !== after.get(key)) moved.add(key.split("|")[0]!);
    }
    // The sick are off, and the number of moves is the proven minimum (the solver's stability level).
    for (const id of sick) expect(moved.has(id)).toBe(true);
    const { stats } = replanned.plan;
    const movesLevel = stats.levels!.indexOf("moves (stability)");
    expect(stats.proven![movesLevel]).toBe(true);
    const others = [...moved].filter((id) => !sick.has(id));
    // Moves count people taken from where they were; idle stand-ins put to work are counted by the next level.
    const wasPlaced = (id: string) => ["am", "pm"].some((b) => before.has(`${id}|${b}`));
    const movedAway = others.filter(wasPlaced);
    expect(movedAway.length, `moved: ${movedAway.join(", ")}`).toBeLessThanOrEqual(stats.objective![movesLevel]!);
    // Everyone else who moved fills a place the sick left (E02, E03) or one a stand-in left.
    const vacated = new Set(["E02", "E03", ...others.flatMap((id) => ["am", "pm"].map((b) => before.get(`${id}|${b}`)))]);
    for (const id of others) {
      const to = ["am", "pm"].map((b) => after.get(`${id}|${b}`)).filter((e) => e !== undefined);
      expect(to.every((e) => vacated.has(e)), `${id} moved to ${to.join("/")}`).toBe(true);
    }
    // Every move is listed with its reason; the sick calls are named with their time.
    const listed = new Set(replanned.plan.changes.map((c) => c.personId));
    for (const id of moved) expect(listed.has(id)).toBe(true);
    expect(replanned.plan.changes.find((c) => c.personId === "C02")!.reason).toMatch(/ziek \(gemeld om 07:10\)/);
  });

  it("when the planner publishes version 2, then version 1 can no longer be published over it", async () => {
    expect((await planner.post(`/api/days/${DATE}/publish`, { version: 2 })).status).toBe(200);
    const stale = await planner.post(`/api/days/${DATE}/publish`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: "VERSION_CONFLICT" } });
    expect(stale.body.error.message).toMatch(/version 1.*newest is version 2/);
  });

  it("when the registration is downloaded, then its rows are exactly the published teams", async () => {
    const reply = await planner.get(`/api/days/${DATE}/registration.csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(reply.headers.get("content-disposition")).toMatch(/registratie-2026-11-23\.csv/);
    const rows = parseCsv(reply.text);
    const fromCsv = new Set<string>();
    for (const row of rows) {
      expect(row.date).toBe(DATE);
      for (const block of row.blocks!.split("+")) fromCsv.add(`${row.personId}|${block}|${row.enclaveId}|${row.role}`);
    }
    const published = new Set<string>();
    for (const entry of replanned.plan.enclaves) {
      for (const block of ["am", "pm"] as const) {
        for (const id of entry.blocks[block].coachIds) published.add(`${id}|${block}|${entry.enclaveId}|coach`);
        for (const id of entry.blocks[block].workerIds) published.add(`${id}|${block}|${entry.enclaveId}|worker`);
      }
    }
    expect(fromCsv).toEqual(published);
    const page = await planner.get(`/api/days/${DATE}/registration`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Dagelijkse registratie · Westhoek Maatwerk");
    expect(page.text).toContain("versie 2, gepubliceerd");
  });

  it("when a later edit is made, then the published version stays frozen and the edit is a new draft", async () => {
    const e02 = replanned.plan.enclaves.find((e) => e.enclaveId === "E02")!;
    const worker = e02.blocks.am.workerIds[0]!;
    const reply = await planner.post<DayView>(`/api/days/${DATE}/moves`, { version: 2, personId: worker, toEnclaveId: null });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.version).toMatchObject({ number: 3, status: "draft" });
    expect(reply.body.published).toBe(2);
    expect(reply.body.plan.changes.find((c) => c.personId === worker)!.reason).toMatch(/^verplaatst door de planner/);
    const csv = await planner.get(`/api/days/${DATE}/registration.csv`);
    expect(csv.text).toContain(`,${worker},`);
  });
});
