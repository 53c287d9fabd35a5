import { z } from "zod";
import { getOutboxMessage, listOutboxMessages } from "@/server/domain/outbox/list-outbox";
import { router, workspaceProcedure } from "../init";

const viewerEmail = (actor: { kind: string; email?: string }) => (actor.kind === "user" ? (actor.email ?? null) : null);

export const outboxRouter = router({
  list: workspaceProcedure
    .meta({ scope: "send" })
    .input(z.object({ limit: z.number().int().min(1).max(200).optional(), before: z.date().optional() }).optional())
    .query(({ ctx, input }) =>
      listOutboxMessages({ workspaceId: ctx.workspace.id, viewerEmail: viewerEmail(ctx.actor), ...input }),
    ),
  get: workspaceProcedure
    .meta({ scope: "send" })
    .input(z.object({ messageId: z.uuid({ message: "messageId must be a message id" }) }))
    .query(({ ctx, input }) =>
      getOutboxMessage({ workspaceId: ctx.workspace.id, viewerEmail: viewerEmail(ctx.actor), messageId: input.messageId }),
    ),
});
