import type { Task } from "graphile-worker";
import { advanceJourneys } from "@/server/domain/journeys/runtime/advance-journeys";

/** Moves due journey runs along in batches (see server/domain/journeys/runtime/advance-runs.ts). No payload. */
export const advance: Task = async (_payload, helpers) => {
  const result = await advanceJourneys({
    batchSize: Number(process.env.JOURNEY_BATCH_SIZE ?? 500),
  });
  if (result.claimed) helpers.logger.debug(`journeys advanced: ${result.claimed} runs, ${result.transitions} steps in ${result.batches} batches`);
};
