import { z } from "zod";
import { archiveSmsTemplate } from "@/server/domain/content/sms/archive-sms-template";
import { createSmsTemplate, ZCreateSmsTemplate } from "@/server/domain/content/sms/create-sms-template";
import { getSmsTemplate } from "@/server/domain/content/sms/get-sms-template";
import { listSmsTemplates, ZListSmsTemplates } from "@/server/domain/content/sms/list-sms-templates";
import { previewSmsTemplate, ZPreviewSmsTemplate } from "@/server/domain/content/sms/preview-sms-template";
import { ZSmsTemplateId } from "@/server/domain/content/sms/sms-rules";
import { updateSmsTemplate, ZUpdateSmsTemplate } from "@/server/domain/content/sms/update-sms-template";
import { actorUserId, router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "templates:read" });
const write = workspaceProcedure.meta({ scope: "templates:write" });
const ZTemplateRef = z.object({ templateId: ZSmsTemplateId });

export const smsTemplatesRouter = router({
  list: read.input(ZListSmsTemplates).query(({ ctx, input }) => listSmsTemplates({ workspaceId: ctx.workspace.id, ...input })),
  get: read.input(ZTemplateRef).query(({ ctx, input }) => getSmsTemplate({ workspaceId: ctx.workspace.id, ...input })),
  preview: read.input(ZPreviewSmsTemplate).query(({ ctx, input }) => previewSmsTemplate({ workspaceId: ctx.workspace.id, ...input })),
  create: write
    .input(ZCreateSmsTemplate)
    .mutation(({ ctx, input }) =>
      createSmsTemplate({ workspaceId: ctx.workspace.id, createdBy: actorUserId(ctx.actor), ...input }),
    ),
  update: write.input(ZUpdateSmsTemplate).mutation(({ ctx, input }) => updateSmsTemplate({ workspaceId: ctx.workspace.id, ...input })),
  archive: write
    .input(ZTemplateRef.extend({ archived: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => archiveSmsTemplate({ workspaceId: ctx.workspace.id, ...input })),
});
