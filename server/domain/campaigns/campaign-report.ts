import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { readAbTestReport } from "./ab/ab-test-report";
import { ZCampaignId } from "./campaign-rules";

export const ZCampaignReport = z.object({ campaignId: ZCampaignId });

/** What happened to a campaign's messages. Opens and clicks count people (a message's first), the rest count events. */
export type CampaignFunnel = {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  unsubscribed: number;
  complained: number;
  failed: number;
};

export type CampaignActivityPoint = { at: string; opens: number; clicks: number; uniqueOpens: number; uniqueClicks: number };
/** `variant`: in a content A/B test, which variant's email the link is in ("B", or "B · rest of audience"); otherwise null. */
export type CampaignLinkRow = { linkIndex: number; url: string; clicks: number; uniqueClicks: number; variant: string | null };
export type CampaignDomainRow = { domain: string; sent: number; delivered: number; opened: number; clicked: number; bounced: number; complained: number; failed: number };

/** Hours shown as hours; a longer tail (opens trickle in for weeks) is shown per day, so the chart stays readable. */
export const HOURLY_SPAN_LIMIT = 168;
/** A fresh campaign's chart runs on to now (up to a day), so the hours without opens yet show as zeros. */
const MIN_HOURS = 24;
const TOP = 10;

/**
 * A campaign's report, read only from the rollups the event writer keeps (campaign_stats_hourly,
 * campaign_link_stats, campaign_domain_stats, campaign_variant_stats) and the credit ledger: a few hundred rows however
 * large the send, never the message log. Every query names the workspace and the campaign.
 */
export const campaignReport = async ({ workspaceId, ...input }: z.input<typeof ZCampaignReport> & { workspaceId: string }) => {
  const { campaignId } = parseInput(ZCampaignReport, input);
  const [campaign] = await db
    .select({ id: campaigns.id, snapshot: campaigns.snapshot, abWinner: campaigns.abWinner })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!campaign) throw new AppError("NOT_FOUND", "Campaign not found");

  const [funnel, activity, links, domains, credits, abTest] = await Promise.all([
    readFunnel(workspaceId, campaignId),
    readActivity(workspaceId, campaignId),
    readLinks(workspaceId, campaignId, campaign.snapshot as CampaignSnapshot | null, campaign.abWinner),
    readDomains(workspaceId, campaignId),
    readCredits(workspaceId, campaignId),
    readAbTestReport(workspaceId, campaignId),
  ]);
  return { funnel, activity, links, domains, credits, abTest };
};

const readFunnel = async (workspaceId: string, campaignId: string): Promise<CampaignFunnel> => {
  const [row] = await db.execute<CampaignFunnel>(sql`
    select coalesce(sum(total) filter (where kind = 'sent'), 0)::int as sent,
           coalesce(sum(total) filter (where kind = 'delivered'), 0)::int as delivered,
           coalesce(sum(unique_count) filter (where kind = 'opened'), 0)::int as opened,
           coalesce(sum(unique_count) filter (where kind = 'clicked'), 0)::int as clicked,
           coalesce(sum(total) filter (where kind = 'bounced'), 0)::int as bounced,
           coalesce(sum(total) filter (where kind = 'unsubscribed'), 0)::int as unsubscribed,
           coalesce(sum(total) filter (where kind = 'complained'), 0)::int as complained,
           coalesce(sum(total) filter (where kind = 'failed'), 0)::int as failed
    from campaign_stats_hourly
    where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid`);
  return { ...row! };
};

/**
 * Opens and clicks per hour (UTC hour starts, ISO), without gaps, from the campaign's first event
 * to its last (or to now, within the first day); per day once that spans more than a week.
 */
const readActivity = async (workspaceId: string, campaignId: string) => {
  const [span] = await db.execute<{ first: string | null; last: string | null; hours: number | null }>(sql`
    select min(hour)::text as first,
           greatest(max(hour), least(date_trunc('hour', now()), min(hour) + ${MIN_HOURS - 1} * interval '1 hour'))::text as last,
           (extract(epoch from greatest(max(hour), least(date_trunc('hour', now()), min(hour) + ${MIN_HOURS - 1} * interval '1 hour')) - min(hour)) / 3600)::int + 1 as hours
    from campaign_stats_hourly
    where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid`);
  if (!span?.first || !span.last) return { bucket: "hour" as const, points: [] as CampaignActivityPoint[] };
  const bucket = (span.hours ?? 0) > HOURLY_SPAN_LIMIT ? ("day" as const) : ("hour" as const);
  const step = bucket === "day" ? sql`interval '1 day'` : sql`interval '1 hour'`;
  const points = await db.execute<CampaignActivityPoint>(sql`
    with slots as (
      select generate_series(date_trunc(${bucket}, ${span.first}::timestamptz at time zone 'UTC'),
                             date_trunc(${bucket}, ${span.last}::timestamptz at time zone 'UTC'), ${step}) as slot
    ), engagement as (
      select date_trunc(${bucket}, hour at time zone 'UTC') as slot,
             coalesce(sum(total) filter (where kind = 'opened'), 0)::int as opens,
             coalesce(sum(total) filter (where kind = 'clicked'), 0)::int as clicks,
             coalesce(sum(unique_count) filter (where kind = 'opened'), 0)::int as unique_opens,
             coalesce(sum(unique_count) filter (where kind = 'clicked'), 0)::int as unique_clicks
      from campaign_stats_hourly
      where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid and kind in ('opened', 'clicked')
      group by 1
    )
    select to_char(slots.slot, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
           coalesce(e.opens, 0) as opens, coalesce(e.clicks, 0) as clicks,
           coalesce(e.unique_opens, 0) as "uniqueOpens", coalesce(e.unique_clicks, 0) as "uniqueClicks"
    from slots left join engagement e using (slot)
    order by slots.slot`);
  return { bucket, points: [...points] };
};

/**
 * The ten most clicked links. A content test's variants have links of their own, so there each row is
 * one variant's link (the rest of the audience got the winner's email); otherwise a link's clicks from
 * every variant add up, under the template's href (variant 0's row, written at launch).
 */
const readLinks = async (workspaceId: string, campaignId: string, snapshot: CampaignSnapshot | null, winner: number | null): Promise<CampaignLinkRow[]> => {
  const test = snapshot?.abTest;
  if (test?.field === "content") {
    const rows = await db.execute<Omit<CampaignLinkRow, "variant"> & { variant: number }>(sql`
      select variant, link_index as "linkIndex", url, clicks, unique_clicks as "uniqueClicks"
      from campaign_link_stats
      where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid and clicks > 0
      order by unique_clicks desc, clicks desc, variant, link_index
      limit ${TOP}`);
    const letter = (n: number | null) => (n ? String.fromCharCode(64 + n) : "?");
    return rows.map((row) => ({ ...row, variant: row.variant > 0 ? letter(row.variant) : `${letter(winner)} · rest of audience` }));
  }
  const rows = await db.execute<CampaignLinkRow>(sql`
    select link_index as "linkIndex", (array_agg(url order by variant))[1] as url,
           sum(clicks)::int as clicks, sum(unique_clicks)::int as "uniqueClicks", null as variant
    from campaign_link_stats
    where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid
    group by link_index
    having sum(clicks) > 0
    order by 4 desc, 3 desc, 1
    limit ${TOP}`);
  return [...rows];
};

/** The ten domains that received the most, with what happened there. */
const readDomains = async (workspaceId: string, campaignId: string) =>
  [
    ...(await db.execute<CampaignDomainRow>(sql`
      select domain,
             coalesce(sum(total) filter (where kind = 'sent'), 0)::int as sent,
             coalesce(sum(total) filter (where kind = 'delivered'), 0)::int as delivered,
             coalesce(sum(total) filter (where kind = 'opened'), 0)::int as opened,
             coalesce(sum(total) filter (where kind = 'clicked'), 0)::int as clicked,
             coalesce(sum(total) filter (where kind = 'bounced'), 0)::int as bounced,
             coalesce(sum(total) filter (where kind = 'complained'), 0)::int as complained,
             coalesce(sum(total) filter (where kind = 'failed'), 0)::int as failed
      from campaign_domain_stats
      where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid
      group by domain
      order by sent desc, sum(total) desc, domain
      limit ${TOP}`)),
  ];

/** Debits are stored negative and refunds positive: spent is what was charged less what came back. */
const readCredits = async (workspaceId: string, campaignId: string) => {
  const [row] = await db.execute<{ charged: number; refunded: number }>(sql`
    select coalesce(-sum(amount) filter (where kind = 'debit'), 0)::float8 as charged,
           coalesce(sum(amount) filter (where kind = 'refund'), 0)::float8 as refunded
    from credit_ledger
    where workspace_id = ${workspaceId}::uuid and campaign_id = ${campaignId}::uuid and kind in ('debit', 'refund')`);
  const charged = Number(row?.charged ?? 0);
  const refunded = Number(row?.refunded ?? 0);
  return { charged, refunded, spent: Math.round((charged - refunded) * 10_000) / 10_000 };
};

export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;
