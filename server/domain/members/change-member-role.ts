import { and, eq } from "drizzle-orm";
import { workspaceMembers } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { canAssignRole, type Role } from "@/server/domain/workspaces/roles";
import { assertNotLastOwner, lockMember } from "./member-guards";

export type ChangeMemberRoleOptions = { workspaceId: string; actorRole: Role; memberId: string; role: Role };

/**
 * Changes a member's role. This is also how a workspace is delegated: an owner makes another member
 * an admin (administration) or an owner (full control), and may then step down.
 */
export const changeMemberRole = ({ workspaceId, actorRole, memberId, role }: ChangeMemberRoleOptions) =>
  db.transaction(async (tx) => {
    const member = await lockMember(tx, workspaceId, memberId);
    if (!canAssignRole(actorRole, member.role) || !canAssignRole(actorRole, role)) {
      throw new AppError("FORBIDDEN", "Only an owner can appoint or change an owner");
    }
    if (member.role === role) return member;
    if (member.role === "owner") await assertNotLastOwner(tx, workspaceId, "Cannot change the role of the last owner");
    const [updated] = await tx
      .update(workspaceMembers)
      .set({ role })
      .where(and(eq(workspaceMembers.id, memberId), eq(workspaceMembers.workspaceId, workspaceId)))
      .returning();
    return updated!;
  });
