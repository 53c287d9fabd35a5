import type { Task } from "graphile-worker";
import { z } from "zod";
import { prepareCampaign as prepare } from "@/server/domain/campaigns/prepare-campaign";

const Payload = z.object({ campaignId: z.string().uuid() });

/** Freezes a launched campaign's audience into recipients and queues its batches. */
export const prepareCampaign: Task = async (raw, helpers) => {
  const { recipients } = await prepare(Payload.parse(raw));
  helpers.logger.info(`campaign prepared: ${recipients} recipients`);
};
