"use client";

import { Handle, Position, useUpdateNodeInternals } from "@xyflow/react";
import { useEffect, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { isTrigger, outputHandles } from "@/server/domain/journeys/journey-definition";
import type { AnyJourneyNodeData } from "../editor-context";
import { GROUP_LABELS, handleLabel, NODE_CATALOG } from "../node-catalog";
import { AlertIcon } from "../node-icons";

const GROUP_TONES = {
  trigger: "bg-emerald-50 text-emerald-700",
  action: "bg-brand-50 text-brand-700",
  flow: "bg-amber-50 text-amber-800",
} as const;

/**
 * The card every node type draws: its kind, a one-line summary of its configuration, its problems
 * (red, on the node itself, as the marketer edits), live counts, an input on top (triggers have
 * none) and its outputs along the bottom, each labelled ("Yes", "Timed out", "A · 50%").
 */
export function NodeShell({ data, selected, summary }: { data: AnyJourneyNodeData; selected: boolean; summary: ReactNode }) {
  const { node, problems, stats } = data;
  const entry = NODE_CATALOG[node.type];
  const outputs = outputHandles(node);
  const updateNodeInternals = useUpdateNodeInternals();
  const outputKey = outputs.join("|");
  // Handles that appear or go (a split branch added) must be measured again for edges to attach.
  useEffect(() => updateNodeInternals(node.id), [outputKey, node.id, updateNodeInternals]);

  const invalid = problems.length > 0;
  return (
    <div
      data-node-type={node.type}
      data-invalid={invalid || undefined}
      aria-label={`${entry.label} step${invalid ? `, ${problems.length} ${problems.length === 1 ? "problem" : "problems"}` : ""}`}
      role="group"
      className={cn(
        "relative w-60 rounded-lg border bg-white text-left shadow-sm transition-shadow",
        invalid ? "border-red-400 ring-2 ring-red-200" : "border-slate-300",
        selected && (invalid ? "ring-red-400" : "border-brand-500 ring-2 ring-brand-200"),
      )}
    >
      {!isTrigger(node) && <Handle type="target" position={Position.Top} className="size-3! border-2! border-white! bg-slate-500!" />}
      <div className="flex items-start gap-2.5 px-3 pt-2.5 pb-2">
        <span className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md", GROUP_TONES[entry.group])}>
          <entry.Icon className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-[10px] font-semibold tracking-wide text-slate-400 uppercase">{GROUP_LABELS[entry.group].replace(/s$/, "")}</p>
          <p className="truncate text-sm font-semibold text-slate-900">{entry.label}</p>
          <div className="truncate text-xs text-slate-600" data-testid="node-summary">
            {summary}
          </div>
        </div>
        {invalid && (
          <span className="absolute -top-2 -right-2 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] font-semibold text-white" aria-hidden="true">
            {problems.length}
          </span>
        )}
      </div>
      {invalid && (
        <ul className="space-y-0.5 border-t border-red-100 bg-red-50/70 px-3 py-1.5 text-xs text-red-700" aria-label="Step problems">
          {problems.slice(0, 1).map((problem, index) => (
            <li key={`${problem.code}-${index}`} className="flex gap-1">
              <AlertIcon className="mt-px size-3 shrink-0" />
              <span>{problem.message}</span>
            </li>
          ))}
          {problems.length > 1 && <li className="pl-4">and {problems.length - 1} more (see the side panel)</li>}
        </ul>
      )}
      {stats && (
        <dl className="grid grid-cols-3 border-t border-slate-100 px-3 py-1.5 text-center text-xs" aria-label="Contacts">
          {(["entered", "waiting", "left"] as const).map((key) => (
            <div key={key}>
              <dt className="text-[10px] text-slate-400 uppercase">{key}</dt>
              <dd className="font-semibold text-slate-800 tabular-nums" data-stat={key}>
                {stats[key].toLocaleString()}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {outputs.length > 0 && (
        <div className={cn("relative border-t border-slate-100", outputs.some((h) => handleLabel(node, h)) ? "h-6" : "h-2")}>
          {outputs.map((handle, index) => {
            const left = `${((index + 1) / (outputs.length + 1)) * 100}%`;
            const label = handleLabel(node, handle);
            return (
              <div key={handle}>
                {label && (
                  <span className="absolute top-1 -translate-x-1/2 text-[10px] font-medium whitespace-nowrap text-slate-500" style={{ left }}>
                    {label}
                  </span>
                )}
                <Handle
                  type="source"
                  id={handle}
                  position={Position.Bottom}
                  title={label ?? "Next"}
                  style={{ left }}
                  className="size-3! border-2! border-white! bg-brand-600!"
                />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
