import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { canonicalTimeZone } from "@/server/domain/contacts/contact-fields";
import { invalidFields, parseInput } from "@/server/domain/contacts/field-errors";
import { findList } from "./find-list";
import { ZListId } from "./list-rules";

export const ZListGrowth = z.object({
  listId: ZListId,
  days: z.number().int().min(1).max(366).optional(),
  /** Whose calendar days to count in (the viewer's browser zone); UTC when left out. */
  timezone: z.string().max(64).optional(),
});

export type GrowthDay = { day: string; subscribed: number; unsubscribed: number; bounced: number };

/**
 * Per-day movement over the last `days` days (today included): subscriptions by subscribed_at,
 * and unsubscribes and bounces by status_changed_at of members whose status is now that. Days
 * without movement are present with zeros, so the chart's x axis is continuous.
 */
export const listGrowth = async ({ workspaceId, ...input }: z.input<typeof ZListGrowth> & { workspaceId: string }) => {
  const { listId, days = 30, timezone: rawZone } = parseInput(ZListGrowth, input);
  const timezone = rawZone ? canonicalTimeZone(rawZone) : "UTC";
  if (!timezone) throw invalidFields({ timezone: `"${rawZone}" is not an IANA time zone` });
  await findList({ workspaceId, listId });

  const rows = await db.execute<GrowthDay>(sql`
    with bounds as (
      select date_trunc('day', now() at time zone ${timezone}) - (${days}::int - 1) * interval '1 day' as first_day
    ), calendar as (
      select generate_series(first_day, first_day + (${days}::int - 1) * interval '1 day', interval '1 day')::date as day from bounds
    ), subscribed as (
      select (m.subscribed_at at time zone ${timezone})::date as day, count(*)::int as subscribed
      from list_memberships m, bounds
      where m.list_id = ${listId}::uuid and m.workspace_id = ${workspaceId}::uuid
        and m.subscribed_at >= (bounds.first_day at time zone ${timezone})
      group by 1
    ), changed as (
      select (m.status_changed_at at time zone ${timezone})::date as day,
             count(*) filter (where m.status = 'unsubscribed')::int as unsubscribed,
             count(*) filter (where m.status = 'bounced')::int as bounced
      from list_memberships m, bounds
      where m.list_id = ${listId}::uuid and m.workspace_id = ${workspaceId}::uuid
        and m.status in ('unsubscribed', 'bounced')
        and m.status_changed_at >= (bounds.first_day at time zone ${timezone})
      group by 1
    )
    select calendar.day::text as day,
           coalesce(subscribed.subscribed, 0) as subscribed,
           coalesce(changed.unsubscribed, 0) as unsubscribed,
           coalesce(changed.bounced, 0) as bounced
    from calendar
    left join subscribed using (day)
    left join changed using (day)
    order by calendar.day`);

  const series = [...rows];
  const totals = series.reduce(
    (sum, day) => ({
      subscribed: sum.subscribed + day.subscribed,
      unsubscribed: sum.unsubscribed + day.unsubscribed,
      bounced: sum.bounced + day.bounced,
    }),
    { subscribed: 0, unsubscribed: 0, bounced: 0 },
  );
  return { days, timezone, series, totals };
};
