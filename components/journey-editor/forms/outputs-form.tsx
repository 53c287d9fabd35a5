"use client";

import { Select } from "@/components/ui/select";
import { isTrigger, outputHandles, type JourneyDefinition, type JourneyNode } from "@/server/domain/journeys/journey-definition";
import { describeNode } from "@/server/domain/journeys/journey-graph";
import { handleLabel } from "../node-catalog";

/**
 * Where each output leads, as a list to pick from: the same edit as dragging from a handle, for
 * keyboards, screen readers and crowded canvases.
 */
export function OutputsForm({
  node,
  definition,
  onConnect,
  onDisconnect,
}: {
  node: JourneyNode;
  definition: JourneyDefinition;
  onConnect: (handle: string, target: string) => void;
  onDisconnect: (handle: string) => void;
}) {
  const outputs = outputHandles(node);
  if (outputs.length === 0) return null;
  const targets = definition.nodes.filter((other) => other.id !== node.id && !isTrigger(other));
  return (
    <fieldset className="space-y-2 border-t border-slate-100 pt-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">Then</legend>
      {outputs.map((handle) => {
        const label = handleLabel(node, handle);
        const current = definition.edges.find((edge) => edge.source === node.id && edge.sourceHandle === handle)?.target ?? "";
        return (
          <label key={handle} className="flex items-center gap-2 text-sm text-slate-600">
            {label && <span className="w-24 shrink-0 truncate">{label}</span>}
            <Select
              aria-label={label ? `Next step after “${label}”` : "Next step"}
              className="min-w-0 flex-1"
              value={current}
              onChange={(event) => (event.target.value ? onConnect(handle, event.target.value) : onDisconnect(handle))}
            >
              <option value="">Not connected</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {describeNode(target)} ({target.id})
                </option>
              ))}
            </Select>
          </label>
        );
      })}
    </fieldset>
  );
}
