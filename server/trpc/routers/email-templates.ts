import { z } from "zod";
import { archiveEmailTemplate, ZArchiveEmailTemplate } from "@/server/domain/content/templates/archive-email-template";
import { createEmailTemplate, ZCreateEmailTemplate } from "@/server/domain/content/templates/create-email-template";
import { duplicateEmailTemplate, ZDuplicateEmailTemplate } from "@/server/domain/content/templates/duplicate-email-template";
import { getEmailTemplate } from "@/server/domain/content/templates/get-email-template";
import { listEmailTemplates, ZListEmailTemplates } from "@/server/domain/content/templates/list-email-templates";
import { listMergeTags } from "@/server/domain/content/templates/list-merge-tags";
import { listStarterTemplates } from "@/server/domain/content/templates/list-starter-templates";
import { previewEmailTemplate, ZPreviewEmailTemplate } from "@/server/domain/content/templates/preview-email-template";
import { sendTestEmail, ZSendTestEmail } from "@/server/domain/content/templates/send-test-email";
import { ZTemplateId } from "@/server/domain/content/templates/template-rules";
import { updateEmailTemplate, ZUpdateEmailTemplate } from "@/server/domain/content/templates/update-email-template";
import { actorUserId, router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "templates:read" });
const write = workspaceProcedure.meta({ scope: "templates:write" });
const ZTemplateRef = z.object({ templateId: ZTemplateId });

export const emailTemplatesRouter = router({
  list: read.input(ZListEmailTemplates.optional()).query(({ ctx, input }) => listEmailTemplates({ workspaceId: ctx.workspace.id, ...input })),
  get: read.input(ZTemplateRef).query(({ ctx, input }) => getEmailTemplate({ workspaceId: ctx.workspace.id, ...input })),
  mergeTags: read.query(({ ctx }) => listMergeTags({ workspaceId: ctx.workspace.id })),
  starters: read.query(() => listStarterTemplates()),
  // A mutation only so the draft (up to 1 MB of source) travels in a POST body, not a URL; it changes
  // nothing, so viewers may preview too.
  preview: workspaceProcedure
    .meta({ scope: "templates:read", role: "viewer" })
    .input(ZPreviewEmailTemplate)
    .mutation(({ ctx, input }) => previewEmailTemplate({ workspaceId: ctx.workspace.id, ...input })),
  create: write
    .input(ZCreateEmailTemplate)
    .mutation(({ ctx, input }) => createEmailTemplate({ workspaceId: ctx.workspace.id, userId: actorUserId(ctx.actor), ...input })),
  update: write.input(ZUpdateEmailTemplate).mutation(({ ctx, input }) => updateEmailTemplate({ workspaceId: ctx.workspace.id, ...input })),
  duplicate: write
    .input(ZDuplicateEmailTemplate)
    .mutation(({ ctx, input }) => duplicateEmailTemplate({ workspaceId: ctx.workspace.id, userId: actorUserId(ctx.actor), ...input })),
  archive: write.input(ZArchiveEmailTemplate).mutation(({ ctx, input }) => archiveEmailTemplate({ workspaceId: ctx.workspace.id, ...input })),
  sendTest: workspaceProcedure
    .meta({ scope: "send" })
    .input(ZSendTestEmail)
    .mutation(({ ctx, input }) => sendTestEmail({ workspaceId: ctx.workspace.id, ...input })),
});
