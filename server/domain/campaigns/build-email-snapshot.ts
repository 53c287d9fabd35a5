import { and, eq } from "drizzle-orm";
import { emailTemplates, sendingIdentities } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { describeProblem, TemplateCompileError } from "@/server/domain/content/render/template-problems";
import { toEmailContent } from "@/server/domain/content/templates/email-content";
import type { EmailSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { AppError, invalidField } from "@/server/errors";

/**
 * One template frozen for sending, with its sender (the campaign's, else the template's), checked:
 * it exists, compiles and has a subject. Problems with the template are reported against `field`
 * (the campaign's template, or an A/B variant's).
 */
export const buildEmailSnapshot = async (
  executor: Executor,
  { workspaceId, templateId, sendingIdentityId, field }: { workspaceId: string; templateId: string; sendingIdentityId: string | null; field: string },
): Promise<EmailSnapshot & { templateName: string }> => {
  const [template] = await executor
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.id, templateId), eq(emailTemplates.workspaceId, workspaceId)));
  if (!template) throw invalidField(field, "The email template no longer exists");
  const identityId = sendingIdentityId ?? template.sendingIdentityId;
  if (!identityId) throw invalidField("sendingIdentityId", "Choose who the email comes from (Settings → Senders)");
  const [identity] = await executor
    .select()
    .from(sendingIdentities)
    .where(and(eq(sendingIdentities.id, identityId), eq(sendingIdentities.workspaceId, workspaceId)));
  if (!identity) throw invalidField("sendingIdentityId", "The sender no longer exists");
  const content = toEmailContent(template);
  let links;
  try {
    links = (await compileEmail(content)).links;
  } catch (error) {
    if (error instanceof TemplateCompileError)
      throw new AppError("BAD_REQUEST", `The email template has errors: ${error.problems.map(describeProblem).join("; ")}`, {
        [field]: ["The email template has errors; open it to fix them"],
      });
    throw error;
  }
  if (!template.subject.trim()) throw invalidField(field, "The email template has no subject");
  return {
    templateName: template.name,
    templateId: template.id,
    revision: template.revision,
    content,
    links,
    from: { email: identity.fromEmail, name: identity.fromName },
    replyTo: template.replyTo ?? identity.replyTo ?? null,
    attachmentTemplateId: template.id,
  };
};
