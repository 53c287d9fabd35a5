import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { campaignStatus } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { canonicalTimeZone } from "@/server/domain/contacts/contact-fields";
import { invalidFields } from "@/server/domain/contacts/field-errors";

export const REPORT_PERIODS = [7, 30, 90] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The period input both dashboards share; 30 days when left out. */
export const ZReportPeriod = z.object({
  days: z.literal(REPORT_PERIODS, { message: `days must be one of ${REPORT_PERIODS.join(", ")}` }).optional(),
  /** Whose calendar days to count in (the viewer's browser zone); UTC when left out. */
  timezone: z.string().max(64).optional(),
});

/** Opens and clicks count people (a message's first open or click); the rest count messages. */
export type EngagementTotals = { sent: number; uniqueOpens: number; uniqueClicks: number; bounced: number; unsubscribed: number; complained: number };
/** Shares of what was sent, as fractions (0.2345 is 23.45%), 0 when nothing was sent. */
export type EngagementRates = { open: number; click: number; bounce: number; unsubscribe: number; complaint: number };
export type EngagementDay = { day: string; sent: number; opens: number; clicks: number };
export type RecentCampaign = {
  id: string;
  name: string;
  status: (typeof campaignStatus.enumValues)[number];
  launchedAt: string | null;
  completedAt: string | null;
  recipients: number;
  sent: number;
  uniqueOpens: number;
  uniqueClicks: number;
  openRate: number;
  clickRate: number;
};

const RECENT = 10;
const rate = (count: number, sent: number) => (sent > 0 ? Math.round((count / sent) * 10_000) / 10_000 : 0);

/**
 * The dashboards' figures, read only from the rollups (campaign_stats_hourly, campaign_batches) and
 * the credit ledger: never the message log, which holds millions of rows. `listId` narrows everything
 * to campaigns whose audience includes that list; the caller has already checked the list is the
 * workspace's. Every query names the workspace, including the rollup rows themselves, so a row
 * written under another workspace's campaign id never counts.
 */
export const readEngagementFigures = async ({
  workspaceId,
  days: period,
  timezone: rawZone,
  listId,
}: {
  workspaceId: string;
  days?: ReportPeriod;
  timezone?: string;
  listId?: string;
}) => {
  const days = period ?? 30;
  const timezone = rawZone ? canonicalTimeZone(rawZone) : "UTC";
  if (!timezone) throw invalidFields({ timezone: `"${rawZone}" is not an IANA time zone` });
  // Campaigns of the workspace (and of the list): the rollups are reached through their primary key
  // (campaign_id, hour, kind), which has no workspace column of its own.
  const inScope: SQL = listId
    ? sql`c.workspace_id = ${workspaceId}::uuid and c.audience -> 'listIds' ? ${listId}::text`
    : sql`c.workspace_id = ${workspaceId}::uuid`;

  const [series, campaigns, credits] = await Promise.all([
    readDays(workspaceId, days, timezone, inScope),
    readRecentCampaigns(workspaceId, inScope),
    readCredits(workspaceId, days, timezone, listId ? inScope : null),
  ]);
  const totals = series.reduce<EngagementTotals>(
    (sum, day) => ({
      sent: sum.sent + day.sent,
      uniqueOpens: sum.uniqueOpens + day.opens,
      uniqueClicks: sum.uniqueClicks + day.clicks,
      bounced: sum.bounced + day.bounced,
      unsubscribed: sum.unsubscribed + day.unsubscribed,
      complained: sum.complained + day.complained,
    }),
    { sent: 0, uniqueOpens: 0, uniqueClicks: 0, bounced: 0, unsubscribed: 0, complained: 0 },
  );
  const rates: EngagementRates = {
    open: rate(totals.uniqueOpens, totals.sent),
    click: rate(totals.uniqueClicks, totals.sent),
    bounce: rate(totals.bounced, totals.sent),
    unsubscribe: rate(totals.unsubscribed, totals.sent),
    complaint: rate(totals.complained, totals.sent),
  };
  return {
    days,
    timezone,
    totals,
    rates,
    series: series.map(({ day, sent, opens, clicks }): EngagementDay => ({ day, sent, opens, clicks })),
    campaigns,
    credits,
  };
};

type DayRow = EngagementDay & { bounced: number; unsubscribed: number; complained: number };

/**
 * Per calendar day of the last `days` (today included), by when each event happened, so opens of an
 * older campaign count on the day they came in. Days without activity are present with zeros.
 */
const readDays = async (workspaceId: string, days: number, timezone: string, inScope: SQL) => [
  ...(await db.execute<DayRow>(sql`
    with bounds as (
      select date_trunc('day', now() at time zone ${timezone}) - (${days}::int - 1) * interval '1 day' as first_day
    ), calendar as (
      select generate_series(first_day, first_day + (${days}::int - 1) * interval '1 day', interval '1 day')::date as day from bounds
    ), activity as (
      select (s.hour at time zone ${timezone})::date as day,
             coalesce(sum(s.total) filter (where s.kind = 'sent'), 0)::int as sent,
             coalesce(sum(s.unique_count) filter (where s.kind = 'opened'), 0)::int as opens,
             coalesce(sum(s.unique_count) filter (where s.kind = 'clicked'), 0)::int as clicks,
             coalesce(sum(s.total) filter (where s.kind = 'bounced'), 0)::int as bounced,
             coalesce(sum(s.total) filter (where s.kind = 'unsubscribed'), 0)::int as unsubscribed,
             coalesce(sum(s.total) filter (where s.kind = 'complained'), 0)::int as complained
      from campaign_stats_hourly s, bounds
      where s.workspace_id = ${workspaceId}::uuid
        and s.campaign_id in (select c.id from campaigns c where ${inScope})
        and s.hour >= (bounds.first_day at time zone ${timezone})
        and s.kind in ('sent', 'opened', 'clicked', 'bounced', 'unsubscribed', 'complained')
      group by 1
    )
    select calendar.day::text as day,
           coalesce(a.sent, 0) as sent, coalesce(a.opens, 0) as opens, coalesce(a.clicks, 0) as clicks,
           coalesce(a.bounced, 0) as bounced, coalesce(a.unsubscribed, 0) as unsubscribed, coalesce(a.complained, 0) as complained
    from calendar left join activity a using (day)
    order by calendar.day`)),
];

/**
 * The last ten launched campaigns, whatever the period, with their whole-life figures: the same
 * numbers their own report shows, so a row and the page it links to agree.
 */
const readRecentCampaigns = async (workspaceId: string, inScope: SQL): Promise<RecentCampaign[]> => {
  const rows = await db.execute<Omit<RecentCampaign, "openRate" | "clickRate">>(sql`
    select c.id, c.name, c.status::text as status,
           to_char(c.launched_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "launchedAt",
           to_char(c.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "completedAt",
           coalesce(b.recipients, 0) as recipients,
           coalesce(s.sent, 0) as sent, coalesce(s.opens, 0) as "uniqueOpens", coalesce(s.clicks, 0) as "uniqueClicks"
    from campaigns c
    left join lateral (
      select sum(b.recipients)::int as recipients
      from campaign_batches b
      where b.campaign_id = c.id and b.workspace_id = ${workspaceId}::uuid
    ) b on true
    left join lateral (
      select coalesce(sum(s.total) filter (where s.kind = 'sent'), 0)::int as sent,
             coalesce(sum(s.unique_count) filter (where s.kind = 'opened'), 0)::int as opens,
             coalesce(sum(s.unique_count) filter (where s.kind = 'clicked'), 0)::int as clicks
      from campaign_stats_hourly s
      where s.campaign_id = c.id and s.workspace_id = ${workspaceId}::uuid and s.kind in ('sent', 'opened', 'clicked')
    ) s on true
    where ${inScope} and c.launched_at is not null
    order by c.launched_at desc, c.id
    limit ${RECENT}`);
  return rows.map((row) => ({ ...row, openRate: rate(row.uniqueOpens, row.sent), clickRate: rate(row.uniqueClicks, row.sent) }));
};

/**
 * Credits spent in the period: debits (stored negative) less refunds. The workspace's figure counts
 * every send (transactional and journeys too); a list's only its campaigns'.
 */
const readCredits = async (workspaceId: string, days: number, timezone: string, inScope: SQL | null) => {
  const [row] = await db.execute<{ charged: number; refunded: number }>(sql`
    with bounds as (
      select date_trunc('day', now() at time zone ${timezone}) - (${days}::int - 1) * interval '1 day' as first_day
    )
    select coalesce(-sum(l.amount) filter (where l.kind = 'debit'), 0)::float8 as charged,
           coalesce(sum(l.amount) filter (where l.kind = 'refund'), 0)::float8 as refunded
    from credit_ledger l, bounds
    where l.workspace_id = ${workspaceId}::uuid
      and l.kind in ('debit', 'refund')
      and l.created_at >= (bounds.first_day at time zone ${timezone})
      ${inScope ? sql`and l.campaign_id in (select c.id from campaigns c where ${inScope})` : sql``}`);
  const charged = Number(row?.charged ?? 0);
  const refunded = Number(row?.refunded ?? 0);
  return { charged, refunded, spent: Math.round((charged - refunded) * 10_000) / 10_000 };
};

export type EngagementFigures = Awaited<ReturnType<typeof readEngagementFigures>>;
