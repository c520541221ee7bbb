/**
 * The scenario, plan and estimate formats (SCENARIO-FORMAT.md, version 1) as zod schemas.
 *
 * These are the public contract of the CLI and of import/export: every object is strict
 * (unknown fields are an error) and optional fields carry the documented defaults. The
 * schemas check shape and local facts (a date that exists, a time of day, min ≤ target ≤ max);
 * checks that need the whole scenario (unknown and duplicate ids, recurrence rules) live in
 * `validate-scenario.ts`.
 */
import { z } from "zod";

/** `YYYY-MM-DD` that names a real calendar day (2026-02-30 is refused). */
export const isoDate = z
  .string()
  // abort: a malformed date gets one issue, not a second "is not a day of the calendar".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD", abort: true })
  .refine(isRealDate, { error: (issue) => `${String(issue.input)} is not a day of the calendar` });

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `HH:MM`, 00:00 to 23:59. */
export const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day written HH:MM (00:00 to 23:59)");

const id = z.string().min(1, "must be a non-empty id");
const count = z.number().int("must be a whole number").min(0, "must not be negative");

export const blockSchema = z.enum(["am", "pm"]);
export type Block = z.infer<typeof blockSchema>;
export const BLOCKS: readonly Block[] = ["am", "pm"];

export const guidanceSchema = z.enum(["low", "medium", "high"]);
export type Guidance = z.infer<typeof guidanceSchema>;

const blocksList = z
  .array(blockSchema)
  .min(1, "must name at least one block")
  .refine((blocks) => new Set(blocks).size === blocks.length, "must not name a block twice");

export const ratiosSchema = z.strictObject({
  low: z.number().int().min(1, "must be at least 1 worker per coach").default(13),
  medium: z.number().int().min(1, "must be at least 1 worker per coach").default(10),
  high: z.number().int().min(1, "must be at least 1 worker per coach").default(7),
});
export type Ratios = z.infer<typeof ratiosSchema>;

export const sharedCoachingSchema = z.strictObject({
  maxEnclaves: z.number().int().min(2, "must be at least 2 enclaves"),
  maxTravelMinutes: count,
});

export const rulesSchema = z.strictObject({
  ratios: ratiosSchema.default({ low: 13, medium: 10, high: 7 }),
  minCoachesPerEnclave: z.number().int().min(1, "must be at least 1 (permanent supervision)").default(1),
  interimCoachesAllowed: z.boolean().default(false),
  sharedCoaching: sharedCoachingSchema.nullable().default(null),
  publicHolidays: z.enum(["BE", "none"]).default("BE"),
});
export type Rules = z.infer<typeof rulesSchema>;

const location = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const recurrenceSchema = z.strictObject({
  dtstart: isoDate,
  rrule: z.string().min(1, "must be a recurrence rule, or null for rdates only").nullable(),
  exdates: z.array(isoDate).default([]),
  rdates: z.array(isoDate).default([]),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const workPatternRuleSchema = z.strictObject({
  dtstart: isoDate,
  rrule: z.string().min(1, "must be a recurrence rule"),
  blocks: blocksList,
});
export type WorkPatternRule = z.infer<typeof workPatternRuleSchema>;

export const staffingSchema = z
  .strictObject({ min: count, target: count, max: count })
  .superRefine((s, ctx) => {
    if (s.min > s.target) {
      ctx.addIssue({ code: "custom", path: ["min"], message: `must be ≤ target (got ${s.min} > ${s.target})` });
    }
    if (s.target > s.max) {
      ctx.addIssue({ code: "custom", path: ["target"], message: `must be ≤ max (got ${s.target} > ${s.max})` });
    }
    if (s.min > s.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: `must be ≤ max (got ${s.min} > ${s.max})` });
    }
  });

export const enclaveSchema = z.strictObject({
  id,
  name: z.string().min(1),
  client: z.string().min(1),
  location: location.optional(),
  contract: z.strictObject({
    start: isoDate,
    end: isoDate.nullable().default(null),
    notifiedOn: isoDate.nullable().default(null),
  }),
  schedule: recurrenceSchema,
  hours: z
    .strictObject({ start: timeOfDay.default("07:30"), end: timeOfDay.default("16:00") })
    .default({ start: "07:30", end: "16:00" }),
  staffing: staffingSchema,
  fixedCoachIds: z.array(id).default([]),
  address: z.string().optional(),
});
export type Enclave = z.infer<typeof enclaveSchema>;

export const transportSchema = z.enum(["van", "own"]);

export const workerSchema = z.strictObject({
  id,
  name: z.string().min(1),
  guidance: guidanceSchema,
  homeEnclaveId: id.nullable(),
  qualifiedEnclaveIds: z.array(id).default([]),
  excludedEnclaveIds: z.array(id).default([]),
  workPattern: z.array(workPatternRuleSchema).min(1, "must have at least one rule (when does this person work?)"),
  transport: transportSchema.default("van"),
});
export type Worker = z.infer<typeof workerSchema>;

export const coachRoleSchema = z.enum(["fixed", "butterfly", "interim"]);
export type CoachRole = z.infer<typeof coachRoleSchema>;

export const coachSchema = z.strictObject({
  id,
  name: z.string().min(1),
  role: coachRoleSchema,
  homeEnclaveId: id.nullable(),
  qualifiedEnclaveIds: z.array(id).default([]),
  workPattern: z.array(workPatternRuleSchema).min(1, "must have at least one rule (when does this person work?)"),
  transport: transportSchema.default("own"),
});
export type Coach = z.infer<typeof coachSchema>;

export const routeSchema = z.strictObject({
  id,
  enclaveIds: z.array(id).min(1, "must stop at at least one enclave"),
  seats: z.strictObject({
    day: count.default(0),
    morning: count.default(0),
    afternoon: count.default(0),
  }),
});
export type Route = z.infer<typeof routeSchema>;
export type Run = "day" | "morning" | "afternoon";
export const RUNS: readonly Run[] = ["day", "morning", "afternoon"];

export const absenceKindSchema = z.enum(["sick", "leave", "adv", "training", "other"]);

export const absenceSchema = z.strictObject({
  personId: id,
  from: isoDate,
  to: isoDate,
  blocks: blocksList.default(["am", "pm"]),
  kind: absenceKindSchema,
  reportedAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time with offset" }).optional(),
});
export type Absence = z.infer<typeof absenceSchema>;

export const absenceModelSchema = z.strictObject({
  leaveDays: z.number().min(0).default(10),
  advDays: z.number().min(0).default(7),
  sickDays: z.number().min(0).default(15),
  sickEpisodeMeanDays: z.number().min(1, "must be at least 1 day").default(5),
  butterflyTrainingDays: z.number().min(0).default(10),
});
export type AbsenceModel = z.infer<typeof absenceModelSchema>;

export const scenarioSchema = z.strictObject({
  version: z.literal(1, "must be 1 (the only scenario version this vlinder reads)"),
  organisation: z.strictObject({
    name: z.string().min(1),
    timezone: z.string().min(1).default("Europe/Brussels"),
    depot: z.strictObject({ name: z.string().min(1), lat: z.number(), lon: z.number() }).optional(),
  }),
  rules: rulesSchema.default({
    ratios: { low: 13, medium: 10, high: 7 },
    minCoachesPerEnclave: 1,
    interimCoachesAllowed: false,
    sharedCoaching: null,
    publicHolidays: "BE",
  }),
  enclaves: z.array(enclaveSchema),
  workers: z.array(workerSchema),
  coaches: z.array(coachSchema),
  routes: z.array(routeSchema).default([]),
  absences: z.array(absenceSchema).default([]),
  absenceModel: absenceModelSchema.optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
/** What a scenario file may say before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** One entry of each of a scenario file's lists, before defaults (for code that writes scenarios). */
export type EnclaveInput = ScenarioInput["enclaves"][number];
export type WorkerInput = ScenarioInput["workers"][number];
export type CoachInput = ScenarioInput["coaches"][number];
export type RouteInput = NonNullable<ScenarioInput["routes"]>[number];
export type AbsenceInput = NonNullable<ScenarioInput["absences"]>[number];
export type RulesInput = NonNullable<ScenarioInput["rules"]>;

// ---------------------------------------------------------------------------------------------
// Plan

export const problemCodeSchema = z.enum([
  "NO_QUALIFIED_COACH",
  "RATIO_EXCEEDED",
  "UNDER_MIN_HEADCOUNT",
  "NO_TRANSPORT",
  "NOT_NOTIFIED",
  "INTERIM_PROPOSED",
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemSchema = z.strictObject({
  code: problemCodeSchema,
  block: blockSchema.optional(),
  message: z.string(),
  options: z.array(z.string()).default([]),
});
export type Problem = z.infer<typeof problemSchema>;

const teamSchema = z.strictObject({
  coachIds: z.array(id),
  workerIds: z.array(id),
});
export type Team = z.infer<typeof teamSchema>;

export const planEnclaveSchema = z.strictObject({
  enclaveId: id,
  running: z.boolean(),
  blocks: z.strictObject({ am: teamSchema, pm: teamSchema }),
  covered: z.boolean(),
  problems: z.array(problemSchema),
});
export type PlanEnclave = z.infer<typeof planEnclaveSchema>;

export const planSchema = z.strictObject({
  version: z.literal(1),
  date: isoDate,
  status: z.enum(["covered", "partial"]),
  enclaves: z.array(planEnclaveSchema),
  transport: z.array(
    z.strictObject({ routeId: id, run: z.enum(["day", "morning", "afternoon"]), personIds: z.array(id) }),
  ),
  idle: z.strictObject({ workerIds: z.array(id), coachIds: z.array(id) }),
  changes: z.array(
    z.strictObject({
      personId: id,
      from: id.nullable(),
      to: id.nullable(),
      reason: z.string(),
      block: blockSchema.optional(),
    }),
  ),
  /** Optional addition: people the planner pinned to an enclave; re-plans keep them there. */
  pins: z.array(z.strictObject({ personId: id, enclaveId: id })).optional(),
  stats: z.strictObject({
    solveMs: z.number(),
    optimal: z.boolean(),
    objective: z.array(z.number()).optional(),
    levels: z.array(z.string()).optional(),
    /** Per level: proven optimal (given the levels above). `optimal` is true when all are. */
    proven: z.array(z.boolean()).optional(),
  }),
});
export type Plan = z.infer<typeof planSchema>;

// ---------------------------------------------------------------------------------------------
// Estimate (output of `vlinder estimate`; optional fields beyond SCENARIO-FORMAT.md are additions)

export const estimateMetricSchema = z.enum(["enclaveDays", "fullDays"]);
export type EstimateMetric = z.infer<typeof estimateMetricSchema>;

const share = z.number().min(0).max(1);
const days = z.number().min(0, "must not be negative");

export const estimateCurveRowSchema = z.strictObject({
  butterflies: count,
  fullDaysShare: share,
  enclaveDaysCoveredShare: share,
  uncoveredEnclaveDays: z.strictObject({ mean: days, p50: days, p95: days }),
});
export type EstimateCurveRow = z.infer<typeof estimateCurveRowSchema>;

/** A what-if's own curve: people added (stand-ins or butterflies) against coverage. */
export const whatIfCurveRowSchema = z.strictObject({
  people: count,
  coveredShare: share,
  fullDaysShare: share,
  uncoveredDays: z.strictObject({ mean: days, p50: days, p95: days }),
});
export type WhatIfCurveRow = z.infer<typeof whatIfCurveRowSchema>;

export const estimateWhatIfsSchema = z.strictObject({
  /** Stand-in workers for line enclaves (staffing.min = staffing.target): how many keep them at their minimum. */
  standInWorkers: z
    .strictObject({
      lineEnclaveIds: z.array(id),
      inHouseStandIns: count,
      enclaveDays: count,
      curve: z.array(whatIfCurveRowSchema),
      /** Extra stand-ins (trained for every line enclave) on top of the in-house ones; null when out of reach. */
      recommendedExtra: count.nullable(),
      note: z.string(),
    })
    .optional(),
  /** Every full-time fixed coach at 4/5. */
  fourFifthCoaches: z
    .strictObject({
      coaches: count,
      curve: z.array(estimateCurveRowSchema),
      recommended: count.nullable(),
      note: z.string(),
    })
    .optional(),
  /** The shared coaching pilot: one coach for up to N small enclaves within M minutes. */
  sharedCoaching: z
    .strictObject({
      maxEnclaves: z.number().int().min(2),
      maxTravelMinutes: count,
      groups: z.array(z.array(id)),
      coachesSaved: count,
      curve: z.array(estimateCurveRowSchema),
      recommended: count.nullable(),
      butterfliesSaved: z.number().int().nullable(),
      note: z.string(),
    })
    .optional(),
});
export type EstimateWhatIfs = z.infer<typeof estimateWhatIfsSchema>;

export const estimateSchema = z.strictObject({
  version: z.literal(1),
  year: z.number().int(),
  serviceLevel: z.strictObject({ metric: estimateMetricSchema, target: share }),
  runs: z.number().int().min(1),
  seed: z.number().int(),
  demand: z.strictObject({
    enclaveDays: count,
    coachAbsenceDays: days,
    butterflyAvailableDays: days,
  }),
  arithmeticMinimum: count,
  curve: z.array(estimateCurveRowSchema).min(1),
  recommended: count,
  /** Butterflies in the scenario, for comparison with the recommendation. */
  scenarioButterflies: count.optional(),
  /** The model's assumptions, in words, for the reader of the estimate. */
  assumptions: z.array(z.string()).optional(),
  whatIfs: estimateWhatIfsSchema.optional(),
});
export type Estimate = z.infer<typeof estimateSchema>;
