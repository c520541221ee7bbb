/**
 * What-ifs beside the butterfly estimate (placeholder until the what-ifs are built).
 */
import type { EstimateWhatIfs, Scenario } from "../scenario/schema.ts";
import type { AbsenceParameters, PersonSpec, SiteSpec, YearCalendar } from "./coverage-model.ts";
import type { CurveResult, ProgressSpan, ResolvedOptions } from "./estimate.ts";

export interface WhatIfContext {
  scenario: Scenario;
  calendar: YearCalendar;
  sites: readonly SiteSpec[];
  members: readonly PersonSpec[];
  butterflies: readonly PersonSpec[];
  absence: AbsenceParameters;
  options: ResolvedOptions;
  base: CurveResult;
}

export async function estimateWhatIfs(_context: WhatIfContext, _span: ProgressSpan): Promise<EstimateWhatIfs> {
  return {};
}
