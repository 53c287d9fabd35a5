import { desc, gt, inArray, or, sql } from "drizzle-orm";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { NODE_DOWN_AFTER_SECONDS } from "./node-rules";

export type NodeStatus = (typeof sendingNodes.status.enumValues)[number];

const silent = sql`${sendingNodes.heartbeatAt} < now() - ${NODE_DOWN_AFTER_SECONDS} * interval '1 second'`;
const running = inArray(sendingNodes.status, ["active", "draining"]);

/**
 * Every running node, and those that stopped or went down in the last day. A running node silent
 * for too long shows as down even before a live node's sweep (markDownNodes) has marked it.
 * Ages come from the database's clock, the one heartbeats are stamped with, not the viewer's.
 */
export const listNodes = async () =>
  db
    .select({
      id: sendingNodes.id,
      host: sendingNodes.host,
      pid: sendingNodes.pid,
      version: sendingNodes.version,
      status: sql<NodeStatus>`case when ${running} and ${silent} then 'down' else ${sendingNodes.status}::text end`,
      startedAt: sendingNodes.startedAt,
      heartbeatAt: sendingNodes.heartbeatAt,
      secondsSinceHeartbeat: sql<number>`floor(extract(epoch from now() - ${sendingNodes.heartbeatAt}))::int`,
      disabledAt: sendingNodes.disabledAt,
      stoppedAt: sendingNodes.stoppedAt,
      messagesLastMinute: sendingNodes.messagesLastMinute,
      messagesTotal: sendingNodes.messagesTotal,
    })
    .from(sendingNodes)
    .where(or(running, gt(sql`coalesce(${sendingNodes.stoppedAt}, ${sendingNodes.heartbeatAt})`, sql`now() - interval '1 day'`)))
    .orderBy(desc(sql`${running} and not ${silent}`), desc(sendingNodes.startedAt))
    .limit(200);
