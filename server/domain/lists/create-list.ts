import { z } from "zod";
import { lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { withListNameConflict } from "./list-conflicts";
import { ZListDescription, ZListName } from "./list-rules";

export const ZCreateList = z.object({ name: ZListName, description: ZListDescription });

export const createList = async ({ workspaceId, ...input }: z.input<typeof ZCreateList> & { workspaceId: string }) => {
  const { name, description } = parseInput(ZCreateList, input);
  return withListNameConflict(name, async () => {
    const [list] = await db
      .insert(lists)
      .values({ workspaceId, name, description: description || null })
      .returning({ id: lists.id, name: lists.name, description: lists.description, createdAt: lists.createdAt, updatedAt: lists.updatedAt });
    return list!;
  });
};
