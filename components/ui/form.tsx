"use client";

import { useEffect, useState, type FormHTMLAttributes } from "react";

/**
 * A form that cannot be submitted before React has hydrated it. Without this, a fast click (or a
 * slow script download) submits the browser's native GET form, putting every field (passwords too)
 * in the URL. Fields are disabled until hydration and the fallback method is POST, never GET.
 */
export function Form({ children, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <form method="post" {...props} data-hydrated={hydrated ? "true" : undefined}>
      <fieldset disabled={!hydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
