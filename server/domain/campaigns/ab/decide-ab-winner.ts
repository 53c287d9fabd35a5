import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { AppError, invalidField } from "@/server/errors";
import { logger } from "@/server/logger";
import { CAMPAIGN_COLUMNS } from "../campaign-columns";
import { ZCampaignId } from "../campaign-rules";
import { MAX_VARIANTS } from "./ab-test-rules";
import { pickWinner } from "./pick-winner";
import { readVariantCounts } from "./read-variant-counts";

export const ZSendWinner = z.object({
  campaignId: ZCampaignId,
  /** The variant (1-based) to send to the rest; omitted, the best so far by the test's measure. */
  variant: z.number().int("Pick a variant by its number").min(1, "Variants are numbered from 1").max(MAX_VARIANTS, `There are at most ${MAX_VARIANTS} variants`).optional(),
});

/** Queues the rest of the audience's batches (those after the test's), at their local send time if they have one. */
const queueRest = (tx: Executor, campaignId: string, sampleBatches: number) =>
  tx.execute(sql`
    select graphile_worker.add_job('delivery/send-batch', json_build_object('campaignId', ${campaignId}::text, 'batchNo', b.batch_no),
      run_at => greatest(now(), coalesce((select min(r.send_after) from campaign_recipients r where r.campaign_id = b.campaign_id and r.batch_no = b.batch_no), now())),
      max_attempts => 25, job_key => 'batch:' || ${campaignId}::text || ':' || b.batch_no, priority => b.batch_no)
    from campaign_batches b where b.campaign_id = ${campaignId} and b.batch_no >= ${sampleBatches} and b.state <> 'done'`);

/**
 * Picks the A/B winner (or takes the one given) and sends it to the rest of the audience, once, under
 * the campaign's row lock. The scheduled decision (worker task delivery/decide-ab-winner) leaves a
 * paused campaign alone (resume schedules it again) and a cancelled or finished one unsent. "Send
 * winner now" (`manual`) also works while paused: the winner is set, and resume queues the rest.
 */
const decide = async ({ campaignId, workspaceId, variant, manual }: { campaignId: string; workspaceId?: string; variant?: number; manual: boolean }) =>
  db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(workspaceId ? and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)) : eq(campaigns.id, campaignId))
      .for("update");
    if (!campaign) {
      if (manual) throw new AppError("NOT_FOUND", "Campaign not found");
      return { outcome: "gone" as const };
    }
    const test = (campaign.snapshot as CampaignSnapshot | null)?.abTest;
    if (!test || test.sampleBatches === undefined) {
      if (manual) throw new AppError("CONFLICT", test ? "The test has not started yet" : "This campaign has no A/B test");
      return { outcome: "no-test" as const };
    }
    if (campaign.abWinner !== null) {
      if (manual) throw new AppError("CONFLICT", `The winner was already picked: variant ${campaign.abWinner}`);
      return { outcome: "already-decided" as const, winner: campaign.abWinner };
    }
    const status = campaign.status;
    const allowed = manual ? ["sending", "paused"] : ["sending", "sent"];
    if (!allowed.includes(status)) {
      if (manual) throw new AppError("CONFLICT", `A ${status} campaign cannot send its winner`);
      return { outcome: status === "paused" ? ("paused" as const) : ("stopped" as const) };
    }
    if (variant !== undefined && variant > test.variants.length) throw invalidField("variant", `This test has ${test.variants.length} variants`);
    const winner = variant ?? pickWinner(await readVariantCounts(campaign.workspaceId, campaign.id, tx), test.variants.length, test.winnerBy);
    const [row] = await tx
      .update(campaigns)
      .set({ abWinner: winner, abDecidedAt: new Date(), updatedAt: new Date() })
      .where(eq(campaigns.id, campaign.id))
      .returning(CAMPAIGN_COLUMNS);
    if (status === "sending") await queueRest(tx, campaign.id, test.sampleBatches);
    logger.info({ campaignId, winner, manual }, "A/B winner picked");
    return { outcome: "decided" as const, winner, campaign: row! };
  });

/** The scheduled decision (worker). */
export const decideAbWinner = ({ campaignId }: { campaignId: string }) => decide({ campaignId, manual: false });

/** "Send winner now": a chosen variant, or the best so far. */
export const sendAbWinnerNow = async ({ workspaceId, ...input }: z.input<typeof ZSendWinner> & { workspaceId: string }) => {
  const { campaignId, variant } = parseInput(ZSendWinner, input);
  const result = await decide({ campaignId, workspaceId, variant, manual: true });
  return result.outcome === "decided" ? result.campaign : null;
};
