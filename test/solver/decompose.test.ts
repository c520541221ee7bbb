/**
 * Solving a large model site by site (solver/partition.ts, solver/decompose.ts): the cut
 * between sites runs only through shared packing rows, the parts' answers are repaired or the
 * shared capacity is split when a person is used on two sites, and the result is the
 * lexicographic optimum of the whole model — checked against the whole model solved at once.
 */
import { describe, expect, it } from "vitest";
import { buildDayContext } from "../../src/planning/build-day-instance.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { buildDailyModel } from "../../solver/daily-model.ts";
import { splitComponents } from "../../solver/components.ts";
import { polishByPairs, repairPoint, solveByDecomposition, weighAnswers } from "../../solver/decompose.ts";
import type { PendingParts } from "../../solver/part-threads.ts";
import type { PartsResult } from "../../solver/parts-result.ts";
import { bestGreedyStart } from "../../solver/greedy-start.ts";
import { solveLexicographic } from "../../solver/lexicographic-solve.ts";
import { addRow, addVariable, emptyModel, evaluate, violatedRows, type LinearModel } from "../../solver/linear-model.ts";
import { isPackingRow, partitionModel } from "../../solver/partition.ts";
import type { DayInstance } from "../../solver/types.ts";
import { generateScenario } from "../generators/scenario-generator.ts";
import { highsCoverage } from "../oracles/highs-coverage.ts";
import { coach, day, enclave, workers } from "./day-builders.ts";

/**
 * Two sites of two enclaves each. Each site has its own butterfly trained for both its
 * enclaves; V1 is trained on both sites. A1 and B1 have no fixed coach: site A's butterfly
 * can take one of A1/A2 and site B's one of B1/B2; V1 (trained for A1 and B2) decides which
 * site gets its second enclave covered. B's is worth more: B2's larger team would otherwise
 * fall short of its target.
 */
function twoSites(): DayInstance {
  return day({
    enclaves: [enclave("A1", { min: 2, target: 4 }), enclave("A2", { min: 2, target: 4 }), enclave("B1", { min: 2, target: 4 }), enclave("B2", { min: 2, target: 6, max: 8 })],
    workers: [
      ...workers("WA1-", 4, ["A1"]),
      ...workers("WA2-", 4, ["A2"]),
      ...workers("WB1-", 4, ["B1"]),
      ...workers("WB2-", 6, ["B2"]),
    ],
    coaches: [coach("VA", "butterfly", ["A1", "A2"]), coach("VB", "butterfly", ["B1", "B2"]), coach("V1", "butterfly", ["A1", "B2"])],
  });
}

function levelValues(model: LinearModel, values: Map<string, number>): number[] {
  return model.objectives.map((objective) => Math.round(evaluate(objective.terms, values) * 1e6) / 1e6);
}

/**
 * A generated day of 8 enclaves in two regions, the whole model solved at once (its proven
 * optimum), the size of a site that cuts it in two or three (60% of the variables at most), and
 * its level values rounded, to compare with another answer's.
 */
function twoSiteDay(seed: number) {
  const scenario = scenarioSchema.parse(generateScenario({ seed, enclaves: 8, regions: 2, workersPerEnclave: 5, butterflies: 3, date: "2026-11-23" }));
  const daily = buildDailyModel(buildDayContext(scenario, "2026-11-23").day);
  const whole = solveLexicographic(daily.model, { timeoutMs: 20_000, incumbent: bestGreedyStart(daily) });
  expect(whole.status).toBe("optimal");
  const rounded = (values: Map<string, number>) => levelValues(daily.model, values).map(Math.round);
  return { daily, whole, maxPartVariables: Math.ceil(daily.model.variables.size * 0.6), rounded };
}

describe("partitionModel", () => {
  it("when two sites share one butterfly, then it cuts between the sites and only through packing rows", () => {
    const { model, index } = buildDailyModel(twoSites());
    const siteOf = (name: string) => {
      const z = [...index.coveredVar].find(([, v]) => v === name);
      if (z) return z[0][0];
      const coachVar = index.coachVars.find((v) => v.name === name);
      if (coachVar) return coachVar.enclaveId[0];
      return index.workerVars.find((v) => v.name === name)?.enclaveId[0];
    };
    const { parts, linking } = partitionModel(model, { maxPartVariables: Math.ceil(model.variables.size * 0.6) });
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      const sites = new Set([...part.variables.keys()].map(siteOf).filter((site) => site !== undefined));
      expect(sites.size).toBe(1);
    }
    expect(linking.length).toBeGreaterThan(0);
    for (const link of linking) {
      expect(isPackingRow(model, link.row), link.row.name).toBe(true);
      expect(link.shares.length).toBeGreaterThan(1);
    }
    // Every variable in exactly one part; every row of the model held whole or as shares.
    expect(parts.reduce((sum, part) => sum + part.variables.size, 0)).toBe(model.variables.size);
    // Every cut (one enclave's shortfall and coaches) goes with its site, whole.
    expect(parts.reduce((sum, part) => sum + (part.cuts ?? []).length, 0)).toBe(model.cuts!.length);
    for (const part of parts) {
      for (const cut of part.cuts ?? []) expect([...cut.terms.keys()].every((name) => part.variables.has(name)), cut.name).toBe(true);
    }
  });

  it("when every row joins everything, then it cannot cut and returns one part", () => {
    const { model } = buildDailyModel(day({ enclaves: [enclave("E1")], workers: workers("W", 3, ["E1"]), coaches: [coach("C1", "fixed", ["E1"])] }));
    expect(partitionModel(model, { maxPartVariables: 1 }).parts).toHaveLength(1);
  });
});

describe("splitComponents", () => {
  it("when two enclaves share nobody, then each part keeps its own enclave's cuts", () => {
    const { model } = buildDailyModel(
      day({
        enclaves: [enclave("E1", { min: 2 }), enclave("E2", { min: 2 })],
        workers: [...workers("A", 3, ["E1"]), ...workers("B", 3, ["E2"])],
        coaches: [coach("C1", "fixed", ["E1"]), coach("C2", "fixed", ["E2"])],
      }),
    );
    const parts = splitComponents(model);
    expect(parts).toHaveLength(2);
    expect(parts.map((part) => (part.cuts ?? []).map((cut) => cut.name).sort())).toEqual([
      ["env0_smin0_am", "env0_smin0_pm", "env0_stgt0_am", "env0_stgt0_pm"],
      ["env0_smin1_am", "env0_smin1_pm", "env0_stgt1_am", "env0_stgt1_pm"],
    ]);
  });
});

describe("solveByDecomposition", () => {
  it("when both sites want the shared butterfly, then it splits that person's place and reaches the whole model's optimum, proven", () => {
    const daily = buildDailyModel(twoSites());
    const whole = solveLexicographic(daily.model, { timeoutMs: 20_000, incumbent: bestGreedyStart(daily) });
    expect(whole.status).toBe("optimal");
    const result = solveByDecomposition(daily.model, {
      deadline: performance.now() + 20_000,
      incumbent: bestGreedyStart(daily),
      maxPartVariables: Math.ceil(daily.model.variables.size * 0.6),
    });
    expect(result).not.toBeNull();
    expect(result!.parts).toBe(2);
    expect(result!.status).toBe("optimal");
    expect(violatedRows(daily.model, result!.values)).toEqual([]);
    expect(levelValues(daily.model, result!.values)).toEqual(levelValues(daily.model, whole.values));
    // V1 covers a second enclave on one site only (both blocks there): three of four covered,
    // and it is site B, where the larger team would otherwise fall short of target.
    // The shared row was split: some part was solved again under a smaller share.
    expect(result!.partSolves).toBeGreaterThan(result!.parts);
    expect(levelValues(daily.model, result!.values)[0]).toBe(3);
    const v1 = daily.index.coachVars.filter((v) => v.coachId === "V1" && result!.values.get(v.name) === 1);
    expect(v1.flatMap((v) => v.presence.map((block) => `${v.enclaveId} ${block}`)).sort()).toEqual(["B2 am", "B2 pm"]);
  });

  // Property: small two-site companies, cut into parts (60% of the variables at most), give the
  // same lexicographic optimum site by site as the whole model solved at once, proven.
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    "when the generated two-site day with seed %i is solved site by site, then every level equals the whole model's optimum",
    (seed) => {
      const { daily, whole, maxPartVariables, rounded } = twoSiteDay(seed);
      const result = solveByDecomposition(daily.model, { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily), maxPartVariables });
      expect(result).not.toBeNull();
      expect(result!.status).toBe("optimal");
      expect(violatedRows(daily.model, result!.values)).toEqual([]);
      expect(rounded(result!.values)).toEqual(rounded(whole.values));
    },
    60_000,
  );

  it("when a child of the search cannot win after a site's first levels, then that site's solve stops there and the answer is still the whole model's optimum, proven", () => {
    // Seed 9: two of the search's seven site solves are for children that lose on the first
    // levels already (cannotWin); their later levels are never solved.
    const { daily, whole, maxPartVariables, rounded } = twoSiteDay(9);
    const result = solveByDecomposition(daily.model, { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily), maxPartVariables })!;
    expect(result.stoppedSolves).toBeGreaterThan(0);
    expect(result.status).toBe("optimal");
    expect(result.proven).toEqual(daily.model.objectives.map(() => true));
    expect(violatedRows(daily.model, result.values)).toEqual([]);
    expect(rounded(result.values)).toEqual(rounded(whole.values));
  }, 60_000);

  it("when a 30-enclave company of three sites is solved site by site, then every row holds and it covers as many enclaves as HiGHS", async () => {
    // Three sites of ten; with the default part size two of them fit in one part.
    const scenario = scenarioSchema.parse(generateScenario({ seed: 11, enclaves: 30, regions: 3, date: "2026-11-23" }));
    const dayInstance = buildDayContext(scenario, "2026-11-23").day;
    const daily = buildDailyModel(dayInstance);
    const result = solveByDecomposition(daily.model, { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily) });
    expect(result).not.toBeNull();
    expect(result!.parts).toBeGreaterThanOrEqual(2);
    expect(violatedRows(daily.model, result!.values)).toEqual([]);
    const highs = await highsCoverage(dayInstance);
    expect(evaluate(daily.model.objectives[0]!.terms, result!.values)).toBe(highs.covered);
  }, 120_000);
});

describe("proofs level by level", () => {
  it("when the generated 40-enclave company gets 10 s, then its coverage and minimum shortfall are proven optimal (though not its moves) and equal HiGHS", async () => {
    // One site cannot prove its moves level in its time; its coverage and shortfall levels are
    // proven, and so is the whole company's coverage: bounds count on the levels they are exact on.
    const scenario = scenarioSchema.parse(generateScenario({ seed: 40, enclaves: 40, date: "2026-11-23" }));
    const dayInstance = buildDayContext(scenario, "2026-11-23").day;
    const daily = buildDailyModel(dayInstance);
    const result = solveByDecomposition(daily.model, { deadline: performance.now() + 10_000, incumbent: bestGreedyStart(daily) });
    expect(result).not.toBeNull();
    expect(violatedRows(daily.model, result!.values)).toEqual([]);
    expect(result!.proven[0]).toBe(true);
    // No enclave short of its minimum: that level is at its trivial bound, so it is proven too,
    // whatever the search left open.
    expect(evaluate(daily.model.objectives[1]!.terms, result!.values)).toBe(0);
    expect(result!.proven[1]).toBe(true);
    const highs = await highsCoverage(dayInstance);
    expect(evaluate(daily.model.objectives[0]!.terms, result!.values)).toBe(highs.covered);
  }, 120_000);
});

describe("solveLexicographic's stopAfter", () => {
  it("when the caller says stop after a proven level, then the solve ends there with only those levels, not claimed optimal", () => {
    // x + y ≤ 1 (binaries): max x (1), then max y (0), then max 2x + y (2).
    const model = emptyModel();
    addVariable(model, "x", { upper: 1, integer: true, upperImplied: true });
    addVariable(model, "y", { upper: 1, integer: true, upperImplied: true });
    addRow(model, "one place", new Map([["x", 1], ["y", 1]]), "<=", 1);
    model.objectives.push(
      { name: "x", sense: "max", terms: new Map([["x", 1]]), range: 1 },
      { name: "y", sense: "max", terms: new Map([["y", 1]]), range: 1 },
      { name: "both", sense: "max", terms: new Map([["x", 2], ["y", 1]]), range: 3 },
    );
    const asked: number[][] = [];
    const stopped = solveLexicographic(model, { timeoutMs: 10_000, stopAfter: (values) => (asked.push(values), values.length === 2) });
    expect(asked).toEqual([[1], [1, 0]]);
    expect(stopped.levels.map((level) => [level.value, level.optimal])).toEqual([[1, true], [0, true]]);
    expect(stopped.status).toBe("feasible");
    const whole = solveLexicographic(model, { timeoutMs: 10_000, stopAfter: () => false });
    expect(whole.status).toBe("optimal");
    expect(whole.levels.map((level) => level.value)).toEqual([1, 0, 2]);
  });
});

describe("repairPoint", () => {
  it("when a point places the shared butterfly on both sites, then the repair keeps every row", () => {
    const daily = buildDailyModel(twoSites());
    const point = bestGreedyStart(daily);
    for (const variable of daily.index.coachVars) if (variable.coachId === "V1") point.set(variable.name, 1);
    for (const z of daily.index.coveredVar.values()) point.set(z, 1);
    expect(violatedRows(daily.model, point).length).toBeGreaterThan(0);
    const repaired = repairPoint(daily.model, point);
    expect(violatedRows(daily.model, repaired)).toEqual([]);
  });
});

describe("the whole model after the site-by-site search (wholeAfterSearch)", () => {
  it.each([1, 3, 6, 11])(
    "when the search of the generated two-site day with seed %i has no time at all, then the whole model takes over from the roots' point and proves every level",
    (seed) => {
      const { daily, whole, maxPartVariables, rounded } = twoSiteDay(seed);
      const options = { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily), maxPartVariables, searchShare: 0 };
      const result = solveByDecomposition(daily.model, { ...options, wholeAfterSearch: true });
      expect(result).not.toBeNull();
      expect(result!.status).toBe("optimal");
      expect(result!.proven).toEqual([true, true, true, true, true]);
      // No node of the search was taken: the proof is the whole model's.
      expect(result!.nodes).toBe(0);
      expect(violatedRows(daily.model, result!.values)).toEqual([]);
      expect(rounded(result!.values)).toEqual(rounded(whole.values));
    },
    60_000,
  );
});

describe("polishByPairs", () => {
  /** A generated day of 8 enclaves in two regions, cut into sites, and its whole model's optimum. */
  const sitesDay = (seed: number) => {
    const { daily, whole, maxPartVariables, rounded } = twoSiteDay(seed);
    return { model: daily.model, partition: partitionModel(daily.model, { maxPartVariables }), whole, rounded };
  };

  it.each([1, 3, 6, 11])(
    "when the generated two-site day with seed %i starts with nobody placed, then re-solving its one pair of sites reaches the whole model's optimum",
    (seed) => {
      const { model, partition, whole, rounded } = sitesDay(seed);
      expect(partition.parts).toHaveLength(2);
      const nobody = repairPoint(model, new Map());
      const polished = polishByPairs(model, partition, nobody, 0, performance.now() + 20_000);
      expect(polished.pairs).toBeGreaterThan(0);
      expect(violatedRows(model, polished.values)).toEqual([]);
      expect(rounded(polished.values)).toEqual(rounded(whole.values));
    },
    60_000,
  );

  it("when a pair does not finish in its first round's time, then it gets twice as long in the next, until it does", () => {
    // A millisecond solves no pair; dropped after its first round, the pair would leave the
    // point as nobody placed (generated 160: the pairs around its hardest sites need seconds).
    const { model, partition, whole, rounded } = sitesDay(1);
    const polished = polishByPairs(model, partition, repairPoint(model, new Map()), 0, performance.now() + 20_000, 1);
    expect(rounded(polished.values)).toEqual(rounded(whole.values));
  }, 60_000);

  it.each([1, 3, 6, 11])(
    "when the generated two-site day with seed %i starts optimal on coverage and minimum shortfall only, then the pairs from level 3 on reach the whole model's optimum",
    (seed) => {
      // The first two levels are rows in the pair's model, with a little slack: a shortfall the
      // pair's answer leaves on that slack must not make its better point look worse.
      const { model, partition, whole, rounded } = sitesDay(seed);
      const firstTwo = solveLexicographic({ ...model, objectives: model.objectives.slice(0, 2) }, { timeoutMs: 20_000 });
      expect(firstTwo.status).toBe("optimal");
      const polished = polishByPairs(model, partition, firstTwo.values, 2, performance.now() + 20_000);
      expect(violatedRows(model, polished.values)).toEqual([]);
      expect(levelValues(model, polished.values)).toEqual(rounded(whole.values));
    },
    60_000,
  );

  it("when it starts from the whole model's optimum, then no pair improves it and the point stays as it is", () => {
    // Levels from `from` on are re-solved with the ones above held: from an optimal point no
    // pair finds a lexicographically better one, whatever `from` is.
    const { model, partition, whole } = sitesDay(2);
    expect(partition.parts.length).toBe(3);
    for (const from of [0, 2, 4]) {
      const polished = polishByPairs(model, partition, whole.values, from, performance.now() + 20_000);
      expect(polished.pairs).toBe(0);
      expect(polished.values).toBe(whole.values);
    }
  }, 60_000);
});

describe("racing the whole model (DecomposeOptions.rival)", () => {
  /** A generated two-site day, its whole model's proven optimum, and the options of a search. */
  const raceDay = (seed: number) => {
    const { daily, whole, maxPartVariables, rounded } = twoSiteDay(seed);
    const options = { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily), maxPartVariables, wholeAfterSearch: true, rivalAfterMs: 0 };
    return { daily, whole, options, rounded };
  };
  const allProven = [true, true, true, true, true];
  /** A rival that answers `answer` (ready or not), recording what the search asked of it. */
  const fakeRival = (answer: PartsResult, ready: boolean) => {
    const calls = { started: 0, answered: 0, calledOff: 0 };
    const start = (): PendingParts => {
      calls.started++;
      return {
        ready: () => ready,
        answer: () => {
          calls.answered++;
          return answer;
        },
        callOff: () => void calls.calledOff++,
      };
    };
    return { start, calls };
  };

  it("when the rival has proven every level before the search's first node, then the search stops there and the answer is proven by the rival's proof", () => {
    const { daily, whole, options, rounded } = raceDay(9);
    // Day 9's sites both want a shared person at the root: without a rival the search splits it.
    const searched = solveByDecomposition(daily.model, options)!;
    expect(searched.nodes).toBeGreaterThan(1);
    expect(searched.partSolves).toBeGreaterThan(searched.parts);
    const { start, calls } = fakeRival({ status: "optimal", values: whole.values, proven: allProven, decompositions: [] }, true);
    const result = solveByDecomposition(daily.model, { ...options, rival: start })!;
    expect(calls.started).toBe(1);
    expect(result.nodes).toBe(0);
    expect(result.status).toBe("optimal");
    expect(result.proven).toEqual(allProven);
    expect(violatedRows(daily.model, result.values)).toEqual([]);
    expect(rounded(result.values)).toEqual(rounded(whole.values));
    expect(["taken", "not taken"]).toContain(result.rival);
  }, 60_000);

  it("when the search proves every level while the rival is still at work, then the rival is called off and never waited for", () => {
    const { daily, whole, options, rounded } = raceDay(9);
    const { start, calls } = fakeRival({ status: "timeout", values: new Map(), proven: [false, false, false, false, false], decompositions: [] }, false);
    const result = solveByDecomposition(daily.model, { ...options, rival: start })!;
    expect(result.status).toBe("optimal");
    expect(result.rival).toBe("called off");
    expect(calls).toEqual({ started: 1, answered: 0, calledOff: 1 });
    expect(rounded(result.values)).toEqual(rounded(whole.values));
  }, 60_000);

  it("when the rival fails (its part thread reports an error), then the search's own answer stands, proven", () => {
    const { daily, whole, options, rounded } = raceDay(9);
    const rival = (): PendingParts => ({
      ready: () => true,
      answer: () => {
        throw new Error("a part thread failed: out of memory");
      },
      callOff: () => {},
    });
    const result = solveByDecomposition(daily.model, { ...options, rival })!;
    expect(result.status).toBe("optimal");
    expect(result.rival).toBe("called off");
    expect(rounded(result.values)).toEqual(rounded(whole.values));
  }, 60_000);

  it("when the search throws after it started a rival, then the rival is called off, not left at work", () => {
    const { daily, options } = raceDay(9);
    let calledOff = 0;
    let polls = 0;
    const rival = (): PendingParts => ({
      ready: () => {
        if (++polls > 1) throw new Error("the search broke");
        return false;
      },
      answer: () => {
        throw new Error("not wanted");
      },
      callOff: () => void calledOff++,
    });
    expect(() => solveByDecomposition(daily.model, { ...options, rival })).toThrow("the search broke");
    expect(calledOff).toBe(1);
  }, 60_000);

  it("when no rival can be started (no idle part thread), then the search runs as without one", () => {
    const { daily, options } = raceDay(9);
    let asked = 0;
    const result = solveByDecomposition(daily.model, {
      ...options,
      rival: () => {
        asked++;
        return null;
      },
    })!;
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(result.rival).toBe("none");
    expect(result.status).toBe("optimal");
  }, 60_000);
});

describe("weighAnswers", () => {
  const { daily, whole } = twoSiteDay(3);
  const optimum = whole.values;
  const nobody = repairPoint(daily.model, new Map());
  const result = (values: Map<string, number>, proven: boolean[], status: PartsResult["status"] = "feasible"): PartsResult => ({ status, values, proven, decompositions: [] });

  it("when the rival's point is better, then it is taken, with its own proofs only where the two differ", () => {
    expect(levelValues(daily.model, nobody)[0]).toBeLessThan(levelValues(daily.model, optimum)[0]!);
    const chosen = weighAnswers(daily.model, { values: nobody, proven: [true, true, true, true, true] }, result(optimum, [true, true, false, false, false]));
    expect(chosen.values).toBe(optimum);
    // They differ from the first level on: nobody's "proof" lends nothing.
    expect(chosen.proven).toEqual([true, true, false, false, false]);
  });

  it("when both reach the same point, then each level is proven if either proved it", () => {
    const chosen = weighAnswers(daily.model, { values: optimum, proven: [true, true, false, false, false] }, result(new Map(optimum), [true, true, true, true, false]));
    expect(chosen.values).toBe(optimum);
    expect(chosen.proven).toEqual([true, true, true, true, false]);
  });

  it("when the rival ran out of time or its point breaks a row, then the search's answer stands as it was", () => {
    const ours = { values: nobody, proven: [false, false, false, false, false] };
    expect(weighAnswers(daily.model, ours, result(optimum, [true, true, true, true, true], "timeout"))).toBe(ours);
    const broken = new Map([...daily.model.variables.keys()].map((name) => [name, 1]));
    expect(violatedRows(daily.model, broken).length).toBeGreaterThan(0);
    expect(weighAnswers(daily.model, ours, result(broken, [true, true, true, true, true]))).toBe(ours);
  });
});

describe("nodes whose site solve ran out of time (set aside, solved again)", () => {
  it.each([4, 9])(
    "when every site solved again in the search of the two-site day with seed %i gets 1 ms, then its nodes are set aside, solved again with more time, and every level is still proven",
    (seed) => {
      const { daily, whole, maxPartVariables, rounded } = twoSiteDay(seed);
      const result = solveByDecomposition(daily.model, { deadline: performance.now() + 20_000, incumbent: bestGreedyStart(daily), maxPartVariables, searchSolveShare: 1e-9 })!;
      expect(result.solvedAgain).toBeGreaterThan(0);
      expect(result.status).toBe("optimal");
      expect(result.proven).toEqual([true, true, true, true, true]);
      expect(violatedRows(daily.model, result.values)).toEqual([]);
      expect(rounded(result.values)).toEqual(rounded(whole.values));
    },
    60_000,
  );
});
