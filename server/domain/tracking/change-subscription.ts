import { and, eq } from "drizzle-orm";
import { listMemberships } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { changeConsent } from "@/server/domain/contacts/change-consent";
import { recordMessageEvents } from "@/server/domain/delivery/record-message-events";
import { changeMemberStatus } from "@/server/domain/lists/change-member-status";
import { AppError } from "@/server/errors";
import { recipientDomain } from "./find-tracked-message";
import { findSubscriber, STOPPED, type Subscriber } from "./find-subscriber";

/** How the unsubscribe came: shown in the contact's consent history. */
export type UnsubscribeVia = "page" | "one_click" | "preferences";

const NOTES: Record<UnsubscribeVia, string> = {
  page: "Unsubscribe page",
  one_click: "One-click unsubscribe from the mail client (RFC 8058)",
  preferences: "Preferences page: unsubscribed from everything",
};

/**
 * Stops the channel the message came on (email, or SMS for a text's link) through changeConsent, and
 * logs an "unsubscribed" event against the message, once: repeating it (mail clients retry one-click
 * POSTs) changes and counts nothing. Null when the token is not one of ours.
 */
export const unsubscribeRecipient = async ({ token, via }: { token: string; via: UnsubscribeVia }) => {
  const subscriber = await findSubscriber(token);
  if (!subscriber) return null;
  return { subscriber, changed: await stopChannel(subscriber, via) };
};

const stopChannel = async (subscriber: Subscriber, via: UnsubscribeVia): Promise<boolean> => {
  // A bounce or complaint already stops sending and says more than "unsubscribed" would.
  if (subscriber.consent && STOPPED.includes(subscriber.consent)) return false;
  const { message } = subscriber;
  const result = await changeConsent({
    workspaceId: message.workspaceId,
    contactId: subscriber.contactId,
    channel: message.channel,
    status: "unsubscribed",
    source: via === "preferences" ? "preferences_page" : "unsubscribe_link",
    note: NOTES[via],
  });
  if (!result.changed) return false;
  await recordMessageEvents(db, [
    {
      workspaceId: message.workspaceId,
      messageId: message.id,
      campaignId: message.campaignId,
      contactId: subscriber.contactId,
      kind: "unsubscribed",
      domain: recipientDomain(message),
      variant: message.variant,
      data: { via },
    },
  ]);
  return true;
};

/** "Unsubscribe from everything": the channel's consent, and every list the contact is on. */
export const unsubscribeFromEverything = async ({ token }: { token: string }) => {
  const subscriber = await findSubscriber(token);
  if (!subscriber) return null;
  const changed = await stopChannel(subscriber, "preferences");
  const now = new Date();
  await db
    .update(listMemberships)
    .set({ status: "unsubscribed", statusChangedAt: now })
    .where(
      and(
        eq(listMemberships.contactId, subscriber.contactId),
        eq(listMemberships.workspaceId, subscriber.message.workspaceId),
        eq(listMemberships.status, "subscribed"),
      ),
    );
  return { subscriber, changed };
};

/** Joining or leaving one of the lists the contact is already on (a token cannot add anyone to a list). */
export const setListSubscription = async ({ token, listId, subscribed }: { token: string; listId: string; subscribed: boolean }) => {
  const subscriber = await findSubscriber(token);
  if (!subscriber) return null;
  if (subscribed && subscriber.consent && STOPPED.includes(subscriber.consent)) {
    throw new AppError("PRECONDITION_FAILED", "Subscribe again to our emails first, then choose your lists");
  }
  // Scoped by the message's workspace: a list id from another workspace is NOT_FOUND, like an unknown one.
  await changeMemberStatus({ workspaceId: subscriber.message.workspaceId, listId, contactId: subscriber.contactId, status: subscribed ? "subscribed" : "unsubscribed" });
  return { subscriber };
};

/** Undoing an unsubscribe from the preferences page. Bounced and complained addresses stay stopped. */
export const resubscribeRecipient = async ({ token }: { token: string }) => {
  const subscriber = await findSubscriber(token);
  if (!subscriber) return null;
  if (subscriber.consent !== "unsubscribed") return { subscriber, changed: false };
  const result = await changeConsent({
    workspaceId: subscriber.message.workspaceId,
    contactId: subscriber.contactId,
    channel: subscriber.message.channel,
    status: "subscribed",
    source: "preferences_page",
    note: "Subscribed again on the preferences page",
  });
  return { subscriber, changed: result.changed };
};

