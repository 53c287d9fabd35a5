import { and, desc, eq } from "drizzle-orm";
import { users, workspaceInvitations } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** Pending invitations, newest first, with whether each has expired. */
export const listInvitations = async ({ workspaceId }: { workspaceId: string }) => {
  const rows = await db
    .select({
      id: workspaceInvitations.id,
      email: workspaceInvitations.email,
      role: workspaceInvitations.role,
      expiresAt: workspaceInvitations.expiresAt,
      createdAt: workspaceInvitations.createdAt,
      invitedByName: users.name,
    })
    .from(workspaceInvitations)
    .leftJoin(users, eq(users.id, workspaceInvitations.invitedBy))
    .where(and(eq(workspaceInvitations.workspaceId, workspaceId), eq(workspaceInvitations.status, "pending")))
    .orderBy(desc(workspaceInvitations.createdAt));
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
};
