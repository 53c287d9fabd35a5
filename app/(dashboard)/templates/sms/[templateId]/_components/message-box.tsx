"use client";

import type { Ref } from "react";
import { cn } from "@/lib/cn";

export type Highlight = "ucs2" | "removed";

const MARKS: Record<Highlight, string> = {
  ucs2: "bg-amber-300 ring-2 ring-amber-300",
  removed: "bg-red-300 ring-2 ring-red-300",
};

/**
 * A textarea whose problem characters are marked: a copy of the text sits behind it, transparent but
 * for <mark> backgrounds, laid out identically (same box classes, and `field-sizing: content` so
 * neither ever scrolls and the two cannot drift apart). The look copies components/ui/input's
 * controlClasses, written out because the textarea must be transparent where a control is white.
 */
export function MessageBox({
  value,
  onChange,
  highlight,
  textareaRef,
  readOnly,
  ...control
}: {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  value: string;
  onChange: (value: string) => void;
  highlight: (char: string) => Highlight | null;
  textareaRef: Ref<HTMLTextAreaElement>;
  readOnly?: boolean;
}) {
  const layout = "block min-h-40 w-full rounded-lg border px-3 py-2 text-sm leading-6 whitespace-pre-wrap break-words";
  const pieces: Array<{ text: string; mark: Highlight | null }> = [];
  for (const char of value) {
    const mark = highlight(char);
    const last = pieces[pieces.length - 1];
    if (last && last.mark === null && mark === null) last.text += char;
    else pieces.push({ text: char, mark });
  }

  return (
    <div className="relative">
      <div aria-hidden="true" className={cn(layout, "pointer-events-none absolute inset-0 overflow-hidden border-transparent bg-white text-transparent")}>
        {pieces.map((piece, index) =>
          piece.mark ? (
            <mark key={index} data-highlight={piece.mark} className={cn("rounded-sm text-transparent", MARKS[piece.mark])}>
              {piece.text}
            </mark>
          ) : (
            <span key={index}>{piece.text}</span>
          ),
        )}
        {/* A trailing newline needs something after it to take up its line, as it does in the textarea. */}
        {"\u200b"}
      </div>
      <textarea
        {...control}
        ref={textareaRef}
        name="body"
        value={value}
        readOnly={readOnly}
        spellCheck
        onChange={(event) => onChange(event.target.value)}
        placeholder="Hi {{ contact.first_name }}, our sale ends tonight: 20% off everything."
        className={cn(
          layout,
          "relative resize-none overflow-hidden border-slate-300 bg-transparent text-slate-900 shadow-xs [field-sizing:content]",
          "placeholder:text-slate-400 focus:border-brand-500 focus:ring-3 focus:ring-brand-500/20 focus:outline-none",
          "aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/20",
        )}
      />
    </div>
  );
}
