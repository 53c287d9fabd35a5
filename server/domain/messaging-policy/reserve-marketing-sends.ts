import { sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import type { MessagingPolicy } from "./messaging-policy-rules";

export type ReserveMarketingSendsOptions = {
  workspaceId: string;
  policy: Pick<MessagingPolicy, "maxPerDay" | "maxPerWeek">;
  contactIds: readonly string[];
  now: Date;
};

/**
 * The frequency cap, inside the CALLER'S transaction (the one that charges the sends): which of these
 * contacts may get one more marketing message now, counting that message for them. Counts are per UTC
 * day in contact_send_counts; the week is today and the six days before. A contact listed twice counts
 * once. Sends are counted even without a cap, so a cap set at noon already sees the morning's mail.
 *
 * Today's rows are created and locked first, in contact order, so two batches reserving for the same
 * contact at once queue on the row: the second sees the first's count and never overshoots the cap.
 * If the caller's transaction rolls back, the reservation goes with it. A message reserved and then
 * refused by the receiving server stays counted (it was attempted; the cap is about attention).
 */
export const reserveMarketingSends = async (tx: Executor, { workspaceId, policy, contactIds, now }: ReserveMarketingSendsOptions): Promise<string[]> => {
  const ids = [...new Set(contactIds)].sort();
  if (ids.length === 0) return [];
  const day = now.toISOString().slice(0, 10);
  const list = ids.join(",");
  await tx.execute(sql`
    insert into contact_send_counts (contact_id, day, workspace_id, sends)
    select id, ${day}::date, ${workspaceId}, 0 from unnest(string_to_array(${list}, ',')::uuid[]) as ids(id)
    order by id
    on conflict (contact_id, day) do nothing`);
  await tx.execute(sql`
    select 1 from contact_send_counts
    where contact_id = any(string_to_array(${list}, ',')::uuid[]) and day = ${day}::date and workspace_id = ${workspaceId}
    order by contact_id for update`);
  const rows = await tx.execute<{ contact_id: string }>(sql`
    with usage as (
      select s.contact_id,
        coalesce(sum(s.sends) filter (where s.day = ${day}::date), 0) as today,
        coalesce(sum(s.sends), 0) as week
      from contact_send_counts s
      where s.contact_id = any(string_to_array(${list}, ',')::uuid[]) and s.workspace_id = ${workspaceId}
        and s.day > ${day}::date - 7 and s.day <= ${day}::date
      group by s.contact_id
    )
    update contact_send_counts c set sends = c.sends + 1
    from usage u
    where c.contact_id = u.contact_id and c.day = ${day}::date and c.workspace_id = ${workspaceId}
      and (${policy.maxPerDay}::int is null or u.today < ${policy.maxPerDay}::int)
      and (${policy.maxPerWeek}::int is null or u.week < ${policy.maxPerWeek}::int)
    returning c.contact_id`);
  return rows.map((row) => row.contact_id);
};
