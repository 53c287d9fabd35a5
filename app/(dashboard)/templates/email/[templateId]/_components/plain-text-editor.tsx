"use client";

import { controlClasses } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import type { Draft } from "./use-template-draft";

/** The plain-text part: generated from the design until the marketer edits it by hand. */
export function PlainTextEditor({ draft, change, disabled }: { draft: Draft; change: (patch: Partial<Draft>) => void; disabled: boolean }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">
          {draft.textCustom
            ? "Edited by hand: changes to the design no longer update it."
            : "Generated from the design each time you save. Edit it to take over."}
        </p>
        {draft.textCustom && !disabled && (
          <Button variant="secondary" size="sm" onClick={() => change({ textCustom: false })}>
            Follow the design again
          </Button>
        )}
      </div>
      <textarea
        aria-label="Plain-text part"
        value={draft.textBody}
        disabled={disabled}
        onChange={(event) => change({ textBody: event.target.value, textCustom: true })}
        rows={24}
        className={`${controlClasses} h-auto py-2 font-mono text-xs`}
      />
    </div>
  );
}
