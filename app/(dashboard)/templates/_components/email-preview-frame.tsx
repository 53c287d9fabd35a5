"use client";

import { cn } from "@/lib/cn";

/**
 * Shows a message's HTML the way a careful mail client does: in a sandboxed iframe with no
 * permissions at all, so scripts never run, forms never submit and links never navigate the app.
 */
export function EmailPreviewFrame({ html, title, width, className, scale = 1 }: { html: string; title: string; width?: number; className?: string; scale?: number }) {
  const frame = (
    <iframe
      title={title}
      sandbox=""
      srcDoc={html}
      referrerPolicy="no-referrer"
      className={cn("block h-full border-0 bg-white", scale === 1 && className)}
      style={scale === 1 ? { width: width ?? "100%" } : { width: `${100 / scale}%`, height: `${100 / scale}%`, transform: `scale(${scale})`, transformOrigin: "0 0" }}
    />
  );
  if (scale === 1) return frame;
  return <div className={cn("pointer-events-none overflow-hidden", className)}>{frame}</div>;
}
