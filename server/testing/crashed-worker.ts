import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import type { SpawnedProcess } from "./spawn-process";

/** Polls `check` every 100 ms until it holds, or fails naming `what` after `timeoutMs`. */
export const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Kills a spawned worker the hard way (no drain, no cleanup) and waits until it is gone. */
export const killWorker = async ({ child }: SpawnedProcess) => {
  child.kill("SIGKILL");
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once("exit", resolve));
};

/**
 * What the down-node sweep does for a worker whose heartbeat stopped (force_unlock_workers): its locked
 * jobs of these tasks, and their named queues, become available to other workers now.
 */
export const releaseDeadWorkerJobs = async (taskPrefix: string) => {
  await db.execute(sql`
    update graphile_worker._private_jobs set locked_at = null, locked_by = null, run_at = now()
    where task_id in (select id from graphile_worker._private_tasks where identifier like ${`${taskPrefix}%`})`);
  await db.execute(sql`update graphile_worker._private_job_queues set locked_at = null, locked_by = null where queue_name like ${`${taskPrefix}%`}`);
};

/**
 * The second half of a journey crash test: the dead worker's journey jobs released, a fresh worker
 * from `start` runs until no run of `journeyId` is unfinished (or fails after `timeoutMs`), then stops.
 */
export const finishJourneyOnNewWorker = async (journeyId: string, start: () => Promise<SpawnedProcess>, timeoutMs: number) => {
  await releaseDeadWorkerJobs("journeys/");
  const second = await start();
  try {
    await waitFor(
      async () =>
        (await db.execute<{ n: number }>(sql`select count(*)::int as n from journey_states where journey_id = ${journeyId} and finished_at is null`))[0]!.n === 0,
      timeoutMs,
      "every run to finish on the second worker",
    );
  } finally {
    await second.stop();
  }
};
