import { eq } from "drizzle-orm";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** The node stopped taking jobs and is finishing the ones it has (disabled, or told to stop). */
export const markDraining = async (nodeId: string) => {
  await db.update(sendingNodes).set({ status: "draining" }).where(eq(sendingNodes.id, nodeId));
};
