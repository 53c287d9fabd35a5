import { and, asc, eq, isNull } from "drizzle-orm";
import { emailTemplates, sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { loadMergeWorkspace } from "@/server/domain/content/load-merge-parts";
import { buildMime, prepareMime } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope, type MergeContact } from "@/server/domain/content/render/merge-scope";
import { TemplateCompileError, describeProblem } from "@/server/domain/content/render/template-problems";
import { toEmailContent } from "@/server/domain/content/templates/email-content";
import { prepareDkimSigner } from "@/server/domain/delivery/dkim/sign-dkim";
import { findSigningKeyForAddress } from "@/server/domain/delivery/domains/find-signing-key";
import { loadTemplateAttachments } from "@/server/domain/files/load-template-attachments";
import { WORKSPACE_HEADER } from "@/server/domain/outbox/store-caught-message";
import { messageToken } from "@/server/domain/tracking/message-token";
import { LIST_UNSUBSCRIBE_POST, listUnsubscribeHeader, trackingUrls } from "@/server/domain/tracking/tracking-urls";
import { env } from "@/server/env";

export type JourneyEmailRecipient = { messageId: string; address: string; contact: MergeContact; event: Record<string, unknown> };

/** One journey email node's message, compiled once and built per recipient (the journey twin of campaign-sender.ts). */
export type JourneyEmailSender = {
  fromDomain: string;
  build(recipient: JourneyEmailRecipient): Promise<{ envelopeFrom: string; raw: string; messageIdHeader: string }>;
};

/** Why a node cannot send at all (no template, no sender, a template with errors): every run through it fails the same way. */
export class JourneySendUnavailable extends Error {}

const cache = new Map<string, Promise<JourneyEmailSender>>();
const CACHE_LIMIT = 50;

/**
 * The sender for a send_email node: its template's current revision, the node's sending identity (or
 * the template's, or the workspace's first), DKIM, VERP, List-Unsubscribe with one-click and tracked
 * links, exactly as campaigns send. Cached per (template revision, identity), so a batch compiles the
 * template once and the next batch reuses it until the template is saved again.
 */
export const journeyEmailSender = async ({
  workspaceId,
  journey,
  templateId,
  sendingIdentityId,
}: {
  workspaceId: string;
  journey: { id: string; name: string };
  templateId: string | null;
  sendingIdentityId: string | null;
}): Promise<JourneyEmailSender> => {
  if (!templateId) throw new JourneySendUnavailable("the step has no template");
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.id, templateId), eq(emailTemplates.workspaceId, workspaceId), isNull(emailTemplates.archivedAt)));
  if (!template) throw new JourneySendUnavailable("the template was deleted or archived");
  const identities = await db.select().from(sendingIdentities).where(eq(sendingIdentities.workspaceId, workspaceId)).orderBy(asc(sendingIdentities.createdAt));
  const identity =
    identities.find((i) => i.id === sendingIdentityId) ?? identities.find((i) => i.id === template.sendingIdentityId) ?? identities[0];
  if (!identity) throw new JourneySendUnavailable("the workspace has no sender (Settings → Senders)");
  const key = JSON.stringify([workspaceId, journey.id, journey.name, template.id, template.revision, identity.id, identity.fromEmail, identity.fromName, identity.replyTo]);
  let sender = cache.get(key);
  if (!sender) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    sender = createSender(workspaceId, journey, template, identity);
    sender.catch(() => cache.delete(key));
    cache.set(key, sender);
  }
  return sender;
};

const createSender = async (
  workspaceId: string,
  journey: { id: string; name: string },
  template: typeof emailTemplates.$inferSelect,
  identity: typeof sendingIdentities.$inferSelect,
): Promise<JourneyEmailSender> => {
  const workspace = await loadMergeWorkspace(workspaceId);
  if (!workspace) throw new JourneySendUnavailable("the workspace no longer exists");
  let compiled;
  try {
    compiled = await compileEmail(toEmailContent(template), { openPixel: true });
  } catch (error) {
    if (error instanceof TemplateCompileError) throw new JourneySendUnavailable(`the template has errors: ${error.problems.map(describeProblem).join("; ")}`);
    throw error;
  }
  const attachments = await loadTemplateAttachments({ workspaceId, templateId: template.id }).catch(() => []);
  const prepared = prepareMime(compiled, {
    from: { email: identity.fromEmail, name: identity.fromName },
    replyTo: template.replyTo ?? identity.replyTo,
    attachments,
    headers: {
      "List-Unsubscribe-Post": LIST_UNSUBSCRIBE_POST,
      // Gmail's feedback loop groups complaints by these fields: journey, workspace, sender.
      "Feedback-ID": `${journey.id.slice(0, 8)}:${workspaceId.slice(0, 8)}:herald`,
      [WORKSPACE_HEADER]: workspaceId,
    },
  });
  const key = await findSigningKeyForAddress(workspaceId, identity.fromEmail);
  const signer = key ? prepareDkimSigner({ domain: key.domain, selector: key.selector, privateKeyPem: key.privateKeyPem }) : null;
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const fromDomain = identity.fromEmail.split("@")[1]!;
  const bounceDomain = env().BOUNCE_DOMAIN || fromDomain;
  return {
    fromDomain,
    async build({ messageId, address, contact, event }) {
      const token = messageToken(messageId);
      const urls = trackingUrls(appUrl, token);
      const scope = buildMergeScope({
        contact,
        workspace,
        appUrl,
        event,
        links: { unsubscribeUrl: urls.unsubscribe, preferencesUrl: urls.preferences, viewInBrowserUrl: urls.viewInBrowser },
      });
      scope.journey = { id: journey.id, name: journey.name };
      scope.open_pixel_url = urls.openPixel;
      const messageIdHeader = `${messageId}@${fromDomain}`;
      const { raw } = buildMime(prepared, {
        to: address,
        toName: [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null,
        messageId: messageIdHeader,
        scope,
        // Every link carries its signed target: there is no campaign snapshot for the redirect to look it up in.
        hooks: { rewriteLink: (href, index) => (index === null ? href : urls.click(index, href, null)) },
        headers: { "List-Unsubscribe": listUnsubscribeHeader(urls) },
      });
      // VERP: the bounce comes back to an address that names the message, so it is matched without parsing.
      return { envelopeFrom: `bounce+${token}@${bounceDomain}`, raw: signer ? await signer.signAsync(raw) : raw, messageIdHeader };
    },
  };
};

/** For tests: forget compiled journey senders. */
export const clearJourneyEmailSenders = () => cache.clear();
