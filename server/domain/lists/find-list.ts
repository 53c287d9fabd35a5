import { and, eq } from "drizzle-orm";
import { lists } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** The list, if it belongs to the workspace; NOT_FOUND otherwise (the same answer for someone else's list). */
export const findList = async ({ workspaceId, listId }: { workspaceId: string; listId: string }, executor: Executor = db) => {
  const [list] = await executor
    .select({ id: lists.id, name: lists.name, description: lists.description, createdAt: lists.createdAt, updatedAt: lists.updatedAt })
    .from(lists)
    .where(and(eq(lists.id, listId), eq(lists.workspaceId, workspaceId)));
  if (!list) throw new AppError("NOT_FOUND", "List not found");
  return list;
};
