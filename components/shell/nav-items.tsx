import type { ComponentType, SVGProps } from "react";
import {
  CampaignsIcon,
  ContactsIcon,
  JourneysIcon,
  ListsIcon,
  NodesIcon,
  OutboxIcon,
  RelayIcon,
  ReportsIcon,
  SegmentsIcon,
  SettingsIcon,
  SmsIcon,
  TemplatesIcon,
} from "./icons";

export type NavItem = { href: string; label: string; icon: ComponentType<SVGProps<SVGSVGElement>> };
export type NavGroup = { label: string; items: NavItem[] };

export const NAV_GROUPS: NavGroup[] = [
  {
    label: "Audience",
    items: [
      { href: "/contacts", label: "Contacts", icon: ContactsIcon },
      { href: "/lists", label: "Lists", icon: ListsIcon },
      { href: "/segments", label: "Segments", icon: SegmentsIcon },
    ],
  },
  {
    label: "Messaging",
    items: [
      { href: "/templates", label: "Templates", icon: TemplatesIcon },
      { href: "/campaigns", label: "Campaigns", icon: CampaignsIcon },
      { href: "/journeys", label: "Journeys", icon: JourneysIcon },
      { href: "/sms", label: "SMS", icon: SmsIcon },
    ],
  },
  {
    label: "Delivery",
    items: [
      { href: "/relay", label: "Relay", icon: RelayIcon },
      { href: "/reports", label: "Reports", icon: ReportsIcon },
      { href: "/outbox", label: "Outbox", icon: OutboxIcon },
    ],
  },
];

/** Pages for the instance's operators (every workspace at once), shown only to instance administrators. */
export const ADMIN_GROUP: NavGroup = {
  label: "Admin",
  items: [{ href: "/admin/nodes", label: "Sending nodes", icon: NodesIcon }],
};

export const SETTINGS_ITEM: NavItem = { href: "/settings", label: "Settings", icon: SettingsIcon };

export const isActive = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);
