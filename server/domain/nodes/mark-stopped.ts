import { sql, eq } from "drizzle-orm";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** The node finished its last job and is exiting; it holds no job locks any more. */
export const markStopped = async (nodeId: string) => {
  await db
    .update(sendingNodes)
    .set({ status: "stopped", stoppedAt: sql`now()`, messagesLastMinute: 0 })
    .where(eq(sendingNodes.id, nodeId));
};
