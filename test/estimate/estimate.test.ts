/**
 * The yearly butterfly estimate: the simulation against the exact binomial computation, the
 * hearing's arithmetic, qualification as a matching (not a count), the ratio need, and
 * determinism. No timings here: speed is measured by bench/estimate.ts.
 */
import { describe, expect, it } from "vitest";
import { exactCoverage } from "../../src/estimate/exact-binomial.ts";
import {
  arithmeticMinimum,
  coachAbsenceDaysByArithmetic,
  EstimateCancelledError,
  runEstimate,
} from "../../src/estimate/estimate.ts";
import { coachesNeeded } from "../../src/estimate/enclave-sites.ts";
import { estimateSchema, type Enclave, type Worker } from "../../src/scenario/schema.ts";
import { hearingCompany, smallCompany } from "./scenarios.ts";

describe("against the exact binomial computation (absences uniform and independent)", () => {
  const p = 0.126; // 32 absence days out of 254 working days
  const n = 13;
  const scenario = smallCompany({ enclaves: n, butterflies: ["all", "all", "all", "all", "all", "all"] });

  it("the share of fully covered days and the uncovered enclave-days agree within one percentage point for every k", async () => {
    const estimate = await runEstimate(
      scenario,
      { year: 2027, runs: 400, seed: 7, whatIfs: false, placement: { kind: "independent", probability: p } },
    );
    const runningDays = 254; // weekdays of 2027 that are not Belgian public holidays
    expect(estimate.demand.enclaveDays).toBe(n * runningDays);
    expect(estimate.curve.length).toBeGreaterThanOrEqual(5);
    for (const row of estimate.curve) {
      const exact = exactCoverage(n, row.butterflies, p);
      expect(Math.abs(row.fullDaysShare - exact.fullDaysShare), `fullDaysShare with ${row.butterflies}`).toBeLessThan(0.01);
      const exactCovered = 1 - exact.uncoveredPerDay / n;
      expect(Math.abs(row.enclaveDaysCoveredShare - exactCovered), `enclave-days with ${row.butterflies}`).toBeLessThan(0.01);
      const exactUncovered = exact.uncoveredPerDay * runningDays;
      expect(Math.abs(row.uncoveredEnclaveDays.mean - exactUncovered)).toBeLessThan(0.01 * n * runningDays);
    }
    // The exact computation is not trivially satisfied: coverage really changes along the curve.
    expect(estimate.curve[0]!.fullDaysShare).toBeLessThan(0.2);
    expect(estimate.curve.at(-1)!.fullDaysShare).toBeGreaterThan(0.9);
  });
});

describe("the hearing's arithmetic", () => {
  it("13 coaches × (10 leave + 7 ADV + 15 sick) = 416 coach-days", () => {
    expect(coachAbsenceDaysByArithmetic(13, { leaveDays: 10, advDays: 7, sickDays: 15 })).toBe(416);
    expect(arithmeticMinimum(416, 212)).toBe(2);
    expect(arithmeticMinimum(416, 190)).toBe(3);
    expect(arithmeticMinimum(0, 190)).toBe(0);
  });

  it("the simulated year of the hearing's company finds about 416 coach absence days and an arithmetic minimum of at least 2", async () => {
    const estimate = await runEstimate(hearingCompany(), { year: 2027, runs: 1000, whatIfs: false });
    expect(estimate.demand.coachAbsenceDays).toBeGreaterThanOrEqual(413);
    expect(estimate.demand.coachAbsenceDays).toBeLessThanOrEqual(419);
    // One butterfly: 254 working days − 10 leave − 7 ADV − 15 sick − 10 training = 212.
    expect(estimate.demand.butterflyAvailableDays).toBeGreaterThanOrEqual(210);
    expect(estimate.demand.butterflyAvailableDays).toBeLessThanOrEqual(214);
    expect(estimate.arithmeticMinimum).toBeGreaterThanOrEqual(2);
    // Absences cluster and butterflies are absent too: the simulation asks for more than the division.
    expect(estimate.recommended).toBeGreaterThan(estimate.arithmeticMinimum);
    expect(() => estimateSchema.parse(estimate)).not.toThrow();
  });
});

describe("the estimate document", () => {
  it("has a curve from 0 to past the recommendation, growing coverage, and the smallest k that meets the target", async () => {
    const estimate = await runEstimate(hearingCompany(), { year: 2027, runs: 200, whatIfs: false, serviceLevel: 0.98 });
    const ks = estimate.curve.map((row) => row.butterflies);
    expect(ks).toEqual(Array.from({ length: ks.length }, (_, i) => i));
    expect(ks.at(-1)).toBeGreaterThan(estimate.recommended);
    for (let i = 1; i < estimate.curve.length; i++) {
      expect(estimate.curve[i]!.enclaveDaysCoveredShare).toBeGreaterThanOrEqual(estimate.curve[i - 1]!.enclaveDaysCoveredShare);
      expect(estimate.curve[i]!.fullDaysShare).toBeGreaterThanOrEqual(estimate.curve[i - 1]!.fullDaysShare);
    }
    const met = estimate.curve.filter((row) => row.enclaveDaysCoveredShare >= 0.98).map((row) => row.butterflies);
    expect(estimate.recommended).toBe(met[0]);
    expect(estimate.serviceLevel).toEqual({ metric: "enclaveDays", target: 0.98 });
  });

  it("with --metric fullDays the recommendation follows the share of fully covered days", async () => {
    const estimate = await runEstimate(hearingCompany(), { year: 2027, runs: 200, whatIfs: false, metric: "fullDays", serviceLevel: 0.9 });
    const row = estimate.curve[estimate.recommended]!;
    expect(row.fullDaysShare).toBeGreaterThanOrEqual(0.9);
    expect(estimate.curve[estimate.recommended - 1]!.fullDaysShare).toBeLessThan(0.9);
  });

  it("is deterministic for a seed and changes with the seed", async () => {
    const options = { year: 2027, runs: 150, whatIfs: false } as const;
    const a = await runEstimate(hearingCompany(), { ...options, seed: 3 });
    const b = await runEstimate(hearingCompany(), { ...options, seed: 3 });
    const c = await runEstimate(hearingCompany(), { ...options, seed: 4 });
    expect(b).toEqual(a);
    expect(c.curve).not.toEqual(a.curve);
  });

  it("reports progress up to 1 and can be cancelled", async () => {
    const seen: number[] = [];
    await runEstimate(hearingCompany(), { year: 2027, runs: 300, whatIfs: false }, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    const controller = new AbortController();
    const cancelled = runEstimate(hearingCompany(), { year: 2027, runs: 5000, whatIfs: false }, {
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(EstimateCancelledError);
  });

  it("refuses options it cannot honour", async () => {
    await expect(runEstimate(hearingCompany(), { year: 2027, serviceLevel: 1 })).rejects.toThrow(/strictly between 0 and 1/);
    await expect(runEstimate(hearingCompany(), { year: 2027, runs: 0 })).rejects.toThrow(/runs/);
  });
});

describe("qualification is a matching, not a count (DOMAIN rule 3)", () => {
  const never = { kind: "independent", probability: 0 } as const;

  it("two butterflies trained only for E01 cover one of two coachless enclaves, not both", async () => {
    const scenario = smallCompany({ enclaves: 2, coachless: 2, butterflies: [[1], [1]] });
    const estimate = await runEstimate(scenario, { year: 2027, runs: 2, whatIfs: false, placement: never });
    const two = estimate.curve[2]!;
    expect(two.fullDaysShare).toBe(0);
    expect(two.enclaveDaysCoveredShare).toBe(0.5);
    // Extra butterflies (trained everywhere) do cover E02.
    expect(estimate.recommended).toBe(3);
  });

  it("a butterfly trained for both moves over when the second one can only go to E01 (augmenting path)", async () => {
    // Kept in order of breadth: V1 (E01, E02) is tried first and takes E01; V2 (E01 only) then
    // needs V1 to move to E02.
    const scenario = smallCompany({ enclaves: 2, coachless: 2, butterflies: [[1, 2], [1]] });
    const estimate = await runEstimate(scenario, { year: 2027, runs: 2, whatIfs: false, placement: never });
    expect(estimate.curve[1]!.enclaveDaysCoveredShare).toBe(0.5);
    expect(estimate.curve[2]!.fullDaysShare).toBe(1);
    expect(estimate.recommended).toBe(2);
  });
});

describe("coaches an enclave needs (DOMAIN rules 1 and 2)", () => {
  const rules = { ratios: { low: 13, medium: 10, high: 7 }, minCoachesPerEnclave: 1 };
  const base = hearingCompany().enclaves[0]!; // E01
  const enclave = (min: number): Enclave => ({ ...base, staffing: { min, target: min, max: min + 2 } });
  const worker = (i: number, guidance: Worker["guidance"]): Worker => ({
    id: `W${i}`,
    name: `W${i}`,
    guidance,
    homeEnclaveId: "E01",
    qualifiedEnclaveIds: [],
    excludedEnclaveIds: [],
    workPattern: [{ dtstart: "2024-01-01", rrule: "FREQ=WEEKLY;BYDAY=MO", blocks: ["am"] }],
    transport: "van",
  });

  it("one coach while the lightest workers of the minimum team fit one coach's load", () => {
    const workers = [...Array.from({ length: 9 }, (_, i) => worker(i, "low")), worker(9, "high"), worker(10, "high")];
    expect(coachesNeeded(enclave(9), workers, rules)).toBe(1); // 9/13 ≤ 1
  });

  it("two coaches when even the lightest minimum team is more than one coach's load", () => {
    const workers = [...Array.from({ length: 9 }, (_, i) => worker(i, "low")), ...Array.from({ length: 5 }, (_, i) => worker(20 + i, "medium"))];
    expect(coachesNeeded(enclave(13), workers, rules)).toBe(2); // 9/13 + 4/10 > 1
  });

  it("never fewer than minCoachesPerEnclave", () => {
    expect(coachesNeeded(enclave(1), [], { ...rules, minCoachesPerEnclave: 2 })).toBe(2);
  });
});
