import { createSendingDomain, ZCreateSendingDomain } from "@/server/domain/delivery/domains/create-sending-domain";
import { deleteSendingDomain } from "@/server/domain/delivery/domains/delete-sending-domain";
import { ZSendingDomainRef } from "@/server/domain/delivery/domains/domain-rules";
import { listSendingDomains } from "@/server/domain/delivery/domains/list-sending-domains";
import { sendingDomainRecords } from "@/server/domain/delivery/domains/sending-domain-records";
import { verifySendingDomain } from "@/server/domain/delivery/domains/verify-sending-domain";
import { router, workspaceProcedure } from "../init";

// Anyone composing sees which domains sign (and the records are public DNS anyway); adding keys,
// removing them and re-checking DNS are an admin's, so API keys (at most editors) cannot.
const read = workspaceProcedure.meta({ scope: "templates:read" });
const admin = workspaceProcedure.meta({ role: "admin" });

export const sendingDomainsRouter = router({
  list: read.query(({ ctx }) => listSendingDomains({ workspaceId: ctx.workspace.id })),
  records: read.input(ZSendingDomainRef).query(({ ctx, input }) => sendingDomainRecords({ workspaceId: ctx.workspace.id, ...input })),
  create: admin.input(ZCreateSendingDomain).mutation(({ ctx, input }) => createSendingDomain({ workspaceId: ctx.workspace.id, ...input })),
  delete: admin.input(ZSendingDomainRef).mutation(({ ctx, input }) => deleteSendingDomain({ workspaceId: ctx.workspace.id, ...input })),
  verify: admin.input(ZSendingDomainRef).mutation(({ ctx, input }) => verifySendingDomain({ workspaceId: ctx.workspace.id, ...input })),
});
