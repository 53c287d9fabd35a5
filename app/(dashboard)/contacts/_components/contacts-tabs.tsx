"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/** The Contacts section's own tabs: the people, how they got here, what they are, who not to send to. */
const TABS = [
  { href: "/contacts", label: "All contacts" },
  { href: "/contacts/imports", label: "Imports" },
  { href: "/contacts/attributes", label: "Attributes" },
  { href: "/contacts/suppression", label: "Suppression" },
];

export function ContactsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Contacts sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          // "All contacts" also covers a contact's own page (/contacts/<id>).
          const active =
            tab.href === "/contacts"
              ? pathname.startsWith("/contacts") && !TABS.some((other) => other.href !== "/contacts" && pathname.startsWith(other.href))
              : pathname.startsWith(tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
