import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { campaignLimits, campaignStatus, finishBatch, pauseForCredits, releaseBatch, RetryBatchLater } from "@/server/domain/campaigns/batch/batch-progress";
import { loadBatch } from "@/server/domain/campaigns/batch/load-batch";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { chargeSmsBatch } from "./charge-sms-batch";
import { composeSmsBatch } from "./compose-sms-batch";
import { deliverSmsBatch } from "./deliver-sms-batch";

/**
 * An SMS batch, already claimed by sendBatch: filter (SMS consent, number suppressions, Do-Not-Call),
 * route and render each message, charge segments × route price, send, record. Safe to run again at
 * any point, like the email path: charged recipients are only sent, with the id they were charged with.
 */
export const sendSmsBatch = async (campaign: typeof campaigns.$inferSelect, batchNo: number) => {
  const { id: campaignId, workspaceId } = campaign;
  const snapshot = campaign.snapshot as CampaignSnapshot;
  const recipients = await loadBatch(db, { campaignId, batchNo, workspaceId, channel: "sms" });
  const composed = composeSmsBatch(snapshot, recipients);
  const charge = await chargeSmsBatch({ workspaceId, campaignId, batchNo }, composed);
  if (!charge.ok) {
    await pauseForCredits(campaignId, charge.shortBy);
    await releaseBatch(campaignId, batchNo);
    return { outcome: "paused-for-credits" as const };
  }
  const summary = await deliverSmsBatch({
    workspaceId,
    campaignId,
    batchNo,
    messages: [...composed.charged, ...charge.charged],
    limits: campaignLimits(campaign),
    stillSending: async () => (await campaignStatus(campaignId)) === "sending",
  });
  if (summary.stopped || summary.retry > 0) {
    await releaseBatch(campaignId, batchNo);
    if (summary.stopped) return { outcome: "stopped" as const };
    throw new RetryBatchLater(`${summary.retry} SMS of batch ${batchNo + 1} were refused for now; retrying`);
  }
  await finishBatch(campaignId, batchNo);
  return { outcome: "done" as const, ...summary, skipped: charge.skipped };
};
