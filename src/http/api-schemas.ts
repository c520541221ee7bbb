/**
 * The zod schemas of the API's own shapes (what is not a scenario or plan document): users,
 * day views, suggestions, stored absences, estimate jobs, and the small request bodies. The
 * scenario and plan parts reuse src/scenario/schema.ts, so the API and the CLI speak the same
 * formats.
 */
import { z } from "zod";
import { absenceSchema, blockSchema, estimateMetricSchema, estimateSchema, isoDate, planSchema } from "../scenario/schema.ts";

export const roleSchema = z.enum(["viewer", "hr", "planner", "admin"]);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisation: z.object({ id: z.string(), name: z.string() }),
});

export const loginBody = z.strictObject({
  email: z.string().min(1, "must be an e-mail address"),
  password: z.string().min(1, "must not be empty"),
});

export const dateParams = z.object({ date: isoDate });
export const idParams = z.object({ id: z.string().min(1) });

/** A version number the client saw; edits on an older one are a 409. */
export const versionBody = z.strictObject({ version: z.number().int().min(1, "must be a plan version number (1, 2, …)") });

export const moveBody = z.strictObject({
  version: z.number().int().min(1, "must be a plan version number (1, 2, …)"),
  personId: z.string().min(1),
  toEnclaveId: z.string().min(1).nullable(),
  blocks: z.array(blockSchema).min(1).optional(),
  /** Keep the person there in later re-plans. */
  pin: z.boolean().optional(),
});

export const dayViewSchema = z.object({
  date: isoDate,
  version: z.object({
    number: z.number().int(),
    status: z.enum(["draft", "published"]),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
  }),
  published: z.number().int().nullable(),
  stale: z.boolean(),
  plan: planSchema,
});

export const suggestionsQuery = z.object({ enclaveId: z.string().min(1), block: blockSchema });
export const suggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      role: z.enum(["worker", "fixed", "butterfly", "interim"]),
      fromEnclaveId: z.string().nullable(),
      reason: z.string(),
      allowed: z.boolean(),
      rank: z.number().int(),
    }),
  ),
});

export const storedAbsenceSchema = absenceSchema.extend({ id: z.string() });
export const absencesQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const importSummarySchema = z.object({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number() });

export const estimateBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  serviceLevel: z.number().gt(0).lt(1).optional(),
  metric: estimateMetricSchema.optional(),
  runs: z.number().int().min(10).max(20_000).optional(),
  seed: z.number().int().optional(),
});

export const estimateJobSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  progress: z.number().min(0).max(1),
  result: estimateSchema.optional(),
  error: z.string().optional(),
});
