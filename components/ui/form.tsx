"use client";

import { useEffect, useState, type FormHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A form that cannot be submitted before React has hydrated it. Without this, a fast click (or a
 * slow script download) submits the browser's native GET form, putting every field (passwords too)
 * in the URL. Fields are disabled until hydration and the fallback method is POST, never GET.
 * The layout classes go on the fieldset (the form's only child), so `space-y-*` and grids still work.
 */
export function Form({ children, className, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <form method="post" {...props} data-hydrated={hydrated ? "true" : undefined}>
      <fieldset disabled={!hydrated} className={cn("m-0 min-w-0 border-0 p-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}
