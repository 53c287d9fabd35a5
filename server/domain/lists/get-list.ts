import { and, eq } from "drizzle-orm";
import { listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { findList } from "./find-list";
import { memberCountColumns, NO_MEMBERS } from "./member-counts";

/** A list with its member counts by status (the cards on its page). */
export const getList = async ({ workspaceId, listId }: { workspaceId: string; listId: string }) => {
  const list = await findList({ workspaceId, listId });
  const [counts] = await db
    .select(memberCountColumns)
    .from(listMemberships)
    .where(and(eq(listMemberships.listId, listId), eq(listMemberships.workspaceId, workspaceId)));
  return { ...list, members: counts ?? NO_MEMBERS };
};
