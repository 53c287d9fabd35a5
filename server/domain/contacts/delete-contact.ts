import { and, eq } from "drizzle-orm";
import { contacts, events } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/**
 * Deletes the contact with its consent history and list memberships (foreign-key cascades) and its
 * events, which have no foreign key (the table is partitioned), in one transaction.
 */
export const deleteContact = async ({ workspaceId, contactId }: { workspaceId: string; contactId: string }) =>
  db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
      .returning({ id: contacts.id });
    if (!deleted) throw new AppError("NOT_FOUND", "Contact not found");
    await tx.delete(events).where(and(eq(events.workspaceId, workspaceId), eq(events.contactId, contactId)));
    return { id: deleted.id };
  });
