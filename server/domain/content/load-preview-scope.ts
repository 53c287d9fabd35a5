import { loadMergeContact, loadMergeWorkspace } from "@/server/domain/content/load-merge-parts";
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
  const workspace = await loadMergeWorkspace(workspaceId);
  if (!workspace) throw new AppError("NOT_FOUND", "Workspace not found");

  let contact: MergeContact;
  if (contactId) {
    const row = await loadMergeContact(workspaceId, contactId);
    if (!row) throw new AppError("NOT_FOUND", "Contact not found");
    contact = row;
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
