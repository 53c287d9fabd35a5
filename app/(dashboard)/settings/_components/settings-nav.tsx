"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CreditsIcon, KeyIcon, MailIcon, MembersIcon, SettingsIcon, SmsIcon } from "@/components/shell/icons";
import { cn } from "@/lib/cn";
import { DomainIcon } from "../domains/_components/domain-icon";
import { MessagingLimitsIcon } from "../messaging/_components/messaging-icon";

const ITEMS = [
  { href: "/settings", label: "General", icon: SettingsIcon },
  { href: "/settings/members", label: "Members", icon: MembersIcon },
  { href: "/settings/api-keys", label: "API keys", icon: KeyIcon },
  { href: "/settings/senders", label: "Senders", icon: MailIcon },
  { href: "/settings/domains", label: "Domains", icon: DomainIcon },
  { href: "/settings/sms-routes", label: "SMS routes", icon: SmsIcon },
  { href: "/settings/messaging", label: "Messaging limits", icon: MessagingLimitsIcon },
  { href: "/settings/credits", label: "Credits", icon: CreditsIcon },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-8 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {ITEMS.map((item) => {
          const active = pathname === item.href;
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                <Icon className="size-4" />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
