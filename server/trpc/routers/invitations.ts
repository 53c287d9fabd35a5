import { z } from "zod";
import { acceptInvitation, previewInvitation } from "@/server/domain/invitations/accept-invitation";
import { inviteMember } from "@/server/domain/invitations/invite-member";
import { listInvitations } from "@/server/domain/invitations/list-invitations";
import { revokeInvitation } from "@/server/domain/invitations/revoke-invitation";
import { ROLES } from "@/server/domain/workspaces/roles";
import { requirePerson, router, userProcedure, workspaceProcedure } from "../init";

const ZToken = z.string().min(10, "The invitation link is incomplete").max(200);

export const invitationsRouter = router({
  list: workspaceProcedure.meta({ role: "admin" }).query(({ ctx }) => listInvitations({ workspaceId: ctx.workspace.id })),
  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(
      z.object({
        email: z.string(),
        role: z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}` }),
      }),
    )
    .mutation(({ ctx, input }) => {
      const person = requirePerson(ctx.actor);
      return inviteMember({
        workspaceId: ctx.workspace.id,
        actorRole: ctx.role,
        invitedBy: { userId: person.userId, name: person.name },
        ...input,
      });
    }),
  revoke: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ invitationId: z.uuid({ message: "invitationId must be an invitation id" }) }))
    .mutation(({ ctx, input }) => revokeInvitation({ workspaceId: ctx.workspace.id, invitationId: input.invitationId })),

  // Reached from the link in the email, before the person belongs to the workspace.
  preview: userProcedure.input(z.object({ token: ZToken })).query(({ input }) => previewInvitation(input)),
  accept: userProcedure
    .input(z.object({ token: ZToken }))
    .mutation(({ ctx, input }) => acceptInvitation({ token: input.token, userId: ctx.user.userId, userEmail: ctx.user.email })),
});
