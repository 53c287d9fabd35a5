import { and, eq } from "drizzle-orm";
import { workspaceInvitations } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const revokeInvitation = async ({ workspaceId, invitationId }: { workspaceId: string; invitationId: string }) => {
  const [row] = await db
    .update(workspaceInvitations)
    .set({ status: "revoked" })
    .where(
      and(
        eq(workspaceInvitations.id, invitationId),
        eq(workspaceInvitations.workspaceId, workspaceId),
        eq(workspaceInvitations.status, "pending"),
      ),
    )
    .returning({ id: workspaceInvitations.id });
  if (!row) throw new AppError("NOT_FOUND", "No pending invitation with that id in this workspace");
  return row;
};
