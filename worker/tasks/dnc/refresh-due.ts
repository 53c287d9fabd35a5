import type { Task } from "graphile-worker";
import { queueDueDncRefreshes } from "@/server/domain/dnc/queue-dnc-refreshes";

/** Hourly (worker/cron.ts): queues a refresh for each register whose interval has passed. */
export const refreshDue: Task = async (_payload, helpers) => {
  const queued = await queueDueDncRefreshes();
  if (queued.length) helpers.logger.info(`queued ${queued.length} Do-Not-Call refresh(es)`);
};
