import { asc, eq } from "drizzle-orm";
import { workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** The workspaces a user belongs to, with their role in each (for the switcher). */
export const listWorkspacesForUser = ({ userId }: { userId: string }) =>
  db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.name));
