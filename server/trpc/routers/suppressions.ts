import { z } from "zod";
import { createSuppression, ZCreateSuppression } from "@/server/domain/suppressions/create-suppression";
import { deleteSuppression } from "@/server/domain/suppressions/delete-suppression";
import { importSuppressions, ZImportSuppressions } from "@/server/domain/suppressions/import-suppressions";
import { listSuppressions, ZListSuppressions } from "@/server/domain/suppressions/list-suppressions";
import { actorUserId, router, workspaceProcedure } from "../init";


export const suppressionsRouter = router({
  list: workspaceProcedure
    .meta({ scope: "contacts:read" })
    .input(ZListSuppressions)
    .query(({ ctx, input }) => listSuppressions({ workspaceId: ctx.workspace.id, ...input })),
  create: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(ZCreateSuppression)
    .mutation(({ ctx, input }) => createSuppression({ workspaceId: ctx.workspace.id, createdBy: actorUserId(ctx.actor), ...input })),
  import: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(ZImportSuppressions)
    .mutation(({ ctx, input }) => importSuppressions({ workspaceId: ctx.workspace.id, createdBy: actorUserId(ctx.actor), ...input })),
  delete: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(z.object({ suppressionId: z.uuid({ message: "suppressionId must be a suppression id" }) }))
    .mutation(({ ctx, input }) => deleteSuppression({ workspaceId: ctx.workspace.id, suppressionId: input.suppressionId })),
});
