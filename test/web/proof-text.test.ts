/**
 * The board's words for a plan's proof (web/src/lib/texts.ts proofText): "optimaal", or which
 * priorities the time limit left open, in Dutch, for the planner at 07:30.
 */
import { describe, expect, it } from "vitest";
import { LEVEL_NAMES } from "../../solver/daily-model.ts";
import { levelText, proofText } from "../../web/src/lib/texts.ts";

describe("proofText", () => {
  const levels = [...LEVEL_NAMES];

  it("when the plan is proven optimal, then it says so", () => {
    expect(proofText({ optimal: true, levels, proven: levels.map(() => true) })).toBe("optimaal");
  });

  it("when the time limit left the last three priorities open, then it names them in Dutch", () => {
    expect(proofText({ optimal: false, levels, proven: [true, true, false, false, false] })).toBe(
      "niet bewezen optimaal: tekort onder de streefbezetting, verschuivingen (stabiliteit), ingezette invalblokken kunnen nog beter",
    );
    expect(proofText({ optimal: false, levels, proven: [true, true, true, true, false] })).toBe("niet bewezen optimaal: ingezette invalblokken kan nog beter");
  });

  it("when nothing is proven, or the plan says nothing per priority, then it only says it is not proven", () => {
    expect(proofText({ optimal: false, levels, proven: levels.map(() => false) })).toBe("niet bewezen optimaal");
    expect(proofText({ optimal: false })).toBe("niet bewezen optimaal");
  });

  it("has a Dutch name for every priority the solver reports", () => {
    for (const name of LEVEL_NAMES) expect(levelText(name)).not.toBe(name);
  });
});
