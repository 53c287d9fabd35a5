import { and, eq } from "drizzle-orm";
import { workspaceMembers } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { canAssignRole, type Role } from "@/server/domain/workspaces/roles";
import { assertNotLastOwner, lockMember } from "./member-guards";

export type RemoveMemberOptions = { workspaceId: string; actorRole: Role; memberId: string };

export const removeMember = ({ workspaceId, actorRole, memberId }: RemoveMemberOptions) =>
  db.transaction(async (tx) => {
    const member = await lockMember(tx, workspaceId, memberId);
    if (!canAssignRole(actorRole, member.role)) throw new AppError("FORBIDDEN", "Only an owner can remove an owner");
    if (member.role === "owner") await assertNotLastOwner(tx, workspaceId, "Cannot remove the last owner");
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.id, memberId), eq(workspaceMembers.workspaceId, workspaceId)));
    return { removed: member.id };
  });

/** A member leaving on their own; the last owner must hand over first. */
export const leaveWorkspace = ({ workspaceId, userId }: { workspaceId: string; userId: string }) =>
  db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
      .for("update");
    if (!member) throw new AppError("NOT_FOUND", "You are not a member of this workspace");
    if (member.role === "owner") await assertNotLastOwner(tx, workspaceId, "You cannot leave as the last owner");
    await tx.delete(workspaceMembers).where(eq(workspaceMembers.id, member.id));
    return { left: workspaceId };
  });
