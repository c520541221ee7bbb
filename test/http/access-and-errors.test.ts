/**
 * Who may do what, what a second organisation can see, and what bad input gets back: every
 * route needs a session or token, roles limit writes, another organisation's data answers 404,
 * bad input is a 400 that names the JSON path (never a 500) and writes nothing, a stale
 * version is a 409, a move that breaks a rule is a 422 naming the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createUser, exportScenario, importScenario } from "../../src/db/index.ts";
import type { ScenarioInput } from "../../src/scenario/schema.ts";
import { ADMIN, ApiClient, HR, PLANNER, VIEWER, startTestService, type TestService } from "./api-harness.ts";

const DATE = "2026-11-23";
let service: TestService;
let planner: ApiClient;
let other: ApiClient;
let westhoekId: string;

beforeAll(async () => {
  service = await startTestService("sqlite");
  planner = await ApiClient.signedIn(service.url, PLANNER.email, PLANNER.password);
  westhoekId = (await planner.get("/api/auth/me")).body.user.organisation.id;
  // A second organisation with the same scenario ids (E01, W001, …) and its own planner.
  const scenario = JSON.parse(readFileSync(new URL("../fixtures/westhoek.json", import.meta.url), "utf8")) as ScenarioInput;
  const second = await importScenario(service.db, { organisationName: "Leiedal Maatwerk" }, scenario, { name: "test" });
  await createUser(service.db, { organisationId: second.organisationId, email: "planner@leiedal.example", name: "Planner Leiedal", password: "leiedal-planner", role: "planner" }, { name: "test" });
  other = await ApiClient.signedIn(service.url, "planner@leiedal.example", "leiedal-planner");
}, 120_000);
afterAll(async () => {
  await service?.stop();
});

describe("authentication", () => {
  it("when nobody is signed in, then every operation of the OpenAPI document but login answers 401", async () => {
    const anonymous = new ApiClient(service.url);
    const doc = (await anonymous.get("/api/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        if (path === "/auth/login") continue;
        const url = "/api" + path.replace("{date}", DATE).replace("{id}", "x");
        const reply = await anonymous.raw(method.toUpperCase(), url, method === "get" ? "" : "{}");
        expect(reply.status, `${method} ${url}`).toBe(401);
        expect((reply.body as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(28);
  });

  it("when the password is wrong or the e-mail unknown, then both get the same 401", async () => {
    const wrong = await new ApiClient(service.url).post("/api/auth/login", { email: PLANNER.email, password: "nope" });
    const unknown = await new ApiClient(service.url).post("/api/auth/login", { email: "nobody@x.example", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("when the planner signs in, then the session cookie is HttpOnly and signing out ends it", async () => {
    const client = new ApiClient(service.url);
    const login = await client.post("/api/auth/login", PLANNER);
    expect(login.headers.get("set-cookie")).toMatch(/vlinder_session=.+HttpOnly/i);
    expect((await client.get("/api/auth/me")).status).toBe(200);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect((await client.get("/api/auth/me")).status).toBe(401);
  });

  it("when a script uses an API token, then it acts as its user; a made-up token is 401", async () => {
    const created = await planner.post("/api/auth/tokens", { name: "nightly export" });
    expect(created.status).toBe(201);
    const script = new ApiClient(service.url).withToken(created.body.token);
    const scenario = await script.get("/api/scenario");
    expect(scenario.status).toBe(200);
    expect(scenario.body.organisation.name).toBe("Westhoek Maatwerk");
    expect((await new ApiClient(service.url).withToken("made-up").get("/api/scenario")).status).toBe(401);
  });
});

describe("roles", () => {
  it("when a viewer reads, then it works; when a viewer records an absence or re-plans, then 403", async () => {
    const viewer = await ApiClient.signedIn(service.url, VIEWER.email, VIEWER.password);
    expect((await viewer.get("/api/enclaves")).status).toBe(200);
    const absence = await viewer.post("/api/absences", { personId: "W001", from: DATE, to: DATE, blocks: ["am"], kind: "sick" });
    expect(absence.status).toBe(403);
    expect(absence.body.error.message).toMatch(/needs the role hr or higher; you are viewer/);
    expect((await viewer.post(`/api/days/${DATE}/replan`, { version: 1 })).status).toBe(403);
  });

  it("when HR records an absence, then it works; when HR publishes or imports, then 403", async () => {
    const hr = await ApiClient.signedIn(service.url, HR.email, HR.password);
    const absence = await hr.post("/api/absences", { personId: "W140", from: "2026-12-01", to: "2026-12-02", blocks: ["am", "pm"], kind: "leave" });
    expect(absence.status).toBe(201);
    expect((await hr.delete(`/api/absences/${absence.body.id}`)).status).toBe(204);
    expect((await hr.post(`/api/days/${DATE}/publish`, { version: 1 })).status).toBe(403);
    expect((await hr.put("/api/scenario", {})).status).toBe(403);
  });

  it("when only an admin may add users, then a planner gets 403 and the admin creates one", async () => {
    const body = { email: "new@westhoek.example", name: "Nieuw", role: "viewer", password: "a-long-password" };
    expect((await planner.post("/api/users", body)).status).toBe(403);
    const admin = await ApiClient.signedIn(service.url, ADMIN.email, ADMIN.password);
    const created = await admin.post("/api/users", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "new@westhoek.example", role: "viewer" });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
  });
});

describe("users and absences, changed", () => {
  it("when an admin changes a user's role, then their session ends and they sign in with the new role; removing them ends access", async () => {
    const admin = await ApiClient.signedIn(service.url, ADMIN.email, ADMIN.password);
    const created = await admin.post("/api/users", { email: "temp@westhoek.example", name: "Tijdelijk", role: "viewer", password: "temp-password-1" });
    expect(created.status).toBe(201);
    const temp = await ApiClient.signedIn(service.url, "temp@westhoek.example", "temp-password-1");
    expect((await temp.post("/api/absences", { personId: "W010", from: "2026-12-08", to: "2026-12-08", blocks: ["am"], kind: "leave" })).status).toBe(403);
    const promoted = await admin.put(`/api/users/${created.body.id}`, { role: "hr" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("hr");
    expect((await temp.get("/api/auth/me")).status).toBe(401);
    const again = await ApiClient.signedIn(service.url, "temp@westhoek.example", "temp-password-1");
    expect((await again.get("/api/auth/me")).body.user.role).toBe("hr");
    expect((await admin.delete(`/api/users/${created.body.id}`)).status).toBe(204);
    expect((await again.get("/api/auth/me")).status).toBe(401);
    const me = (await admin.get("/api/auth/me")).body.user.id;
    expect((await admin.delete(`/api/users/${me}`)).status).toBe(409);
  });

  it("when a sick call is extended to the next day, then the absence is replaced; a bad replacement is 400 and changes nothing", async () => {
    const created = await planner.post("/api/absences", { personId: "W011", from: "2026-12-09", to: "2026-12-09", blocks: ["am", "pm"], kind: "sick" });
    expect(created.status).toBe(201);
    const extended = await planner.put(`/api/absences/${created.body.id}`, { personId: "W011", from: "2026-12-09", to: "2026-12-10", blocks: ["am", "pm"], kind: "sick" });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ id: created.body.id, to: "2026-12-10" });
    const bad = await planner.put(`/api/absences/${created.body.id}`, { personId: "W999", from: "2026-12-09", to: "2026-12-10", blocks: ["am"], kind: "sick" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toMatch(/personId/);
    const listed = (await planner.get("/api/absences?from=2026-12-09&to=2026-12-10")).body.absences.find((a: { id: string }) => a.id === created.body.id);
    expect(listed).toMatchObject({ personId: "W011", to: "2026-12-10" });
    expect((await other.put(`/api/absences/${created.body.id}`, { personId: "W011", from: "2026-12-09", to: "2026-12-09", blocks: ["am"], kind: "sick" })).status).toBe(404);
  });
});

describe("organisation isolation", () => {
  it("when both organisations have an E01, then each sees its own and changes stay their own", async () => {
    const renamed = { ...(await other.get("/api/enclaves/E01")).body, name: "Leiedal's own E01" };
    expect((await other.put("/api/enclaves/E01", renamed)).status).toBe(200);
    expect((await other.get("/api/enclaves/E01")).body.name).toBe("Leiedal's own E01");
    expect((await planner.get("/api/enclaves/E01")).body.name).toBe("Assemblage Kunststoffen Noord");
  });

  it("when a planner asks for another organisation's absence or estimate, then it does not exist for them", async () => {
    const absence = await planner.post("/api/absences", { personId: "W003", from: "2026-12-07", to: "2026-12-07", blocks: ["am"], kind: "other" });
    expect(absence.status).toBe(201);
    const theirs = await other.get("/api/absences?from=2026-12-07&to=2026-12-07");
    expect(theirs.body.absences.map((a: { id: string }) => a.id)).not.toContain(absence.body.id);
    expect((await other.delete(`/api/absences/${absence.body.id}`)).status).toBe(404);
    const job = await planner.post("/api/estimates", { year: 2027, runs: 20 });
    expect(job.status).toBe(202);
    expect((await other.get(`/api/estimates/${job.body.id}`)).status).toBe(404);
  });

  it("when the other organisation plans the same date, then its plan versions are its own", async () => {
    const ours = await planner.get(`/api/days/${DATE}/plan`);
    const theirs = await other.get(`/api/days/${DATE}/plan`);
    expect(ours.status).toBe(200);
    expect(theirs.status).toBe(200);
    expect(theirs.body.version.number).toBe(1);
    expect(theirs.body.version.createdBy).toBe("planner@leiedal.example");
  });
});

describe("bad input", () => {
  it("when an absence has an impossible date and an unknown kind, then 400 names both paths", async () => {
    const reply = await planner.post("/api/absences", { personId: "W001", from: "2026-02-30", to: DATE, blocks: ["am"], kind: "holiday" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("INVALID_INPUT");
    const paths = reply.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["from", "kind"]));
  });

  it("when the body is not JSON, then 400, not 500", async () => {
    const reply = await planner.raw("POST", "/api/absences", "{not json");
    expect(reply.status).toBe(400);
    expect((reply.body as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe("body");
  });

  it("when the body is larger than the service takes, then 413, not 500", async () => {
    const reply = await planner.raw("POST", "/api/absences", JSON.stringify({ personId: "x".repeat(6 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect((reply.body as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("when the date in the path does not exist, then 400 names the parameter", async () => {
    const reply = await planner.get("/api/days/2026-13-01/plan");
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].path).toBe("path.date");
  });

  it("when an absence names an unknown person, then 400 names the path and nothing is stored", async () => {
    const before = (await planner.get("/api/absences")).body.absences.length;
    const reply = await planner.post("/api/absences", { personId: "W999", from: DATE, to: DATE, blocks: ["am"], kind: "sick" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].path).toMatch(/personId/);
    expect((await planner.get("/api/absences")).body.absences.length).toBe(before);
  });

  it("when an imported scenario is invalid, then every problem is listed with its path and nothing is written", async () => {
    const admin = await ApiClient.signedIn(service.url, ADMIN.email, ADMIN.password);
    const scenario = (await admin.get("/api/scenario")).body;
    const broken = structuredClone(scenario);
    broken.enclaves[3].staffing.min = 20;
    broken.workers[0].homeEnclaveId = "E99";
    const reply = await admin.put("/api/scenario", broken);
    expect(reply.status).toBe(400);
    const paths = reply.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["enclaves[3].staffing.min", "workers[0].homeEnclaveId"]));
    expect(await exportScenario(service.db, westhoekId)).toEqual(scenario);
  });

  it("when the same scenario is imported again, then nothing changes", async () => {
    const admin = await ApiClient.signedIn(service.url, ADMIN.email, ADMIN.password);
    const scenario = (await admin.get("/api/scenario")).body;
    const reply = await admin.put("/api/scenario", scenario);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it("when an unknown id or route is asked for, then 404 with a JSON error", async () => {
    const enclave = await planner.get("/api/enclaves/E99");
    expect(enclave.status).toBe(404);
    expect(enclave.body.error.code).toBe("NOT_FOUND");
    const route = await planner.get("/api/nothing-here");
    expect(route.status).toBe(404);
    expect(route.body.error.message).toMatch(/no API route GET \/api\/nothing-here/);
  });

  it("when an enclave people belong to is deleted, then 409 says who still refers to it", async () => {
    const reply = await planner.delete("/api/enclaves/E05");
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/E05/);
    expect((await planner.get("/api/enclaves/E05")).status).toBe(200);
  });
});

describe("edits on the plan", () => {
  it("when two planners edit the same version at once, then one wins and the other gets 409", async () => {
    const day = (await planner.get(`/api/days/${DATE}/plan`)).body;
    const second = await ApiClient.signedIn(service.url, PLANNER.email, PLANNER.password);
    const e02 = day.plan.enclaves.find((e: { enclaveId: string }) => e.enclaveId === "E02");
    const [a, b] = await Promise.all([
      planner.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: e02.blocks.am.workerIds[0], toEnclaveId: null }),
      second.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: e02.blocks.am.workerIds[1], toEnclaveId: null }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe("VERSION_CONFLICT");
  });

  it("when a sick call comes in and the planner then moves someone by hand, then the new draft is still stale", async () => {
    const day = (await planner.get(`/api/days/${DATE}/plan`)).body;
    // Someone not placed today: the data changes, the plan stays valid.
    const sick = await planner.post("/api/absences", { personId: day.plan.idle.workerIds[0], from: DATE, to: DATE, blocks: ["am", "pm"], kind: "sick" });
    expect(sick.status).toBe(201);
    expect((await planner.get(`/api/days/${DATE}/plan`)).body.stale).toBe(true);
    const e03 = day.plan.enclaves.find((e: { enclaveId: string }) => e.enclaveId === "E03");
    const moved = await planner.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: e03.blocks.am.workerIds[0], toEnclaveId: null });
    expect(moved.status, moved.text).toBe(200);
    // The move took in nothing of the sick call: only a re-plan does.
    expect(moved.body.stale).toBe(true);
  });

  it("when a move breaks a rule, then 422 names the rule and no version is added", async () => {
    const day = (await planner.get(`/api/days/${DATE}/plan`)).body;
    // W001 belongs to E01 and is trained for E02 only: E05 is not allowed.
    const reply = await planner.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: "W001", toEnclaveId: "E05" });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("RULE_BROKEN");
    expect(reply.body.error.violations.map((v: { rule: string }) => v.rule)).toContain("NOT_QUALIFIED");
    expect((await planner.get(`/api/days/${DATE}/plan`)).body.version.number).toBe(day.version.number);
  });

  it("when suggestions are asked for a gap, then they are ranked with reasons", async () => {
    const reply = await planner.get(`/api/days/${DATE}/suggestions?enclaveId=E02&block=am`);
    expect(reply.status).toBe(200);
    const ranks = reply.body.suggestions.map((s: { rank: number }) => s.rank);
    expect(ranks).toEqual(ranks.map((_: number, i: number) => i + 1));
    for (const s of reply.body.suggestions) expect(s.reason.length).toBeGreaterThan(10);
    expect((await planner.get(`/api/days/${DATE}/suggestions?enclaveId=E02&block=noon`)).status).toBe(400);
  });

  it("when a placed worker calls in sick and the planner moves someone else by hand, then 409 PLAN_OUT_OF_DATE says to re-plan first", async () => {
    const day = (await planner.get(`/api/days/${DATE}/plan`)).body;
    const e03 = day.plan.enclaves.find((e: { enclaveId: string }) => e.enclaveId === "E03");
    const [sickId, otherId] = e03.blocks.am.workerIds as string[];
    const sick = await planner.post("/api/absences", { personId: sickId, from: DATE, to: DATE, blocks: ["am", "pm"], kind: "sick" });
    expect(sick.status).toBe(201);
    // Taking a colleague off breaks nothing by itself; the plan does (the sick worker is placed).
    const moved = await planner.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: otherId, toEnclaveId: null });
    expect(moved.status, moved.text).toBe(409);
    expect(moved.body.error.code).toBe("PLAN_OUT_OF_DATE");
    expect(moved.body.error.message).toMatch(/re-plan first/);
    expect(moved.body.error.violations.map((v: { personId?: string }) => v.personId)).toContain(sickId);
    // A move that breaks rules of its own is refused with those rules only, not the plan's.
    const wrong = await planner.post(`/api/days/${DATE}/moves`, { version: day.version.number, personId: "W001", toEnclaveId: "E05" });
    expect(wrong.status).toBe(422);
    const own = wrong.body.error.violations as { rule: string; personId?: string }[];
    expect(own.map((v) => v.rule)).toContain("NOT_QUALIFIED");
    expect(own.map((v) => v.personId)).not.toContain(sickId);
    expect((await planner.get(`/api/days/${DATE}/plan`)).body.version.number).toBe(day.version.number);
  });

  it("when nothing is published yet, then the registration is 404 and says to publish first", async () => {
    const reply = await planner.get(`/api/days/2026-11-24/registration.csv`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toMatch(/nothing is published for 2026-11-24/);
  });
});

describe("documentation", () => {
  it("when the OpenAPI document is read, then every operation has responses and the page lists them", async () => {
    const doc = (await planner.get("/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/days/{date}/plan"].get.responses["200"].content["application/json"].schema.properties.plan).toBeDefined();
    expect(doc.paths["/absences"].post.requestBody.content["application/json"].schema.properties.personId).toBeDefined();
    const page = await planner.get("/api/docs");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/days/{date}/replan");
  });
});
