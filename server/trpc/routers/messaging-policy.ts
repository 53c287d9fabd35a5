import { getMessagingPolicy } from "@/server/domain/messaging-policy/get-messaging-policy";
import { ZMessagingPolicy } from "@/server/domain/messaging-policy/messaging-policy-rules";
import { saveMessagingPolicy } from "@/server/domain/messaging-policy/save-messaging-policy";
import { router, workspaceProcedure } from "../init";

/** Settings → Messaging limits: frequency cap and quiet hours for marketing messages. */
export const messagingPolicyRouter = router({
  get: workspaceProcedure.meta({ scope: "workspace:read" }).query(({ ctx }) => getMessagingPolicy({ workspaceId: ctx.workspace.id })),
  save: workspaceProcedure
    .meta({ role: "admin" })
    .input(ZMessagingPolicy)
    .mutation(({ ctx, input }) => saveMessagingPolicy({ workspaceId: ctx.workspace.id, ...input })),
});
