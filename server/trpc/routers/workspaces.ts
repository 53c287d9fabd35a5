import { z } from "zod";
import { leaveWorkspace } from "@/server/domain/members/remove-member";
import { createWorkspace } from "@/server/domain/workspaces/create-workspace";
import { findWorkspace } from "@/server/domain/workspaces/find-membership";
import { listWorkspacesForUser } from "@/server/domain/workspaces/list-workspaces";
import { renameWorkspace } from "@/server/domain/workspaces/rename-workspace";
import { setPostalAddress, ZSetPostalAddress } from "@/server/domain/workspaces/set-postal-address";
import { AppError } from "@/server/errors";
import { router, userProcedure, workspaceProcedure } from "../init";

export const workspacesRouter = router({
  list: userProcedure.query(({ ctx }) => listWorkspacesForUser({ userId: ctx.user.userId })),
  create: userProcedure
    .input(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) => createWorkspace({ userId: ctx.user.userId, name: input.name })),
  leave: userProcedure
    .input(z.object({ workspaceId: z.uuid({ message: "workspaceId must be a workspace id" }) }))
    .mutation(({ ctx, input }) => leaveWorkspace({ workspaceId: input.workspaceId, userId: ctx.user.userId })),

  current: workspaceProcedure.meta({ scope: "workspace:read" }).query(async ({ ctx }) => {
    const workspace = await findWorkspace({ workspaceId: ctx.workspace.id });
    if (!workspace) throw new AppError("NOT_FOUND", "Workspace not found");
    return { ...workspace, role: ctx.role };
  }),
  rename: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) => renameWorkspace({ workspaceId: ctx.workspace.id, name: input.name })),
  setPostalAddress: workspaceProcedure
    .meta({ role: "admin" })
    .input(ZSetPostalAddress)
    .mutation(({ ctx, input }) => setPostalAddress({ workspaceId: ctx.workspace.id, ...input })),
});
