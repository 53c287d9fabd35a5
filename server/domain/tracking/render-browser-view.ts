import { and, eq } from "drizzle-orm";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { emailForVariant, type CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { renderEmail, type RenderedEmail } from "@/server/domain/content/render/render-email";
import { browserViewContact, compiledFor } from "./browser-view-parts";
import { findTrackedMessage } from "./find-tracked-message";
import { renderJourneyBrowserView } from "./render-journey-browser-view";
import { clickTrackingHooks, mergeLinks, trackingUrls } from "./tracking-urls";

/**
 * The email a token's recipient got, rendered again for them with their own special links and click
 * tracking: a campaign's from its snapshot, a journey's from its step's template (see
 * renderJourneyBrowserView). Null for a forged token, an SMS or test message, or a contact, campaign
 * or journey since deleted. Everything is read through the message's workspace.
 */
export const renderBrowserView = async ({ token, appUrl }: { token: string; appUrl: string }): Promise<RenderedEmail | null> => {
  const message = await findTrackedMessage(token);
  if (!message || message.channel !== "email" || !message.contactId) return null;
  if (message.kind === "journey") return renderJourneyBrowserView(message, token, appUrl);
  if (!message.campaignId) return null;
  const [campaign] = await db
    .select({ snapshot: campaigns.snapshot, abWinner: campaigns.abWinner })
    .from(campaigns)
    .where(and(eq(campaigns.id, message.campaignId), eq(campaigns.workspaceId, message.workspaceId)));
  const snapshot = campaign?.snapshot as CampaignSnapshot | null | undefined;
  const email = snapshot ? emailForVariant(snapshot, message.variant, campaign?.abWinner) : undefined;
  if (!snapshot || !email) return null;
  const contact = await browserViewContact(message);
  if (!contact) return null;

  const compiled = await compiledFor(`${message.campaignId}:${email.templateId}:${email.revision}:${email.content.subject}`, email.content);
  const urls = trackingUrls(appUrl, token);
  const scope = buildMergeScope({ contact, workspace: snapshot.workspace, appUrl, links: mergeLinks(urls), campaign: snapshot.campaign });
  return renderEmail(compiled, scope, clickTrackingHooks(urls, compiled.links));
};
