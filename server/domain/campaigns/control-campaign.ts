import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { refundCredits } from "@/server/domain/credits/debit-credits";
import { emailCredits, sumCredits } from "@/server/domain/credits/credit-prices";
import { addJob } from "@/server/jobs/add-job";
import { AppError } from "@/server/errors";
import { resumeAbTest } from "./ab/resume-ab-test";
import { CAMPAIGN_COLUMNS } from "./campaign-columns";
import { ZCampaignId } from "./campaign-rules";

export const ZCampaignControl = z.object({ campaignId: ZCampaignId });
type ControlOptions = z.input<typeof ZCampaignControl> & { workspaceId: string; actorName?: string };

const transition = async (
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
  from: ("draft" | "scheduled" | "sending" | "paused")[],
  to: "sending" | "paused" | "cancelled",
  reason: string | null,
) => {
  const [row] = await db
    .update(campaigns)
    .set({ status: to, statusReason: reason, updatedAt: new Date() })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId), inArray(campaigns.status, from)))
    .returning(CAMPAIGN_COLUMNS);
  if (row) return row;
  const [current] = await db.select({ status: campaigns.status }).from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!current) throw new AppError("NOT_FOUND", "Campaign not found");
  throw new AppError("CONFLICT", `A ${current.status} campaign cannot be ${to === "sending" ? "resumed" : to}`);
};

/** Batches notice within a flush (about a second) and stop; what they charged but did not send waits for resume. */
export const pauseCampaign = async ({ actorName, ...input }: ControlOptions) => {
  const { campaignId } = parseInput(ZCampaignControl, input);
  return transition({ workspaceId: input.workspaceId, campaignId }, ["sending"], "paused", actorName ? `Paused by ${actorName}` : "Paused");
};

/**
 * Queues every batch not yet done again (job keys make a batch still queued run once, not twice);
 * while an A/B test waits for its winner, only the test's.
 */
export const resumeCampaign = async (input: ControlOptions) => {
  const { campaignId } = parseInput(ZCampaignControl, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: "sending", statusReason: null, updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.status, "paused")))
      .returning(CAMPAIGN_COLUMNS);
    if (!row) return transition({ workspaceId: input.workspaceId, campaignId }, ["paused"], "sending", null);
    const queueable = await resumeAbTest(tx, campaignId);
    await tx.execute(sql`
      select graphile_worker.add_job('delivery/send-batch', json_build_object('campaignId', ${campaignId}::text, 'batchNo', batch_no),
        max_attempts => 25, job_key => 'batch:' || ${campaignId}::text || ':' || batch_no, priority => batch_no)
      from campaign_batches where campaign_id = ${campaignId} and state <> 'done' and ${queueable}`);
    return row;
  });
};

/** Stops for good; a clean-up job a few seconds later (after in-flight batches have noticed) refunds what was charged but never sent. */
export const cancelCampaign = async (input: ControlOptions) => {
  const { campaignId } = parseInput(ZCampaignControl, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: "cancelled", statusReason: input.actorName ? `Cancelled by ${input.actorName}` : "Cancelled", completedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, input.workspaceId), inArray(campaigns.status, ["scheduled", "sending", "paused"])))
      .returning(CAMPAIGN_COLUMNS);
    if (!row) return transition({ workspaceId: input.workspaceId, campaignId }, ["scheduled", "sending", "paused"], "cancelled", null);
    await addJob(tx, "delivery/cancel-cleanup", { campaignId }, { runAt: new Date(Date.now() + 5_000), jobKey: `cancel:${campaignId}` });
    return row;
  });
};

/** After a cancel: whoever was never sent is skipped ("cancelled"), and charged-but-unsent messages are refunded. */
export const cleanUpCancelledCampaign = async ({ campaignId }: { campaignId: string }) =>
  db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    if (!campaign || campaign.status !== "cancelled") return { refunded: 0 };
    const charged = await tx.execute<{ cost: string | null; channel: "email" | "sms" }>(sql`
      update campaign_recipients set state = 'skipped', reason = 'cancelled', updated_at = now()
      where campaign_id = ${campaignId} and state = 'charged' returning cost, channel`);
    await tx.execute(sql`update campaign_recipients set state = 'skipped', reason = 'cancelled', updated_at = now() where campaign_id = ${campaignId} and state = 'pending'`);
    const emails = charged.filter((row) => row.channel === "email").length;
    const texts = charged.filter((row) => row.channel === "sms").map((row) => Number(row.cost ?? 0));
    const note = "Campaign cancelled before these were sent";
    if (emails > 0) await refundCredits(tx, { workspaceId: campaign.workspaceId, amount: emailCredits(emails), channel: "email", campaignId, messages: emails, note });
    // An SMS was charged its own segments × route price, kept on its recipient row.
    if (texts.length > 0) await refundCredits(tx, { workspaceId: campaign.workspaceId, amount: sumCredits(texts), channel: "sms", campaignId, messages: texts.length, note });
    await tx.execute(sql`update campaign_batches set state = 'done', finished_at = coalesce(finished_at, now()) where campaign_id = ${campaignId} and state <> 'done'`);
    return { refunded: charged.length };
  });
