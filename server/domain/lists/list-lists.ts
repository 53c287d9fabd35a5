import { and, asc, eq, inArray } from "drizzle-orm";
import { listMemberships, lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { memberCountColumns, NO_MEMBERS } from "./member-counts";

/** The workspace's lists by name, each with its member counts by status. */
export const listLists = async ({ workspaceId }: { workspaceId: string }) => {
  const rows = await db
    .select({ id: lists.id, name: lists.name, description: lists.description, createdAt: lists.createdAt, updatedAt: lists.updatedAt })
    .from(lists)
    .where(eq(lists.workspaceId, workspaceId))
    .orderBy(asc(lists.name));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ listId: listMemberships.listId, ...memberCountColumns })
    .from(listMemberships)
    .where(
      and(
        inArray(
          listMemberships.listId,
          rows.map((row) => row.id),
        ),
        eq(listMemberships.workspaceId, workspaceId),
      ),
    )
    .groupBy(listMemberships.listId);
  const byList = new Map(counts.map(({ listId, ...count }) => [listId, count]));
  return rows.map((row) => ({ ...row, members: byList.get(row.id) ?? NO_MEMBERS }));
};
