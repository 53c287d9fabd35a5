import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";

export type MergeTag = { label: string; value: string; group: string };

const CONTACT: MergeTag[] = [
  { label: "First name", value: '{{ contact.first_name | default: "there" }}', group: "Contact" },
  { label: "Last name", value: "{{ contact.last_name }}", group: "Contact" },
  { label: "Full name", value: "{{ contact.full_name }}", group: "Contact" },
  { label: "Email", value: "{{ contact.email }}", group: "Contact" },
  { label: "Phone", value: "{{ contact.phone }}", group: "Contact" },
];
const WORKSPACE: MergeTag[] = [
  { label: "Workspace name", value: "{{ workspace.name }}", group: "Workspace" },
  { label: "Postal address", value: "{{ workspace.postal_address }}", group: "Workspace" },
  { label: "Campaign name", value: "{{ campaign.name }}", group: "Campaign" },
  { label: "Journey name", value: "{{ journey.name }}", group: "Journey" },
];
const LINKS: MergeTag[] = [
  { label: "Unsubscribe link", value: "{{ unsubscribe_url }}", group: "Links" },
  { label: "Preferences link", value: "{{ preferences_url }}", group: "Links" },
  { label: "View in browser link", value: "{{ view_in_browser_url }}", group: "Links" },
];

/** What the editors' tag pickers offer: built-in fields, this workspace's attributes, and the special links. */
export const listMergeTags = async ({ workspaceId }: { workspaceId: string }): Promise<MergeTag[]> => {
  const attributes = await listAttributeDefinitions({ workspaceId });
  return [
    ...CONTACT,
    ...attributes.map((a) => ({ label: a.label, value: `{{ contact.${/^[A-Za-z_][\w-]*$/.test(a.key) ? a.key : `attributes["${a.key}"]`} }}`, group: "Attributes" })),
    ...WORKSPACE,
    ...LINKS,
    { label: "Event property (triggered sends)", value: "{{ event.property_name }}", group: "Event" },
  ];
};
