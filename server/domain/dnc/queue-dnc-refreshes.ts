import { and, eq, sql } from "drizzle-orm";
import { dncRegistries } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { addJob } from "@/server/jobs/add-job";
import { AppError } from "@/server/errors";
import { dncRefreshJobKey } from "./list-dnc-registries";

export type DncRefreshJob = { workspaceId: string; registryId: string; force?: boolean };

// A register whose refresh keeps failing is tried again at most this often (or at its own interval, if shorter).
const RETRY_FAILED_AFTER_HOURS = 6;

/**
 * For the hourly cron: queues a "dnc/refresh" job for every register with a source URL whose
 * interval has passed since its last good refresh (and that was not already tried within the retry
 * period). One job key per register, so an hour's queue never holds two refreshes of the same list.
 */
export const queueDueDncRefreshes = async ({ now = new Date() }: { now?: Date } = {}) => {
  // The job key is dncRefreshJobKey(id), spelled in SQL.
  const rows = await db.execute<{ registry_id: string; workspace_id: string }>(sql`
    with due as (
      select id, workspace_id from dnc_registries
      where source_url is not null and refresh_interval_hours > 0
        and coalesce(last_refreshed_at, '-infinity') <= ${now.toISOString()}::timestamptz - make_interval(hours => refresh_interval_hours)
        and coalesce(last_attempt_at, '-infinity')
          <= ${now.toISOString()}::timestamptz - make_interval(hours => least(refresh_interval_hours, ${RETRY_FAILED_AFTER_HOURS}))
    )
    select due.id as registry_id, due.workspace_id,
      graphile_worker.add_job(
        'dnc/refresh',
        json_build_object('workspaceId', due.workspace_id, 'registryId', due.id),
        max_attempts => 3,
        job_key => 'dnc-refresh:' || due.id,
        job_key_mode => 'preserve_run_at'
      ) is not null as queued
    from due`);
  return rows.map((row) => ({ registryId: row.registry_id, workspaceId: row.workspace_id }));
};

/** "Refresh now": the same job the cron would queue, at once, in the worker. */
export const queueDncRefresh = async ({ workspaceId, registryId, force = false }: DncRefreshJob) => {
  const [registry] = await db
    .select({ id: dncRegistries.id, sourceUrl: dncRegistries.sourceUrl })
    .from(dncRegistries)
    .where(and(eq(dncRegistries.id, registryId), eq(dncRegistries.workspaceId, workspaceId)));
  if (!registry) throw new AppError("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
  if (!registry.sourceUrl) throw new AppError("BAD_REQUEST", "This register has no source URL: add one, or upload a file of numbers");
  await addJob(db, "dnc/refresh", { workspaceId, registryId, force }, { jobKey: dncRefreshJobKey(registryId), maxAttempts: 1 });
  return { queued: true as const };
};
