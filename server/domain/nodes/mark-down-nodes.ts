import { and, inArray, lt, sql } from "drizzle-orm";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { poolIdForNode } from "./node-rules";

/**
 * Marks nodes whose heartbeat is older than `olderThanSeconds` down, and releases the jobs they had
 * locked so live nodes take them at once instead of after graphile-worker's 4-hour lock expiry.
 * Every live node runs this; concurrent runs are safe: the update locks each row, a second runner
 * re-reads it as already down and skips it, so each node is marked (and its jobs released) once,
 * in the same transaction.
 */
export const markDownNodes = async ({ olderThanSeconds }: { olderThanSeconds: number }) =>
  db.transaction(async (tx) => {
    const down = await tx
      .update(sendingNodes)
      .set({ status: "down", messagesLastMinute: 0 })
      .where(
        and(
          inArray(sendingNodes.status, ["active", "draining"]),
          lt(sendingNodes.heartbeatAt, sql`now() - ${olderThanSeconds} * interval '1 second'`),
        ),
      )
      .returning({ id: sendingNodes.id, host: sendingNodes.host, pid: sendingNodes.pid });
    if (down.length > 0) {
      const poolIds = down.map((node) => poolIdForNode(node.id));
      await tx.execute(sql`select graphile_worker.force_unlock_workers(${sql.param(poolIds)}::text[])`);
    }
    return down;
  });
