import { parseCronItems, type CronItem } from "graphile-worker";

/**
 * Recurring jobs, registered in code (not a crontab file) so they ship and are reviewed with the tasks.
 * graphile-worker's cron runs in every worker process but queues each tick once (it records ticks in
 * its known_crontabs table), so a fleet of workers does not multiply them. `match` uses crontab syntax
 * in UTC; `identifier` must stay stable, it is how backfill and de-duplication recognise an item.
 */
export const cronItems: CronItem[] = [
  {
    task: "events/ensure-partitions",
    match: "17 3 * * *",
    identifier: "events/ensure-partitions",
    // A worker that was down at 03:17 still runs it when it comes back the same day.
    options: { backfillPeriod: 24 * 60 * 60 * 1000, maxAttempts: 5 },
  },
  {
    task: "dnc/refresh-due",
    match: "5 * * * *",
    identifier: "dnc/refresh-due",
    options: { backfillPeriod: 60 * 60 * 1000, maxAttempts: 3 },
  },
  // Journeys: the safety net for due runs (entries and matched events queue an advance at once, and
  // the runtime sets a timer for the next wait ending within a minute), same job key as those.
  {
    task: "journeys/advance",
    match: "* * * * *",
    identifier: "journeys/advance",
    payload: { lane: "0" },
    options: { jobKey: "journeys/advance:0", queueName: "journeys/advance:0", maxAttempts: 5 },
  },
  // "Entered a segment" is detected within a minute, date triggers within 15 minutes of their time.
  { task: "journeys/enter-segments", match: "* * * * *", identifier: "journeys/enter-segments", options: { jobKey: "journeys/enter-segments", maxAttempts: 3 } },
  { task: "journeys/enter-dates", match: "*/15 * * * *", identifier: "journeys/enter-dates", options: { jobKey: "journeys/enter-dates", maxAttempts: 3 } },
];

/** The items whose tasks this process runs (a dedicated sending node leaves the others to the rest). */
export const parsedCronItems = (tasks?: readonly string[]) =>
  parseCronItems(tasks ? cronItems.filter((item) => tasks.includes(item.task)) : cronItems);
