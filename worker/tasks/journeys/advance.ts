import type { Task } from "graphile-worker";
import { z } from "zod";
import { advanceJourneys } from "@/server/domain/journeys/runtime/advance-journeys";

// Jobs queued before lanes existed carry no payload: they run as lane 0.
const Payload = z.object({ lane: z.string().max(20).default("0") }).catch({ lane: "0" });

/** Moves due journey runs along in batches (see server/domain/journeys/runtime/advance-runs.ts and queue-advance.ts for lanes). */
export const advance: Task = async (raw, helpers) => {
  const { lane } = Payload.parse(raw ?? {});
  const result = await advanceJourneys({ lane, batchSize: Number(process.env.JOURNEY_BATCH_SIZE ?? 500) });
  if (result.claimed) helpers.logger.debug(`journeys lane ${lane}: ${result.claimed} runs, ${result.transitions} steps in ${result.batches} batches`);
};
