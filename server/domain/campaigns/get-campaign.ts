import { and, desc, eq, sql } from "drizzle-orm";
import { campaignBatches, campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { CAMPAIGN_COLUMNS } from "./campaign-columns";

export type CampaignProgress = {
  recipients: number;
  batches: number;
  batchesDone: number;
  skipped: number;
  charged: number;
  sent: number;
  failed: number;
  /** The same counters per channel, for campaigns that send both. */
  byChannel: Partial<Record<"email" | "sms", ChannelProgress>>;
};

export type ChannelProgress = { recipients: number; skipped: number; charged: number; sent: number; failed: number };

/** Live counters from the batch rows (a few thousand at most), never from the recipient table. */
export const campaignProgress = async (campaignId: string): Promise<CampaignProgress> => {
  const rows = await db
    .select({
      channel: campaignBatches.channel,
      recipients: sql<number>`coalesce(sum(${campaignBatches.recipients}), 0)::int`,
      batches: sql<number>`count(*)::int`,
      batchesDone: sql<number>`count(*) filter (where ${campaignBatches.state} = 'done')::int`,
      skipped: sql<number>`coalesce(sum(${campaignBatches.skipped}), 0)::int`,
      charged: sql<number>`coalesce(sum(${campaignBatches.charged}), 0)::int`,
      sent: sql<number>`coalesce(sum(${campaignBatches.sent}), 0)::int`,
      failed: sql<number>`coalesce(sum(${campaignBatches.failed}), 0)::int`,
    })
    .from(campaignBatches)
    .where(eq(campaignBatches.campaignId, campaignId))
    .groupBy(campaignBatches.channel);
  const total: CampaignProgress = { recipients: 0, batches: 0, batchesDone: 0, skipped: 0, charged: 0, sent: 0, failed: 0, byChannel: {} };
  for (const { channel, batches, batchesDone, ...counts } of rows) {
    total.byChannel[channel] = counts;
    total.batches += batches;
    total.batchesDone += batchesDone;
    for (const key of ["recipients", "skipped", "charged", "sent", "failed"] as const) total[key] += counts[key];
  }
  return total;
};

export const getCampaign = async ({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) => {
  const [campaign] = await db
    .select(CAMPAIGN_COLUMNS)
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");
  return { ...campaign, progress: await campaignProgress(campaign.id) };
};

/** The newest 500, each with its sent and recipient counts from one grouped read of the batch rows. */
export const listCampaigns = async ({ workspaceId }: { workspaceId: string }) => {
  const totals = db
    .select({
      campaignId: campaignBatches.campaignId,
      recipients: sql<number>`sum(${campaignBatches.recipients})::int`.as("recipients"),
      sent: sql<number>`sum(${campaignBatches.sent})::int`.as("sent"),
    })
    .from(campaignBatches)
    .where(eq(campaignBatches.workspaceId, workspaceId))
    .groupBy(campaignBatches.campaignId)
    .as("totals");
  return db
    .select({ ...CAMPAIGN_COLUMNS, recipients: sql<number>`coalesce(${totals.recipients}, 0)`, sent: sql<number>`coalesce(${totals.sent}, 0)` })
    .from(campaigns)
    .leftJoin(totals, eq(totals.campaignId, campaigns.id))
    .where(eq(campaigns.workspaceId, workspaceId))
    .orderBy(desc(campaigns.createdAt))
    .limit(500);
};
