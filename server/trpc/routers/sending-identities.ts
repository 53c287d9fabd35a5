import {
  createSendingIdentity,
  deleteSendingIdentity,
  listSendingIdentities,
  updateSendingIdentity,
  ZCreateSendingIdentity,
  ZDeleteSendingIdentity,
  ZUpdateSendingIdentity,
} from "@/server/domain/content/identities/sending-identities";
import { router, workspaceProcedure } from "../init";

const admin = workspaceProcedure.meta({ role: "admin" });

export const sendingIdentitiesRouter = router({
  list: workspaceProcedure.meta({ scope: "templates:read" }).query(({ ctx }) => listSendingIdentities({ workspaceId: ctx.workspace.id })),
  create: admin.input(ZCreateSendingIdentity).mutation(({ ctx, input }) => createSendingIdentity({ workspaceId: ctx.workspace.id, ...input })),
  update: admin.input(ZUpdateSendingIdentity).mutation(({ ctx, input }) => updateSendingIdentity({ workspaceId: ctx.workspace.id, ...input })),
  delete: admin.input(ZDeleteSendingIdentity).mutation(({ ctx, input }) => deleteSendingIdentity({ workspaceId: ctx.workspace.id, ...input })),
});
