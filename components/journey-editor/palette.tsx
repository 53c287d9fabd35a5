"use client";

import { cn } from "@/lib/cn";
import type { JourneyNodeType } from "@/server/domain/journeys/journey-definition";
import { GROUP_LABELS, NODE_CATALOG, NODE_TYPES_BY_GROUP } from "./node-catalog";

/** The MIME type a palette item carries while dragged; the canvas accepts drops of nothing else. */
export const PALETTE_DRAG_TYPE = "application/x-herald-journey-node";

/**
 * Steps to drag onto the canvas, by group. Each item is also a button (click or Enter adds the step
 * in the middle of the view), so the editor does not depend on a mouse.
 */
export function Palette({ onAdd, disabled }: { onAdd: (type: JourneyNodeType) => void; disabled: boolean }) {
  return (
    <nav aria-label="Steps" className="space-y-4 overflow-y-auto p-3">
      {NODE_TYPES_BY_GROUP.map(({ group, types }) => (
        <section key={group} aria-labelledby={`palette-${group}`}>
          <h3 id={`palette-${group}`} className="mb-1.5 px-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">
            {GROUP_LABELS[group]}
          </h3>
          <ul className="space-y-1">
            {types.map((type) => {
              const { label, description, Icon } = NODE_CATALOG[type];
              return (
                <li key={type}>
                  {/* A div as a button: older Firefox releases do not start a drag from a <button>. */}
                  <div
                    role="button"
                    tabIndex={disabled ? -1 : 0}
                    aria-disabled={disabled || undefined}
                    draggable={!disabled}
                    data-palette-item={type}
                    title={`${description}. Drag onto the canvas, or click to add.`}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
                      event.dataTransfer.effectAllowed = "move";
                    }}
                    onClick={() => !disabled && onAdd(type)}
                    onKeyDown={(event) => {
                      if (disabled || (event.key !== "Enter" && event.key !== " ")) return;
                      event.preventDefault();
                      onAdd(type);
                    }}
                    className={cn(
                      "flex w-full items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-left text-sm text-slate-700 shadow-xs select-none",
                      "cursor-grab hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-brand-500 active:cursor-grabbing",
                      "aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
                    )}
                  >
                    <Icon className="size-4 shrink-0 text-slate-500" />
                    <span className="truncate">{label}</span>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
