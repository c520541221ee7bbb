/**
 * Independent parts solved at the same time in part threads (solver/part-threads.ts): the
 * parts are shared out by size, the threads load the solver through tsx, and the answer is the
 * one the parts give solved one after the other in this thread.
 */
import { afterAll, describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { repairPoint, solveByDecomposition } from "../../solver/decompose.ts";
import { splitComponents } from "../../solver/components.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { solveModel, solveParts } from "../../solver/index.ts";
import { evaluate, restrictPoint, violatedRows, type LinearModel, type Objective } from "../../solver/linear-model.ts";
import { idlePartThread, partThreadIdle, partThreadJobs, readyPartThreads, shareParts, solvePartsInThread, startPartThreads, stopPartThreads, THREAD_MIN_VARIABLES } from "../../solver/part-threads.ts";
import { generateScenario } from "../generators/scenario-generator.ts";

const DATE = "2026-11-23";

/** Generated company `seed`'s day model, its names prefixed: a model to put beside another. */
function company(seed: number, prefix: string): { model: LinearModel; start: Map<string, number> } {
  const scenario = scenarioSchema.parse(generateScenario({ seed, enclaves: 14, date: DATE }));
  const daily = buildDailyModel(buildDayContext(scenario, DATE).day);
  const rename = (terms: Map<string, number>) => new Map([...terms].map(([name, c]) => [prefix + name, c]));
  const model: LinearModel = {
    variables: new Map([...daily.model.variables].map(([name, v]) => [prefix + name, { ...v, name: prefix + name }])),
    rows: daily.model.rows.map((row) => ({ ...row, name: prefix + row.name, terms: rename(row.terms) })),
    objectives: daily.model.objectives.map((objective) => ({ ...objective, terms: rename(objective.terms) })),
    cuts: (daily.model.cuts ?? []).map((row) => ({ ...row, name: prefix + row.name, terms: rename(row.terms) })),
  };
  return { model, start: new Map([...bestGreedyStart(daily)].map(([name, value]) => [prefix + name, value])) };
}

/** Two companies' days as one model: two independent parts of a few hundred variables each. */
function twoCompanies(): { model: LinearModel; start: Map<string, number> } {
  const a = company(3, "a.");
  const b = company(4, "b.");
  const objectives: Objective[] = a.model.objectives.map((objective, k) => {
    const other = b.model.objectives[k]!;
    return { ...objective, terms: new Map([...objective.terms, ...other.terms]), range: objective.range + other.range, offset: (objective.offset ?? 0) + (other.offset ?? 0) };
  });
  return {
    model: {
      variables: new Map([...a.model.variables, ...b.model.variables]),
      rows: [...a.model.rows, ...b.model.rows],
      objectives,
      cuts: [...(a.model.cuts ?? []), ...(b.model.cuts ?? [])],
    },
    start: new Map([...a.start, ...b.start]),
  };
}

async function partThreadsReady(): Promise<void> {
  startPartThreads();
  await partThreadIdle(20_000);
}

afterAll(async () => {
  await stopPartThreads();
});

describe("part threads", () => {
  const { model, start } = twoCompanies();
  const parts = splitComponents(model);

  it("shares nothing before the threads are started, nor one large part", async () => {
    const large = parts.filter((part) => part.variables.size >= THREAD_MIN_VARIABLES);
    expect(large.length).toBe(2);
    expect(shareParts(parts).elsewhere).toEqual([]);
    const jobs = partThreadJobs();
    solveModel(model, 20_000, start);
    expect(partThreadJobs()).toBe(jobs);
    await partThreadsReady();
    // One large part alone, with the small ones: nothing to share.
    const small = parts.filter((part) => part.variables.size < THREAD_MIN_VARIABLES);
    expect(shareParts([large[0]!, ...small]).elsewhere).toEqual([]);
  }, 60_000);

  it("solves the parts in another thread to the answer solved one after the other here", async () => {
    await partThreadsReady();
    expect(readyPartThreads()).toBeGreaterThan(0);
    const shared = shareParts(parts);
    // The larger part stays here, the other goes to a thread; small parts stay here.
    expect(shared.elsewhere.length).toBe(1);
    expect(shared.elsewhere[0]!.parts.length).toBe(1);
    expect(shared.here.length).toBe(parts.length - 1);
    const here = shared.here.reduce((sum, part) => sum + part.variables.size, 0);
    expect(Math.max(...shared.here.map((part) => part.variables.size))).toBeGreaterThanOrEqual(shared.elsewhere[0]!.parts[0]!.variables.size);
    expect(here).toBeGreaterThan(0);

    const jobs = partThreadJobs();
    const together = solveModel(model, 20_000, start);
    expect(partThreadJobs()).toBe(jobs + 1);
    const alone = solveParts(parts, model.objectives.length, performance.now() + 20_000, start);
    expect(together.status).toBe("optimal");
    expect(alone.status).toBe("optimal");
    expect(violatedRows(model, together.values)).toEqual([]);
    const levels = (values: Map<string, number>) => model.objectives.map((objective) => Math.round(evaluate(objective.terms, values) * 1e6) / 1e6);
    expect(levels(together.values)).toEqual(levels(alone.values));
    expect(together.levels.every((level) => level.optimal)).toBe(true);
  }, 60_000);

  it("reports a part's failure in the thread as an error here, and the thread stays in service", async () => {
    await partThreadsReady();
    const large = parts.filter((part) => part.variables.size >= THREAD_MIN_VARIABLES);
    const bucket = shareParts(large).elsewhere[0]!;
    expect(bucket).toBeDefined();
    // A warm start that breaks a row of the part: solveLexicographic refuses it.
    const broken = new Map([...bucket.parts[0]!.variables.keys()].map((name) => [name, 1]));
    const pending = solvePartsInThread(bucket, model.objectives.length, performance.now() + 5_000, broken);
    expect(() => pending.answer()).toThrow(/a part thread failed: .*warm start breaks/s);
    expect(readyPartThreads()).toBeGreaterThan(0);
  }, 60_000);

  it("keeps the answer to a job collected after a later job's, and never mixes them up", async () => {
    // A thread answers in order and may be given a new job before the caller of the last has
    // collected its answer.
    await partThreadsReady();
    const large = parts.filter((part) => part.variables.size >= THREAD_MIN_VARIABLES);
    const [first, second] = [...large].sort((a, b) => a.variables.size - b.variables.size);
    const send = (part: LinearModel) => solvePartsInThread({ ...shareParts(large).elsewhere[0]!, parts: [part] }, model.objectives.length, performance.now() + 20_000, start);
    const early = send(first!);
    await partThreadIdle(20_000);
    // The thread is idle again: it has answered the first job, which nobody has collected yet.
    expect(readyPartThreads()).toBeGreaterThan(0);
    const late = send(second!);
    const lateResult = late.answer();
    const earlyResult = early.answer();
    for (const [part, result] of [[first!, earlyResult], [second!, lateResult]] as const) {
      expect(result.status).toBe("optimal");
      expect([...result.values.keys()].sort()).toEqual([...part.variables.keys()].sort());
      expect(violatedRows(part, result.values)).toEqual([]);
    }
  }, 60_000);
});

describe("a part thread racing a site-by-site search with the whole part", () => {
  // Generated 40-enclave company 7: one component of 986 variables in three sites, solved whole
  // in about 110 ms; too large to be tried whole first (WHOLE_FIRST_MAX_VARIABLES), so solveParts
  // goes site by site unless told to solve it whole.
  const scenario = scenarioSchema.parse(generateScenario({ seed: 7, enclaves: 40, date: DATE }));
  const daily = buildDailyModel(buildDayContext(scenario, DATE).day);
  const part = splitComponents(daily.model).sort((a, b) => b.variables.size - a.variables.size)[0]!;
  const start = restrictPoint(bestGreedyStart(daily), part);
  const levelCount = part.objectives.length;
  const levels = (values: Map<string, number>) => part.objectives.map((objective) => Math.round(evaluate(objective.terms, values) * 1e6) / 1e6);

  it("when a part thread is asked for the whole part, then it solves it whole, to the optimum the sites reach", async () => {
    await partThreadsReady();
    expect(part.variables.size).toBeGreaterThan(800);
    const thread = idlePartThread();
    expect(thread).not.toBeNull();
    const whole = solvePartsInThread({ thread: thread!, parts: [part] }, levelCount, performance.now() + 20_000, start, { whole: true }).answer();
    const sites = solveParts([part], levelCount, performance.now() + 20_000, start);
    expect(whole.decompositions).toEqual([]);
    expect(sites.decompositions).toHaveLength(1);
    expect(whole.status).toBe("optimal");
    expect(sites.status).toBe("optimal");
    expect(violatedRows(part, whole.values)).toEqual([]);
    expect(levels(whole.values)).toEqual(levels(sites.values));
  }, 60_000);

  it("when a search races the whole part in a part thread, then the answer is the optimum, and a thread is ready again for the next day", async () => {
    await partThreadsReady();
    const jobs = partThreadJobs();
    const sites = solveParts([part], levelCount, performance.now() + 20_000, start, { wholeFirstMs: 0 });
    const deadline = performance.now() + 20_000;
    const rival = (point: Map<string, number>) => {
      const thread = idlePartThread();
      return thread === null ? null : solvePartsInThread({ thread, parts: [part] }, levelCount, deadline, point, { whole: true });
    };
    const raced = solveByDecomposition(part, { deadline, incumbent: start, wholeAfterSearch: true, rival, rivalAfterMs: 0 })!;
    expect(partThreadJobs()).toBe(jobs + 1);
    expect(raced.rival).not.toBe("none");
    expect(raced.status).toBe("optimal");
    expect(violatedRows(part, raced.values)).toEqual([]);
    expect(levels(raced.values)).toEqual(levels(sites.values));
    // A thread called off while at work is replaced: the next day finds one ready again.
    await partThreadsReady();
    expect(readyPartThreads()).toBeGreaterThan(0);
  }, 60_000);

  it("when a part thread is asked to polish a part by pairs of sites, then it improves the point it was given, keeps every row, and claims no proof", async () => {
    await partThreadsReady();
    const nobody = repairPoint(part, new Map());
    expect(violatedRows(part, nobody)).toEqual([]);
    const thread = idlePartThread()!;
    const polished = solvePartsInThread({ thread, parts: [part] }, levelCount, performance.now() + 3_000, nobody, { polishFrom: 0 }).answer();
    expect(polished.status).toBe("feasible");
    expect(polished.proven).toEqual([false, false, false, false, false]);
    expect(polished.decompositions).toEqual([]);
    expect(violatedRows(part, polished.values)).toEqual([]);
    // Nobody placed covers nothing; the pairs cover most of what the optimum covers.
    expect(levels(nobody)[0]).toBe(0);
    expect(levels(polished.values)[0]).toBeGreaterThan(0.8 * levels(solveParts([part], levelCount, performance.now() + 20_000, start).values)[0]!);
  }, 60_000);

  it("when a job's answer has been collected, then calling it off changes nothing: the thread stays in service", async () => {
    await partThreadsReady();
    const thread = idlePartThread()!;
    const pending = solvePartsInThread({ thread, parts: [part] }, levelCount, performance.now() + 20_000, start, { whole: true });
    expect(pending.answer().status).toBe("optimal");
    pending.callOff();
    pending.callOff();
    // Not terminated and replaced: idle at once, not a few hundred milliseconds later.
    expect(idlePartThread()).toBe(thread);
  }, 60_000);

  it("when the part threads are stopped while a job is at work, then calling that job off does not throw", async () => {
    // Generated 40-enclave company 4: its whole model takes seconds (5.3 s on a quiet machine).
    const hard = buildDailyModel(buildDayContext(scenarioSchema.parse(generateScenario({ seed: 4, enclaves: 40, date: DATE })), DATE).day);
    const hardPart = splitComponents(hard.model).sort((a, b) => b.variables.size - a.variables.size)[0]!;
    await partThreadsReady();
    const thread = idlePartThread()!;
    const pending = solvePartsInThread({ thread, parts: [hardPart] }, levelCount, performance.now() + 20_000, restrictPoint(bestGreedyStart(hard), hardPart), { whole: true });
    await stopPartThreads();
    expect(pending.ready()).toBe(false);
    expect(() => pending.callOff()).not.toThrow();
    expect(readyPartThreads()).toBe(0);
  }, 60_000);
});
