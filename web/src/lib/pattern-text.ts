/** Work patterns (RFC 5545 rules) in the planner's words: "ma–vr hele dag; vr voormiddag". */
import type { WorkPatternRule } from "../../../src/scenario/schema.ts";

const DAY: Record<string, string> = { MO: "ma", TU: "di", WE: "wo", TH: "do", FR: "vr", SA: "za", SU: "zo" };

export function patternText(pattern: readonly WorkPatternRule[]): string {
  return pattern.map(ruleText).join("; ");
}

function ruleText(rule: WorkPatternRule): string {
  const parts = Object.fromEntries(rule.rrule.split(";").map((p) => p.split("=") as [string, string]));
  const blocks = rule.blocks.length === 2 ? "hele dag" : rule.blocks[0] === "am" ? "voormiddag" : "namiddag";
  const days = (parts.BYDAY ?? "").split(",").filter(Boolean).map((d) => DAY[d.slice(-2)] ?? d);
  const daysText = days.join(",") === "ma,di,wo,do,vr" ? "ma–vr" : days.join(", ");
  const freq = parts.FREQ === "WEEKLY" && parts.INTERVAL === "2" ? "om de week " : parts.FREQ === "MONTHLY" ? "maandelijks " : "";
  return `${freq}${daysText || rule.rrule} ${blocks}`.trim();
}
