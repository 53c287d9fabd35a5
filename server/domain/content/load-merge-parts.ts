import { and, eq } from "drizzle-orm";
import { contacts, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import type { MergeContact } from "@/server/domain/content/render/merge-scope";

/** A contact of the workspace as merge tags read it ({{ contact.* }}), or null (no such contact there). */
export const loadMergeContact = async (workspaceId: string, contactId: string): Promise<MergeContact | null> => {
  const [row] = await db
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
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
  return row ? { ...row, attributes: (row.attributes ?? {}) as Record<string, unknown> } : null;
};

/** The workspace as merge tags read it ({{ workspace.* }}), or null. */
export const loadMergeWorkspace = async (workspaceId: string) => {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, postalAddress: workspaces.postalAddress })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? null;
};
