"use client";

import { useWorkspace } from "@/components/shell/workspace-context";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

/**
 * "Export CSV": a plain download of GET /api/exports/contacts for the whole workspace, one list
 * (`listId`) or one segment (`segmentId`). The file streams from the server, so it works for a
 * million contacts; the workspace goes in the query because a download cannot send headers.
 */
export function ExportLink({
  listId,
  segmentId,
  label = "Export CSV",
  variant = "secondary",
  size = "md",
  className,
}: {
  listId?: string;
  segmentId?: string;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  const { current } = useWorkspace();
  const query = new URLSearchParams({ workspace: current.id });
  if (listId) query.set("listId", listId);
  else if (segmentId) query.set("segmentId", segmentId);
  return (
    <a href={`/api/exports/contacts?${query}`} download className={buttonClasses({ variant, size, className })}>
      <svg className="size-4" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3" />
      </svg>
      {label}
    </a>
  );
}
