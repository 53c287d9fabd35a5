import { and, eq } from "drizzle-orm";
import { campaigns, contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { emailForVariant, type CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { compileEmail, type CompiledEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { renderEmail, type RenderedEmail } from "@/server/domain/content/render/render-email";
import { findTrackedMessage } from "./find-tracked-message";
import { clickTrackingHooks, mergeLinks, trackingUrls } from "./tracking-urls";

const COMPILED_KEEP = 16;
// A launched campaign's content never changes, so its compile (MJML, inlining: tens of ms) is kept
// for the next reader of the same campaign. Promises, so readers arriving together compile once.
const compiledByCampaign = new Map<string, Promise<CompiledEmail>>();

const compiledFor = (key: string, email: NonNullable<CampaignSnapshot["email"]>): Promise<CompiledEmail> => {
  const cached = compiledByCampaign.get(key);
  if (cached) {
    compiledByCampaign.delete(key); // re-insert: the Map's order is the least-recently-used order
    compiledByCampaign.set(key, cached);
    return cached;
  }
  const compiling = compileEmail(email.content);
  compiling.catch(() => compiledByCampaign.delete(key));
  compiledByCampaign.set(key, compiling);
  if (compiledByCampaign.size > COMPILED_KEEP) compiledByCampaign.delete(compiledByCampaign.keys().next().value!);
  return compiling;
};

/**
 * The campaign email a token's recipient got, rendered again for them from the campaign's snapshot,
 * with their own special links and click tracking, or null (forged token, not a campaign email, the
 * contact or campaign deleted). Everything is read through the message's workspace.
 */
export const renderBrowserView = async ({ token, appUrl }: { token: string; appUrl: string }): Promise<RenderedEmail | null> => {
  const message = await findTrackedMessage(token);
  if (!message || message.channel !== "email" || !message.campaignId || !message.contactId) return null;
  const [campaign] = await db
    .select({ snapshot: campaigns.snapshot, abWinner: campaigns.abWinner })
    .from(campaigns)
    .where(and(eq(campaigns.id, message.campaignId), eq(campaigns.workspaceId, message.workspaceId)));
  const snapshot = campaign?.snapshot as CampaignSnapshot | null | undefined;
  const email = snapshot ? emailForVariant(snapshot, message.variant, campaign?.abWinner) : undefined;
  if (!snapshot || !email) return null;
  const [contact] = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      phone: contacts.phone,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      timezone: contacts.timezone,
      locale: contacts.locale,
      attributes: contacts.attributes,
    })
    .from(contacts)
    .where(and(eq(contacts.id, message.contactId), eq(contacts.workspaceId, message.workspaceId)));
  if (!contact) return null;

  const compiled = await compiledFor(`${message.campaignId}:${email.templateId}:${email.revision}:${email.content.subject}`, email);
  const urls = trackingUrls(appUrl, token);
  const scope = buildMergeScope({
    contact: { ...contact, attributes: contact.attributes ?? {} },
    workspace: snapshot.workspace,
    appUrl,
    links: mergeLinks(urls),
    campaign: snapshot.campaign,
  });
  return renderEmail(compiled, scope, clickTrackingHooks(urls, compiled.links));
};
