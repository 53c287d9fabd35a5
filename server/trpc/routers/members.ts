import { z } from "zod";
import { changeMemberRole } from "@/server/domain/members/change-member-role";
import { listMembers } from "@/server/domain/members/list-members";
import { removeMember } from "@/server/domain/members/remove-member";
import { ROLES } from "@/server/domain/workspaces/roles";
import { router, workspaceProcedure } from "../init";

const ZRole = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}` });

export const membersRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listMembers({ workspaceId: ctx.workspace.id })),
  changeRole: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ memberId: z.uuid({ message: "memberId must be a member id" }), role: ZRole }))
    .mutation(({ ctx, input }) => changeMemberRole({ workspaceId: ctx.workspace.id, actorRole: ctx.role, ...input })),
  remove: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ memberId: z.uuid({ message: "memberId must be a member id" }) }))
    .mutation(({ ctx, input }) => removeMember({ workspaceId: ctx.workspace.id, actorRole: ctx.role, ...input })),
});
