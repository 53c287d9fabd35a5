import { and, eq } from "drizzle-orm";
import { lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** Deletes the list and its memberships (cascade); the contacts themselves stay. */
export const deleteList = async ({ workspaceId, listId }: { workspaceId: string; listId: string }) => {
  const [deleted] = await db
    .delete(lists)
    .where(and(eq(lists.id, listId), eq(lists.workspaceId, workspaceId)))
    .returning({ id: lists.id });
  if (!deleted) throw new AppError("NOT_FOUND", "List not found");
  return deleted;
};
