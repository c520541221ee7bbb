/**
 * The what-ifs on the Westhoek example: coaches at 4/5 need at least as many butterflies,
 * the shared coaching pilot groups E12 and E13 (3 and 2 workers, about 12 minutes apart) in
 * 2026 when both run, and stand-in workers for the line enclaves (minimum = target).
 */
import { describe, expect, it } from "vitest";
import { runEstimate } from "../../src/estimate/estimate.ts";
import { estimateSchema } from "../../src/scenario/schema.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const westhoek = westhoekScenario;

describe("what-ifs", () => {
  it("in 2026: 4/5 coaches need more butterflies, E12+E13 share a coach, line enclaves get a stand-in curve", async () => {
    const estimate = await runEstimate(westhoek(), { year: 2026, runs: 150 });
    expect(() => estimateSchema.parse(estimate)).not.toThrow();
    const { fourFifthCoaches, sharedCoaching, standInWorkers } = estimate.whatIfs ?? {};

    expect(fourFifthCoaches?.coaches).toBe(12); // 16 fixed coaches, 4 of them already part-time
    expect(fourFifthCoaches?.recommended).toBeGreaterThanOrEqual(estimate.recommended);

    expect(sharedCoaching?.groups).toEqual([["E12", "E13"]]);
    expect(sharedCoaching?.coachesSaved).toBe(1);
    expect(sharedCoaching?.maxTravelMinutes).toBe(15);

    expect(standInWorkers?.lineEnclaveIds).toEqual(["E01", "E02", "E03", "E04", "E05", "E06"]);
    expect(standInWorkers?.inHouseStandIns).toBeGreaterThan(0);
    const curve = standInWorkers?.curve ?? [];
    expect(curve[0]?.people).toBe(0);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.coveredShare).toBeGreaterThanOrEqual(curve[i - 1]!.coveredShare);
    const extra = standInWorkers?.recommendedExtra;
    expect(extra).not.toBeNull();
    expect(curve[extra!]!.coveredShare).toBeGreaterThanOrEqual(0.99);
    if (extra! > 0) expect(curve[extra! - 1]!.coveredShare).toBeLessThan(0.99);
  });

  it("in 2027 E13's contract has ended: no group, nothing saved", async () => {
    const estimate = await runEstimate(westhoek(), { year: 2027, runs: 100 });
    expect(estimate.whatIfs?.sharedCoaching?.groups).toEqual([]);
    expect(estimate.whatIfs?.sharedCoaching?.coachesSaved).toBe(0);
  });
});
