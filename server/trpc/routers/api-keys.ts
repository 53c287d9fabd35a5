import { z } from "zod";
import { createApiKey } from "@/server/domain/api-keys/create-api-key";
import { listApiKeys } from "@/server/domain/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/domain/api-keys/revoke-api-key";
import { ZApiScope } from "@/server/domain/api-keys/scopes";
import { requirePerson, router, workspaceProcedure } from "../init";

export const apiKeysRouter = router({
  list: workspaceProcedure.meta({ role: "admin" }).query(({ ctx }) => listApiKeys({ workspaceId: ctx.workspace.id })),
  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ name: z.string(), scopes: z.array(ZApiScope) }))
    .mutation(({ ctx, input }) =>
      createApiKey({ workspaceId: ctx.workspace.id, createdBy: requirePerson(ctx.actor).userId, ...input }),
    ),
  revoke: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ apiKeyId: z.uuid({ message: "apiKeyId must be an API key id" }) }))
    .mutation(({ ctx, input }) => revokeApiKey({ workspaceId: ctx.workspace.id, apiKeyId: input.apiKeyId })),
});
