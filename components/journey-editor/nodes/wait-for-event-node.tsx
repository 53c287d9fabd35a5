"use client";

import type { NodeProps } from "@xyflow/react";
import { formatDuration } from "../format-config";
import type { JourneyFlowNode } from "../editor-context";
import { NodeShell } from "./node-shell";

export function WaitForEventNode({ data, selected }: NodeProps<JourneyFlowNode<"wait_for_event">>) {
  const { eventName, timeout, matchKey } = data.node.config;
  const summary = eventName ? `${eventName}${matchKey ? ` (same ${matchKey})` : ""}, up to ${formatDuration(timeout)}` : "Choose an event";
  return <NodeShell data={data} selected={selected} summary={summary} />;
}
