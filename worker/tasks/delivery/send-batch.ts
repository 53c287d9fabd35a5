import type { Task } from "graphile-worker";
import { z } from "zod";
import { sendBatch as send } from "@/server/domain/campaigns/batch/send-batch";

const Payload = z.object({ campaignId: z.string().uuid(), batchNo: z.number().int().min(0) });

/** One batch of a campaign; throws (and graphile-worker retries with backoff) when some recipients were refused for now. */
export const sendBatch: Task = async (raw, helpers) => {
  const result = await send(Payload.parse(raw));
  if (result.outcome !== "done" && result.outcome !== "already-done") helpers.logger.info(`batch ${result.outcome}`);
};
