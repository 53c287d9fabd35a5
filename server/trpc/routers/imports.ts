import { z } from "zod";
import { cancelImport } from "@/server/domain/imports/cancel-import";
import { configureImport, ZConfigureImport } from "@/server/domain/imports/configure-import";
import { getImport } from "@/server/domain/imports/get-import";
import { listImportRejections } from "@/server/domain/imports/list-import-rejections";
import { listImports } from "@/server/domain/imports/list-imports";
import { startImport } from "@/server/domain/imports/start-import";
import { router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "contacts:read" });
const write = workspaceProcedure.meta({ scope: "contacts:write" });
const ZImportRef = z.object({ importId: z.uuid({ message: "importId must be an import id" }) });

// Files arrive through POST /api/imports/upload (a streamed body does not fit tRPC); everything after is here.
export const importsRouter = router({
  list: read
    .input(z.object({ limit: z.number().int().min(1).max(200).optional() }).optional())
    .query(({ ctx, input }) => listImports({ workspaceId: ctx.workspace.id, ...input })),
  get: read.input(ZImportRef).query(({ ctx, input }) => getImport({ workspaceId: ctx.workspace.id, ...input })),
  rejections: read
    .input(ZImportRef.extend({ limit: z.number().int().min(1).max(1000).optional(), afterLine: z.number().int().min(0).optional() }))
    .query(({ ctx, input }) => listImportRejections({ workspaceId: ctx.workspace.id, ...input })),
  configure: write.input(ZConfigureImport).mutation(({ ctx, input }) => configureImport({ workspaceId: ctx.workspace.id, ...input })),
  start: write.input(ZImportRef).mutation(({ ctx, input }) => startImport({ workspaceId: ctx.workspace.id, ...input })),
  cancel: write.input(ZImportRef).mutation(({ ctx, input }) => cancelImport({ workspaceId: ctx.workspace.id, ...input })),
});
