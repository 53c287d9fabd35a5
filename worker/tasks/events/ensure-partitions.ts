import type { Task } from "graphile-worker";
import { ensureUpcomingMessagePartitions } from "@/server/domain/delivery/message-partitions";
import { ensureUpcomingEventPartitions, PARTITION_MONTHS_AHEAD } from "@/server/domain/events/event-partitions";

/** Daily (worker/cron.ts): this month's and the next months' partitions of events and the message log, before anything needs them. */
export const ensurePartitions: Task = async (_payload, helpers) => {
  const created = (await ensureUpcomingEventPartitions()) + (await ensureUpcomingMessagePartitions(PARTITION_MONTHS_AHEAD));
  if (created) helpers.logger.info(`created ${created} partition(s) for the next ${PARTITION_MONTHS_AHEAD} months`);
};
