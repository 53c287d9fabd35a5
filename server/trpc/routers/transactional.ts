import { sendTransactional } from "@/server/domain/transactional/send-transactional";
import { ZSendTransactional } from "@/server/domain/transactional/transactional-rules";
import { router, workspaceProcedure } from "../init";

export const transactionalRouter = router({
  send: workspaceProcedure
    .meta({ scope: "send" })
    .input(ZSendTransactional)
    .mutation(({ ctx, input }) => sendTransactional({ workspaceId: ctx.workspace.id, ...input })),
});
