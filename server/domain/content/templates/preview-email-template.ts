import { z } from "zod";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { renderEmail } from "@/server/domain/content/render/render-email";
import { loadPreviewScope } from "@/server/domain/content/load-preview-scope";
import { loadTemplateContext } from "./template-context";
import { checkEmailTemplate } from "./check-email-template";
import { findEmailTemplate } from "./find-email-template";
import { ZPreheader, ZSource, ZSubject, ZTemplateId, ZTextBody } from "./template-rules";

export const ZPreviewEmailTemplate = z.object({
  templateId: ZTemplateId,
  /** Render for this contact of the workspace; the sample person when absent. */
  contactId: z.string().uuid({ message: "Choose a contact from this workspace" }).nullish(),
  /** Unsaved edits from the editor, so the preview follows typing without a save. */
  draft: z
    .object({ subject: ZSubject, preheader: ZPreheader, source: ZSource, textBody: ZTextBody, textCustom: z.boolean() })
    .partial()
    .optional(),
});

/**
 * What the recipient would see: subject, HTML and text rendered for one person, with every problem
 * found on the way. The HTML is shown in a sandboxed iframe without scripts; links are stand-ins.
 */
export const previewEmailTemplate = async ({ workspaceId, ...input }: z.input<typeof ZPreviewEmailTemplate> & { workspaceId: string }) => {
  const { templateId, contactId, draft } = parseInput(ZPreviewEmailTemplate, input);
  const template = await findEmailTemplate({ workspaceId, templateId });
  const fields = {
    subject: draft?.subject ?? template.subject,
    preheader: draft?.preheader ?? template.preheader,
    sourceFormat: template.sourceFormat,
    source: draft?.source ?? template.source,
    textBody: draft?.textBody ?? template.textBody,
    textCustom: draft?.textCustom ?? template.textCustom,
  };
  const [check, preview] = await Promise.all([
    loadTemplateContext(workspaceId).then((context) => checkEmailTemplate(fields, context)),
    loadPreviewScope({ workspaceId, contactId }),
  ]);
  const rendered = check.compiled ? renderEmail(check.compiled, preview.scope) : null;
  return {
    subject: rendered?.subject ?? null,
    html: rendered?.html ?? null,
    text: rendered?.text ?? null,
    htmlBytes: rendered ? Buffer.byteLength(rendered.html) : 0,
    generatedText: check.generatedText,
    problems: check.problems,
    contact: preview.contact,
  };
};
