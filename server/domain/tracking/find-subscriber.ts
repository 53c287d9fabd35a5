import { and, asc, eq } from "drizzle-orm";
import { contacts, listMemberships, lists, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import type { ConsentStatus } from "@/server/domain/contacts/contact-fields";
import { findTrackedMessage, type TrackedMessage } from "./find-tracked-message";
import { maskAddress } from "./mask-address";

/** The person a message went to, as the unsubscribe and preferences pages show them. */
export type Subscriber = {
  message: TrackedMessage;
  contactId: string;
  workspaceName: string;
  /** The address the message went to, partly hidden. */
  maskedAddress: string;
  /** The message's channel's consent: email for email, SMS for SMS. */
  consent: ConsentStatus | null;
};

/** Statuses after which nothing more is sent on the channel; an unsubscribe link leaves them as they are. */
export const STOPPED: readonly ConsentStatus[] = ["unsubscribed", "bounced", "complained"];

/**
 * The token's recipient, or null for a forged token, a deleted contact, or a message without one.
 * The contact and workspace are read through the message's own workspace, never another.
 */
export const findSubscriber = async (token: string): Promise<Subscriber | null> => {
  const message = await findTrackedMessage(token);
  if (!message?.contactId) return null;
  const [row] = await db
    .select({ emailStatus: contacts.emailStatus, smsStatus: contacts.smsStatus, workspaceName: workspaces.name })
    .from(contacts)
    .innerJoin(workspaces, eq(workspaces.id, contacts.workspaceId))
    .where(and(eq(contacts.id, message.contactId), eq(contacts.workspaceId, message.workspaceId)));
  if (!row) return null;
  return {
    message,
    contactId: message.contactId,
    workspaceName: row.workspaceName,
    maskedAddress: maskAddress(message.address),
    consent: message.channel === "email" ? row.emailStatus : row.smsStatus,
  };
};

export type ListPreference = { id: string; name: string; description: string | null; subscribed: boolean };

/** The lists the subscriber is on (or left), by name. */
export const listPreferences = async (subscriber: Subscriber): Promise<ListPreference[]> => {
  const rows = await db
    .select({ id: lists.id, name: lists.name, description: lists.description, status: listMemberships.status })
    .from(listMemberships)
    .innerJoin(lists, and(eq(lists.id, listMemberships.listId), eq(lists.workspaceId, listMemberships.workspaceId)))
    .where(and(eq(listMemberships.contactId, subscriber.contactId), eq(listMemberships.workspaceId, subscriber.message.workspaceId)))
    .orderBy(asc(lists.name));
  return rows.map(({ status, ...list }) => ({ ...list, subscribed: status === "subscribed" }));
};

/** What the preferences page shows: no ids but the lists', nothing of the contact beyond the masked address. */
export type PreferencesView = {
  workspaceName: string;
  maskedAddress: string;
  channel: "email" | "sms";
  consent: ConsentStatus | null;
  lists: ListPreference[];
};

export const loadPreferences = async (token: string): Promise<PreferencesView | null> => {
  const subscriber = await findSubscriber(token);
  if (!subscriber) return null;
  return {
    workspaceName: subscriber.workspaceName,
    maskedAddress: subscriber.maskedAddress,
    channel: subscriber.message.channel,
    consent: subscriber.consent,
    lists: await listPreferences(subscriber),
  };
};
