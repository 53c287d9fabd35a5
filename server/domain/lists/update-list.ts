import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { withListNameConflict } from "./list-conflicts";
import { ZListDescription, ZListId, ZListName } from "./list-rules";

export const ZUpdateList = z.object({ listId: ZListId, name: ZListName.optional(), description: ZListDescription });

/** Renames and/or describes a list; fields left out stay as they are, a null or empty description clears it. */
export const updateList = async ({ workspaceId, ...input }: z.input<typeof ZUpdateList> & { workspaceId: string }) => {
  const { listId, name, description } = parseInput(ZUpdateList, input);
  return withListNameConflict(name ?? "", async () => {
    const [list] = await db
      .update(lists)
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description: description || null } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(lists.id, listId), eq(lists.workspaceId, workspaceId)))
      .returning({ id: lists.id, name: lists.name, description: lists.description, createdAt: lists.createdAt, updatedAt: lists.updatedAt });
    if (!list) throw new AppError("NOT_FOUND", "List not found");
    return list;
  });
};
