import { eq, sql } from "drizzle-orm";
import { campaignLinkStats, campaigns } from "@/drizzle/schema";
import { analyzeStaleTables } from "@/server/db/analyze-stale-tables";
import { db } from "@/server/db/client";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { logger } from "@/server/logger";
import { audienceWhere } from "./audience-sql";
import { sampleSize } from "./ab/ab-test-rules";
import { recipientOrderSql } from "./ab/recipient-order-sql";
import { scheduleAbDecision } from "./ab/schedule-ab-decision";
import { BATCH_SIZE } from "./campaign-rules";

/** What the audience query and every batch's consent and suppression check read. */
const AUDIENCE_TABLES = ["contacts", "list_memberships", "suppressions", "dnc_numbers"];

/**
 * The first step of a launched campaign (worker task delivery/prepare-campaign): freeze the audience
 * into campaign_recipients with one INSERT … SELECT per channel (the address for email, the number
 * for SMS), cut it into batches, and queue one job per batch,
 * all in one transaction, so a crash leaves either nothing (and the job retries) or everything.
 * Batch jobs carry priority = batch number, so a new campaign's first batches run before an older
 * campaign's thousandth: campaigns sending at once share the workers instead of queueing behind each other.
 */
export const prepareCampaign = async ({ campaignId }: { campaignId: string }) => {
  // Outside the transaction, so the fresh statistics are committed (and plan the audience query) at once.
  await analyzeStaleTables(db, AUDIENCE_TABLES);
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    // A campaign paused before its audience was frozen is still prepared: resume then has batches to queue.
    if (!campaign || !["scheduled", "sending", "paused"].includes(campaign.status)) return { recipients: 0 };
    const snapshot = campaign.snapshot as CampaignSnapshot;
    const start = campaign.sendAt && campaign.sendAt > new Date() ? campaign.sendAt : new Date();
    const where = await audienceWhere(tx, campaign.workspaceId, campaign.audience, start);
    // Local-time sends: the next HH:MM in the contact's own zone (UTC when unknown or not a zone Postgres knows).
    const sendAfter = campaign.localSendTime
      ? sql`(select case when t < ${start} then t + interval '1 day' else t end
              from (select (((${start}::timestamptz at time zone z.zone)::date + ${campaign.localSendTime}::time) at time zone z.zone) as t) x)`
      : sql`null::timestamptz`;
    // One row per contact and channel; each channel's batches are numbered after the previous channel's,
    // so a batch holds one channel only. A/B tests are email only (checked on save and launch).
    let recipients = 0;
    for (const channel of (["email", "sms"] as const).filter((c) => campaign.channels.includes(c))) {
      const address = channel === "email" ? sql.raw("c.email") : sql.raw("c.phone");
      const inserted = await tx.execute(sql`
        with audience as (
          select c.id, ${address} as address, coalesce(tz.name, 'UTC') as zone
          from contacts c
          left join pg_timezone_names tz on tz.name = c.timezone
          where ${where} and ${address} is not null
        ), timed as (
          select a.id, a.address, ${sendAfter} as send_after from audience a cross join lateral (select a.zone) z
        ), numbered as (${recipientOrderSql(campaign.id, channel === "email" ? snapshot.abTest : undefined)}),
        first_batch as (
          select coalesce(max(batch_no) + 1, 0) as n from campaign_recipients where campaign_id = ${campaign.id}
        )
        insert into campaign_recipients (campaign_id, channel, contact_id, workspace_id, batch_no, address, send_after, variant)
        select ${campaign.id}, ${channel}::channel, t.id, ${campaign.workspaceId}, (select n from first_batch) + t.batch_no, t.address, t.send_after, t.variant
        from numbered t
        on conflict do nothing`);
      recipients += Number((inserted as unknown as { count: number }).count ?? 0);
    }
    // The batches' lookups are planned on these statistics (see analyzeStaleTables); the rows just
    // inserted are this transaction's, which ANALYZE here counts.
    if (recipients > 0) await analyzeStaleTables(tx, ["campaign_recipients"]);
    // The links' template hrefs, which the report shows (a click's own URL may be personalised). In a
    // content test each variant has links of its own, and the rest of the audience's wait for the winner.
    const contentTest = snapshot.abTest?.field === "content" ? snapshot.abTest : undefined;
    const links = contentTest
      ? contentTest.variants.flatMap((v, i) => v.email.links.map((link) => ({ variant: i + 1, link })))
      : (snapshot.email?.links ?? []).map((link) => ({ variant: 0, link }));
    if (links.length)
      await tx
        .insert(campaignLinkStats)
        .values(links.map(({ variant, link }) => ({ campaignId: campaign.id, workspaceId: campaign.workspaceId, variant, linkIndex: link.index, url: link.href })))
        .onConflictDoNothing();
    // With an A/B test, only the test's batches go now; the rest's wait for the winner (decide-ab-winner).
    const test = snapshot.abTest;
    const sampleBatches = test ? Math.ceil(sampleSize(recipients, test.samplePercent, test.variants.length) / BATCH_SIZE) : null;
    const [queued] = await tx.execute<{ last_run_at: string | null }>(sql`
      with b as (
        select batch_no, min(channel::text) as channel, count(*)::int as size, min(send_after) as first_send_after
        from campaign_recipients where campaign_id = ${campaign.id} group by batch_no
      ), ins as (
        insert into campaign_batches (campaign_id, batch_no, workspace_id, channel, recipients)
        select ${campaign.id}, batch_no, ${campaign.workspaceId}, channel::channel, size from b
        on conflict do nothing
      ), queued as (
        select greatest(now(), coalesce(b.first_send_after, now())) as run_at,
          graphile_worker.add_job(
            'delivery/send-batch',
            json_build_object('campaignId', ${campaign.id}::text, 'batchNo', b.batch_no),
            run_at => greatest(now(), coalesce(b.first_send_after, now())),
            max_attempts => 25,
            job_key => 'batch:' || ${campaign.id}::text || ':' || b.batch_no,
            priority => b.batch_no
          ) as job
        from b where ${sampleBatches === null ? sql`true` : sql`b.batch_no < ${sampleBatches}`}
      )
      select max(run_at)::text as last_run_at from queued`);
    if (test && sampleBatches !== null && recipients > 0)
      await scheduleAbDecision(tx, { campaignId: campaign.id, sampleBatches, testQueuedAt: new Date(queued!.last_run_at!), decideAfterMinutes: test.decideAfterMinutes });
    const now = new Date();
    await tx
      .update(campaigns)
      .set(
        recipients === 0
          ? { status: "sent", completedAt: now, statusReason: "Nobody was in the audience when it was sent", updatedAt: now }
          : { status: campaign.status === "paused" ? "paused" : "sending", updatedAt: now },
      )
      .where(eq(campaigns.id, campaign.id));
    logger.info({ campaignId, recipients }, "campaign prepared");
    return { recipients };
  });
};
