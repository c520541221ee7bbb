/**
 * The scenario generators: reproducible, valid per the zod schema, referentially sound, and
 * shaped like a real company (sizes, guidance mix, part-time share, vans, regions).
 */
import { describe, expect, it } from "vitest";
import { rrulestr } from "rrule";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import type { Scenario, ScenarioInput } from "../../src/scenario/schema.ts";
import { generateCompany, generateScenario, generateTinyScenario, TINY_SCENARIO_DATE } from "./scenario-generator.ts";
import { createRandom } from "./seeded-random.ts";

const DATE = "2026-11-23"; // a Monday

function parse(input: ScenarioInput): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new Error(result.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  return result.data;
}

/** Unknown or duplicate ids, fixed coaches not listed by their enclave, contradictory training. */
function referenceProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const enclaveIds = new Set(scenario.enclaves.map((e) => e.id));
  const personIds = [...scenario.workers.map((w) => w.id), ...scenario.coaches.map((c) => c.id)];
  const duplicates = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);
  problems.push(...duplicates(scenario.enclaves.map((e) => e.id)).map((id) => `duplicate enclave ${id}`));
  problems.push(...duplicates(personIds).map((id) => `duplicate person ${id}`));
  problems.push(...duplicates(scenario.routes.map((r) => r.id)).map((id) => `duplicate route ${id}`));
  const known = (id: string | null, where: string): void => {
    if (id !== null && !enclaveIds.has(id)) problems.push(`${where}: unknown enclave ${id}`);
  };
  for (const w of scenario.workers) {
    known(w.homeEnclaveId, w.id);
    w.qualifiedEnclaveIds.forEach((id) => known(id, w.id));
    w.excludedEnclaveIds.forEach((id) => known(id, w.id));
    if (w.excludedEnclaveIds.some((id) => id === w.homeEnclaveId || w.qualifiedEnclaveIds.includes(id))) {
      problems.push(`${w.id}: excluded from an enclave it belongs to or is trained for`);
    }
  }
  for (const c of scenario.coaches) {
    known(c.homeEnclaveId, c.id);
    c.qualifiedEnclaveIds.forEach((id) => known(id, c.id));
    if ((c.role === "fixed") !== (c.homeEnclaveId !== null)) problems.push(`${c.id}: ${c.role} with home ${c.homeEnclaveId}`);
  }
  for (const e of scenario.enclaves) {
    for (const id of e.fixedCoachIds) {
      const coach = scenario.coaches.find((c) => c.id === id);
      if (!coach || coach.homeEnclaveId !== e.id) problems.push(`${e.id}: fixed coach ${id} does not belong to it`);
    }
  }
  for (const c of scenario.coaches.filter((c) => c.role === "fixed")) {
    const home = scenario.enclaves.find((e) => e.id === c.homeEnclaveId);
    if (!home?.fixedCoachIds.includes(c.id)) problems.push(`${c.id}: not listed by its home enclave`);
  }
  const people = new Set(personIds);
  for (const a of scenario.absences) {
    if (!people.has(a.personId)) problems.push(`absence of unknown ${a.personId}`);
    if (a.from > a.to) problems.push(`absence of ${a.personId} ends before it starts`);
  }
  for (const r of scenario.routes) r.enclaveIds.forEach((id) => known(id, r.id));
  return problems;
}

/** Whether an RFC 5545 rule with its dtstart has an occurrence on `date` (checked with the rrule package). */
function occursOn(dtstart: string, rule: string, date: string): boolean {
  const parsed = rrulestr(`DTSTART:${dtstart.replaceAll("-", "")}T000000Z\nRRULE:${rule}`);
  const day = new Date(`${date}T00:00:00Z`);
  return parsed.between(day, new Date(day.getTime() + 1), true).length > 0;
}

describe("generateScenario", () => {
  it("gives identical output for the same seed and different output for another", () => {
    const a = generateScenario({ seed: 42, enclaves: 40, date: DATE });
    const b = generateScenario({ seed: 42, enclaves: 40, date: DATE });
    const c = generateScenario({ seed: 43, enclaves: 40, date: DATE });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it.each([13, 40, 80, 160])("with %i enclaves passes the schema and refers only to what exists", (enclaves) => {
    for (const seed of [1, 2, 3]) {
      const scenario = parse(generateScenario({ seed, enclaves, date: DATE }));
      expect(referenceProblems(scenario)).toEqual([]);
    }
  });

  it.each([
    [40, 3],
    [80, 7],
    [160, 13],
  ])("with %i enclaves has about 12 workers per enclave, in %i regions", (enclaves, regionCount) => {
    const { scenario: input, regions } = generateCompany({ seed: 7, enclaves, date: DATE });
    const scenario = parse(input);
    expect(regions).toHaveLength(regionCount);
    expect(scenario.enclaves).toHaveLength(enclaves);
    const home = scenario.workers.filter((w) => w.homeEnclaveId !== null).length;
    expect(home / enclaves).toBeCloseTo(12, 5);
    const perEnclave = scenario.workers.length / enclaves;
    expect(perEnclave).toBeGreaterThanOrEqual(12);
    expect(perEnclave).toBeLessThanOrEqual(14);
    expect(scenario.enclaves.reduce((n, e) => n + e.fixedCoachIds.length, 0) / enclaves).toBeCloseTo(1.5, 1);
    expect(scenario.coaches.filter((c) => c.role === "butterfly").length).toBe(Math.round(enclaves / 3.5));
  });

  it("follows the requested options", () => {
    const scenario = parse(
      generateScenario({ seed: 5, enclaves: 20, workersPerEnclave: 8, coachesPerEnclave: 1, butterflies: 3, inHouseStandIns: 4, absentShare: 0.2, date: DATE, regions: 2 }),
    );
    expect(scenario.workers.filter((w) => w.homeEnclaveId !== null)).toHaveLength(160);
    expect(scenario.workers.filter((w) => w.homeEnclaveId === null)).toHaveLength(4);
    expect(scenario.coaches.filter((c) => c.role === "fixed")).toHaveLength(20);
    expect(scenario.coaches.filter((c) => c.role === "butterfly")).toHaveLength(3);
    const absent = new Set(scenario.absences.map((a) => a.personId));
    expect(absent.size).toBe(Math.round(0.2 * 164) + Math.round(0.2 * 23));
  });

  it("looks like a real company: guidance mix, part-time, vans, cross-training, seats", () => {
    const scenario = parse(generateScenario({ seed: 11, enclaves: 160, date: DATE }));
    const share = (predicate: (w: Scenario["workers"][number]) => boolean): number =>
      scenario.workers.filter(predicate).length / scenario.workers.length;
    expect(share((w) => w.guidance === "low")).toBeGreaterThan(0.48);
    expect(share((w) => w.guidance === "low")).toBeLessThan(0.62);
    expect(share((w) => w.guidance === "medium")).toBeGreaterThan(0.28);
    expect(share((w) => w.guidance === "high")).toBeGreaterThan(0.06);
    expect(share((w) => w.guidance === "high")).toBeLessThan(0.14);
    const partTime = share((w) => w.workPattern.length > 1 || w.workPattern.some((p) => p.blocks.length < 2 || !p.rrule.endsWith("MO,TU,WE,TH,FR")));
    expect(partTime).toBeGreaterThan(0.2);
    expect(partTime).toBeLessThan(0.4);
    expect(share((w) => w.transport === "van")).toBeGreaterThan(0.5);
    expect(share((w) => w.transport === "van")).toBeLessThan(0.65);
    const home = scenario.workers.filter((w) => w.homeEnclaveId !== null);
    const crossTrained = home.filter((w) => w.qualifiedEnclaveIds.length > 0).length / home.length;
    expect(crossTrained).toBeGreaterThan(0.1);
    expect(crossTrained).toBeLessThan(0.2);
    expect(scenario.workers.some((w) => w.excludedEnclaveIds.length > 0)).toBe(true);
    // Day seats: about 105% of the van travellers.
    const vanPeople = home.filter((w) => w.transport === "van" && w.workPattern.every((p) => p.blocks.length === 2)).length +
      scenario.coaches.filter((c) => c.transport === "van").length;
    const daySeats = scenario.routes.reduce((n, r) => n + r.seats.day, 0);
    expect(daySeats / vanPeople).toBeGreaterThanOrEqual(1.05);
    expect(daySeats / vanPeople).toBeLessThan(1.12);
    // Every enclave is on exactly one route.
    const stops = scenario.routes.flatMap((r) => r.enclaveIds);
    expect(new Set(stops).size).toBe(stops.length);
    expect(stops.length).toBe(scenario.enclaves.length);
    // Staffing: min ≤ target ≤ max = target + 2, a few small enclaves.
    for (const e of scenario.enclaves) expect(e.staffing.max).toBe(e.staffing.target + 2);
    expect(scenario.enclaves.filter((e) => e.staffing.min <= 3).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps people and routes within their region, but for a little cross-region training", () => {
    const { scenario: input, regions } = generateCompany({ seed: 3, enclaves: 80, date: DATE });
    const scenario = parse(input);
    const regionOf = new Map(regions.flatMap((r, i) => r.enclaveIds.map((id) => [id, i] as const)));
    for (const route of scenario.routes) expect(new Set(route.enclaveIds.map((id) => regionOf.get(id))).size).toBe(1);
    let links = 0;
    let crossings = 0;
    for (const w of scenario.workers.filter((w) => w.homeEnclaveId !== null)) {
      for (const id of w.qualifiedEnclaveIds) {
        links++;
        if (regionOf.get(id) !== regionOf.get(w.homeEnclaveId ?? "")) crossings++;
      }
    }
    expect(crossings).toBeGreaterThan(0);
    expect(crossings / links).toBeLessThan(0.1);
    for (const c of scenario.coaches.filter((c) => c.role === "butterfly")) {
      const counts = new Map<number, number>();
      for (const id of c.qualifiedEnclaveIds) counts.set(regionOf.get(id) ?? -1, (counts.get(regionOf.get(id) ?? -1) ?? 0) + 1);
      const [mainRegion, trained] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
      const size = regions[mainRegion]?.enclaveIds.length ?? 0;
      expect(trained / size).toBeGreaterThanOrEqual(0.55);
      expect(trained / size).toBeLessThanOrEqual(0.95);
      expect(c.qualifiedEnclaveIds.length - trained).toBeLessThanOrEqual(2);
    }
  });

  it("lets every weekday enclave run on the date, with valid recurrence rules and absences on it", () => {
    const scenario = parse(generateScenario({ seed: 9, enclaves: 80, date: DATE }));
    for (const e of scenario.enclaves) {
      const runs = e.schedule.rrule === null ? e.schedule.rdates.includes(DATE) : occursOn(e.schedule.dtstart, e.schedule.rrule, DATE);
      if (e.schedule.rrule === "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" || e.schedule.rrule === null) expect(runs, e.id).toBe(true);
      expect(e.contract.start <= DATE).toBe(true);
      expect(e.contract.notifiedOn !== null && e.contract.notifiedOn < e.contract.start).toBe(true);
      expect(e.schedule.exdates).not.toContain(DATE);
    }
    expect(scenario.enclaves.filter((e) => e.schedule.rrule === "FREQ=WEEKLY;BYDAY=WE").length).toBeGreaterThan(0);
    for (const w of scenario.workers) for (const p of w.workPattern) expect(() => occursOn(p.dtstart, p.rrule, DATE)).not.toThrow();
    for (const a of scenario.absences) {
      expect(a.from <= DATE && DATE <= a.to).toBe(true);
      if (a.kind === "sick") expect(a.reportedAt).toMatch(/T0[67]:\d\d:00\+01:00$/);
    }
    const halfDay = scenario.absences.filter((a) => a.blocks.length === 1).length;
    expect(halfDay).toBeGreaterThan(0);
    expect(halfDay).toBeLessThan(scenario.absences.length / 3);
  });
});

describe("generateTinyScenario", () => {
  it("is reproducible and always valid", () => {
    expect(JSON.stringify(generateTinyScenario(17))).toBe(JSON.stringify(generateTinyScenario(17)));
    for (let seed = 0; seed < 300; seed++) {
      const scenario = parse(generateTinyScenario(seed));
      expect(referenceProblems(scenario), `seed ${seed}`).toEqual([]);
      expect(scenario.enclaves.length).toBeGreaterThanOrEqual(2);
      expect(scenario.enclaves.length).toBeLessThanOrEqual(4);
      expect(scenario.workers.length).toBeGreaterThanOrEqual(3);
      expect(scenario.workers.length).toBeLessThanOrEqual(10);
      expect(scenario.coaches.length).toBeGreaterThanOrEqual(1);
      expect(scenario.coaches.length).toBeLessThanOrEqual(4);
      expect(scenario.routes.length).toBeLessThanOrEqual(2);
      for (const e of scenario.enclaves) {
        expect(e.staffing.min).toBeGreaterThanOrEqual(1);
        expect(e.staffing.min).toBeLessThanOrEqual(4);
      }
      for (const a of scenario.absences) expect(a.from).toBe(TINY_SCENARIO_DATE);
    }
  });

  it("varies the hard rules across seeds", () => {
    const scenarios = Array.from({ length: 200 }, (_, seed) => parse(generateTinyScenario(seed)));
    expect(scenarios.some((s) => s.rules.minCoachesPerEnclave === 2)).toBe(true);
    expect(scenarios.some((s) => s.rules.ratios.high <= 2)).toBe(true);
    expect(scenarios.some((s) => s.rules.interimCoachesAllowed)).toBe(true);
    expect(scenarios.some((s) => s.coaches.some((c) => c.role === "fixed") && s.coaches.some((c) => c.role === "butterfly"))).toBe(true);
    expect(scenarios.some((s) => s.coaches.some((c) => c.transport === "van"))).toBe(true);
    expect(scenarios.some((s) => s.enclaves.some((e) => e.hours.end === "12:00"))).toBe(true);
    expect(scenarios.filter((s) => s.absences.length > 0).length).toBeGreaterThan(150);
  });
});

describe("seeded random", () => {
  it("is mulberry32: reproducible, in [0, 1), evenly spread", () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
