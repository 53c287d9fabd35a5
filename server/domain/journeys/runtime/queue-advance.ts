import { addJob } from "@/server/jobs/add-job";
import type { Executor } from "@/server/db/client";

export const ADVANCE_TASK = "journeys/advance";
/**
 * One queued advance job at a time: graphile-worker's job_key replaces a waiting job (and its run_at),
 * and while one runs a second may queue beside it, so two workers can share the due runs (they claim
 * with SKIP LOCKED, never the same run).
 */
export const ADVANCE_JOB_KEY = "journeys/advance";

/** Whoever makes runs due (an entry, a matched event) asks for an advance now, in its own transaction. */
export const queueAdvance = (executor: Executor, runAt?: Date) =>
  addJob(executor, ADVANCE_TASK, {}, { jobKey: ADVANCE_JOB_KEY, runAt, maxAttempts: 5 });
