import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { addJob } from "@/server/jobs/add-job";

export const decisionJobKey = (campaignId: string) => `ab:${campaignId}`;

/**
 * Once the test's batches are queued: records which batches are the test's and when the winner is
 * due (in the snapshot, where sending and resume read them), and queues the decision for then,
 * on the caller's transaction.
 */
export const scheduleAbDecision = async (
  tx: Executor,
  { campaignId, sampleBatches, testQueuedAt, decideAfterMinutes }: { campaignId: string; sampleBatches: number; testQueuedAt: Date; decideAfterMinutes: number },
) => {
  const decideAt = new Date(testQueuedAt.getTime() + decideAfterMinutes * 60_000);
  await tx.execute(sql`
    update campaigns
    set snapshot = jsonb_set(jsonb_set(snapshot, '{abTest,sampleBatches}', to_jsonb(${sampleBatches}::int)), '{abTest,decideAt}', to_jsonb(${decideAt.toISOString()}::text))
    where id = ${campaignId}`);
  await addJob(tx, "delivery/decide-ab-winner", { campaignId }, { jobKey: decisionJobKey(campaignId), runAt: decideAt, maxAttempts: 10 });
  return decideAt;
};
