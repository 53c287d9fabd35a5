import type { Scope } from "./pieces";

/** The contact columns a message can use; custom attributes come from the JSONB `attributes`. */
export type MergeContact = {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
};

export type MergeWorkspace = { id: string; name: string; postalAddress: string | null };

/** The special links every marketing message can carry; the delivery engine signs them per message. */
export type MergeLinks = { unsubscribeUrl: string; preferencesUrl: string; viewInBrowserUrl: string };

export const BUILTIN_CONTACT_FIELDS = ["id", "email", "phone", "first_name", "last_name", "full_name", "timezone", "locale", "attributes"] as const;

/**
 * What `{{ contact.* }}` reads. Custom attributes are reachable both as `contact.attributes.plan` and,
 * where the key does not shadow a built-in field, as `contact.plan`, the way Mailchimp and Customer.io
 * users expect to write them.
 */
export const contactMergeFields = (contact: MergeContact): Record<string, unknown> => {
  const fields: Record<string, unknown> = { ...contact.attributes };
  fields.id = contact.id;
  fields.email = contact.email;
  fields.phone = contact.phone;
  fields.first_name = contact.firstName;
  fields.last_name = contact.lastName;
  fields.full_name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  fields.timezone = contact.timezone;
  fields.locale = contact.locale;
  fields.attributes = contact.attributes;
  return fields;
};

export type MergeScopeInput = {
  contact: MergeContact;
  workspace: MergeWorkspace;
  appUrl: string;
  links: MergeLinks;
  campaign?: { id: string; name: string } | null;
  /** The triggering event's properties, for triggered sends and journeys. */
  event?: Record<string, unknown> | null;
};

export const buildMergeScope = (input: MergeScopeInput): Scope => ({
  contact: contactMergeFields(input.contact),
  workspace: { id: input.workspace.id, name: input.workspace.name, postal_address: input.workspace.postalAddress ?? "" },
  campaign: input.campaign ?? null,
  event: input.event ?? {},
  app_url: input.appUrl,
  unsubscribe_url: input.links.unsubscribeUrl,
  preferences_url: input.links.preferencesUrl,
  view_in_browser_url: input.links.viewInBrowserUrl,
});

/** The variables a template may name at the top level; anything else is warned about when saving. */
export const MERGE_ROOTS = ["contact", "workspace", "campaign", "journey", "event", "app_url", "unsubscribe_url", "preferences_url", "view_in_browser_url"] as const;

/** A stand-in person for previews before the marketer picks a real contact. */
export const sampleContact = (attributeSamples: Record<string, unknown> = {}): MergeContact => ({
  id: "00000000-0000-4000-8000-000000000000",
  email: "alex.chan@example.com",
  phone: "+85291234567",
  firstName: "Alex",
  lastName: "Chan",
  timezone: "Asia/Hong_Kong",
  locale: "en-HK",
  attributes: attributeSamples,
});
