/**
 * The two coverage oracles: hand-made days whose answer is known, one rule at a time (a case
 * that satisfies it and one that breaks it), and agreement of brute force and HiGHS on 200
 * random tiny days.
 */
import { describe, expect, it } from "vitest";
import type { DayCoach, DayEnclave, DayInstance, DayRoute, DayWorker } from "../../solver/types.ts";
import { generateRandomDay, generateTinyDay } from "../generators/day-instance-generator.ts";
import { bruteForceCoverage, maxCoveredEnclaves } from "./brute-force-coverage.ts";
import { buildCoverageLp, highsCoverage, maxCoveredEnclavesHighs } from "./highs-coverage.ts";

// --- Small builders for hand-made days ----------------------------------------------------------

function enclave(id: string, min: number, extra: Partial<DayEnclave> = {}): DayEnclave {
  return { id, blocks: ["am", "pm"], min, target: min, max: min + 2, ...extra };
}

function worker(id: string, eligible: string[], extra: Partial<DayWorker> = {}): DayWorker {
  return { id, guidance: "low", blocks: ["am", "pm"], eligible, reference: eligible[0] ?? null, home: eligible[0] ?? null, needsSeat: false, ...extra };
}

function butterfly(id: string, eligible: string[], extra: Partial<DayCoach> = {}): DayCoach {
  return {
    id,
    role: "butterfly",
    blocks: ["am", "pm"],
    eligible,
    reference: { am: null, pm: null },
    home: null,
    needsSeat: false,
    canSwitchAtNoon: true,
    ...extra,
  };
}

function route(id: string, enclaveIds: string[], day: number, morning = 0, afternoon = 0): DayRoute {
  return { id, enclaveIds, seats: { day, morning, afternoon } };
}

function makeDay(parts: Partial<DayInstance> & Pick<DayInstance, "enclaves">): DayInstance {
  return {
    date: "2026-11-23",
    rules: { ratios: { low: 13, medium: 10, high: 7 }, minCoachesPerEnclave: 1, interimCoachesAllowed: false },
    workers: [],
    coaches: [],
    routes: [],
    ...parts,
  };
}

/** Both oracles must give `expected`. */
async function expectCovered(day: DayInstance, expected: number): Promise<void> {
  expect(maxCoveredEnclaves(day), "brute force").toBe(expected);
  expect(await maxCoveredEnclavesHighs(day), "HiGHS").toBe(expected);
}

// --- Hand-made days -------------------------------------------------------------------------------

describe("coverage oracles on hand-made days", () => {
  it("one coach for two enclaves covers one", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 1), enclave("E2", 1)],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"])],
      coaches: [butterfly("V1", ["E1", "E2"])],
    });
    await expectCovered(day, 1);
    await expectCovered({ ...day, coaches: [...day.coaches, butterfly("V2", ["E1", "E2"])] }, 2);
  });

  it("a coach not trained for an enclave cannot cover it", async () => {
    const day = makeDay({ enclaves: [enclave("E1", 1)], workers: [worker("W1", ["E1"])], coaches: [butterfly("V1", ["E2"])] });
    await expectCovered(day, 0);
  });

  it("a coach present in one block only leaves the other block uncovered", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 0)],
      coaches: [butterfly("V1", ["E1"], { blocks: ["am"] })],
    });
    await expectCovered(day, 0);
    await expectCovered({ ...day, coaches: [...day.coaches, butterfly("V2", ["E1"], { blocks: ["pm"] })] }, 1);
  });

  it("a coach without own transport cannot split the day between two enclaves", async () => {
    const enclaves = [enclave("E1", 0, { blocks: ["am"] }), enclave("E2", 0, { blocks: ["pm"] })];
    await expectCovered(makeDay({ enclaves, coaches: [butterfly("V1", ["E1", "E2"], { canSwitchAtNoon: true })] }), 2);
    await expectCovered(makeDay({ enclaves, coaches: [butterfly("V1", ["E1", "E2"], { canSwitchAtNoon: false })] }), 1);
  });

  it("a worker never changes enclave at noon", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 1, { blocks: ["am"] }), enclave("E2", 1, { blocks: ["pm"] })],
      workers: [worker("W1", ["E1", "E2"])],
      coaches: [butterfly("V1", ["E1"]), butterfly("V2", ["E2"])],
    });
    await expectCovered(day, 1);
  });

  it("the minimum headcount counts workers present in each block the enclave works", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 2)],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1"], { blocks: ["am"] })],
      coaches: [butterfly("V1", ["E1"])],
    });
    await expectCovered(day, 0); // pm has one worker
    await expectCovered({ ...day, enclaves: [enclave("E1", 2, { blocks: ["am"] })] }, 1);
  });

  it("an enclave whose minimum exceeds its maximum cannot be covered", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 3, { max: 2 })],
      workers: ["W1", "W2", "W3"].map((id) => worker(id, ["E1"])),
      coaches: [butterfly("V1", ["E1"])],
    });
    await expectCovered(day, 0);
  });

  it("binds on the ratio: two high-need workers at ratio 2 fill one coach, a third needs another", async () => {
    const rules = { ratios: { low: 13, medium: 10, high: 2 }, minCoachesPerEnclave: 1, interimCoachesAllowed: false };
    const high = (id: string): DayWorker => worker(id, ["E1"], { guidance: "high" });
    const day = makeDay({ rules, enclaves: [enclave("E1", 3)], workers: [high("W1"), high("W2"), high("W3")], coaches: [butterfly("V1", ["E1"])] });
    await expectCovered(day, 0); // load 1.5 > 1 coach
    await expectCovered({ ...day, coaches: [...day.coaches, butterfly("V2", ["E1"])] }, 1);
    // 1/2 + 1/2 + 1/13 > 1 still, but 1/2 + 2/13 fits one coach.
    await expectCovered({ ...day, workers: [high("W1"), high("W2"), worker("W4", ["E1"])] }, 0);
    await expectCovered({ ...day, workers: [high("W1"), worker("W4", ["E1"]), worker("W5", ["E1"])] }, 1);
  });

  it("binds on the ratio exactly at the boundary (10 medium workers per coach, not 11)", async () => {
    const medium = (n: number): DayWorker[] => Array.from({ length: n }, (_, i) => worker(`W${i}`, ["E1"], { guidance: "medium" }));
    const coaches = [butterfly("V1", ["E1"])];
    await expectCovered(makeDay({ enclaves: [enclave("E1", 10)], workers: medium(10), coaches }), 1);
    await expectCovered(makeDay({ enclaves: [enclave("E1", 11)], workers: medium(11), coaches }), 0);
  });

  it("needs two coaches per enclave when the rules say so", async () => {
    const rules = { ratios: { low: 13, medium: 10, high: 7 }, minCoachesPerEnclave: 2, interimCoachesAllowed: false };
    const day = makeDay({ rules, enclaves: [enclave("E1", 1)], workers: [worker("W1", ["E1"])], coaches: [butterfly("V1", ["E1"])] });
    await expectCovered(day, 0);
    await expectCovered({ ...day, coaches: [...day.coaches, butterfly("V2", ["E1"])] }, 1);
  });

  it("uses an interim coach only when the rules allow it", async () => {
    const interim = butterfly("I1", ["E1"], { role: "interim" });
    const day = makeDay({ enclaves: [enclave("E1", 1)], workers: [worker("W1", ["E1"])], coaches: [interim] });
    await expectCovered(day, 0);
    await expectCovered({ ...day, rules: { ...day.rules, interimCoachesAllowed: true } }, 1);
  });

  it("binds on van seats: a day seat per full-day worker on a route that stops there", async () => {
    const van = (id: string): DayWorker => worker(id, ["E1"], { needsSeat: true });
    const day = makeDay({ enclaves: [enclave("E1", 2)], workers: [van("W1"), van("W2")], coaches: [butterfly("V1", ["E1"])], routes: [route("R1", ["E1"], 1)] });
    await expectCovered(day, 0);
    await expectCovered({ ...day, routes: [route("R1", ["E1"], 2)] }, 1);
    await expectCovered({ ...day, routes: [route("R1", ["E1"], 1), route("R2", ["E1", "E9"], 1)] }, 1);
    await expectCovered({ ...day, routes: [route("R1", ["E2"], 5)] }, 0); // the van does not stop there
  });

  it("takes a morning seat for a worker present only in the morning, not a day seat", async () => {
    const amOnly = worker("W1", ["E1"], { needsSeat: true, blocks: ["am"] });
    const base = makeDay({ enclaves: [enclave("E1", 1, { blocks: ["am"] })], workers: [amOnly], coaches: [butterfly("V1", ["E1"])] });
    await expectCovered({ ...base, routes: [route("R1", ["E1"], 3, 0, 3)] }, 0);
    await expectCovered({ ...base, routes: [route("R1", ["E1"], 0, 1, 0)] }, 1);
    // Available all day at an enclave that works only the morning: still a morning seat.
    await expectCovered({ ...base, workers: [{ ...amOnly, blocks: ["am", "pm"] }], routes: [route("R1", ["E1"], 0, 1, 0)] }, 1);
  });

  it("shares seats between routes as a matching would, not first come first served", async () => {
    // R1 stops at E1 and E2, R2 only at E2: the E2 worker must take R2 so that E1's can take R1.
    const day = makeDay({
      enclaves: [enclave("E1", 1), enclave("E2", 1)],
      workers: [worker("W1", ["E1"], { needsSeat: true }), worker("W2", ["E2"], { needsSeat: true })],
      coaches: [butterfly("V1", ["E1"]), butterfly("V2", ["E2"])],
      routes: [route("R1", ["E1", "E2"], 1), route("R2", ["E2"], 1)],
    });
    await expectCovered(day, 2);
  });

  it("gives a coach who needs a seat a day seat when staying, two half runs otherwise", async () => {
    const coach = butterfly("C1", ["E1"], { role: "fixed", home: "E1", needsSeat: true, canSwitchAtNoon: false });
    const base = makeDay({ enclaves: [enclave("E1", 0)], coaches: [coach] });
    await expectCovered({ ...base, routes: [route("R1", ["E1"], 0, 1, 1)] }, 0);
    await expectCovered({ ...base, routes: [route("R1", ["E1"], 1, 0, 0)] }, 1);
  });

  it("moves a cross-trained worker and a butterfly to cover a gap", async () => {
    // E1 lost its coach and one worker: W4 (trained for E1) and the butterfly fill in.
    const day = makeDay({
      enclaves: [enclave("E1", 2), enclave("E2", 2)],
      workers: [worker("W1", ["E1"]), worker("W2", ["E2"]), worker("W3", ["E2"]), worker("W4", ["E2", "E1"])],
      coaches: [butterfly("C2", ["E2"], { role: "fixed", home: "E2" }), butterfly("V1", ["E1", "E2"])],
    });
    await expectCovered(day, 2);
    await expectCovered({ ...day, workers: day.workers.filter((w) => w.id !== "W4") }, 1);
    await expectCovered({ ...day, coaches: day.coaches.filter((c) => c.id !== "V1") }, 1);
  });

  it("counts a worker with no available block as absent", async () => {
    const day = makeDay({ enclaves: [enclave("E1", 1)], workers: [worker("W1", ["E1"], { blocks: [] })], coaches: [butterfly("V1", ["E1"])] });
    await expectCovered(day, 0);
  });

  it("returns a placement from HiGHS that a reader can check", async () => {
    const day = makeDay({
      enclaves: [enclave("E1", 1), enclave("E2", 1)],
      workers: [worker("W1", ["E1"]), worker("W2", ["E1", "E2"])],
      coaches: [butterfly("V1", ["E1", "E2"]), butterfly("V2", ["E2"])],
    });
    const result = await highsCoverage(day);
    expect(result.covered).toBe(2);
    expect(result.workers).toEqual({ W1: "E1", W2: "E2" });
    expect(result.coaches).toEqual({ V1: { am: "E1", pm: "E1" }, V2: { am: "E2", pm: "E2" } });
    expect(buildCoverageLp(day).lp).toMatch(/^Maximize$/m);
  });
});

// --- Random tiny days -----------------------------------------------------------------------------

describe("brute force and HiGHS agree", () => {
  it("on 200 random tiny days", async () => {
    const started = performance.now();
    const outcomes = new Map<number, number>();
    for (let seed = 0; seed < 200; seed++) {
      const day = generateTinyDay(seed);
      const brute = bruteForceCoverage(day).covered;
      const highs = await maxCoveredEnclavesHighs(day);
      expect(highs, `seed ${seed}: ${JSON.stringify(day)}`).toBe(brute);
      const shortBy = day.enclaves.length - brute;
      outcomes.set(shortBy, (outcomes.get(shortBy) ?? 0) + 1);
    }
    // The generator must give both fully covered days and days short of one or more enclaves.
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(10);
    expect([...outcomes.keys()].filter((k) => k > 0).length).toBeGreaterThanOrEqual(3);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it("and the tiny days stay small enough to search exhaustively", () => {
    for (let seed = 0; seed < 200; seed++) {
      const day = generateTinyDay(seed);
      expect(day.enclaves.length).toBeLessThanOrEqual(4);
      expect(day.workers.length).toBeLessThanOrEqual(10);
      expect(day.coaches.length).toBeLessThanOrEqual(4);
      expect(bruteForceCoverage(day).nodes).toBeLessThan(200_000);
    }
  });

  it("HiGHS handles a day far beyond brute force", async () => {
    const day = generateRandomDay({ seed: 1, enclaves: 30, workers: 300, coaches: 40, routes: 8 });
    const result = await highsCoverage(day, { timeLimitSeconds: 60 });
    expect(result.covered).toBeGreaterThan(0);
    expect(result.covered).toBeLessThanOrEqual(30);
  });
});
