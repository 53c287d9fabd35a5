import type { Task } from "graphile-worker";
import { enterSegmentJourneys } from "@/server/domain/journeys/runtime/triggers/segment-entered";

/** Cron, every minute: contacts who came to match a journey's "entered a segment" trigger enter it. */
export const enterSegments: Task = async (_payload, helpers) => {
  const { entered } = await enterSegmentJourneys();
  if (entered) helpers.logger.info(`journeys: ${entered} contacts entered through segments`);
};
