import type { Task } from "graphile-worker";
import { enterDateJourneys } from "@/server/domain/journeys/runtime/triggers/date-reached";

/** Cron, every 15 minutes: contacts whose date attribute is today (in their timezone) enter date-triggered journeys. */
export const enterDates: Task = async (_payload, helpers) => {
  const { entered } = await enterDateJourneys();
  if (entered) helpers.logger.info(`journeys: ${entered} contacts entered on their date`);
};
