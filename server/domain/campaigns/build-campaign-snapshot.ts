import { eq } from "drizzle-orm";
import { campaigns, workspaces } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { invalidField } from "@/server/errors";
import { buildAbTestSnapshot } from "./ab/build-ab-test-snapshot";
import { buildEmailSnapshot } from "./build-email-snapshot";
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
    // A content test may leave the campaign's own template empty: its first variant's stands in.
    const templateId = campaign.emailTemplateId ?? (campaign.abTest?.field === "content" ? campaign.abTest.variants[0]?.emailTemplateId : undefined);
    if (!templateId) throw invalidField("emailTemplateId", "Choose an email template");
    const { templateName: _name, ...email } = await buildEmailSnapshot(executor, {
      workspaceId: campaign.workspaceId,
      templateId,
      sendingIdentityId: campaign.sendingIdentityId,
      field: campaign.emailTemplateId ? "emailTemplateId" : "abTest.variants[0].emailTemplateId",
    });
    snapshot.email = email;
    if (campaign.abTest) snapshot.abTest = await buildAbTestSnapshot(executor, campaign, email);
  }
  if (campaign.channels.includes("sms")) snapshot.sms = await buildSmsSnapshot(executor, campaign);
  return snapshot;
};
