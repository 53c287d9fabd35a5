import { attachFileToTemplate, ZTemplateFile } from "@/server/domain/files/attach-file-to-template";
import { deleteFile, ZDeleteFile } from "@/server/domain/files/delete-file";
import { detachFileFromTemplate } from "@/server/domain/files/detach-file-from-template";
import { listFiles, ZListFiles } from "@/server/domain/files/list-files";
import { listTemplateAttachments, ZTemplateRef } from "@/server/domain/files/list-template-attachments";
import { router, workspaceProcedure } from "../init";

// Uploads and public images are route handlers (app/api/v1/files, app/files): tRPC does not carry files.
const read = workspaceProcedure.meta({ scope: "templates:read" });
const write = workspaceProcedure.meta({ scope: "templates:write" });

export const filesRouter = router({
  list: read.input(ZListFiles.optional()).query(({ ctx, input }) => listFiles({ workspaceId: ctx.workspace.id, ...input })),
  delete: write.input(ZDeleteFile).mutation(({ ctx, input }) => deleteFile({ workspaceId: ctx.workspace.id, ...input })),
  templateAttachments: read
    .input(ZTemplateRef)
    .query(({ ctx, input }) => listTemplateAttachments({ workspaceId: ctx.workspace.id, ...input })),
  attachToTemplate: write
    .input(ZTemplateFile)
    .mutation(({ ctx, input }) => attachFileToTemplate({ workspaceId: ctx.workspace.id, ...input })),
  detachFromTemplate: write
    .input(ZTemplateFile)
    .mutation(({ ctx, input }) => detachFileFromTemplate({ workspaceId: ctx.workspace.id, ...input })),
});
