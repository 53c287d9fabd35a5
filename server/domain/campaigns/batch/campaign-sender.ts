import { buildMime, prepareMime, type PreparedMime } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope, type MergeContact } from "@/server/domain/content/render/merge-scope";
import type { CampaignSnapshot, EmailSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { prepareDkimSigner } from "@/server/domain/delivery/dkim/sign-dkim";
import { loadTemplateAttachments } from "@/server/domain/files/load-template-attachments";
import { WORKSPACE_HEADER } from "@/server/domain/outbox/store-caught-message";
import { messageToken } from "@/server/domain/tracking/message-token";
import { trackingUrls } from "@/server/domain/tracking/tracking-urls";
import { env } from "@/server/env";
import { findSigningKeyForAddress } from "@/server/domain/delivery/domains/find-signing-key";

export type BuiltCampaignMessage = { envelopeFrom: string; raw: string };

/** Everything about a campaign's email that is the same for every recipient, built once per process. */
export type CampaignSender = {
  /** Async only for DKIM: the RSA signature runs on libuv's thread pool while this thread keeps sending. */
  build(recipient: { messageId: string; address: string; contact: MergeContact; variant?: number | null }): Promise<BuiltCampaignMessage>;
};

const cache = new Map<string, Promise<CampaignSender>>();
const CACHE_LIMIT = 50;

/**
 * The compiled template, MIME skeleton (attachments already base64'd), DKIM key and tracking setup
 * for one campaign, kept per process: every batch of the campaign this process runs reuses them.
 * An A/B test's variants each have their own, told apart by `variantKey`.
 */
export const campaignSender = (
  campaignId: string,
  workspaceId: string,
  snapshot: CampaignSnapshot,
  email: EmailSnapshot = snapshot.email!,
  variantKey = "",
): Promise<CampaignSender> => {
  const key = `${campaignId}|${variantKey}`;
  let sender = cache.get(key);
  if (!sender) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    sender = createSender(workspaceId, snapshot, email);
    sender.catch(() => cache.delete(key));
    cache.set(key, sender);
  }
  return sender;
};

const createSender = async (workspaceId: string, snapshot: CampaignSnapshot, email: EmailSnapshot): Promise<CampaignSender> => {
  const compiled = await compileEmail(email.content, { openPixel: true });
  const attachments = await loadTemplateAttachments({ workspaceId, templateId: email.attachmentTemplateId }).catch(() => []);
  const prepared: PreparedMime = prepareMime(compiled, {
    from: email.from,
    replyTo: email.replyTo,
    attachments,
    headers: {
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // Gmail's feedback loop groups complaints by these fields: campaign, workspace, sender.
      "Feedback-ID": `${snapshot.campaign.id.slice(0, 8)}:${workspaceId.slice(0, 8)}:herald`,
      [WORKSPACE_HEADER]: workspaceId,
    },
  });
  const key = await findSigningKeyForAddress(workspaceId, email.from.email);
  const signer = key ? prepareDkimSigner({ domain: key.domain, selector: key.selector, privateKeyPem: key.privateKeyPem }) : null;
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const fromDomain = email.from.email.split("@")[1]!;
  const bounceDomain = env().BOUNCE_DOMAIN || fromDomain;
  const templateHrefs = email.links.map((link) => link.href);
  return {
    async build({ messageId, address, contact }) {
      const token = messageToken(messageId);
      const urls = trackingUrls(appUrl, token);
      const scope = buildMergeScope({
        contact,
        workspace: snapshot.workspace,
        appUrl,
        campaign: snapshot.campaign,
        links: { unsubscribeUrl: urls.unsubscribe, preferencesUrl: urls.preferences, viewInBrowserUrl: urls.viewInBrowser },
      });
      scope.open_pixel_url = urls.openPixel;
      const { raw } = buildMime(prepared, {
        to: address,
        toName: [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null,
        messageId: `${messageId}@${fromDomain}`,
        scope,
        hooks: { rewriteLink: (href, index) => (index === null ? href : urls.click(index, href, templateHrefs[index] ?? href)) },
        headers: { "List-Unsubscribe": `<${urls.oneClickUnsubscribe}>` },
      });
      // VERP: the bounce comes back to an address that names the message, so it is matched without parsing.
      return { envelopeFrom: `bounce+${token}@${bounceDomain}`, raw: signer ? await signer.signAsync(raw) : raw };
    },
  };
};

/** For tests: forget compiled campaigns. */
export const clearCampaignSenders = () => cache.clear();
