import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";

/**
 * Monthly partitions of `events` (see drizzle/migrations/0001_audience.sql). Before events are
 * inserted, their months must exist: a row for a missing month would land in events_default, and a
 * month with rows in the default partition can no longer be created (Postgres refuses to attach a
 * partition whose rows sit in the default one).
 */

/** Events older than this many months go to events_default instead of a partition of their own. */
export const PARTITION_MONTHS_BACK = 60;
/** The cron task keeps this many months ahead created, so the first event of a month never waits on DDL. */
export const PARTITION_MONTHS_AHEAD = 3;

// Partition bounds are dates read in the session time zone of whoever created them. Every zone is
// within 14 hours of UTC, so the month an event falls in, in any zone, is the UTC month of the
// timestamp 14 hours earlier or later: ensuring both covers whatever zone the bounds were made in.
const ZONE_SLACK_MS = 14 * 60 * 60 * 1000;
// Serialises partition DDL between processes: two creating the same month at once would collide.
const PARTITION_LOCK = 7_243_101;

/** Months already known to exist in this process, as "YYYY-MM-01". */
const knownMonths = new Set<string>();

const monthStart = (date: Date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-01`;

const addMonths = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));

/** The months ("YYYY-MM-01") whose partitions must exist before events at `timestamps` are inserted. */
export const monthsToEnsure = (timestamps: Date[], now = new Date()): string[] => {
  const oldest = monthStart(addMonths(now, -PARTITION_MONTHS_BACK));
  const newest = monthStart(addMonths(now, PARTITION_MONTHS_AHEAD));
  const months = new Set<string>();
  for (const timestamp of timestamps) {
    for (const shift of [-ZONE_SLACK_MS, ZONE_SLACK_MS]) {
      const month = monthStart(new Date(timestamp.getTime() + shift));
      // ISO dates compare as strings.
      if (month >= oldest && month <= newest) months.add(month);
    }
  }
  return [...months].sort();
};

/**
 * Creates the partitions for `months` that do not exist yet. A month that cannot be created (rows for
 * it already sit in the default partition) is logged and skipped: its events still go to the default
 * partition, which is slower to query but never loses data. Returns how many partitions were created.
 */
export const ensureEventPartitions = async (months: string[]): Promise<number> => {
  const missing = months.filter((month) => !knownMonths.has(month));
  if (!missing.length) return 0;
  let created = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    for (const month of missing) {
      try {
        // A savepoint per month, so one refusal does not undo the others.
        await tx.transaction(async (savepoint) => {
          const [row] = await savepoint.execute<{ created: number }>(
            sql`select herald_ensure_event_partitions(${month}::date, 1) as created`,
          );
          created += Number(row?.created ?? 0);
        });
      } catch (error) {
        logger.warn({ err: error, month }, "could not create the events partition; events of that month go to events_default");
      }
    }
  });
  for (const month of missing) knownMonths.add(month);
  return created;
};

/** Makes sure every month `timestamps` fall in has its partition (cached per process). */
export const ensurePartitionsFor = (timestamps: Date[], now = new Date()) => ensureEventPartitions(monthsToEnsure(timestamps, now));

/** For the daily cron task: this month and the next PARTITION_MONTHS_AHEAD. */
export const ensureUpcomingEventPartitions = async (now = new Date()) => {
  const months = Array.from({ length: PARTITION_MONTHS_AHEAD + 1 }, (_, i) => monthStart(addMonths(now, i)));
  // The cron task is the safety net for a cache that may be stale (a partition dropped by hand), so it asks the database.
  for (const month of months) knownMonths.delete(month);
  return ensureEventPartitions(months);
};
