"use client";

import type { Dispatch, SetStateAction } from "react";
import { Button } from "@/components/ui/button";

/**
 * Previous / Next for keyset-paged tables. `cursors` holds the cursor that led to each page shown so
 * far, so Previous is a step back and Next pushes the server's `nextCursor`. Hidden on a lone page.
 */
export function KeysetPager({
  cursors,
  setCursors,
  nextCursor,
  stale,
}: {
  cursors: string[];
  setCursors: Dispatch<SetStateAction<string[]>>;
  nextCursor: string | null | undefined;
  /** True while the shown rows are the previous page's placeholder: Next waits for the real ones. */
  stale?: boolean;
}) {
  if (cursors.length === 0 && !nextCursor) return null;
  return (
    <div className="flex items-center justify-end gap-2 border-t border-slate-100 px-5 py-3">
      <Button variant="secondary" size="sm" disabled={cursors.length === 0} onClick={() => setCursors((all) => all.slice(0, -1))}>
        Previous
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={!nextCursor || stale}
        onClick={() => nextCursor && setCursors((all) => [...all, nextCursor])}
      >
        Next
      </Button>
    </div>
  );
}
