import { and, asc, eq, isNull } from "drizzle-orm";
import { campaigns, smsRoutes, smsTemplates } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { compileTextTemplate } from "@/server/domain/content/render/compile-text";
import { describeLiquidProblem, liquidProblem } from "@/server/domain/content/sms/liquid-problem";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { readStoredProvider } from "@/server/domain/delivery/sms/sms-provider";
import { invalidField } from "@/server/errors";

/**
 * The SMS half of a launch: the template must exist, say something and be valid Liquid, and the
 * workspace needs at least one route that can send (has a provider). The text, footer, policy and
 * the sending routes' markets and prices are frozen; credentials are read at send time, never copied.
 */
export const buildSmsSnapshot = async (executor: Executor, campaign: typeof campaigns.$inferSelect): Promise<NonNullable<CampaignSnapshot["sms"]>> => {
  if (!campaign.smsTemplateId) throw invalidField("smsTemplateId", "Choose an SMS template");
  const [template] = await executor
    .select()
    .from(smsTemplates)
    .where(and(eq(smsTemplates.id, campaign.smsTemplateId), eq(smsTemplates.workspaceId, campaign.workspaceId), isNull(smsTemplates.archivedAt)));
  if (!template) throw invalidField("smsTemplateId", "The SMS template no longer exists");
  if (!template.body.trim()) throw invalidField("smsTemplateId", "The SMS template is empty; write the message first");
  try {
    compileTextTemplate(template.body, { escape: "none" });
  } catch (error) {
    const problem = liquidProblem(error);
    if (!problem) throw error;
    throw invalidField("smsTemplateId", `The SMS template has errors: ${describeLiquidProblem(problem)}`);
  }
  const routes = (
    await executor.select().from(smsRoutes).where(eq(smsRoutes.workspaceId, campaign.workspaceId)).orderBy(asc(smsRoutes.name))
  ).filter((route) => readStoredProvider(route.provider));
  if (routes.length === 0)
    throw invalidField("channels", "No SMS route can send yet: give one a provider (SMPP or HTTP) in Settings → SMS routes");
  return {
    templateId: template.id,
    revision: template.revision,
    body: template.body,
    optOutFooter: template.optOutFooter,
    characterPolicy: template.characterPolicy,
    routes: routes.map((route) => ({ id: route.id, name: route.name, markets: route.markets, pricePerSegment: route.pricePerSegment, charset: route.charset })),
  };
};
