import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";

export type AddJobOptions = { jobKey?: string; maxAttempts?: number; runAt?: Date; queueName?: string };

/**
 * Queue a graphile-worker job through SQL, on the caller's transaction, so a row and the job that acts
 * on it commit or roll back together (never a row without its job, nor a job without its row).
 */
export const addJob = async (
  executor: Executor,
  identifier: string,
  payload: Record<string, unknown>,
  options: AddJobOptions = {},
): Promise<void> => {
  await executor.execute(sql`
    select graphile_worker.add_job(
      ${identifier},
      ${JSON.stringify(payload)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? 25}::int,
      job_key => ${options.jobKey ?? null}::text
    )`);
};
