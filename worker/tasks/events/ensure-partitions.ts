import type { Task } from "graphile-worker";
import { ensureUpcomingEventPartitions, PARTITION_MONTHS_AHEAD } from "@/server/domain/events/event-partitions";

/** Daily (worker/cron.ts): this month's and the next months' event partitions, before any event needs them. */
export const ensurePartitions: Task = async (_payload, helpers) => {
  const created = await ensureUpcomingEventPartitions();
  if (created) helpers.logger.info(`created ${created} event partition(s) for the next ${PARTITION_MONTHS_AHEAD} months`);
};
