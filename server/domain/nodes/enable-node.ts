import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { ZNodeRef } from "./node-rules";

/**
 * Withdraws a disable request the node has not acted on yet (it checks at each heartbeat), or lets a
 * disabled down node resume if it comes back. A node already draining cannot be turned back: its
 * runner has stopped taking jobs and it will exit; start a new worker process instead.
 */
export const enableNode = async (input: z.input<typeof ZNodeRef>) => {
  const { nodeId } = parseInput(ZNodeRef, input);
  const [node] = await db
    .update(sendingNodes)
    .set({ disabledAt: null })
    .where(and(eq(sendingNodes.id, nodeId), inArray(sendingNodes.status, ["active", "down"])))
    .returning({ id: sendingNodes.id, disabledAt: sendingNodes.disabledAt });
  if (node) return node;
  const [exists] = await db.select({ id: sendingNodes.id }).from(sendingNodes).where(eq(sendingNodes.id, nodeId));
  if (!exists) throw new AppError("NOT_FOUND", "Node not found");
  throw new AppError("PRECONDITION_FAILED", "This node is already finishing its jobs to exit; start a new worker process instead");
};
