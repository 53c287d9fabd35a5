import { and, eq, ne, sql } from "drizzle-orm";
import { campaignBatches, campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { emailMessagePrice } from "@/server/domain/credits/credit-prices";
import { emailForVariant, type CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import type { RateLimit } from "@/server/domain/delivery/rate-limit";
import { pickTransport } from "@/server/domain/delivery/transports/smarthosts";
import { env } from "@/server/env";
import { sendSmsBatch } from "@/server/domain/campaigns/sms/send-sms-batch";
import { campaignLimits, campaignStatus, finishBatch, pauseForCredits, releaseBatch, RetryBatchLater } from "./batch-progress";
import { campaignSender, type CampaignSender } from "./campaign-sender";
import { chargeBatch } from "./charge-batch";
import { deliverBatch, type ChargedRecipient } from "./deliver-batch";
import { loadBatch } from "./load-batch";

export { RetryBatchLater };

const limitsFor = (campaign: typeof campaigns.$inferSelect, transportName: string): RateLimit[] => {
  const transportRate = env().TRANSPORT_RATE_PER_SECOND;
  return [...(transportRate ? [{ key: `transport:${transportName}`, limit: transportRate, window: "1 second" as const }] : []), ...campaignLimits(campaign)];
};

/**
 * One batch of a campaign (worker task delivery/send-batch): filter, charge, render, send, record.
 * Safe to run again after a crash at any point: recipients already charged are only sent (with the
 * Message-ID they were charged with), those already sent are left alone. Throws RetryBatchLater when
 * some recipients met a temporary refusal, so graphile-worker retries the batch with backoff.
 * A batch holds one channel; SMS batches go through sendSmsBatch.
 */
export const sendBatch = async ({ campaignId, batchNo }: { campaignId: string; batchNo: number }) => {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign || campaign.status !== "sending") return { outcome: "not-sending" as const };
  const snapshot = campaign.snapshot as CampaignSnapshot;
  // The rest of an A/B test's audience is sent only once there is a winner (a stray job must not send it the wrong content).
  const test = snapshot.abTest;
  if (test && campaign.abWinner === null && batchNo >= (test.sampleBatches ?? 0)) return { outcome: "waiting-for-winner" as const };
  const [batch] = await db
    .update(campaignBatches)
    .set({ state: "running", attempts: sql`${campaignBatches.attempts} + 1`, startedAt: sql`coalesce(${campaignBatches.startedAt}, now())` })
    .where(and(eq(campaignBatches.campaignId, campaignId), eq(campaignBatches.batchNo, batchNo), ne(campaignBatches.state, "done")))
    .returning();
  if (!batch) return { outcome: "already-done" as const };
  if (batch.channel === "sms") return sendSmsBatch(campaign, batchNo);

  const price = emailMessagePrice();
  const recipients = await loadBatch(db, { campaignId, batchNo, workspaceId: campaign.workspaceId });
  const charge = await chargeBatch({ workspaceId: campaign.workspaceId, campaignId, batchNo, price, abTest: !!test }, recipients);
  if (!charge.ok) {
    await pauseForCredits(campaign.id, charge.shortBy);
    await releaseBatch(campaignId, batchNo);
    return { outcome: "paused-for-credits" as const };
  }
  const contacts = new Map(recipients.map((r) => [r.contactId, r.contact]));
  const toSend: ChargedRecipient[] = [
    ...recipients.filter((r) => r.state === "charged" && r.messageId),
    ...charge.charged.map((c) => ({ ...c, contact: contacts.get(c.contactId) ?? null })),
  ].flatMap((r) =>
    r.contact && r.messageId ? [{ contactId: r.contactId, messageId: r.messageId, address: r.address, contact: r.contact, variant: test ? r.variant : null }] : [],
  );

  const transport = pickTransport();
  const summary = await deliverBatch({
    workspaceId: campaign.workspaceId,
    campaignId,
    batchNo,
    price,
    recipients: toSend,
    sender: await batchSender(campaign, snapshot, toSend),
    transport,
    limits: limitsFor(campaign, transport.name),
    stillSending: async () => (await campaignStatus(campaignId)) === "sending",
  });
  if (summary.stopped || summary.retry > 0) {
    await releaseBatch(campaignId, batchNo);
    if (summary.stopped) return { outcome: "stopped" as const };
    throw new RetryBatchLater(`${summary.retry} of batch ${batchNo + 1} were refused for now; retrying`);
  }
  await finishBatch(campaignId, batchNo);
  return { outcome: "done" as const, ...summary, skipped: charge.skipped };
};

/**
 * What renders the batch's messages: the campaign's email, or with an A/B test each recipient's
 * variant's (the rest of the audience, variant 0, gets the winner's).
 */
const batchSender = async (campaign: typeof campaigns.$inferSelect, snapshot: CampaignSnapshot, recipients: ChargedRecipient[]): Promise<CampaignSender> => {
  if (!snapshot.abTest) return campaignSender(campaign.id, campaign.workspaceId, snapshot);
  const senders = new Map<number, CampaignSender>();
  for (const variant of new Set(recipients.map((r) => r.variant ?? 0))) {
    const content = variant > 0 ? variant : campaign.abWinner!;
    senders.set(variant, await campaignSender(campaign.id, campaign.workspaceId, snapshot, emailForVariant(snapshot, content, null), `variant:${content}`));
  }
  return { build: (recipient) => senders.get(recipient.variant ?? 0)!.build(recipient) };
};
