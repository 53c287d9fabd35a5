import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";

export type HeartbeatCounts = { messagesLastMinute: number; messagesTotal: number };

/**
 * Records that the node is alive, with its throughput, and tells it whether an admin disabled it.
 * A node another node marked down (it stalled past the limit but was not dead) comes back: active, or
 * draining if it has been disabled meanwhile. Its jobs were released then and may run twice, which the
 * delivery pipeline's idempotency record absorbs; `wasMarkedDown` lets the worker say so in its log.
 * A node whose row is gone (deleted by an operator) is told it is disabled, so it drains and exits.
 */
export const heartbeat = async (
  nodeId: string,
  { messagesLastMinute, messagesTotal }: HeartbeatCounts,
): Promise<{ disabled: boolean; wasMarkedDown: boolean }> => {
  // The row is locked before its old status is read, so a concurrent markDownNodes is seen, not raced.
  const [row] = await db.execute<{ disabled: boolean; was_marked_down: boolean }>(sql`
    with previous as (select id, status from sending_nodes where id = ${nodeId} for update)
    update sending_nodes as node
    set heartbeat_at = now(),
        messages_last_minute = ${messagesLastMinute},
        messages_total = ${messagesTotal},
        status = case
          when previous.status <> 'down' then node.status
          when node.disabled_at is null then 'active'::node_status
          else 'draining'::node_status
        end
    from previous
    where node.id = previous.id
    returning node.disabled_at is not null as disabled, previous.status = 'down' as was_marked_down`);
  if (!row) return { disabled: true, wasMarkedDown: false };
  return { disabled: row.disabled, wasMarkedDown: row.was_marked_down };
};
