import { z } from "zod";
import { createAttributeDefinition, ZCreateAttributeDefinition } from "@/server/domain/attributes/create-attribute-definition";
import { deleteAttributeDefinition } from "@/server/domain/attributes/delete-attribute-definition";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { updateAttributeDefinition, ZUpdateAttributeDefinition } from "@/server/domain/attributes/update-attribute-definition";
import { router, workspaceProcedure } from "../init";

// Changing the schema is an editor's job (the default for mutations); keys need contacts:write.
export const attributesRouter = router({
  list: workspaceProcedure
    .meta({ scope: "contacts:read" })
    .query(({ ctx }) => listAttributeDefinitions({ workspaceId: ctx.workspace.id })),
  create: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(ZCreateAttributeDefinition)
    .mutation(({ ctx, input }) => createAttributeDefinition({ workspaceId: ctx.workspace.id, ...input })),
  update: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(ZUpdateAttributeDefinition)
    .mutation(({ ctx, input }) => updateAttributeDefinition({ workspaceId: ctx.workspace.id, ...input })),
  delete: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(z.object({ attributeId: z.uuid({ message: "attributeId must be an attribute id" }) }))
    .mutation(({ ctx, input }) => deleteAttributeDefinition({ workspaceId: ctx.workspace.id, ...input })),
});
