import { and, eq, sql } from "drizzle-orm";
import { campaignBatches, campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import type { RateLimit } from "@/server/domain/delivery/rate-limit";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

/** Thrown when some recipients were refused for now, so graphile-worker retries the batch with backoff. */
export class RetryBatchLater extends Error {}

export const campaignStatus = async (campaignId: string) =>
  (await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId)))[0]?.status ?? null;

/** The workspace's and the campaign's own limits, shared by both channels (the transport adds its own). */
export const campaignLimits = (campaign: typeof campaigns.$inferSelect): RateLimit[] => {
  const limits: RateLimit[] = [];
  const workspaceRate = env().WORKSPACE_RATE_PER_SECOND;
  if (workspaceRate) limits.push({ key: `workspace:${campaign.workspaceId}`, limit: workspaceRate, window: "1 second" });
  if (campaign.throttlePerSecond) limits.push({ key: `campaign:${campaign.id}:s`, limit: campaign.throttlePerSecond, window: "1 second" });
  if (campaign.throttlePerHour) limits.push({ key: `campaign:${campaign.id}:h`, limit: campaign.throttlePerHour, window: "1 hour" });
  return limits;
};

/** Back to pending, for a resume or the job's retry to pick up. */
export const releaseBatch = (campaignId: string, batchNo: number) =>
  db.update(campaignBatches).set({ state: "pending" }).where(and(eq(campaignBatches.campaignId, campaignId), eq(campaignBatches.batchNo, batchNo)));

export const pauseForCredits = async (campaignId: string, shortBy: number) => {
  await db
    .update(campaigns)
    .set({
      status: "paused",
      statusReason: `Out of credits: ${shortBy.toLocaleString("en-US")} more needed for the next batch. Top up, then resume.`,
      updatedAt: new Date(),
    })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "sending")));
  logger.warn({ campaignId, shortBy }, "campaign paused: out of credits");
};

/** Marks the batch done and, when it was the last one, the campaign sent (once, under the campaign's row lock). */
export const finishBatch = async (campaignId: string, batchNo: number) =>
  db.transaction(async (tx) => {
    await tx
      .update(campaignBatches)
      .set({ state: "done", finishedAt: new Date() })
      .where(and(eq(campaignBatches.campaignId, campaignId), eq(campaignBatches.batchNo, batchNo)));
    await tx.execute(sql`select 1 from campaigns where id = ${campaignId} for update`);
    const [open] = await tx.execute<{ remaining: number }>(
      sql`select count(*)::int as remaining from campaign_batches where campaign_id = ${campaignId} and state <> 'done'`,
    );
    if (Number(open?.remaining) === 0)
      await tx
        .update(campaigns)
        .set({ status: "sent", completedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "sending")));
  });
