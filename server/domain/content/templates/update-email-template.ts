import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { emailTemplates, sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError, invalidField } from "@/server/errors";
import { loadTemplateContext } from "./template-context";
import { checkEmailTemplate } from "./check-email-template";
import {
  ZBuilderData,
  ZOptionalEmail,
  ZPreheader,
  ZSource,
  ZSubject,
  ZTemplateEditor,
  ZTemplateId,
  ZTemplateName,
  ZTextBody,
} from "./template-rules";

export const ZUpdateEmailTemplate = z.object({
  templateId: ZTemplateId,
  /** The revision the editor loaded; a save over someone else's newer save is refused, not silently merged. */
  expectedRevision: z.number().int().positive(),
  name: ZTemplateName.optional(),
  subject: ZSubject.optional(),
  preheader: ZPreheader.optional(),
  sendingIdentityId: z.string().uuid({ message: "Choose a sender" }).nullable().optional(),
  replyTo: ZOptionalEmail.optional(),
  editor: ZTemplateEditor.optional(),
  source: ZSource.optional(),
  builderData: ZBuilderData.optional(),
  textBody: ZTextBody.optional(),
  /** false: the plain-text part follows the HTML again. */
  textCustom: z.boolean().optional(),
});

export const updateEmailTemplate = async ({ workspaceId, ...input }: z.input<typeof ZUpdateEmailTemplate> & { workspaceId: string }) => {
  const patch = parseInput(ZUpdateEmailTemplate, input);
  const templateContext = await loadTemplateContext(workspaceId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.id, patch.templateId), eq(emailTemplates.workspaceId, workspaceId)))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "Template not found");
    if (current.revision !== patch.expectedRevision)
      throw new AppError("CONFLICT", `Someone saved this template after you opened it (revision ${current.revision}); reload to see their changes`);
    if (patch.editor && patch.editor !== current.editor && (patch.editor === "rich_text") !== (current.editor === "rich_text"))
      throw invalidField("editor", "A rich-text letter cannot switch to MJML editors (or back); duplicate it into a new template instead");
    if (patch.sendingIdentityId) {
      const [identity] = await tx
        .select({ id: sendingIdentities.id })
        .from(sendingIdentities)
        .where(and(eq(sendingIdentities.id, patch.sendingIdentityId), eq(sendingIdentities.workspaceId, workspaceId)));
      if (!identity) throw invalidField("sendingIdentityId", "That sender does not exist in this workspace");
    }
    const fields = {
      subject: patch.subject ?? current.subject,
      preheader: patch.preheader ?? current.preheader,
      sourceFormat: current.sourceFormat,
      source: patch.source ?? current.source,
      textBody: patch.textBody ?? current.textBody,
      textCustom: patch.textCustom ?? (patch.textBody !== undefined ? true : current.textCustom),
    };
    const check = await checkEmailTemplate(fields, templateContext);
    const [saved] = await tx
      .update(emailTemplates)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.sendingIdentityId !== undefined ? { sendingIdentityId: patch.sendingIdentityId } : {}),
        ...(patch.replyTo !== undefined ? { replyTo: patch.replyTo || null } : {}),
        ...(patch.editor !== undefined ? { editor: patch.editor } : {}),
        subject: fields.subject,
        preheader: fields.preheader,
        source: fields.source,
        // Code edits make the builder's own project stale; the builder re-imports the MJML instead.
        ...(patch.builderData !== undefined ? { builderData: patch.builderData } : patch.source !== undefined ? { builderData: null } : {}),
        textCustom: fields.textCustom,
        textBody: fields.textCustom ? fields.textBody : (check.generatedText ?? current.textBody),
        revision: sql`${emailTemplates.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(emailTemplates.id, current.id))
      .returning({ revision: emailTemplates.revision, textBody: emailTemplates.textBody, updatedAt: emailTemplates.updatedAt });
    return { ...saved!, problems: check.problems };
  });
};
