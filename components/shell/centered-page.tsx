import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./icons";

/** The frame of pages outside the dashboard: sign-in, sign-up, onboarding, invitations. */
export function CenteredPage({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="flex min-h-full flex-col bg-gradient-to-b from-brand-50/70 via-slate-50 to-slate-50">
      <div className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <Link href="/" className="mb-8 rounded-lg focus-visible:outline-2 focus-visible:outline-brand-500" aria-label="Herald home">
          <Logo />
        </Link>
        <main className="w-full max-w-md">{children}</main>
        {footer && <div className="mt-6 text-center text-sm text-slate-600">{footer}</div>}
      </div>
    </div>
  );
}

/** The white card holding a form, with the page's one h1. */
export function CenteredCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
      <div className="mb-6 space-y-1.5">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <div className="text-sm text-slate-500">{description}</div>}
      </div>
      {children}
    </div>
  );
}
