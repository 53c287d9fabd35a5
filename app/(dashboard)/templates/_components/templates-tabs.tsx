import Link from "next/link";
import { cn } from "@/lib/cn";

/** Email and SMS templates live side by side; this is the switch between them. */
export function TemplatesTabs({ active }: { active: "email" | "sms" }) {
  const tab = (key: "email" | "sms", href: string, label: string) => (
    <Link
      href={href}
      aria-current={active === key ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-1 pb-2 text-sm font-medium",
        active === key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Template kinds" className="mb-6 flex gap-6 border-b border-slate-200">
      {tab("email", "/templates", "Email")}
      {tab("sms", "/templates/sms", "SMS")}
    </nav>
  );
}
