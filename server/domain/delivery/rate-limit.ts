import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";

export type RateLimit = { key: string; limit: number; window: "1 second" | "1 hour" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `count` sends fit under every limit, taking them from Postgres-backed windows shared by
 * all worker processes (herald_take_rate). Granted in chunks, so a batch of 200 under a limit of 50
 * per second goes out over four seconds rather than failing. Returns early with what it got when
 * `shouldStop` says so (a pause or cancel).
 */
export const acquireSends = async (limits: readonly RateLimit[], count: number, shouldStop?: () => boolean): Promise<number> => {
  if (limits.length === 0) return count;
  let remaining = count;
  let acquired = 0;
  while (remaining > 0) {
    if (shouldStop?.()) break;
    // The tightest limit decides the chunk; every limit must grant it.
    let chunk = remaining;
    let waitUntil = 0;
    for (const limit of limits) {
      const [row] = await db.execute<{ granted: number; window_end: Date }>(
        sql`select granted, window_end from herald_take_rate(${limit.key}, ${limit.limit}, ${chunk}, ${limit.window}::interval)`,
      );
      const granted = Number(row?.granted ?? 0);
      if (granted < chunk) {
        // Earlier limits may have granted more than this chunk; that room is lost for this window,
        // which errs on the side of sending less, never more.
        chunk = granted;
        waitUntil = Math.max(waitUntil, new Date(row!.window_end).getTime());
      }
      if (chunk === 0) break;
    }
    acquired += chunk;
    remaining -= chunk;
    if (remaining > 0 && waitUntil > 0) await sleep(Math.max(5, waitUntil - Date.now()));
  }
  return acquired;
};

/** The cron's clean-up: windows older than a day are only history. */
export const pruneRateWindows = () => db.execute(sql`delete from rate_limit_windows where window_start < now() - interval '1 day'`);
