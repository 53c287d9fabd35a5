import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";

// Shared with event partitions' DDL lock holders: partition DDL from two processes must not collide.
const PARTITION_LOCK = 7_243_102;

/**
 * This month's and the next three months' partitions of the message log and its events (see
 * drizzle/migrations/0005_delivery.sql). Messages are always written "now", so creating months ahead
 * daily means a send never waits on DDL.
 */
export const ensureUpcomingMessagePartitions = async (monthsAhead = 3): Promise<number> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    const [row] = await tx.execute<{ created: number }>(
      sql`select herald_ensure_message_partitions(date_trunc('month', now())::date, ${monthsAhead + 1}) as created`,
    );
    return Number(row?.created ?? 0);
  });
