"use client";

import type { NodeProps } from "@xyflow/react";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function TriggerEventNode({ data, selected }: NodeProps<JourneyFlowNode<"trigger_event">>) {
  const { eventName, filters } = data.node.config;
  const summary = eventName ? `${eventName}${filters.length ? ` (${filters.length} ${filters.length === 1 ? "filter" : "filters"})` : ""}` : "Choose an event";
  return <NodeShell data={data} selected={selected} summary={<span className={eventName ? "font-mono" : undefined}>{summary}</span>} />;
}
