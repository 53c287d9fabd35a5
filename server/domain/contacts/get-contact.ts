import { and, asc, desc, eq } from "drizzle-orm";
import { consentEvents, contacts, events, listMemberships, lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { contactColumns } from "./contact-columns";

export const RECENT_EVENTS = 50;
export const CONSENT_HISTORY = 100;

/** One contact with what its page shows: list memberships, consent history and its latest events. */
export const getContact = async ({ workspaceId, contactId }: { workspaceId: string; contactId: string }) => {
  const [contact] = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
  if (!contact) throw new AppError("NOT_FOUND", "Contact not found");

  const [memberships, consentHistory, recentEvents] = await Promise.all([
    db
      .select({
        listId: lists.id,
        name: lists.name,
        status: listMemberships.status,
        subscribedAt: listMemberships.subscribedAt,
        statusChangedAt: listMemberships.statusChangedAt,
      })
      .from(listMemberships)
      .innerJoin(lists, and(eq(lists.id, listMemberships.listId), eq(lists.workspaceId, workspaceId)))
      .where(and(eq(listMemberships.contactId, contactId), eq(listMemberships.workspaceId, workspaceId)))
      .orderBy(asc(lists.name)),
    db
      .select({
        id: consentEvents.id,
        channel: consentEvents.channel,
        status: consentEvents.status,
        source: consentEvents.source,
        note: consentEvents.note,
        createdAt: consentEvents.createdAt,
      })
      .from(consentEvents)
      .where(and(eq(consentEvents.contactId, contactId), eq(consentEvents.workspaceId, workspaceId)))
      .orderBy(desc(consentEvents.createdAt), desc(consentEvents.id))
      .limit(CONSENT_HISTORY),
    db
      .select({ id: events.id, name: events.name, properties: events.properties, occurredAt: events.occurredAt })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.contactId, contactId)))
      .orderBy(desc(events.occurredAt), desc(events.id))
      .limit(RECENT_EVENTS),
  ]);

  return { contact, lists: memberships, consentHistory, events: recentEvents };
};
