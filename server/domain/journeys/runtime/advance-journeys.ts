import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { advanceBatch, type AdvanceOptions } from "./advance-runs";
import { FAST_LANE, queueAdvance, type AdvanceLane } from "./queue-advance";

/** The job (one per lane) that wakes the runtime for the next timer (a wait ending); only advance jobs set it. */
export const ADVANCE_TIMER_JOB_KEY = "journeys/advance:timer";
/** Timers further away than this are left to the cron tick (every minute). */
const TIMER_HORIZON_MS = 60_000;

export type AdvanceJourneysResult = { batches: number; claimed: number; transitions: number; moreDue: boolean };

/**
 * The worker's loop (task journeys/advance): batches while runs are due, for at most `budgetMs`, then
 * makes sure someone comes back: at once if work is left (another job with the same key), else at the
 * next wake-up time if it is within a minute (a timer job). Several of these may run at once, on one
 * worker or many; they share the due runs through SKIP LOCKED.
 */
export const advanceJourneys = async ({
  budgetMs = 20_000,
  lane = "0",
  ...options
}: AdvanceOptions & { budgetMs?: number; lane?: AdvanceLane } = {}): Promise<AdvanceJourneysResult> => {
  const fastOnly = lane === FAST_LANE;
  const started = Date.now();
  const batchSize = options.batchSize ?? 500;
  const result: AdvanceJourneysResult = { batches: 0, claimed: 0, transitions: 0, moreDue: false };
  for (;;) {
    const batch = await advanceBatch({ ...options, batchSize, fastOnly });
    result.batches++;
    result.claimed += batch.claimed;
    result.transitions += batch.transitions;
    if (batch.claimed < batchSize) break;
    if (Date.now() - started > budgetMs) {
      result.moreDue = true;
      break;
    }
  }
  if (result.moreDue) await queueAdvance(db, { lanes: [lane] });
  else if (!fastOnly) await scheduleNextWake(lane);
  return result;
};

const scheduleNextWake = async (lane: AdvanceLane) => {
  const [next] = await db.execute<{ at: string | null }>(sql`
    select min(wake_at)::text as at from journey_states where finished_at is null and wake_at > now()`);
  if (!next?.at) return;
  const at = new Date(next.at);
  if (at.getTime() - Date.now() > TIMER_HORIZON_MS) return;
  await queueAdvance(db, { lanes: [lane], runAt: at, jobKey: `${ADVANCE_TIMER_JOB_KEY}:${lane}` });
};
