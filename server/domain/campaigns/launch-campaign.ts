import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { addJob } from "@/server/jobs/add-job";
import { AppError, invalidField } from "@/server/errors";
import { audienceWhere } from "./audience-sql";
import { buildCampaignSnapshot } from "./build-campaign-snapshot";
import { CAMPAIGN_COLUMNS } from "./campaign-columns";
import { ZCampaignId } from "./campaign-rules";

export const ZLaunchCampaign = z.object({ campaignId: ZCampaignId });

/**
 * Validates and freezes the campaign, then queues its preparation (at its send time, if later), in
 * one transaction: a launched campaign always has its job, and a failed check launches nothing.
 */
export const launchCampaign = async ({ workspaceId, ...input }: z.input<typeof ZLaunchCampaign> & { workspaceId: string }) => {
  const { campaignId } = parseInput(ZLaunchCampaign, input);
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
      .for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");
    if (campaign.status !== "draft") throw new AppError("CONFLICT", `The campaign is already ${campaign.status}`);
    const snapshot = await buildCampaignSnapshot(tx, campaign);
    const now = new Date();
    const where = await audienceWhere(tx, workspaceId, campaign.audience, now);
    const [anyone] = await tx.execute<{ found: boolean }>(sql`select exists (select 1 from contacts c where ${where}) as found`);
    if (!anyone?.found) throw invalidField("audience", "Nobody is in the chosen lists and segments yet");
    const later = campaign.sendAt && campaign.sendAt.getTime() > now.getTime();
    const [launched] = await tx
      .update(campaigns)
      .set({ status: later ? "scheduled" : "sending", snapshot, launchedAt: now, statusReason: null, updatedAt: now })
      .where(eq(campaigns.id, campaign.id))
      .returning(CAMPAIGN_COLUMNS);
    await addJob(tx, "delivery/prepare-campaign", { campaignId: campaign.id }, { jobKey: `prepare:${campaign.id}`, runAt: later ? campaign.sendAt! : undefined, maxAttempts: 10 });
    return launched!;
  });
};
