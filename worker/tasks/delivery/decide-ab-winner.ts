import type { Task } from "graphile-worker";
import { z } from "zod";
import { decideAbWinner as decide } from "@/server/domain/campaigns/ab/decide-ab-winner";

const Payload = z.object({ campaignId: z.string().uuid() });

/** An A/B test's wait is over: pick the winner and queue the rest of the audience's batches with it. */
export const decideAbWinner: Task = async (raw, helpers) => {
  const result = await decide(Payload.parse(raw));
  helpers.logger.info(`A/B decision: ${result.outcome}${"winner" in result ? ` (variant ${result.winner})` : ""}`);
};
