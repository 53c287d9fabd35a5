import { randomUUID } from "node:crypto";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { renderSms } from "@/server/domain/content/sms/render-sms";
import { smsMessagePrice } from "@/server/domain/credits/credit-prices";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { messageToken } from "@/server/domain/tracking/message-token";
import { mergeLinks, trackingUrls } from "@/server/domain/tracking/tracking-urls";
import { env } from "@/server/env";
import type { BatchRecipient } from "@/server/domain/campaigns/batch/load-batch";
import { noRouteReason, pickSmsRoute } from "./pick-sms-route";

/** One text message ready to charge or send: its route, its exact text and what it costs. */
export type OutgoingSms = { contactId: string; messageId: string; address: string; routeId: string; text: string; segments: number; cost: number };

export type ComposedSmsBatch = {
  /** Pending and sendable: to charge, then send. */
  payable: OutgoingSms[];
  /** Charged by an earlier attempt: only to send, with the message id and cost they were charged with. */
  charged: OutgoingSms[];
  /** Pending but not to be sent, with why. */
  blocked: { contactId: string; reason: string }[];
};

/**
 * Renders the batch's messages before anything is charged, since the price depends on the text:
 * segments × the price of the number's route. The message id is chosen here (and kept by the
 * charge), so the unsubscribe link a message carries is the one its retries carry too.
 */
export const composeSmsBatch = (snapshot: CampaignSnapshot, recipients: readonly BatchRecipient[]): ComposedSmsBatch => {
  const sms = snapshot.sms!;
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const composed: ComposedSmsBatch = { payable: [], charged: [], blocked: [] };
  for (const recipient of recipients) {
    const pending = recipient.state === "pending";
    const block = (reason: string) => pending && composed.blocked.push({ contactId: recipient.contactId, reason });
    if (pending && recipient.blockedReason) {
      block(recipient.blockedReason);
      continue;
    }
    if (!recipient.contact) continue; // charged, then deleted: the cancel clean-up or a retry leaves it be
    const route = pickSmsRoute(sms.routes, recipient.phoneCountry);
    if (!route) {
      block(noRouteReason(recipient.phoneCountry));
      continue;
    }
    const messageId = recipient.messageId ?? randomUUID();
    const scope = buildMergeScope({
      contact: recipient.contact,
      workspace: snapshot.workspace,
      appUrl,
      campaign: snapshot.campaign,
      links: mergeLinks(trackingUrls(appUrl, messageToken(messageId))),
    });
    let rendered;
    try {
      rendered = renderSms({ template: sms, route, scope });
    } catch (error) {
      block(`the message could not be rendered: ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    if (rendered.segments === 0) {
      block("the message is empty for this contact");
      continue;
    }
    const cost = pending ? smsMessagePrice(rendered.segments, route.pricePerSegment) : (recipient.cost ?? 0);
    const message = { contactId: recipient.contactId, messageId, address: recipient.address, routeId: route.id, text: rendered.text, segments: rendered.segments, cost };
    (pending ? composed.payable : composed.charged).push(message);
  }
  return composed;
};
