import { and, eq } from "drizzle-orm";
import { users, workspaceInvitations, workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError, invalidField } from "@/server/errors";
import { invitationEmail } from "@/server/auth/emails";
import { enqueueSystemEmail } from "@/server/domain/system-mail/enqueue-system-email";
import { canAssignRole, type Role } from "@/server/domain/workspaces/roles";
import { ZEmail } from "@/server/domain/workspaces/validation";
import { INVITATION_TTL_MS, invitationUrl, newInvitationToken } from "./invitation-token";

export type InviteMemberOptions = {
  workspaceId: string;
  actorRole: Role;
  invitedBy: { userId: string; name: string };
  email: string;
  role: Role;
};

/**
 * Invites someone by email. Inviting the same address again replaces the pending invitation (a fresh
 * link and expiry). The email is queued in the same transaction, so an invitation never exists
 * without its email, nor an email for an invitation that was rolled back.
 */
export const inviteMember = async ({ workspaceId, actorRole, invitedBy, email, role }: InviteMemberOptions) => {
  const parsedEmail = ZEmail.safeParse(email);
  if (!parsedEmail.success) throw invalidField("email", parsedEmail.error.issues[0]!.message);
  if (!canAssignRole(actorRole, role)) throw invalidField("role", "Only an owner can invite another owner");
  const address = parsedEmail.data;

  return db.transaction(async (tx) => {
    const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!workspace) throw new AppError("NOT_FOUND", "Workspace not found");

    const [existing] = await tx
      .select({ id: workspaceMembers.id })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(users.email, address)));
    if (existing) throw invalidField("email", `${address} is already a member of this workspace`);

    await tx
      .update(workspaceInvitations)
      .set({ status: "revoked" })
      .where(
        and(
          eq(workspaceInvitations.workspaceId, workspaceId),
          eq(workspaceInvitations.email, address),
          eq(workspaceInvitations.status, "pending"),
        ),
      );

    const { token, tokenHash } = newInvitationToken();
    const [invitation] = await tx
      .insert(workspaceInvitations)
      .values({
        workspaceId,
        email: address,
        role,
        tokenHash,
        invitedBy: invitedBy.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning({
        id: workspaceInvitations.id,
        email: workspaceInvitations.email,
        role: workspaceInvitations.role,
        status: workspaceInvitations.status,
        expiresAt: workspaceInvitations.expiresAt,
        createdAt: workspaceInvitations.createdAt,
      });

    const url = invitationUrl(env().APP_URL, token);
    await enqueueSystemEmail(
      tx,
      invitationEmail({ to: address, workspaceName: workspace.name, inviterName: invitedBy.name, role, url }),
    );
    // The link goes back to the inviter too, to share by other means; accepting still requires
    // signing in as the invited address.
    return { invitation: invitation!, url };
  });
};
