import { and, count, eq } from "drizzle-orm";
import { workspaceMembers } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";

/**
 * Loads a member of this workspace and locks it, so two admins changing roles at once cannot
 * together leave the workspace without an owner.
 */
export const lockMember = async (tx: Executor, workspaceId: string, memberId: string) => {
  const [member] = await tx
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.id, memberId), eq(workspaceMembers.workspaceId, workspaceId)))
    .for("update");
  if (!member) throw new AppError("NOT_FOUND", "Member not found in this workspace");
  return member;
};

export const assertNotLastOwner = async (tx: Executor, workspaceId: string, what: string) => {
  // Lock every owner row so concurrent demotions serialise on the same rows.
  const owners = await tx
    .select({ id: workspaceMembers.id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner")))
    .for("update");
  if (owners.length <= 1) {
    throw new AppError("PRECONDITION_FAILED", `${what}: a workspace must keep at least one owner. Make someone else an owner first.`);
  }
};

export const countMembers = async (tx: Executor, workspaceId: string) => {
  const [row] = await tx.select({ n: count() }).from(workspaceMembers).where(eq(workspaceMembers.workspaceId, workspaceId));
  return row?.n ?? 0;
};
