import type { Task } from "graphile-worker";
import { z } from "zod";
import { cleanUpCancelledCampaign } from "@/server/domain/campaigns/control-campaign";

const Payload = z.object({ campaignId: z.string().uuid() });

export const cancelCleanup: Task = async (raw, helpers) => {
  const { refunded } = await cleanUpCancelledCampaign(Payload.parse(raw));
  if (refunded) helpers.logger.info(`cancelled campaign: refunded ${refunded} unsent messages`);
};
