import { and, eq } from "drizzle-orm";
import { campaigns, emailTemplates, sendingIdentities, workspaces } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { describeProblem, TemplateCompileError } from "@/server/domain/content/render/template-problems";
import { toEmailContent } from "@/server/domain/content/templates/email-content";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { AppError, invalidField } from "@/server/errors";
import { buildSmsSnapshot } from "./sms-snapshot";

type CampaignRow = typeof campaigns.$inferSelect;

/**
 * Checks everything a send needs and freezes it: the templates compile, there is a sender for email
 * and a route that can send for SMS. Every problem is reported against its field.
 */
export const buildCampaignSnapshot = async (executor: Executor, campaign: CampaignRow): Promise<CampaignSnapshot> => {
  const [workspace] = await executor
    .select({ id: workspaces.id, name: workspaces.name, postalAddress: workspaces.postalAddress })
    .from(workspaces)
    .where(eq(workspaces.id, campaign.workspaceId));
  const snapshot: CampaignSnapshot = { campaign: { id: campaign.id, name: campaign.name }, workspace: workspace! };
  if (campaign.channels.includes("email")) {
    if (!campaign.emailTemplateId) throw invalidField("emailTemplateId", "Choose an email template");
    const [template] = await executor
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.id, campaign.emailTemplateId), eq(emailTemplates.workspaceId, campaign.workspaceId)));
    if (!template) throw invalidField("emailTemplateId", "The email template no longer exists");
    const identityId = campaign.sendingIdentityId ?? template.sendingIdentityId;
    if (!identityId) throw invalidField("sendingIdentityId", "Choose who the email comes from (Settings → Senders)");
    const [identity] = await executor
      .select()
      .from(sendingIdentities)
      .where(and(eq(sendingIdentities.id, identityId), eq(sendingIdentities.workspaceId, campaign.workspaceId)));
    if (!identity) throw invalidField("sendingIdentityId", "The sender no longer exists");
    const content = toEmailContent(template);
    let links;
    try {
      links = (await compileEmail(content)).links;
    } catch (error) {
      if (error instanceof TemplateCompileError)
        throw new AppError("BAD_REQUEST", `The email template has errors: ${error.problems.map(describeProblem).join("; ")}`, {
          emailTemplateId: ["The email template has errors; open it to fix them"],
        });
      throw error;
    }
    if (!template.subject.trim()) throw invalidField("emailTemplateId", "The email template has no subject");
    snapshot.email = {
      templateId: template.id,
      revision: template.revision,
      content,
      links,
      from: { email: identity.fromEmail, name: identity.fromName },
      replyTo: template.replyTo ?? identity.replyTo ?? null,
      attachmentTemplateId: template.id,
    };
  }
  if (campaign.channels.includes("sms")) snapshot.sms = await buildSmsSnapshot(executor, campaign);
  return snapshot;
};
