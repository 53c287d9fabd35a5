import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { addJob } from "@/server/jobs/add-job";
import { decisionJobKey } from "./schedule-ab-decision";

/**
 * On resume of a campaign whose A/B test has no winner yet: only the test's batches may be queued
 * again (the returned condition over `campaign_batches`), and the decision is scheduled again, for
 * when it was due or now if that has passed (a decision that came due while paused waited).
 */
export const resumeAbTest = async (tx: Executor, campaignId: string): Promise<SQL> => {
  const [row] = await tx.execute<{ ab_winner: number | null; sample_batches: number | null; decide_at: string | null }>(sql`
    select ab_winner, (snapshot->'abTest'->>'sampleBatches')::int as sample_batches, snapshot->'abTest'->>'decideAt' as decide_at
    from campaigns where id = ${campaignId}`);
  if (!row || row.sample_batches === null || row.ab_winner !== null) return sql`true`;
  if (row.decide_at) {
    const due = new Date(row.decide_at);
    await addJob(tx, "delivery/decide-ab-winner", { campaignId }, { jobKey: decisionJobKey(campaignId), runAt: due > new Date() ? due : new Date(), maxAttempts: 10 });
  }
  return sql`batch_no < ${row.sample_batches}`;
};
