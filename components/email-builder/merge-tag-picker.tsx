"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { buttonClasses } from "@/components/ui/button";
import { filterMergeTags, groupMergeTags } from "./merge-tags";
import type { MergeTag } from "./types";

type MergeTagPickerProps = {
  mergeTags: readonly MergeTag[];
  onSelect: (tag: MergeTag) => void;
  /** Visible text of the trigger button; its accessible name too. */
  label?: string;
  /** Which edge of the trigger the list lines up with. */
  align?: "start" | "end";
  size?: "sm" | "md";
  disabled?: boolean;
  className?: string;
};

/**
 * A button that opens a searchable list of merge tags, grouped by `group`. Typing filters; arrows
 * and Enter pick; Escape or a click elsewhere closes. The trigger keeps focus off itself on mousedown
 * so an editor's caret (CodeMirror, TipTap) is still where the author left it when the tag goes in.
 */
export function MergeTagPicker({
  mergeTags,
  onSelect,
  label = "Insert merge tag",
  align = "start",
  size = "sm",
  disabled,
  className,
}: MergeTagPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const matches = useMemo(() => filterMergeTags(mergeTags, query), [mergeTags, query]);
  const groups = useMemo(() => groupMergeTags(matches), [matches]);
  // Keyboard order follows the grouped display, which can differ from the caller's order.
  const ordered = useMemo(() => groups.flatMap((g) => g.tags), [groups]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const choose = (tag: MergeTag | undefined) => {
    if (!tag) return;
    setOpen(false);
    setQuery("");
    setActive(0);
    onSelect(tag);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div ref={rootRef} className={cn("relative inline-block", className)}>
      <button
        type="button"
        className={buttonClasses({ variant: "secondary", size })}
        aria-haspopup="listbox"
        aria-expanded={open}
        disabled={disabled || mergeTags.length === 0}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="font-mono text-xs text-slate-500">
          {"{{ }}"}
        </span>
        {label}
      </button>
      {open && (
        <div
          className={cn(
            "absolute z-50 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          <input
            ref={inputRef}
            type="search"
            role="combobox"
            aria-label="Search merge tags"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={ordered.length ? optionId(active) : undefined}
            placeholder="Search merge tags"
            className="mb-2 block h-8 w-full rounded-md border border-slate-300 px-2 text-sm focus:border-brand-500 focus:outline-none"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive((i) => Math.min(i + 1, ordered.length - 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              } else if (event.key === "Enter") {
                event.preventDefault();
                choose(ordered[active]);
              } else if (event.key === "Escape") {
                event.preventDefault();
                setOpen(false);
              }
            }}
          />
          <div id={listId} role="listbox" aria-label="Merge tags" className="max-h-64 overflow-y-auto">
            {groups.length === 0 && <p className="px-2 py-3 text-sm text-slate-500">No merge tag matches.</p>}
            {groups.map(({ group, tags }) => (
              <div key={group} role="group" aria-label={group}>
                <div className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group}</div>
                {tags.map((tag) => {
                  const index = ordered.indexOf(tag);
                  return (
                    <div
                      key={`${tag.group}:${tag.label}:${tag.value}`}
                      id={optionId(index)}
                      role="option"
                      aria-selected={index === active}
                      aria-label={tag.label}
                      title={tag.value}
                      className={cn(
                        "cursor-pointer rounded-md px-2 py-1.5 text-sm",
                        index === active ? "bg-brand-50 text-brand-700" : "text-slate-800 hover:bg-slate-50",
                      )}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => choose(tag)}
                    >
                      <div>{tag.label}</div>
                      <div className="truncate font-mono text-xs text-slate-500">{tag.value}</div>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
