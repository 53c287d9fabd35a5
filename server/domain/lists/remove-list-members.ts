import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { findList } from "./find-list";
import { ZContactIds, ZListId } from "./list-rules";

export const ZRemoveListMembers = z.object({ listId: ZListId, contactIds: ZContactIds });

/**
 * Takes contacts off the list entirely (their history on it goes too). To keep the record that
 * someone left, change their status to unsubscribed instead.
 */
export const removeListMembers = async ({ workspaceId, ...input }: z.input<typeof ZRemoveListMembers> & { workspaceId: string }) => {
  const { listId, contactIds } = parseInput(ZRemoveListMembers, input);
  await findList({ workspaceId, listId });
  const result = await db
    .delete(listMemberships)
    .where(
      and(
        eq(listMemberships.listId, listId),
        eq(listMemberships.workspaceId, workspaceId),
        inArray(listMemberships.contactId, [...new Set(contactIds)]),
      ),
    );
  return { removed: result.count };
};
