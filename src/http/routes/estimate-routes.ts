/**
 * The yearly butterfly estimate as a background job: POST starts it and answers 202 with an
 * id at once; GET reports progress (0..1) and, when done, the estimate in the format of
 * SCENARIO-FORMAT.md. Jobs live in memory for an hour — an estimate is cheap to run again and
 * is not a record the organisation must keep.
 */
import { randomUUID } from "node:crypto";
import * as repo from "../../db/index.ts";
import type { Database } from "../../db/index.ts";
import { runEstimate } from "../../estimate/estimate.ts";
import type { Estimate } from "../../scenario/schema.ts";
import { estimateBody, estimateJobSchema, idParams } from "../api-schemas.ts";
import { HttpError } from "../error-translator.ts";
import { defineRoute, type AnyRoute } from "../route.ts";
import { z } from "zod";

interface Job {
  id: string;
  organisationId: string;
  status: "running" | "done" | "failed";
  progress: number;
  result?: Estimate;
  error?: string;
  finishedAt?: number;
  abort: AbortController;
}

const KEEP_MS = 60 * 60 * 1000;

export class EstimateJobs {
  private readonly jobs = new Map<string, Job>();

  start(organisationId: string, work: (job: Job) => Promise<Estimate>): Job {
    this.sweep();
    const job: Job = { id: randomUUID(), organisationId, status: "running", progress: 0, abort: new AbortController() };
    this.jobs.set(job.id, job);
    work(job).then(
      (result) => Object.assign(job, { status: "done", progress: 1, result, finishedAt: Date.now() }),
      (error: unknown) => Object.assign(job, { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: Date.now() }),
    );
    return job;
  }

  get(organisationId: string, id: string): Job {
    const job = this.jobs.get(id);
    // Another organisation's job is as unknown as a job that never was.
    if (!job || job.organisationId !== organisationId) throw new HttpError("NOT_FOUND", `estimate ${id} does not exist (or has expired)`);
    return job;
  }

  /** Stops every running job (the service is shutting down). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status === "running") job.abort.abort();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}

export function estimateRoutes(db: Database, jobs: EstimateJobs): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/estimates",
      summary: "Start the yearly butterfly estimate in the background",
      tag: "estimate",
      role: "hr",
      body: estimateBody,
      response: z.object({ id: z.string() }),
      status: 202,
      handler: async ({ body, caller }) => {
        const scenario = await repo.loadScenario(db, caller.organisationId);
        const job = jobs.start(caller.organisationId, (j) =>
          runEstimate(scenario, body, {
            onProgress: (fraction) => {
              j.progress = Math.max(j.progress, Math.min(1, fraction));
            },
            signal: j.abort.signal,
          }),
        );
        return { id: job.id };
      },
    }),
    defineRoute({
      method: "get",
      path: "/estimates/:id",
      summary: "Progress of an estimate, and its result when done",
      tag: "estimate",
      role: "hr",
      params: idParams,
      response: estimateJobSchema,
      handler: async ({ params, caller }) => {
        const job = jobs.get(caller.organisationId, params.id);
        return {
          id: job.id,
          status: job.status,
          progress: job.progress,
          ...(job.result ? { result: job.result } : {}),
          ...(job.error ? { error: job.error } : {}),
        };
      },
    }),
  ];
}
