/**
 * Plans in the planner's language: the same Westhoek Monday (2026-11-23) planned in English
 * (the CLI's) and in Flemish Dutch (the board's) is the same plan — same changes, same problem
 * codes, same number of options — only the words differ, and the Dutch words are Dutch. The
 * phrase books cover the same sentence shapes, and a few Dutch sentences are checked literally
 * so that a changed word is a visible decision.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { planDay } from "../../src/planning/plan-day.ts";
import { applyManualMove } from "../../src/planning/manual-move.ts";
import { suggestReplacements } from "../../src/planning/suggestions.ts";
import { dutchDate, en, nl, type Language } from "../../src/planning/phrases.ts";
import type { Plan, Scenario } from "../../src/scenario/schema.ts";
import { validatePlan } from "../../src/validation/validate-plan.ts";
import { westhoekScenario } from "../scenario/westhoek-fixture.ts";

const DATE = "2026-11-23";
/** Words that only an English sentence has (each with its spaces, so "enclave" or "is ziek" do not count). */
const ENGLISH = [" stands in ", " is sick", " needs ", " the ", " and ", " workers", " coach ", " reported ", " is needed ", " morning", " afternoon", " short", " from E"];

let scenario: Scenario;

function sickAt0725(base: Scenario, ...personIds: string[]): Scenario {
  return {
    ...base,
    absences: [
      ...base.absences,
      ...personIds.map((personId) => ({
        personId,
        from: DATE,
        to: DATE,
        blocks: ["am" as const, "pm" as const],
        kind: "sick" as const,
        reportedAt: "2026-11-23T07:25:00+01:00",
      })),
    ],
  };
}

/** The plan without its words: who moves where, which problems with how many options. */
function structure(plan: Plan) {
  return {
    status: plan.status,
    enclaves: plan.enclaves.map((e) => ({
      enclaveId: e.enclaveId,
      blocks: e.blocks,
      covered: e.covered,
      problems: e.problems.map((p) => ({ code: p.code, block: p.block, options: p.options.length })),
    })),
    changes: plan.changes.map(({ personId, from, to, block }) => ({ personId, from, to, block })),
  };
}

function texts(plan: Plan): string[] {
  return [
    ...plan.changes.map((c) => c.reason),
    ...plan.enclaves.flatMap((e) => e.problems.flatMap((p) => [p.message, ...p.options])),
  ];
}

function plansIn(language: Language, day: Scenario, previous?: Plan): Plan {
  const plan = planDay(day, DATE, { timeoutMs: 60_000, language, ...(previous ? { previous } : {}) }).plan;
  expect(validatePlan(day, plan)).toEqual([]);
  return plan;
}

function expectDutch(lines: string[]): void {
  for (const line of lines) {
    expect(line.length, "an empty text").toBeGreaterThan(0);
    for (const word of ENGLISH) expect(line, `English "${word.trim()}" in a Dutch text`).not.toContain(word);
  }
}

beforeAll(() => {
  scenario = westhoekScenario();
});

describe("the phrase books", () => {
  it.each(Object.keys(en).sort())("when the English book has %s, then the Dutch one has it too", (key) => {
    expect(typeof nl[key as keyof typeof nl]).toBe("function");
  });

  it("when both books are listed, then they have exactly the same keys", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it("when a Dutch sentence is written, then it reads as a Flemish planner writes it", () => {
    expect(dutchDate("2026-11-23")).toBe("maandag 23 november");
    expect(dutchDate("2026-10-30", true)).toBe("vrijdag 30 oktober 2026");
    expect(nl.standsIn({ who: "V02 (Sien Q.)", at: "E01", from: "E05", why: nl.absent({ who: "C01 (Jonas J.)", kind: "sick", reportedAt: "07:10" }) })).toBe(
      "V02 (Sien Q.) valt in bij E01 (komt van E05): C01 (Jonas J.) is ziek (gemeld om 07:10)",
    );
    expect(nl.notWorking({ who: "W002 (Thijs X.)", date: DATE, block: "pm" })).toBe("W002 (Thijs X.) werkt maandag 23 november in de namiddag niet (uurrooster)");
    expect(nl.workersNeedCoaches({ workers: 12, guidance: { low: 8, medium: 3, high: 1 }, needed: 2 })).toBe(
      "12 maatwerkers (8 laag, 3 midden, 1 hoog) vragen volgens de begeleidingsnorm 2 begeleiders",
    );
    expect(nl.absent({ who: "C08 (Bram V.)", kind: "adv" })).toBe("C08 (Bram V.) heeft een ADV-dag");
    expect(nl.homeWorkersOut({ count: 8, enclave: "E07" })).toBe("8 maatwerkers van E07 naar intern werk of tijdelijke werkloosheid");
    expect(nl.notNotified({ enclave: "E12", notifiedOn: null, deadline: "2026-10-30", start: "2026-11-02" })).toBe(
      "er is geen kennisgeving WSE voor het contract van E12 (uiterlijk vrijdag 30 oktober 2026, 1 werkdag voor de start op maandag 2 november 2026)",
    );
    expect(nl.movedByPlanner({ reason: "" })).toBe("verplaatst door de planner");
  });
});

describe("the Westhoek Monday in English and in Dutch", () => {
  let sentOutEn: Plan;
  let sentOutNl: Plan;

  beforeAll(() => {
    sentOutEn = plansIn("en", scenario);
    sentOutNl = plansIn("nl", scenario);
  }, 120_000);

  it("when the day is planned in Dutch, then it is the English plan in Dutch words", () => {
    expect(structure(sentOutNl)).toEqual(structure(sentOutEn));
    expect(sentOutNl.changes.length).toBeGreaterThan(0);
    expectDutch(texts(sentOutNl));
    expect(sentOutNl.changes.find((c) => c.personId === "C01")!.reason).toBe("C01 (Jonas J.) is ziek");
    expect(sentOutNl.changes.find((c) => c.personId === "C08")!.reason).toBe("C08 (Bram V.) heeft een ADV-dag");
  });

  it("when C02 calls in sick at 07:25 and the day is re-planned in Dutch, then the re-plan is the English one in Dutch words", () => {
    const sick = sickAt0725(scenario, "C02");
    const replanEn = plansIn("en", sick, sentOutEn);
    const replanNl = plansIn("nl", sick, sentOutNl);
    expect(structure(replanNl)).toEqual(structure(replanEn));
    expectDutch(texts(replanNl));
    expect(replanEn.changes.find((c) => c.personId === "C02")!.reason).toBe("C02 (Wannes G.) is sick (reported 07:25)");
    expect(replanNl.changes.find((c) => c.personId === "C02")!.reason).toBe("C02 (Wannes G.) is ziek (gemeld om 07:25)");
    const standIn = replanNl.changes.find((c) => c.to === "E02" && c.from !== null)!;
    expect(standIn.reason).toMatch(/^\S+ \([^)]+\) valt in bij E02 \(komt van E\d\d\): C02 \(Wannes G\.\) is ziek$/);
  }, 120_000);

  it("when the planner takes E02's coach off, then the problems and their options are the English ones in Dutch words", () => {
    const move = { personId: "C02", toEnclaveId: null };
    const movedEn = applyManualMove(scenario, sentOutEn, move).plan;
    const movedNl = applyManualMove(scenario, sentOutNl, move, null, { language: "nl" }).plan;
    expect(structure(movedNl)).toEqual(structure(movedEn));
    const problems = movedNl.enclaves.flatMap((e) => e.problems);
    expect(problems.map((p) => p.code)).toContain("NO_QUALIFIED_COACH");
    expectDutch(texts(movedNl));
    const noCoach = problems.find((p) => p.code === "NO_QUALIFIED_COACH" && p.block === "am")!;
    // Where each butterfly stands in is the plan's choice among equally good ones; the message
    // must name the enclave the plan gave them.
    const standsInAt = (id: string) => movedNl.enclaves.find((e) => e.blocks.am.coachIds.includes(id))!.enclaveId;
    expect(noCoach.message).toBe(
      "E02 heeft maandag 23 november in de voormiddag geen begeleider (0 van de 1 nodig): C02 (Wannes G.) is beschikbaar maar niet ingepland (door de planner afgezet, of intern werk); " +
        `V01 (Elke E.) heeft verlof; V02 (Sien Q.) is nodig bij ${standsInAt("V02")}; V03 (Robbe N.) is nodig bij ${standsInAt("V03")}; V04 (Eline V.) is nodig bij ${standsInAt("V04")}`,
    );
    expect(noCoach.options).toEqual([
      "een interimbegeleider (volgens de huidige regels niet toegestaan: interimCoachesAllowed staat uit)",
      "9 maatwerkers van E02 naar intern werk of tijdelijke werkloosheid",
    ]);
    // Taken off by hand: the planner's decision is the whole reason.
    expect(movedNl.changes.find((c) => c.personId === "C02")!.reason).toBe("verplaatst door de planner");
  });

  it("when the planner moves someone and asks for suggestions in Dutch, then the reasons are Dutch", () => {
    const idle = sentOutNl.idle.workerIds[0]!;
    const target = scenario.workers.find((w) => w.id === idle)!.qualifiedEnclaveIds[0] ?? "E01";
    const { plan: moved } = applyManualMove(scenario, sentOutNl, { personId: idle, toEnclaveId: target }, null, { language: "nl" });
    const reason = moved.changes.find((c) => c.personId === idle)!.reason;
    expect(reason).toMatch(/^verplaatst door de planner; /);
    expectDutch([reason]);
    const suggestionsEn = suggestReplacements(scenario, sentOutEn, "E01", "am");
    const suggestionsNl = suggestReplacements(scenario, sentOutNl, "E01", "am", null, "nl");
    expect(suggestionsNl.map(({ reason: _reason, ...rest }) => rest)).toEqual(suggestionsEn.map(({ reason: _reason, ...rest }) => rest));
    expect(suggestionsNl.length).toBeGreaterThan(0);
    expectDutch(suggestionsNl.map((s) => s.reason));
  });
});
