import type { campaigns } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import type { AbTestSnapshot, EmailSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { buildEmailSnapshot } from "../build-email-snapshot";
import { parseAbTest } from "./ab-test-rules";
import { checkAbTest } from "./check-ab-test";

/**
 * Freezes each variant's email at launch, checked again (templates change after a draft is saved):
 * a subject variant is the campaign's email with its own subject, a content variant its template's.
 */
export const buildAbTestSnapshot = async (executor: Executor, campaign: typeof campaigns.$inferSelect, base: EmailSnapshot): Promise<AbTestSnapshot> => {
  const test = parseAbTest(campaign.abTest);
  await checkAbTest(campaign.workspaceId, test, campaign.channels);
  const variants: AbTestSnapshot["variants"] = [];
  for (const [i, variant] of test.variants.entries()) {
    if (test.field === "subject") {
      variants.push({ label: variant.subject!, email: { ...base, content: { ...base.content, subject: variant.subject! } } });
      continue;
    }
    const { templateName, ...email } = await buildEmailSnapshot(executor, {
      workspaceId: campaign.workspaceId,
      templateId: variant.emailTemplateId!,
      sendingIdentityId: campaign.sendingIdentityId,
      field: `abTest.variants[${i}].emailTemplateId`,
    });
    variants.push({ label: templateName, email });
  }
  return { field: test.field, winnerBy: test.winnerBy, samplePercent: test.samplePercent, decideAfterMinutes: test.decideAfterMinutes, variants };
};
