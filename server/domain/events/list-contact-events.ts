import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contacts, events } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const ZListContactEvents = z.object({
  contactId: z.uuid({ message: "contactId must be a contact id" }),
  /** Only events with this name. */
  name: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** nextCursor from the previous page. */
  cursor: z.string().max(100).nullish(),
});

export type ListContactEventsOptions = z.input<typeof ZListContactEvents> & { workspaceId: string };

// The cursor is the last row's (occurred_at, id): pages stay stable while new events arrive.
const encodeCursor = (occurredAt: Date, id: number) => Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(at ?? "");
  if (Number.isNaN(occurredAt.getTime()) || !/^\d+$/.test(id ?? "")) {
    throw new AppError("BAD_REQUEST", "The cursor is not valid; start again without one", { cursor: ["not a valid cursor"] });
  }
  return { occurredAt, id: Number(id) };
};

/** A contact's events, newest first, a page at a time. */
export const listContactEvents = async ({ workspaceId, ...input }: ListContactEventsOptions) => {
  const { contactId, name, limit, cursor } = ZListContactEvents.parse(input);
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
  if (!contact) throw new AppError("NOT_FOUND", "Contact not found");

  const conditions: SQL[] = [eq(events.workspaceId, workspaceId), eq(events.contactId, contactId)];
  if (name) conditions.push(eq(events.name, name));
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push(or(lt(events.occurredAt, after.occurredAt), and(eq(events.occurredAt, after.occurredAt), lt(events.id, after.id)))!);
  }
  const rows = await db
    .select({
      id: events.id,
      name: events.name,
      properties: events.properties,
      occurredAt: events.occurredAt,
      receivedAt: events.receivedAt,
    })
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
};
