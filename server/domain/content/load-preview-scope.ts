import { and, eq } from "drizzle-orm";
import { contacts, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { listAttributeDefinitions, type AttributeDefinition } from "@/server/domain/attributes/list-attribute-definitions";
import { buildMergeScope, sampleContact, type MergeContact } from "@/server/domain/content/render/merge-scope";

/** Stand-in values by attribute type, so the sample person fills every merge tag the picker offers. */
const sampleValue = ({ type, label }: AttributeDefinition): unknown =>
  type === "number" ? 42 : type === "boolean" ? true : type === "date" ? new Date().toISOString().slice(0, 10) : type === "list" ? ["first", "second"] : `Sample ${label.toLowerCase()}`;

/**
 * The scope a preview renders with: a real contact of the workspace (NOT_FOUND for anyone else's,
 * with the same words as a made-up id), or the sample person. The special links are stand-ins of a
 * realistic length, since the delivery engine signs the real ones per message and they count
 * towards the segments.
 */
export const loadPreviewScope = async ({ workspaceId, contactId }: { workspaceId: string; contactId?: string | null }) => {
  const [workspace] = await db
    .select({ id: workspaces.id, name: workspaces.name, postalAddress: workspaces.postalAddress })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new AppError("NOT_FOUND", "Workspace not found");

  let contact: MergeContact;
  if (contactId) {
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
    if (!row) throw new AppError("NOT_FOUND", "Contact not found");
    contact = { ...row, attributes: (row.attributes ?? {}) as Record<string, unknown> };
  } else {
    const definitions = await listAttributeDefinitions({ workspaceId });
    contact = sampleContact(Object.fromEntries(definitions.map((definition) => [definition.key, sampleValue(definition)])));
  }

  const appUrl = env().APP_URL.replace(/\/$/, "");
  const link = (kind: string) => `${appUrl}/${kind}/preview0000000000000000000000`;
  const scope = buildMergeScope({
    contact,
    workspace,
    appUrl,
    links: { unsubscribeUrl: link("u"), preferencesUrl: link("p"), viewInBrowserUrl: link("v") },
  });
  return { scope, contact: contactId ? { id: contact.id, firstName: contact.firstName, lastName: contact.lastName } : null };
};
