import { Logger, runOnce } from "graphile-worker";
import { sql } from "drizzle-orm";
import { db, sqlClient } from "@/server/db/client";
import { env } from "@/server/env";
import type { SystemEmail } from "@/server/domain/system-mail/enqueue-system-email";
import { taskList } from "@/worker/task-list";

// Every test file shares one graphile-worker queue. A worker run in one file would take (and delete)
// the jobs another file has just queued and is about to inspect, so both sides serialise on this lock.
const SYSTEM_MAIL_QUEUE_LOCK = 7_243_019;

let holdingLock = false;

/**
 * Runs `fn` while no other test file can touch the queue. Queue a job and then inspect it or run the
 * worker inside the same call, so nobody else's worker takes it in between.
 */
export const withSystemMailQueue = async <T>(fn: () => Promise<T>): Promise<T> => {
  if (holdingLock) throw new Error("withSystemMailQueue is not re-entrant; call it once around the whole step");
  const connection = await sqlClient().reserve();
  try {
    await connection`select pg_advisory_lock(${SYSTEM_MAIL_QUEUE_LOCK})`;
    holdingLock = true;
    try {
      return await fn();
    } finally {
      holdingLock = false;
      await connection`select pg_advisory_unlock(${SYSTEM_MAIL_QUEUE_LOCK})`;
    }
  } finally {
    connection.release();
  }
};

/**
 * The `system/send-email` jobs waiting for one address (payloads as the worker will read them).
 * The public `graphile_worker.jobs` view leaves payloads out, hence the private tables (read only).
 */
export const queuedSystemEmails = (to: string) => queuedJobPayloads<SystemEmail>("system/send-email", "to", to);

/** The payloads of a task's queued jobs whose payload field `field` equals `value`, oldest first. */
export const queuedJobPayloads = async <T>(identifier: string, field: string, value: string): Promise<T[]> => {
  const rows = await db.execute<{ payload: T }>(sql`
    select jobs.payload from graphile_worker._private_jobs as jobs
    join graphile_worker._private_tasks as tasks on tasks.id = jobs.task_id
    where tasks.identifier = ${identifier} and jobs.payload->>${field} = ${value}
    order by jobs.id`);
  return rows.map((row) => row.payload);
};

const silent = new Logger(() => () => {});

/**
 * The real worker (graphile-worker's runOnce with the app's task list) until no job is ready. It also
 * delivers mail other test files queued; they only ever assert on their own addresses. Mail goes to
 * SYSTEM_SMTP_URL, which env() reads once per process: point it at a sink first (`useSmtpSinkForSystemMail`).
 */
export const runWorkerOnce = async () => {
  if (!holdingLock) throw new Error("runWorkerOnce must run inside withSystemMailQueue (see the comment there)");
  await runOnce({ connectionString: env().DATABASE_URL, taskList, logger: silent, noHandleSignals: true, concurrency: 1 });
};

/**
 * Points the app's own mail at `smtpUrl` for the rest of this test file (each file is its own process).
 * Fails loudly if something already read the configuration, since env() would then ignore the change.
 */
export const useSmtpSinkForSystemMail = (smtpUrl: string) => {
  process.env.SYSTEM_SMTP_URL = smtpUrl;
  if (env().SYSTEM_SMTP_URL !== smtpUrl) {
    throw new Error("SYSTEM_SMTP_URL was read before the sink started; start the sink before anything calls env()");
  }
};
