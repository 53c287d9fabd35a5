import { listWorkspacesForUser } from "@/server/domain/workspaces/list-workspaces";
import { router, userProcedure } from "../init";

export const meRouter = router({
  get: userProcedure.query(async ({ ctx }) => ({
    user: { id: ctx.user.userId, email: ctx.user.email, name: ctx.user.name },
    workspaces: await listWorkspacesForUser({ userId: ctx.user.userId }),
  })),
});
