import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { canonicalTimeZone } from "@/server/domain/contacts/contact-fields";
import { invalidFields, parseInput } from "@/server/domain/contacts/field-errors";

export const SPEND_DAYS = 30;

export const ZCreditSpendByDay = z.object({
  /** Whose calendar days to count in (the viewer's browser zone); UTC when left out. */
  timezone: z.string().max(64).optional(),
});

/** Credits per day and channel: spent on sending (positive) and given back for messages that never left. */
export type CreditSpendDay = { day: string; emailSpent: number; smsSpent: number; emailRefunded: number; smsRefunded: number };

/**
 * Spending over the last 30 days (today included), for the credits chart. Days without any are
 * present with zeros, so the chart's x axis is continuous. Top-ups and adjustments are not spending.
 */
export const creditSpendByDay = async ({ workspaceId, ...input }: z.input<typeof ZCreditSpendByDay> & { workspaceId: string }) => {
  const { timezone: rawZone } = parseInput(ZCreditSpendByDay, input);
  const timezone = rawZone ? canonicalTimeZone(rawZone) : "UTC";
  if (!timezone) throw invalidFields({ timezone: `"${rawZone}" is not an IANA time zone` });

  const rows = await db.execute<CreditSpendDay>(sql`
    with bounds as (
      select date_trunc('day', now() at time zone ${timezone}) - (${SPEND_DAYS}::int - 1) * interval '1 day' as first_day
    ), calendar as (
      select generate_series(first_day, first_day + (${SPEND_DAYS}::int - 1) * interval '1 day', interval '1 day')::date as day from bounds
    ), spend as (
      select (l.created_at at time zone ${timezone})::date as day,
             coalesce(sum(-l.amount) filter (where l.kind = 'debit' and l.channel = 'email'), 0) as email_spent,
             coalesce(sum(-l.amount) filter (where l.kind = 'debit' and l.channel = 'sms'), 0) as sms_spent,
             coalesce(sum(l.amount) filter (where l.kind = 'refund' and l.channel = 'email'), 0) as email_refunded,
             coalesce(sum(l.amount) filter (where l.kind = 'refund' and l.channel = 'sms'), 0) as sms_refunded
      from credit_ledger l, bounds
      where l.workspace_id = ${workspaceId}::uuid
        and l.kind in ('debit', 'refund')
        and l.created_at >= (bounds.first_day at time zone ${timezone})
      group by 1
    )
    select calendar.day::text as day,
           coalesce(spend.email_spent, 0)::float8 as "emailSpent",
           coalesce(spend.sms_spent, 0)::float8 as "smsSpent",
           coalesce(spend.email_refunded, 0)::float8 as "emailRefunded",
           coalesce(spend.sms_refunded, 0)::float8 as "smsRefunded"
    from calendar
    left join spend using (day)
    order by calendar.day`);

  const series = [...rows];
  const add = (pick: (day: CreditSpendDay) => number) => Math.round(series.reduce((sum, day) => sum + pick(day) * 10_000, 0)) / 10_000;
  const totals = {
    spent: add((day) => day.emailSpent + day.smsSpent),
    refunded: add((day) => day.emailRefunded + day.smsRefunded),
  };
  return { days: SPEND_DAYS, timezone, series, totals };
};
