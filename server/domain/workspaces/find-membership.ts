import { and, eq } from "drizzle-orm";
import { workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** The user's membership of one workspace, or null: the one check every workspace request makes. */
export const findMembership = async ({ workspaceId, userId }: { workspaceId: string; userId: string }) => {
  const [row] = await db
    .select({
      workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug },
      memberId: workspaceMembers.id,
      role: workspaceMembers.role,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return row ?? null;
};

export const findWorkspace = async ({ workspaceId }: { workspaceId: string }) => {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, postalAddress: workspaces.postalAddress, createdAt: workspaces.createdAt })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return row ?? null;
};
