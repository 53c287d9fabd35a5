import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** What a page shows before it has anything: what will live here and, if possible, how to start. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
}: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center",
        className,
      )}
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600 ring-8 ring-brand-50/50 [&_svg]:size-6">
        {icon}
      </div>
      <h2 className="mt-5 text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm text-slate-500">{description}</div>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
