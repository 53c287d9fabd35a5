import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";

export const ADVANCE_TASK = "journeys/advance";

/**
 * Advance jobs run in lanes, each a graphile-worker named queue (its jobs run one at a time, on any
 * worker) with its own job key (at most one waiting job per lane; asking again while one runs queues
 * exactly one more). So the cluster runs at most JOURNEY_ADVANCE_LANES batch loops at once (default 2,
 * sharing the due runs through SKIP LOCKED), however many entries and events ask, plus the "fast" lane,
 * which only takes runs an event has just matched, so they never wait behind batches of sends.
 */
export const advanceLanes = () => Math.max(1, Math.floor(Number(process.env.JOURNEY_ADVANCE_LANES ?? 2)) || 1);
export type AdvanceLane = string; // "0", "1", ... or "fast"
export const FAST_LANE = "fast";
export const laneQueue = (lane: AdvanceLane) => `journeys/advance:${lane}`;

/** Whoever makes runs due (an entry, a matched event) asks for an advance now, in its own transaction. */
export const queueAdvance = async (executor: Executor, { lanes, runAt, jobKey }: { lanes?: AdvanceLane[]; runAt?: Date; jobKey?: string } = {}) => {
  const chosen = lanes ?? Array.from({ length: advanceLanes() }, (_, i) => String(i));
  await executor.execute(sql`
    select graphile_worker.add_job(
      ${ADVANCE_TASK}, json_build_object('lane', lane),
      queue_name => 'journeys/advance:' || lane,
      run_at => ${runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => 5,
      job_key => coalesce(${jobKey ?? null}::text, 'journeys/advance:' || lane))
    from unnest(${sql.param(chosen)}::text[]) as lane`);
};
