import { eq } from "drizzle-orm";
import { workspaceInvitations, workspaceMembers, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashInvitationToken } from "./invitation-token";

type InvitationRow = typeof workspaceInvitations.$inferSelect;

/** Why an invitation cannot be used, or null when it can. Shared by the preview and the accept. */
const invitationProblem = (invitation: InvitationRow): AppError | null => {
  if (invitation.status === "accepted") return new AppError("CONFLICT", "This invitation has already been accepted");
  if (invitation.status === "revoked") return new AppError("PRECONDITION_FAILED", "This invitation was withdrawn; ask for a new one");
  if (invitation.expiresAt.getTime() <= Date.now()) {
    return new AppError("PRECONDITION_FAILED", "This invitation has expired; ask for a new one");
  }
  return null;
};

/** What the accept page shows before the person commits: which workspace, which role, for which address. */
export const previewInvitation = async ({ token }: { token: string }) => {
  const [row] = await db
    .select({ invitation: workspaceInvitations, workspaceName: workspaces.name })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .where(eq(workspaceInvitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid");
  const problem = invitationProblem(row.invitation);
  return {
    workspaceName: row.workspaceName,
    email: row.invitation.email,
    role: row.invitation.role,
    expiresAt: row.invitation.expiresAt,
    problem: problem?.message ?? null,
  };
};

export type AcceptInvitationOptions = { token: string; userId: string; userEmail: string };

export const acceptInvitation = ({ token, userId, userEmail }: AcceptInvitationOptions) =>
  db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(workspaceInvitations)
      .where(eq(workspaceInvitations.tokenHash, hashInvitationToken(token)))
      .for("update");
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid");
    const problem = invitationProblem(invitation);
    if (problem) throw problem;
    if (invitation.email !== userEmail.trim().toLowerCase()) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${invitation.email}; sign in with that address to accept it`,
      );
    }

    // Already a member (say, joined through another invite): keep the existing role, use up the invite.
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: invitation.workspaceId, userId, role: invitation.role })
      .onConflictDoNothing({ target: [workspaceMembers.workspaceId, workspaceMembers.userId] });
    await tx
      .update(workspaceInvitations)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(workspaceInvitations.id, invitation.id));
    return { workspaceId: invitation.workspaceId, role: invitation.role };
  });
