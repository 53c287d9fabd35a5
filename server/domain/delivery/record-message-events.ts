import { sql, type SQL } from "drizzle-orm";
import type { messageEventKind } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";

export type MessageEventKind = (typeof messageEventKind.enumValues)[number];

export type MessageEventInput = {
  workspaceId: string;
  messageId: string;
  campaignId: string | null;
  contactId: string | null;
  kind: MessageEventKind;
  occurredAt?: Date;
  /** The recipient's domain (`example.com`), for the report's per-domain table. */
  domain?: string;
  /** Clicks: which of the template's links, and where it went. */
  link?: { index: number; url: string };
  /** The message's A/B variant (messages.variant): null or absent when its campaign has no test. */
  variant?: number | null;
  data?: Record<string, unknown>;
};

const HOUR_MS = 3_600_000;

/**
 * Writes a batch of message events and keeps the campaign rollups in step, in one statement (so the
 * log and the counters never disagree) plus, when opens or clicks are in the batch, one read first.
 *
 * - campaign_stats_hourly: `total` counts every event; `unique_count` only a message's first open and
 *   its first click (of any link). For the other kinds it stays 0: read `total`.
 * - campaign_link_stats: clicks per link and message variant (0 without one), and unique clicks (a
 *   message's first click on that link).
 *   `url` keeps the first URL seen for the link (personalised links differ per recipient).
 * - campaign_domain_stats: events per recipient domain and kind, for events that name a domain.
 * - campaign_variant_stats: for A/B-tested campaigns' messages (events with a variant), `total` and
 *   `unique_count` per variant and kind, as in the hourly rollup. Other events add nothing to the statement.
 * Events without a campaign (transactional, tests) go to the log only.
 *
 * Uniqueness is decided against what is already in message_events for the batch's messages, so two
 * batches holding the same message's first open, written at the same instant, could both count it;
 * the web process's event buffer writes one batch at a time.
 * Rollup rows are upserted in key order, so concurrent batches of a campaign do not deadlock.
 *
 * Micro-bench (embedded Postgres 18 on a shared dev box, 200k events already logged, warm; medians of
 * 30 calls of 500 events over 500 messages of one campaign, 5 domains, 40 links): 10.5 ms per 500
 * "sent" (one statement), 13.2 ms per 500 opens and 12.6 ms per 500 clicks (the read, then the
 * statement); the same 500 opens as per-event insert-and-upsert statements took 331 ms.
 */
export const recordMessageEvents = async (executor: Executor, events: readonly MessageEventInput[]): Promise<void> => {
  if (events.length === 0) return;
  await executor.execute(messageEventsStatement(events, { seen: await earlierEngagement(executor, events) }));
};

/**
 * recordMessageEvents as one statement to run yourself, for events that need no read first (no opens
 * or clicks: their uniques need earlierEngagement, so they are refused here), plus `alongside`:
 * data-modifying statements (UPDATE/INSERT … without a trailing semicolon) that run in the same
 * statement. One statement is atomic without a transaction, and its row locks (the campaign's hot
 * rollup rows) are held for that statement only, not across round trips to a busy worker.
 */
export const messageEventsStatement = (
  events: readonly MessageEventInput[],
  { seen, alongside = [] }: { seen?: Set<string>; alongside?: readonly SQL[] } = {},
): SQL => {
  if (!seen && events.some((e) => e.campaignId && (e.kind === "opened" || e.kind === "clicked")))
    throw new Error("Opens and clicks need their earlier engagement read first: use recordMessageEvents");
  return eventsStatement(events, seen ?? new Set(), alongside);
};

const eventsStatement = (events: readonly MessageEventInput[], seen: Set<string>, alongside: readonly SQL[]): SQL => {
  const now = new Date();

  const logRows: Record<string, unknown>[] = [];
  const hourly = new Map<string, { campaign_id: string; workspace_id: string; hour: string; kind: string; total: number; unique_count: number }>();
  const linkStats = new Map<string, { campaign_id: string; workspace_id: string; variant: number; link_index: number; url: string; clicks: number; unique_clicks: number }>();
  const domainStats = new Map<string, { campaign_id: string; workspace_id: string; domain: string; kind: string; total: number }>();
  const variantStats = new Map<string, { campaign_id: string; workspace_id: string; variant: number; kind: string; total: number; unique_count: number }>();

  for (const event of events) {
    const occurredAt = event.occurredAt ?? now;
    const data = event.link ? { ...event.data, link: event.link.index, url: event.link.url } : event.data;
    logRows.push({
      workspace_id: event.workspaceId,
      message_id: event.messageId,
      campaign_id: event.campaignId,
      contact_id: event.contactId,
      kind: event.kind,
      data,
      occurred_at: occurredAt.toISOString(),
    });
    if (!event.campaignId) continue;

    // First open / first click of this message (seen is updated, so a repeat later in the batch is not).
    let unique = 0;
    if (event.kind === "opened" || event.kind === "clicked") unique = firstTime(seen, `${event.messageId}|${event.kind}`);

    const hour = new Date(Math.floor(occurredAt.getTime() / HOUR_MS) * HOUR_MS).toISOString();
    const hourKey = `${event.campaignId}|${hour}|${event.kind}`;
    const hourRow = hourly.get(hourKey) ?? { campaign_id: event.campaignId, workspace_id: event.workspaceId, hour, kind: event.kind, total: 0, unique_count: 0 };
    hourRow.total += 1;
    hourRow.unique_count += unique;
    hourly.set(hourKey, hourRow);

    if (event.variant !== null && event.variant !== undefined) {
      const variantKey = `${event.campaignId}|${event.variant}|${event.kind}`;
      const variantRow = variantStats.get(variantKey) ?? {
        campaign_id: event.campaignId,
        workspace_id: event.workspaceId,
        variant: event.variant,
        kind: event.kind,
        total: 0,
        unique_count: 0,
      };
      variantRow.total += 1;
      variantRow.unique_count += unique;
      variantStats.set(variantKey, variantRow);
    }

    if (event.kind === "clicked" && event.link) {
      const variant = event.variant ?? 0;
      const linkKey = `${event.campaignId}|${variant}|${event.link.index}`;
      const linkRow = linkStats.get(linkKey) ?? {
        campaign_id: event.campaignId,
        workspace_id: event.workspaceId,
        variant,
        link_index: event.link.index,
        url: event.link.url,
        clicks: 0,
        unique_clicks: 0,
      };
      linkRow.clicks += 1;
      linkRow.unique_clicks += firstTime(seen, `${event.messageId}|clicked|${event.link.index}`);
      linkStats.set(linkKey, linkRow);
    }

    const domain = event.domain?.trim().toLowerCase().slice(0, 253);
    if (domain) {
      const domainKey = `${event.campaignId}|${domain}|${event.kind}`;
      const domainRow = domainStats.get(domainKey) ?? { campaign_id: event.campaignId, workspace_id: event.workspaceId, domain, kind: event.kind, total: 0 };
      domainRow.total += 1;
      domainStats.set(domainKey, domainRow);
    }
  }

  const sorted = <T>(rows: Map<string, T>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

  // Unreferenced data-modifying CTEs still run, exactly once, all in this one statement.
  return sql`
    with logged as (
      insert into message_events (workspace_id, message_id, campaign_id, contact_id, kind, data, occurred_at)
      select workspace_id, message_id, campaign_id, contact_id, kind, data, occurred_at
      from jsonb_to_recordset(${JSON.stringify(logRows)}::jsonb)
        as t(workspace_id uuid, message_id uuid, campaign_id uuid, contact_id uuid, kind message_event_kind, data jsonb, occurred_at timestamptz)
    ), hourly as (
      insert into campaign_stats_hourly as s (campaign_id, workspace_id, hour, kind, total, unique_count)
      select campaign_id, workspace_id, hour, kind, total, unique_count
      from jsonb_to_recordset(${JSON.stringify(sorted(hourly))}::jsonb)
        as t(campaign_id uuid, workspace_id uuid, hour timestamptz, kind message_event_kind, total int, unique_count int)
      on conflict (campaign_id, hour, kind)
        do update set total = s.total + excluded.total, unique_count = s.unique_count + excluded.unique_count
    ), links as (
      insert into campaign_link_stats as s (campaign_id, workspace_id, variant, link_index, url, clicks, unique_clicks)
      select campaign_id, workspace_id, variant, link_index, url, clicks, unique_clicks
      from jsonb_to_recordset(${JSON.stringify(sorted(linkStats))}::jsonb)
        as t(campaign_id uuid, workspace_id uuid, variant smallint, link_index int, url text, clicks int, unique_clicks int)
      on conflict (campaign_id, variant, link_index)
        do update set clicks = s.clicks + excluded.clicks, unique_clicks = s.unique_clicks + excluded.unique_clicks
    ), domains as (
      insert into campaign_domain_stats as s (campaign_id, workspace_id, domain, kind, total)
      select campaign_id, workspace_id, domain, kind, total
      from jsonb_to_recordset(${JSON.stringify(sorted(domainStats))}::jsonb)
        as t(campaign_id uuid, workspace_id uuid, domain text, kind message_event_kind, total int)
      on conflict (campaign_id, domain, kind) do update set total = s.total + excluded.total
    )${
      variantStats.size > 0
        ? sql`, variants as (
      insert into campaign_variant_stats as s (campaign_id, workspace_id, variant, kind, total, unique_count)
      select campaign_id, workspace_id, variant, kind, total, unique_count
      from jsonb_to_recordset(${JSON.stringify(sorted(variantStats))}::jsonb)
        as t(campaign_id uuid, workspace_id uuid, variant smallint, kind message_event_kind, total int, unique_count int)
      on conflict (campaign_id, variant, kind)
        do update set total = s.total + excluded.total, unique_count = s.unique_count + excluded.unique_count
    )`
        : sql``
    }${sql.join(
      alongside.map((statement, index) => sql`, ${sql.raw(`alongside_${index}`)} as (${statement})`),
      sql``,
    )}
    select 1`;
};

const firstTime = (seen: Set<string>, key: string): number => {
  if (seen.has(key)) return 0;
  seen.add(key);
  return 1;
};

/**
 * Which of the batch's messages were already opened or clicked (and which links), in one query.
 * Only campaign events count towards uniques, so batches without opens or clicks skip it.
 */
const earlierEngagement = async (executor: Executor, events: readonly MessageEventInput[]): Promise<Set<string>> => {
  const seen = new Set<string>();
  const engaged = events.filter((e) => e.campaignId && (e.kind === "opened" || e.kind === "clicked"));
  if (engaged.length === 0) return seen;
  const messageIds = [...new Set(engaged.map((e) => e.messageId))];
  const workspaceIds = [...new Set(engaged.map((e) => e.workspaceId))];
  const rows = await executor.execute<{ message_id: string; kind: string; link: string | null }>(sql`
    select distinct message_id, kind, case when kind = 'clicked' then data->>'link' end as link
    from message_events
    where message_id = any(${sql.param(messageIds)}::uuid[])
      and workspace_id = any(${sql.param(workspaceIds)}::uuid[])
      and kind in ('opened', 'clicked')`);
  for (const row of rows) {
    seen.add(`${row.message_id}|${row.kind}`);
    if (row.link !== null) seen.add(`${row.message_id}|clicked|${row.link}`);
  }
  return seen;
};
