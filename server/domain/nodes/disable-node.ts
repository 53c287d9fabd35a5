import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { ZNodeRef } from "./node-rules";

/**
 * Asks a node to stop: at its next heartbeat it stops taking jobs, finishes the ones in flight and
 * exits. A down node may be disabled too, so it drains instead of resuming if it comes back.
 * Disabling twice keeps the first time.
 */
export const disableNode = async (input: z.input<typeof ZNodeRef>) => {
  const { nodeId } = parseInput(ZNodeRef, input);
  const [node] = await db
    .update(sendingNodes)
    .set({ disabledAt: sql`coalesce(${sendingNodes.disabledAt}, now())` })
    .where(and(eq(sendingNodes.id, nodeId), ne(sendingNodes.status, "stopped")))
    .returning({ id: sendingNodes.id, disabledAt: sendingNodes.disabledAt });
  if (node) return node;
  const [exists] = await db.select({ id: sendingNodes.id }).from(sendingNodes).where(eq(sendingNodes.id, nodeId));
  if (!exists) throw new AppError("NOT_FOUND", "Node not found");
  throw new AppError("PRECONDITION_FAILED", "This node has already stopped");
};
